import { z } from 'zod';
import { entityId } from '../../lib/http-schemas.ts';
import { ticketGroupings } from '../report/ticket-counts.schemas.ts';
import { timeGroupings } from '../report/live-reports.schemas.ts';
import { ticketFilters } from '../ticket/ticket.schemas.ts';

const title = z.string().trim().min(1).max(100);
/** The ticket list's own query-string filters, checked as the list checks them. */
const filters = z
  .record(z.string().max(40), z.string().max(500))
  .superRefine((value, context) => {
    const parsed = ticketFilters.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  })
  .default({});
const days = z.number().int().min(2).max(366);

/** One widget: what it counts (the ticket list's filters) and how it shows it. Never a figure. */
export const widgetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), title, filters }),
  z.strictObject({
    kind: z.literal('groups'),
    title,
    groupBy: z.enum(ticketGroupings),
    display: z.enum(['bar', 'donut', 'table']),
    filters,
  }),
  z.strictObject({ kind: z.literal('trend'), title, days, filters }),
  // Widgets stored before SLA figures had a period count the last 30 days.
  z.strictObject({ kind: z.literal('sla'), title, days: days.default(30), filters }),
  z.strictObject({ kind: z.literal('time'), title, groupBy: z.enum(timeGroupings), days }),
  z.strictObject({ kind: z.literal('worklist'), title }),
  z.strictObject({ kind: z.literal('recent'), title }),
]);
export type WidgetDefinition = z.infer<typeof widgetSchema>;

export const dashboardInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  widgets: z.array(widgetSchema).max(24),
});
export type DashboardInput = z.infer<typeof dashboardInput>;

export const dashboardPatch = dashboardInput
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type DashboardPatch = z.infer<typeof dashboardPatch>;

export const sharesInput = z.strictObject({
  securityLevelIds: z.array(entityId).max(50).default([]),
  departmentIds: z.array(entityId).max(50).default([]),
  resourceIds: z.array(entityId).max(200).default([]),
});
export type SharesInput = z.infer<typeof sharesInput>;

export const dashboardSchema = z.object({
  id: z.number(),
  name: z.string(),
  widgets: z.array(widgetSchema),
  ownerName: z.string().nullable().describe('Who made it, by name'),
  mine: z.boolean().describe('Yours to change; a dashboard published to you is read-only'),
  /** Who it is published to: only for its owner. */
  shares: sharesInput.required().nullable(),
});
export type DashboardResponse = z.infer<typeof dashboardSchema>;

export const dashboardListSchema = z.object({
  items: z.array(dashboardSchema),
  /** The dashboard you land on; null: your kind of user's system default. */
  homeDashboardId: z.number().nullable(),
  abilities: z.object({ create: z.boolean(), share: z.boolean() }),
});
export type DashboardListResponse = z.infer<typeof dashboardListSchema>;

export const homeInput = z.strictObject({ dashboardId: entityId.nullable() });
