import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../app-route.tsx';

// People and organisation (#12 item 7): companies, resources, departments, locations, contacts, roles. '$…Id' is 'new' to add one.

export const adminPeopleRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/companies',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/company-list-page.tsx'),
      'CompanyListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/resources',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/resource-list-page.tsx'),
      'ResourceListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/departments',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/department-list-page.tsx'),
      'DepartmentListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/departments/$departmentId',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/department-page.tsx'),
      'DepartmentPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/locations',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/location-list-page.tsx'),
      'LocationListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/locations/$locationId',
    component: lazyRouteComponent(() => import('../../pages/admin-people/location-page.tsx'), 'LocationPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/contacts',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/contact-list-page.tsx'),
      'ContactListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/resources/$resourceId',
    component: lazyRouteComponent(() => import('../../pages/admin-people/resource-page.tsx'), 'ResourcePage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/roles',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/role-list-page.tsx'),
      'RoleListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/companies/$companyId',
    component: lazyRouteComponent(() => import('../../pages/admin-people/company-page.tsx'), 'CompanyPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/contacts/$contactId',
    component: lazyRouteComponent(() => import('../../pages/admin-people/contact-page.tsx'), 'ContactPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/roles/$roleId',
    component: lazyRouteComponent(() => import('../../pages/admin-people/role-page.tsx'), 'RolePage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/resources/new',
    component: lazyRouteComponent(
      () => import('../../pages/admin-people/new-resource-page.tsx'),
      'NewResourcePage',
    ),
  }),
] as const;
