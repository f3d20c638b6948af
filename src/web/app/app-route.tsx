import { createRootRoute, createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { queryClient, meQuery } from '../api/queries.ts';
import { NotFoundPage } from '../pages/not-found.tsx';
import { SignInPage } from '../pages/sign-in.tsx';
import { AppLayout } from './app-layout.tsx';
import { portalPathFor } from './portal-paths.ts';
import { usesPortal } from '../../shared/access-vocabulary.ts';

// The root and the signed-in frame, on their own so each area's routes (./routes/*) can hang
// under the frame without importing the router that assembles them.

export const rootRoute = createRootRoute({ notFoundComponent: () => <NotFoundPage /> });

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') ? { next: search.next } : {},
  component: SignInPage,
});

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../pages/password-reset.tsx'), 'ForgotPasswordPage'),
});

export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token: string } => ({
    token: typeof search.token === 'string' ? search.token : '',
  }),
  component: lazyRouteComponent(() => import('../pages/password-reset.tsx'), 'ResetPasswordPage'),
});

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    const me = await queryClient.query(meQuery);
    if (!me) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
    // A customer's end users and its internal help desk never meet the agent app: every address of
    // it leads into the portal.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- as above
    if (usesPortal(me.licence)) throw redirect({ href: portalPathFor(location.pathname) });
  },
  component: AppLayout,
  notFoundComponent: () => <NotFoundPage />,
});
