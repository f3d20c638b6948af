// This area's routes, in a tuple so the router keeps their types (typed links):
//   export const adminOversightRoutes = [createRoute({ getParentRoute: () => appRoute, path: '/admin/…', component: lazyRouteComponent(…) }), …] as const;
export const adminOversightRoutes = [] as const;
