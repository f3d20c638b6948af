import { z } from 'zod';
import { entityIdListFromString } from '../../lib/http-schemas.ts';
import { slaObjectiveKinds } from '../sla/sla-objectives.ts';
import { ticketFilters } from '../ticket/ticket.schemas.ts';

const utcDay = z.iso.date().describe('a day, YYYY-MM-DD, in UTC');

// ── Open-ticket trend ────────────────────────────────────────────────────────
export const openTrendQuery = ticketFilters.extend({
  days: z.coerce.number().int().min(2).max(366).default(30).describe('How many days back, today included'),
});
export type OpenTrendQuery = z.infer<typeof openTrendQuery>;

export const openTrendResponse = z.object({
  items: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD (UTC)'),
      open: z.number().describe('Open at the end of the day; GET /tickets?openOn=<day> lists them'),
      created: z.number(),
      completed: z.number(),
    }),
  ),
});
export type OpenTrendResponse = z.infer<typeof openTrendResponse>;

// ── SLA performance ──────────────────────────────────────────────────────────
export const slaPerformanceQuery = ticketFilters.extend({
  days: z.coerce
    .number()
    .int()
    .min(2)
    .max(366)
    .default(30)
    .describe('The targets of tickets created in the last this many days, today included'),
});
export type SlaPerformanceQuery = z.infer<typeof slaPerformanceQuery>;

export const slaPerformanceResponse = z.object({
  from: utcDay.describe(
    'The first day of the period; GET /tickets?createdFrom=<from>&slaTarget=<objective>:<state> lists a figure',
  ),
  items: z.array(
    z.object({
      objective: z.enum(slaObjectiveKinds),
      met: z.number(),
      breached: z.number(),
      atRisk: z.number().describe('Running and past its warning time'),
      running: z.number().describe('Running, not yet at risk'),
      paused: z.number(),
    }),
  ),
});
export type SlaPerformanceResponse = z.infer<typeof slaPerformanceResponse>;

// ── Time logged ──────────────────────────────────────────────────────────────
export const timeGroupings = ['resource', 'workType', 'company', 'day'] as const;
export type TimeGrouping = (typeof timeGroupings)[number];

export const timeLoggedQuery = z.strictObject({
  groupBy: z.enum(timeGroupings),
  from: utcDay.optional().describe('First day of work, inclusive'),
  to: utcDay.optional().describe('Last day of work, inclusive'),
  companyId: entityIdListFromString.optional(),
});
export type TimeLoggedQuery = z.infer<typeof timeLoggedQuery>;

export const timeLoggedResponse = z.object({
  items: z.array(
    z.object({
      key: z.union([z.number(), z.string()]),
      label: z.string().nullable(),
      hours: z.number(),
      /** Money only for readers with "view internal cost" (ACCESS-MODEL §2 Money); absent for everyone else. */
      internalCost: z.number().optional(),
      billableAmount: z.number().optional(),
    }),
  ),
  /** Whether money is included for this reader. */
  withMoney: z.boolean(),
});
export type TimeLoggedResponse = z.infer<typeof timeLoggedResponse>;
