import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAdmin } from '../../access/actor.ts';
import { incomingMail } from '../../db/schema/index.ts';
import { forbidden } from '../../lib/errors.ts';
import { errorResponses } from '../../lib/http-schemas.ts';
import { withActor } from '../../server/request-context.ts';

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

export function incomingMailRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/incoming-mail',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mail received, newest first, with what became of it (administrators)',
        description:
          'ticket_created, note_added, dropped (auto-replies, bounces, loops, repeats) or rejected (malformed, too large).',
        response: { 200: z.object({ items: z.array(incomingMailSchema) }), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async ({ tx, actor }) => {
        if (!isAdmin(actor)) throw forbidden('Only administrators read the mail log.');
        const rows = await tx.select().from(incomingMail).orderBy(desc(incomingMail.id)).limit(200);
        return { items: rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString() })) };
      }),
  );
}
