import { z } from 'zod';
import { cursorPart } from '../../lib/cursor.ts';
import { abilitiesSchema, pageQuery } from '../../lib/http-schemas.ts';
import { ticketListQuery } from '../ticket/ticket.schemas.ts';

/**
 * What a saved view may hold: the ticket list's filters and sort — not the
 * page position or size, which belong to the moment, not the view.
 */
const savedQuery = ticketListQuery.omit({ cursor: true, limit: true });
type SavedQueryKey = keyof typeof savedQuery.shape;
const savedQueryKeys = Object.keys(savedQuery.shape) as SavedQueryKey[];

/**
 * Stored exactly as the query string of `GET /api/v1/tickets` spells it
 * (string values), so the UI can put a view straight on the list URL. Each
 * value is still checked by the list's own schema, so a view can never hold
 * what the list would refuse.
 */
export const savedViewFilters = z
  .strictObject(
    Object.fromEntries(savedQueryKeys.map((key) => [key, z.string().max(500).optional()])) as Record<
      SavedQueryKey,
      z.ZodOptional<z.ZodString>
    >,
  )
  .superRefine((filters, context) => {
    const parsed = savedQuery.safeParse(filters);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  })
  .describe(
    'Filters and sort of GET /api/v1/tickets in query-string form (string values, e.g. {"open":"true","statusId":"1,3","sort":"-createdAt"})',
  );
export type SavedViewFilters = z.infer<typeof savedViewFilters>;

const viewName = z.string().trim().min(1).max(100);

export const ticketViewInput = z.strictObject({ name: viewName, filters: savedViewFilters });
export type TicketViewInput = z.infer<typeof ticketViewInput>;

export const ticketViewPatch = z
  .strictObject({ name: viewName.optional(), filters: savedViewFilters.optional() })
  .refine((patch) => patch.name !== undefined || patch.filters !== undefined, 'Send a name or filters.');
export type TicketViewPatch = z.infer<typeof ticketViewPatch>;

export const ticketViewListQuery = z.strictObject({ ...pageQuery });
export type TicketViewListQuery = z.infer<typeof ticketViewListQuery>;

/** Views are listed by name; the cursor is the last (name, id). */
export const ticketViewCursor = z.tuple([cursorPart.text, cursorPart.id]);

export const ticketViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});
export type TicketViewResponse = z.infer<typeof ticketViewSchema>;
