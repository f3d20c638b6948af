import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../app-route.tsx';

/** Where everyone lands after signing in: their dashboard. */
export const homeRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/home',
    component: lazyRouteComponent(() => import('../../pages/home/home-page.tsx'), 'HomePage'),
  }),
] as const;
