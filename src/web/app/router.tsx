import { createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { NotFoundPage } from '../pages/not-found.tsx';
import { TicketListPage } from '../pages/ticket-list/ticket-list-page.tsx';
import { validateTicketSearch } from '../pages/ticket-list/ticket-search.ts';
import { validateCoManagedSearch } from '../pages/admin-co-managed/co-managed-search.ts';
import { appRoute, forgotPasswordRoute, resetPasswordRoute, rootRoute, signInRoute } from './app-route.tsx';
import { adminAutomationRoutes } from './routes/admin-automation.tsx';
import { adminConfigRoutes } from './routes/admin-config.tsx';
import { adminOversightRoutes } from './routes/admin-oversight.tsx';
import { adminPeopleRoutes } from './routes/admin-people.tsx';
import { coManagedWizardRoutes } from './routes/co-managed-wizard.tsx';
import { homeRoutes } from './routes/home.tsx';
import { portalRoute, portalRoutes } from './routes/portal.tsx';

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
    throw redirect({ to: '/home' });
  },
});

export const ticketsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tickets',
  validateSearch: validateTicketSearch,
  component: TicketListPage,
});

const newTicketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tickets/new',
  component: lazyRouteComponent(() => import('../pages/new-ticket.tsx'), 'NewTicketPage'),
});

export const ticketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tickets/$ticketId',
  component: lazyRouteComponent(() => import('../pages/ticket-detail.tsx'), 'TicketDetailPage'),
});

const worklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/worklist',
  component: lazyRouteComponent(() => import('../pages/worklist.tsx'), 'WorklistPage'),
});

const companiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies',
  component: lazyRouteComponent(() => import('../pages/companies.tsx'), 'CompaniesPage'),
});

export const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies/$companyId',
  component: lazyRouteComponent(() => import('../pages/companies.tsx'), 'CompanyPage'),
});

const accountSecurityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/security',
  component: lazyRouteComponent(() => import('../pages/account-security.tsx'), 'AccountSecurityPage'),
});

const adminCoManagedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/co-managed',
  validateSearch: validateCoManagedSearch,
  component: lazyRouteComponent(
    () => import('../pages/admin-co-managed/admin-co-managed-page.tsx'),
    'AdminCoManagedPage',
  ),
});

const adminExplainRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/explain',
  component: lazyRouteComponent(
    () => import('../pages/admin-explain/admin-explain-page.tsx'),
    'AdminExplainPage',
  ),
});

const adminHomeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('../pages/admin/admin-home-page.tsx'), 'AdminHomePage'),
});

const adminActivationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/activations',
  component: lazyRouteComponent(() => import('../pages/admin/activations-page.tsx'), 'ActivationsPage'),
});

const adminBrandingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/branding',
  component: lazyRouteComponent(() => import('../pages/admin/branding-page.tsx'), 'BrandingPage'),
});

const adminSecurityLevelsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/security-levels',
  component: lazyRouteComponent(
    () => import('../pages/admin/security-levels-page.tsx'),
    'SecurityLevelsPage',
  ),
});

export const adminSecurityLevelRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/security-levels/$levelId',
  component: lazyRouteComponent(() => import('../pages/admin/security-level-page.tsx'), 'SecurityLevelPage'),
});

// The list and sign-in come with the first load; the other screens load when first opened.
/** Any other address inside the app: "not found" in the app's frame, after sign-in like every page. */
const unknownRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  portalRoute.addChildren([...portalRoutes]),
  appRoute.addChildren([
    indexRoute,
    ...homeRoutes,
    ticketsRoute,
    newTicketRoute,
    ticketRoute,
    worklistRoute,
    companiesRoute,
    companyRoute,
    accountSecurityRoute,
    adminCoManagedRoute,
    adminExplainRoute,
    adminHomeRoute,
    adminActivationsRoute,
    adminBrandingRoute,
    adminSecurityLevelsRoute,
    adminSecurityLevelRoute,
    ...adminConfigRoutes,
    ...adminPeopleRoutes,
    ...adminAutomationRoutes,
    ...adminOversightRoutes,
    ...coManagedWizardRoutes,
    unknownRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
