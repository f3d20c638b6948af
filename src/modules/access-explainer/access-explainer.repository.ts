import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.ts';
import type { ExplainedObject } from './access-explainer.schemas.ts';

// What the explainer reads, as the administrator (who sees every row): the person, the row, and
// the grants that put a company in a co-managing user's reach.

const personRow = z.object({
  id: z.number(),
  first_name: z.string(),
  last_name: z.string(),
  active: z.boolean(),
  licence_type: z.string(),
});
export type PersonRow = z.infer<typeof personRow>;

export async function findPerson(tx: Executor, resourceId: number): Promise<PersonRow | null> {
  const [row] = await queryRows(
    tx,
    sql`SELECT id, first_name, last_name, active, licence_type::text AS licence_type FROM resources WHERE id = ${resourceId}`,
  );
  return row ? personRow.parse(row) : null;
}

const rowFacts = z.object({
  company_id: z.number(),
  ticket_id: z.number().nullable(),
  publish_level: z.string().nullable(),
  created_by: z.number().nullable(),
});
export type ExplainedRow = z.infer<typeof rowFacts>;

const rowQueries: Record<ExplainedObject, (id: number) => ReturnType<typeof sql>> = {
  ticket: (id) =>
    sql`SELECT company_id, id AS ticket_id, NULL::text AS publish_level, created_by_resource_id AS created_by FROM tickets WHERE id = ${id}`,
  note: (id) =>
    sql`SELECT company_id, ticket_id, publish_level::text AS publish_level, created_by_resource_id AS created_by FROM ticket_notes WHERE id = ${id}`,
  timeEntry: (id) =>
    sql`SELECT company_id, ticket_id, publish_level::text AS publish_level, resource_id AS created_by FROM time_entries WHERE id = ${id}`,
  attachment: (id) =>
    sql`SELECT company_id, ticket_id, publish_level::text AS publish_level, created_by_resource_id AS created_by FROM attachments WHERE id = ${id}`,
  company: (id) =>
    sql`SELECT id AS company_id, NULL::integer AS ticket_id, NULL::text AS publish_level, NULL::integer AS created_by FROM companies WHERE id = ${id}`,
  contact: (id) =>
    sql`SELECT company_id, NULL::integer AS ticket_id, NULL::text AS publish_level, NULL::integer AS created_by FROM contacts WHERE id = ${id}`,
};

export async function findExplainedRow(
  tx: Executor,
  object: ExplainedObject,
  id: number,
): Promise<ExplainedRow | null> {
  const [row] = await queryRows(tx, rowQueries[object](id));
  return row ? rowFacts.parse(row) : null;
}

const ticketRow = z.object({
  company_id: z.number(),
  number: z.string(),
  co_managed_visible: z.boolean(),
  primary_resource_id: z.number().nullable(),
  created_by_resource_id: z.number().nullable(),
  contact_id: z.number().nullable(),
  queue_id: z.number().nullable(),
  category_id: z.number(),
  secondary_resource_ids: z.array(z.number()),
});
export type ExplainedTicket = z.infer<typeof ticketRow>;

export async function findTicketFacts(tx: Executor, ticketId: number): Promise<ExplainedTicket | null> {
  const [row] = await queryRows(
    tx,
    sql`SELECT t.company_id, t.number, t.co_managed_visible, t.primary_resource_id, t.created_by_resource_id,
               t.contact_id, t.queue_id, t.category_id,
               ARRAY(SELECT s.resource_id FROM ticket_secondary_resources s WHERE s.ticket_id = t.id) AS secondary_resource_ids
          FROM tickets t WHERE t.id = ${ticketId}`,
  );
  return row ? ticketRow.parse(row) : null;
}

const companyRow = z.object({
  id: z.number(),
  name: z.string(),
  co_managed_enabled: z.boolean(),
  /** The company itself first, then its parents up to the top. */
  lineage: z.array(z.number()),
});
export type ExplainedCompany = z.infer<typeof companyRow>;

export async function findCompany(tx: Executor, companyId: number): Promise<ExplainedCompany | null> {
  const [row] = await queryRows(
    tx,
    sql`WITH RECURSIVE up(id, parent, depth) AS (
          SELECT c.id, c.parent_company_id, 0 FROM companies c WHERE c.id = ${companyId}
          UNION ALL SELECT c.id, c.parent_company_id, up.depth + 1 FROM companies c JOIN up ON c.id = up.parent)
        SELECT c.id, c.name, c.co_managed_enabled, ARRAY(SELECT up.id FROM up ORDER BY up.depth) AS lineage
          FROM companies c WHERE c.id = ${companyId}`,
  );
  return row ? companyRow.parse(row) : null;
}

const grantRow = z.object({
  company_id: z.number(),
  company_name: z.string(),
  include_subsidiaries: z.boolean(),
  team_name: z.string().nullable(),
});
export type CoManagedGrant = z.infer<typeof grantRow>;

/** A co-managing user's grants: direct ones (team_name null) and through each team they belong to. */
export async function findGrants(tx: Executor, resourceId: number): Promise<CoManagedGrant[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT a.company_id, c.name AS company_name, a.include_subsidiaries, t.name AS team_name
          FROM co_managed_associations a
          JOIN companies c ON c.id = a.company_id
          LEFT JOIN co_managing_teams t ON t.id = a.team_id
         WHERE a.resource_id = ${resourceId}
            OR a.team_id IN (SELECT m.team_id FROM co_managing_team_members m WHERE m.resource_id = ${resourceId})
         ORDER BY a.team_id NULLS FIRST, a.id`,
  );
  return rows.map((row) => grantRow.parse(row));
}
