import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { meQuery, queryClient } from '../../api/queries.ts';
import { NotFoundPage } from '../../pages/not-found.tsx';
import { rootRoute } from '../app-route.tsx';
import { usesPortal } from '../../../shared/access-vocabulary.ts';

/**
 * The portal (#14): where a customer's end users and its internal help desk (Taskfire) land and
 * stay. Signed-out visitors go to the one sign-in page; everyone else — MSP staff, co-managing
 * users — belongs in the agent app.
 */
export const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  beforeLoad: async ({ location }) => {
    const me = await queryClient.query(meQuery);
    if (!me) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- as above
    if (!usesPortal(me.licence)) throw redirect({ to: '/home' });
  },
  component: lazyRouteComponent(() => import('../../pages/portal/portal-layout.tsx'), 'PortalLayout'),
  notFoundComponent: () => <NotFoundPage />,
});

export const portalRoutes = [
  createRoute({
    getParentRoute: () => portalRoute,
    path: '/',
    component: lazyRouteComponent(() => import('../../pages/portal/requests-page.tsx'), 'PortalRequestsPage'),
  }),
  createRoute({
    getParentRoute: () => portalRoute,
    path: '/new',
    component: lazyRouteComponent(
      () => import('../../pages/portal/new-request-page.tsx'),
      'PortalNewRequestPage',
    ),
  }),
  createRoute({
    getParentRoute: () => portalRoute,
    path: '/team',
    component: lazyRouteComponent(() => import('../../pages/portal/team-page.tsx'), 'PortalTeamPage'),
  }),
  createRoute({
    getParentRoute: () => portalRoute,
    path: '/account',
    component: lazyRouteComponent(() => import('../../pages/account-security.tsx'), 'AccountSecurityPage'),
  }),
  createRoute({
    getParentRoute: () => portalRoute,
    path: '/requests/$requestId',
    component: lazyRouteComponent(() => import('../../pages/portal/request-page.tsx'), 'PortalRequestPage'),
  }),
] as const;
