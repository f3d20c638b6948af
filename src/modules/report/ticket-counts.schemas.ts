import { z } from 'zod';
import { ticketFilters } from '../ticket/ticket.schemas.ts';

export const ticketGroupings = [
  'company',
  'status',
  'priority',
  'queue',
  'category',
  'assignee',
  'createdDay',
  'completedDay',
] as const;
export type TicketGrouping = (typeof ticketGroupings)[number];

/** The ticket list's own filters, plus what to group by: a widget counts exactly what the list shows. */
export const ticketCountsQuery = ticketFilters.extend({
  groupBy: z.enum(ticketGroupings).describe('What to count by; `assignee` is the primary resource'),
});
export type TicketCountsQuery = z.infer<typeof ticketCountsQuery>;

export const ticketCountGroupSchema = z.object({
  key: z
    .union([z.number(), z.string()])
    .nullable()
    .describe('The id, or the day (YYYY-MM-DD, UTC); null for "none" (no queue, unassigned, not completed)'),
  label: z.string().nullable().describe('The name as the reader may see it; null for "none"'),
  count: z.number(),
  filter: z
    .record(z.string(), z.string())
    .describe('Added to the request’s filters, GET /api/v1/tickets lists exactly the tickets of this group'),
});

export const ticketCountsResponse = z.object({ items: z.array(ticketCountGroupSchema) });
export type TicketCountsResponse = z.infer<typeof ticketCountsResponse>;
