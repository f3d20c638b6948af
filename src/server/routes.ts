import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { companyRoutes } from '../modules/company/company.routes.ts';
import { coManagedRoutes } from '../modules/co-managed/co-managed.routes.ts';

/** Every API module, in one list. */
export function registerRoutes(app: FastifyInstance): void {
  authRoutes(app);
  companyRoutes(app);
  coManagedRoutes(app);
}
