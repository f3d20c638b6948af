import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { auditViewAsRequest } from './view-as.service.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The only writes while viewing as someone: going back, and signing out. */
const allowedWrites = new Set(['POST /api/v1/admin/view-as/end', 'POST /api/v1/auth/logout']);

/** While viewing as someone the app is read-only: every other write is a 403 `read_only_view`, before any work. */
export function refuseWritesWhileViewingAs(request: FastifyRequest): void {
  if (request.viewingAs === null || safeMethods.has(request.method)) return;
  if (allowedWrites.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return;
  throw new AppError(
    'read_only_view',
    'You are viewing the app as someone else: it is read-only. Go back to your account to make changes.',
  );
}

/** Every request made while viewing as someone leaves one audit row (one INSERT, after the answer). */
export async function auditWhileViewingAs(request: FastifyRequest, status: number): Promise<void> {
  if (request.viewingAs === null || request.actor === null) return;
  await auditViewAsRequest(request.server.db, request.viewingAs, request.actor.resourceId, {
    method: request.method,
    path: request.url.split('?')[0] ?? '',
    status,
  });
}
