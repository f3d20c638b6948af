import { z } from 'zod';
import { abilitiesSchema, entityId, entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';
import { ticketSchema } from '../ticket/ticket.schemas.ts';

/** A worklist holds at most this many tickets (SPEC "Worklists"). */
export const worklistLimit = 25;

/** Cursor pages like every list; a page holds the whole worklist unless a smaller limit is asked for. */
export const worklistListQuery = z.strictObject({
  cursor: pageQuery.cursor,
  limit: z.coerce.number().int().min(1).max(worklistLimit).default(worklistLimit),
});
export type WorklistListQuery = z.infer<typeof worklistListQuery>;

export const worklistTicketParams = z.strictObject({
  ticketId: entityIdFromString,
});

export const worklistAddInput = z.strictObject({
  ticketId: entityId,
  /** A colleague's worklist instead of your own (MSP staff; the colleague must be able to see the ticket). */
  resourceId: entityId.optional(),
});
export type WorklistAddInput = z.infer<typeof worklistAddInput>;

export const worklistOrderInput = z.strictObject({
  /** Every ticket on your worklist, in the new order. */
  ticketIds: z
    .array(entityId)
    .max(worklistLimit)
    .refine((ids) => new Set(ids).size === ids.length, 'Each ticket may appear only once.'),
});
export type WorklistOrderInput = z.infer<typeof worklistOrderInput>;

export const worklistNextInput = z.strictObject({
  /** The ticket you just finished: taken off the list before the next one is picked. */
  doneTicketId: entityId.optional(),
});
export type WorklistNextInput = z.infer<typeof worklistNextInput>;

export const worklistTicketSchema = ticketSchema.pick({
  id: true,
  number: true,
  title: true,
  companyId: true,
  statusId: true,
  priorityId: true,
  queueId: true,
  categoryId: true,
  primaryResourceId: true,
  coManagedVisible: true,
  dueAt: true,
  lastActivityAt: true,
  completedAt: true,
  version: true,
  abilities: true,
});

export const worklistItemSchema = z.object({
  ticketId: z.number(),
  position: z.number(),
  addedAt: z.string(),
  addedByResourceId: z.number().nullable(),
  ticket: worklistTicketSchema,
  abilities: abilitiesSchema,
});
export type WorklistItemResponse = z.infer<typeof worklistItemSchema>;

export const worklistSchema = z.object({
  items: z.array(worklistItemSchema),
  nextCursor: z.string().nullable(),
  /** How many tickets a worklist may hold. */
  limit: z.number(),
  abilities: z.object({
    /** Whether you may put tickets on a colleague's worklist. */
    addForColleague: z.boolean(),
  }),
});
export type WorklistResponse = z.infer<typeof worklistSchema>;

export const worklistPlacementSchema = z.object({
  resourceId: z.number(),
  ticketId: z.number(),
  position: z.number(),
});
export type WorklistPlacement = z.infer<typeof worklistPlacementSchema>;

export const worklistNextSchema = z.object({ item: worklistItemSchema.nullable() });
