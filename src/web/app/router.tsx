import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { queryClient, meQuery } from '../api/queries.ts';
import { CompaniesPage, CompanyPage } from '../pages/companies.tsx';
import { NewTicketPage } from '../pages/new-ticket.tsx';
import { NotFoundPage } from '../pages/not-found.tsx';
import { SignInPage } from '../pages/sign-in.tsx';
import { TicketDetailPage } from '../pages/ticket-detail.tsx';
import { TicketListPage, validateTicketSearch } from '../pages/ticket-list.tsx';
import { WorklistPage } from '../pages/worklist.tsx';
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
  component: NewTicketPage,
});

export const ticketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tickets/$ticketId',
  component: TicketDetailPage,
});

const worklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/worklist',
  component: WorklistPage,
});

const companiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies',
  component: CompaniesPage,
});

export const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies/$companyId',
  component: CompanyPage,
});

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
