import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../app-route.tsx';

// "Enable co-managed access" on a contact (#12 item 3): a wizard ending in a dry run of the save.
export const coManagedWizardRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/co-managed/enable/$contactId',
    component: lazyRouteComponent(
      () => import('../../pages/admin-co-managed-wizard/co-managed-wizard-page.tsx'),
      'CoManagedWizardPage',
    ),
  }),
] as const;
