import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../app-route.tsx';

// Ticket configuration (#12 item 7): one generic list and form for the nine configuration tables
// (/admin/config/$kind, described in pages/admin-config/config-kinds.ts), and the SLAs.

export const adminConfigRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/config',
    component: lazyRouteComponent(
      () => import('../../pages/admin-config/config-home-page.tsx'),
      'ConfigHomePage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/config/slas',
    component: lazyRouteComponent(() => import('../../pages/admin-config/sla-list-page.tsx'), 'SlaListPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/config/slas/$slaId',
    component: lazyRouteComponent(() => import('../../pages/admin-config/sla-form-page.tsx'), 'SlaFormPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/config/$kind',
    component: lazyRouteComponent(
      () => import('../../pages/admin-config/config-list-page.tsx'),
      'ConfigListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/config/$kind/$id',
    component: lazyRouteComponent(
      () => import('../../pages/admin-config/config-form-page.tsx'),
      'ConfigFormPage',
    ),
  }),
] as const;
