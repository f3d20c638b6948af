import type { FastifyInstance } from 'fastify';
import { departmentRoutes } from './department.routes.ts';
import { locationRoutes } from './location.routes.ts';
import { roleRoutes } from './role.routes.ts';

/** Departments, locations and roles: one entry for the route list. */
export function organisationRoutes(app: FastifyInstance): void {
  departmentRoutes(app);
  locationRoutes(app);
  roleRoutes(app);
}
