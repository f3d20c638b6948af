import { z } from 'zod';
import {
  abilitiesSchema,
  entityId,
  entityIdFromString,
  entityIdListFromString,
  pageQuery,
} from '../../lib/http-schemas.ts';
import { slaStates, slaTargetStates } from '../../shared/access-vocabulary.ts';
import { slaObjectiveKinds } from '../sla/sla-objectives.ts';
import { ticketFieldNames } from './ticket-field-abilities.ts';

const hours = z
  .string()
  .regex(/^\d{1,6}(\.\d{1,2})?$/, 'a decimal number of hours, e.g. "1.50"')
  .or(
    z
      .number()
      .nonnegative()
      .max(999_999)
      .transform((value) => value.toFixed(2)),
  );

export const secondaryResourceInput = z.strictObject({
  resourceId: entityId,
  roleId: entityId.nullable().optional(),
});

const ticketFields = {
  title: z.string().trim().min(1).max(255),
  description: z.string().max(32_000),
  contactId: entityId.nullable(),
  statusId: entityId,
  priorityId: entityId,
  queueId: entityId.nullable(),
  categoryId: entityId,
  issueTypeId: entityId.nullable(),
  subIssueTypeId: entityId.nullable(),
  sourceId: entityId.nullable(),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  estimatedHours: hours.nullable(),
  primaryResourceId: entityId.nullable(),
  primaryRoleId: entityId.nullable(),
  secondaryResources: z.array(secondaryResourceInput).max(50),
  coManagedVisible: z.boolean(),
};

export const ticketInput = z.strictObject({
  ...z.object(ticketFields).partial().shape,
  title: ticketFields.title,
  /** Defaults to the actor's own company for customer-side actors. */
  companyId: entityId.optional(),
  /**
   * The portal form it is asked through: its category, queue and priority are the ticket's
   * defaults, and it says whether the description and the priority are asked or required.
   */
  requestTypeId: entityId.optional(),
  checklist: z
    .array(
      z.strictObject({ title: z.string().trim().min(1).max(200), important: z.boolean().default(false) }),
    )
    .max(100)
    .optional(),
});
export type TicketInput = z.infer<typeof ticketInput>;

export const ticketPatch = z
  .strictObject({
    ...z.object(ticketFields).partial().shape,
    /** The version the client read; `If-Match` works too. */
    version: z.number().int().positive().max(2_147_483_647).optional(),
  })
  .refine(
    (patch) => Object.keys(patch).some((key) => key !== 'version'),
    'Send at least one field to change.',
  );
export type TicketPatch = z.infer<typeof ticketPatch>;

export const ticketSorts = [
  '-lastActivityAt',
  'lastActivityAt',
  '-createdAt',
  'createdAt',
  'dueAt',
  '-dueAt',
] as const;
export type TicketSort = (typeof ticketSorts)[number];

const idList = entityIdListFromString;
const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');
/** Ids, or `none` for tickets without one (a report's "none" group drills in with it): `1,4,none`. */
const idListOrNone = z
  .string()
  .regex(/^([1-9][0-9]{0,9}|none)(,([1-9][0-9]{0,9}|none))*$/, 'comma-separated ids or none, digits only')
  .transform((value) => value.split(',').map((part) => (part === 'none' ? null : Number(part))))
  .pipe(z.array(entityId.nullable()));
/** A calendar day in UTC, as reports group by it. */
const utcDay = z.iso.date().describe('a day, YYYY-MM-DD, in UTC');

export const ticketFilters = z.strictObject({
  companyId: idList.optional(),
  statusId: idList.optional(),
  queueId: idListOrNone.optional(),
  priorityId: idList.optional(),
  categoryId: idList.optional(),
  /** A resource id, or `mine` for the signed-in actor (primary or secondary). */
  assignee: z.union([z.literal('mine'), entityIdFromString]).optional(),
  /** The primary resource only (`assignee` also matches secondaries); `none`: unassigned. */
  primaryResourceId: idListOrNone.optional(),
  createdOn: utcDay.optional(),
  /** Created on this UTC day or later: the SLA report's period. */
  createdFrom: utcDay.optional(),
  completedOn: utcDay.optional(),
  /** Open at the end of that day (created before, not completed by then): the trend's drill-in. */
  openOn: utcDay.optional(),
  /** `true`: not complete; `false`: complete. */
  open: booleanFlag.optional(),
  coManagedVisible: booleanFlag.optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  dueAfter: z.iso.datetime({ offset: true }).optional(),
  updatedAfter: z.iso.datetime({ offset: true }).optional(),
  updatedBefore: z.iso.datetime({ offset: true }).optional(),
  /** Where tickets stand against their SLA, comma-separated: `breached,at_risk`; `none`: no SLA. */
  sla: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(slaStates)).min(1))
    .optional(),
  /** One objective in one state, `first_response:breached`: an SLA performance figure's drill-in. */
  slaTarget: z
    .string()
    .regex(/^[a-z_]+:[a-zA-Z]+$/, 'objective:state, e.g. first_response:breached')
    .transform((value) => value.split(':'))
    .pipe(z.tuple([z.enum(slaObjectiveKinds), z.enum(slaTargetStates)]))
    .optional(),
  /** Full-text search over number, title, description and the notes the actor may read. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type TicketFilters = z.infer<typeof ticketFilters>;

export const ticketListQuery = ticketFilters.extend({
  sort: z.enum(ticketSorts).default('-lastActivityAt'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

export const ticketSchema = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  companyId: z.number(),
  contactId: z.number().nullable(),
  statusId: z.number(),
  /** Null for a portal user whose level does not show the MSP's priority (flag viewPriority). */
  priorityId: z.number().nullable(),
  queueId: z.number().nullable(),
  categoryId: z.number(),
  issueTypeId: z.number().nullable(),
  subIssueTypeId: z.number().nullable(),
  sourceId: z.number().nullable(),
  requestTypeId: z.number().nullable(),
  dueAt: z.string().nullable(),
  estimatedHours: z.string().nullable(),
  primaryResourceId: z.number().nullable(),
  /** Display name only (ACCESS-MODEL §2 People): whoever reads the ticket may name who works it. */
  primaryResourceName: z.string().nullable(),
  primaryRoleId: z.number().nullable(),
  secondaryResources: z.array(
    z.object({ resourceId: z.number(), roleId: z.number().nullable(), name: z.string().nullable() }),
  ),
  coManagedVisible: z.boolean(),
  version: z.number(),
  createdByResourceId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastActivityAt: z.string(),
  completedAt: z.string().nullable(),
  /** Where the ticket stands against its SLA (see ticket-sla-state.ts); null: no SLA applies. */
  sla: z
    .object({
      state: z.enum(slaStates).exclude(['none']),
      dueAt: z.string().nullable().describe('earliest due time of an objective not yet met'),
    })
    .nullable(),
  abilities: abilitiesSchema.extend({
    fields: z.array(z.enum(ticketFieldNames)).describe('The fields this reader may change (empty: none)'),
    transferToCoManaged: z.boolean(),
    escalateToMsp: z.boolean(),
    close: z.boolean().describe('May complete the ticket (POST /tickets/{id}/close)'),
    reopen: z.boolean().describe('May reopen the completed ticket (POST /tickets/{id}/reopen)'),
  }),
});
export type TicketResponse = z.infer<typeof ticketSchema>;

export const checklistItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  important: z.boolean(),
  position: z.number(),
  completedAt: z.string().nullable(),
  completedByResourceId: z.number().nullable(),
});

export const ticketDetailSchema = ticketSchema.extend({ checklist: z.array(checklistItemSchema) });

export const transferInput = z.strictObject({
  /** A co-managing user of the ticket's company; defaults to the company's primary. */
  resourceId: entityId.optional(),
  version: z.number().int().positive().max(2_147_483_647).optional(),
});

export const escalateInput = z.strictObject({
  /** Defaults to the queue marked as the MSP escalation target. */
  queueId: entityId.optional(),
  version: z.number().int().positive().max(2_147_483_647).optional(),
});

export const closeInput = z.strictObject({
  /** The version read; a stale one answers 409 with what changed. */
  version: z.number().int().positive().max(2_147_483_647).optional(),
});

export const historyListQuery = z.strictObject(pageQuery);
export type HistoryListQuery = z.infer<typeof historyListQuery>;

export const historySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorResourceId: z.number().nullable(),
  /** Null for a change made by the system, or by someone the reader may not name. */
  actorName: z.string().nullable(),
  kind: z.string(),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
