import { desc, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../access/authorize.ts';
import { incomingMail } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, toPage } from '../../lib/cursor.ts';
import { errorResponses, pageOf, pageQuery } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';

const incomingMailSchema = z.object({
  id: z.number(),
  channel: z.string(),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  subject: z.string().nullable(),
  sizeBytes: z.number(),
  outcome: z.string(),
  reason: z.string().nullable(),
  ticketId: z.number().nullable(),
  noteId: z.number().nullable(),
  receivedAt: z.string(),
});

const incomingMailListQuery = z.strictObject(pageQuery);
const incomingMailCursor = z.tuple([cursorPart.id]);

export function incomingMailRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/incoming-mail',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mail received, newest first, with what became of it, cursor-paginated (administrators)',
        description:
          'ticket_created, note_added, dropped (auto-replies, bounces, loops, repeats) or rejected (malformed, too large).',
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
          .select()
          .from(incomingMail)
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
