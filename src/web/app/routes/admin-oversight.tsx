import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateAuditSearch } from '../../pages/admin-oversight/audit-search.ts';
import { appRoute } from '../app-route.tsx';

// Oversight (#12 item 7): the audit log (filters in the URL) and the incoming mail log.

export const adminOversightRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/audit',
    validateSearch: validateAuditSearch,
    component: lazyRouteComponent(
      () => import('../../pages/admin-oversight/audit-log-page.tsx'),
      'AuditLogPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/incoming-mail',
    component: lazyRouteComponent(
      () => import('../../pages/admin-oversight/incoming-mail-page.tsx'),
      'IncomingMailPage',
    ),
  }),
] as const;
