import { desc, eq, getTableColumns, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../access/authorize.ts';
import { incomingMail, tickets } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, toPage } from '../../lib/cursor.ts';
import { errorResponses, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { incomingMailListQuery, incomingMailSchema } from './incoming-mail.schemas.ts';

const incomingMailCursor = z.tuple([cursorPart.id]);

export function incomingMailRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/incoming-mail',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mail received, newest first, with what became of it, cursor-paginated (administrators)',
        description:
          'ticket_created, note_added, dropped (auto-replies, bounces, loops, repeats) or rejected (malformed, too large). ' +
          'ticketNumber names the ticket created or added to, while it exists.',
        querystring: incomingMailListQuery,
        response: { 200: pageOf(incomingMailSchema), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async ({ tx, actor }) => {
        requireAdmin(actor, 'read the mail log');
        const { cursor, limit } = request.query;
        const after = cursor === undefined ? null : decodeCursor(cursor, incomingMailCursor)[0];
        const rows = await tx
          .select({ ...getTableColumns(incomingMail), ticketNumber: tickets.number })
          .from(incomingMail)
          .leftJoin(tickets, eq(tickets.id, incomingMail.ticketId))
          .where(after === null ? undefined : lt(incomingMail.id, after))
          .orderBy(desc(incomingMail.id))
          .limit(limit + 1);
        return toPage(
          rows,
          limit,
          (row) => [row.id],
          (row) => ({ ...row, receivedAt: row.receivedAt.toISOString() }),
        );
      }),
  );
}
