import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { queryClient, meQuery } from '../api/queries.ts';
import { NotFoundPage } from '../pages/not-found.tsx';
import { SignInPage } from '../pages/sign-in.tsx';
import { TicketListPage, validateTicketSearch } from '../pages/ticket-list.tsx';
import { AppLayout } from './app-layout.tsx';

const rootRoute = createRootRoute({ notFoundComponent: () => <NotFoundPage /> });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') ? { next: search.next } : {},
  component: SignInPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    const me = await queryClient.query(meQuery);
    if (!me) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
  },
  component: AppLayout,
  notFoundComponent: () => <NotFoundPage />,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
    throw redirect({ to: '/tickets' });
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

// The list and sign-in come with the first load; the other screens load when first opened.
const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    ticketsRoute,
    newTicketRoute,
    ticketRoute,
    worklistRoute,
    companiesRoute,
    companyRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
