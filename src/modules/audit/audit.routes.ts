import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { auditEntrySchema, auditListQuery } from './audit.schemas.ts';
import { listAuditLog } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first, cursor-paginated (administrators)',
        description:
          'Filter by entityType (with entityId, e.g. company / 12), actorResourceId, companyId (the company ' +
          'an entry concerns: the company itself, or the company of its ticket, note, time entry, file, ' +
          'contact or person) and a time range (occurredFrom inclusive, occurredBefore exclusive, ISO 8601 ' +
          'with offset). Each entry names its actor (actorName; actorCoManaged when the actor is a ' +
          'co-managing user), the administrator who acted while viewing as them (impersonatorName), its ' +
          'ticket (ticketId, ticketNumber) and company (companyId, companyName). Before/after snapshots ' +
          'and entityName of money (role_rate) are null for administrators without "view internal cost".',
        querystring: auditListQuery,
        response: { 200: pageOf(auditEntrySchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listAuditLog(context, request.query)),
  );
}
