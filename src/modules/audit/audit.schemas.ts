import { z } from 'zod';
import { entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';

const instant = z.iso.datetime({ offset: true });

export const auditListQuery = z
  .strictObject({
    ...pageQuery,
    entityType: z
      .string()
      .trim()
      .regex(/^[a-z][a-z_]{0,99}$/, 'an entity type: lower-case letters and underscores (ticket, company, …)')
      .optional(),
    entityId: z.string().trim().min(1).max(100).optional(),
    actorResourceId: entityIdFromString.optional(),
    /** The company the entry concerns (see `companyId` in the answer). */
    companyId: entityIdFromString.optional(),
    /** Entries at or after this instant. */
    occurredFrom: instant.optional(),
    /** Entries before this instant (exclusive, so a day's range is [day, next day)). */
    occurredBefore: instant.optional(),
  })
  .superRefine((query, issues) => {
    if (query.entityId !== undefined && query.entityType === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['entityId'],
        message: 'An entity id needs its entityType (ids repeat across types).',
      });
    }
    if (
      query.occurredFrom !== undefined &&
      query.occurredBefore !== undefined &&
      Date.parse(query.occurredFrom) >= Date.parse(query.occurredBefore)
    ) {
      issues.addIssue({
        code: 'custom',
        path: ['occurredBefore'],
        message: 'occurredBefore must be later than occurredFrom.',
      });
    }
  });
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorResourceId: z.number().nullable(),
  /** The actor's display name (a person is never shown by id); null only without an actor. */
  actorName: z.string().nullable(),
  /** The actor is a co-managing user (licence `co_managed`, as the person's account stands now). */
  actorCoManaged: z.boolean(),
  /** The administrator who acted while viewing as the actor ("view as"), else null. */
  impersonatorResourceId: z.number().nullable(),
  impersonatorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /**
   * What the entry's object is called where that is known: a person's or company's name, a
   * configuration row's name, a contact's name; null otherwise (and for money entries without
   * "view internal cost").
   */
  entityName: z.string().nullable(),
  /** The ticket the entry belongs to: the ticket itself, or the ticket of a note, time entry, attachment or worklist item. */
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  /**
   * The company the entry concerns: the company itself, the company of a ticket (or its note, time
   * entry, attachment), of a contact or person, or the `companyId` its snapshot names.
   */
  companyId: z.number().nullable(),
  companyName: z.string().nullable(),
  /** The entity as it was before and after the change (JSON), null where there is no such side. */
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;
