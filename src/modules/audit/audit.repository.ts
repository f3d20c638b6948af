import { and, desc, eq, getTableColumns, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { auditLog, companies, contacts, personNames, resources, tickets } from '../../db/schema/index.ts';
import { displayNameOf } from '../resource/person-names.ts';
import type { AuditListQuery } from './audit.schemas.ts';

/**
 * Text that holds an id (an entity id, a snapshot's field) as an integer, else null: the log keeps
 * ids as text and snapshots as JSON, and a malformed one must not fail the whole page.
 */
const asId = (text: SQL) =>
  sql<number | null>`(CASE WHEN ${text} ~ '^[1-9][0-9]{0,8}$' THEN (${text})::int END)`;

/** A field of the after snapshot, else of the before snapshot (a delete has only the before). */
const snapshotText = (field: string) =>
  sql`coalesce(${auditLog.after} ->> ${sql.raw(`'${field}'`)}, ${auditLog.before} ->> ${sql.raw(`'${field}'`)})`;

const entityIdNumber = asId(sql`${auditLog.entityId}`);

/** The ticket an entry belongs to: the ticket, or the ticket its note, time entry, file or worklist item is on. */
const ticketIdOf = sql<number | null>`(CASE ${auditLog.entityType}
  WHEN 'ticket' THEN ${entityIdNumber}
  WHEN 'ticket_note' THEN ${asId(snapshotText('ticketId'))}
  WHEN 'time_entry' THEN ${asId(snapshotText('ticketId'))}
  WHEN 'attachment' THEN ${asId(snapshotText('ticketId'))}
  WHEN 'worklist_item' THEN ${asId(sql`split_part(${auditLog.entityId}, ':', 2)`)}
END)`;

/**
 * The company an entry concerns: the company itself; else the company its snapshot names (a ticket,
 * note, time entry, contact or person at the time of the change); else the company of its ticket,
 * contact or person as they are now. Read under the reader's RLS, like every other row.
 */
const companyIdOf = sql<number | null>`coalesce(
  CASE WHEN ${auditLog.entityType} = 'company' THEN ${entityIdNumber} END,
  ${asId(snapshotText('companyId'))},
  (SELECT t.company_id FROM ${tickets} t WHERE t.id = ${ticketIdOf}),
  CASE ${auditLog.entityType}
    WHEN 'resource' THEN (SELECT r.company_id FROM ${resources} r WHERE r.id = ${entityIdNumber})
    WHEN 'contact' THEN (SELECT c.company_id FROM ${contacts} c WHERE c.id = ${entityIdNumber})
  END
)`;

/** What the object is called: a person's or company's name as it is now, else the snapshot's name. */
const entityNameOf = sql<string | null>`coalesce(
  CASE ${auditLog.entityType}
    WHEN 'resource' THEN (SELECT pn.display_name FROM ${personNames} pn WHERE pn.resource_id = ${entityIdNumber})
    WHEN 'company' THEN (SELECT c.name FROM ${companies} c WHERE c.id = ${entityIdNumber})
    WHEN 'contact' THEN nullif(btrim(concat_ws(' ', ${snapshotText('firstName')}, ${snapshotText('lastName')})), '')
  END,
  ${snapshotText('name')},
  ${snapshotText('title')}
)`;

const auditColumns = {
  ...getTableColumns(auditLog),
  actorName: displayNameOf(auditLog.actorResourceId),
  actorCoManaged: sql<boolean>`coalesce((SELECT r.licence_type = 'co_managed' FROM ${resources} r WHERE r.id = ${auditLog.actorResourceId}), false)`,
  impersonatorName: displayNameOf(auditLog.impersonatorResourceId),
  entityName: entityNameOf,
  ticketId: ticketIdOf,
  companyId: companyIdOf,
};

export type AuditRow = typeof auditLog.$inferSelect & {
  actorName: string | null;
  actorCoManaged: boolean;
  impersonatorName: string | null;
  entityName: string | null;
  ticketId: number | null;
  companyId: number | null;
};

/**
 * Newest first by id (ids grow with time and, unlike timestamps, never tie). The derived columns
 * (names, ticket, company) are computed for the page's rows only; a company filter evaluates the
 * company of each row it passes over, so it scans the log newest first until the page is full.
 */
export async function listAuditEntries(
  tx: Transaction,
  query: Omit<AuditListQuery, 'cursor'>,
  beforeId: number | null,
): Promise<AuditRow[]> {
  return tx
    .select(auditColumns)
    .from(auditLog)
    .where(
      and(
        query.entityType === undefined ? undefined : eq(auditLog.entityType, query.entityType),
        query.entityId === undefined ? undefined : eq(auditLog.entityId, query.entityId),
        query.actorResourceId === undefined ? undefined : eq(auditLog.actorResourceId, query.actorResourceId),
        query.companyId === undefined ? undefined : sql`${companyIdOf} = ${query.companyId}`,
        query.occurredFrom === undefined ? undefined : gte(auditLog.occurredAt, new Date(query.occurredFrom)),
        query.occurredBefore === undefined
          ? undefined
          : lt(auditLog.occurredAt, new Date(query.occurredBefore)),
        beforeId === null ? undefined : lt(auditLog.id, beforeId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
}

/** Ticket numbers and company names of a page's entries, in two indexed reads. */
export async function auditReferenceNames(
  tx: Transaction,
  ticketIds: readonly number[],
  companyIds: readonly number[],
): Promise<{ ticketNumbers: ReadonlyMap<number, string>; companyNames: ReadonlyMap<number, string> }> {
  // One after the other: a transaction is one connection.
  const ticketRows =
    ticketIds.length === 0
      ? []
      : await tx
          .select({ id: tickets.id, number: tickets.number })
          .from(tickets)
          .where(inArray(tickets.id, [...ticketIds]));
  const companyRows =
    companyIds.length === 0
      ? []
      : await tx
          .select({ id: companies.id, name: companies.name })
          .from(companies)
          .where(inArray(companies.id, [...companyIds]));
  return {
    ticketNumbers: new Map(ticketRows.map((row) => [row.id, row.number])),
    companyNames: new Map(companyRows.map((row) => [row.id, row.name])),
  };
}
