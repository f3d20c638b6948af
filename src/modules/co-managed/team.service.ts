import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { isMspActor } from '../../access/actor.ts';
import { coManagingTeamMembers, coManagingTeams, resources } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { assertCoManagedActive, assertMayAdministerCoManaged } from './co-managed.policy.ts';
import type { TeamListQuery, TeamResponse } from './co-managed.schemas.ts';

type TeamRow = typeof coManagingTeams.$inferSelect;

/** MSP staff see every team; a co-managing user sees the teams they belong to. */
function teamScope(context: ActorContext): SQL {
  if (isMspActor(context.actor)) return sql`true`;
  return sql`${coManagingTeams.id} IN (SELECT team_id FROM co_managing_team_members WHERE resource_id = ${context.actor.resourceId})`;
}

async function present(context: ActorContext, rows: TeamRow[]): Promise<TeamResponse[]> {
  const members =
    rows.length === 0
      ? []
      : await context.tx
          .select()
          .from(coManagingTeamMembers)
          .where(
            inArray(
              coManagingTeamMembers.teamId,
              rows.map((row) => row.id),
            ),
          );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    memberIds: members.filter((member) => member.teamId === row.id).map((member) => member.resourceId),
  }));
}

const teamCursor = z.tuple([cursorPart.text, cursorPart.id]);

export async function listTeams(context: ActorContext, query: TeamListQuery): Promise<Page<TeamResponse>> {
  assertCoManagedActive(context.actor);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, teamCursor);
  const rows = await context.tx
    .select()
    .from(coManagingTeams)
    .where(
      and(
        teamScope(context),
        after === null
          ? undefined
          : sql`(${coManagingTeams.name}, ${coManagingTeams.id}) > (${after[0]}, ${after[1]})`,
      ),
    )
    .orderBy(asc(coManagingTeams.name), asc(coManagingTeams.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => row,
  );
  return { items: await present(context, page.items), nextCursor: page.nextCursor };
}

export async function getTeam(context: ActorContext, id: number): Promise<TeamResponse> {
  assertCoManagedActive(context.actor);
  const rows = await context.tx
    .select()
    .from(coManagingTeams)
    .where(sql`${teamScope(context)} AND ${coManagingTeams.id} = ${id}`);
  const [team] = await present(context, rows);
  if (!team) throw notFound('Team');
  return team;
}

export async function createTeam(
  context: ActorContext,
  input: { name: string; description?: string | null | undefined },
): Promise<TeamResponse> {
  assertMayAdministerCoManaged(context.actor);
  const [row] = await context.tx.insert(coManagingTeams).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The team was not saved.');
  await recordAudit(context, {
    action: 'create',
    entityType: 'co_managing_team',
    entityId: row.id,
    after: row,
  });
  return getTeam(context, row.id);
}

export async function updateTeam(
  context: ActorContext,
  id: number,
  patch: { name?: string | undefined; description?: string | null | undefined },
): Promise<TeamResponse> {
  assertMayAdministerCoManaged(context.actor);
  const before = await getTeam(context, id);
  await context.tx
    .update(coManagingTeams)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(coManagingTeams.id, id));
  const after = await getTeam(context, id);
  await recordAudit(context, {
    action: 'update',
    entityType: 'co_managing_team',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteTeam(context: ActorContext, id: number): Promise<void> {
  assertMayAdministerCoManaged(context.actor);
  const before = await getTeam(context, id);
  await context.tx.delete(coManagingTeams).where(eq(coManagingTeams.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'co_managing_team', entityId: id, before });
}

export async function replaceTeamMembers(
  context: ActorContext,
  id: number,
  resourceIds: number[],
): Promise<TeamResponse> {
  assertMayAdministerCoManaged(context.actor);
  const before = await getTeam(context, id);
  const wanted = [...new Set(resourceIds)];
  if (wanted.length > 0) {
    const found = await context.tx
      .select({ id: resources.id, licenceType: resources.licenceType })
      .from(resources)
      .where(inArray(resources.id, wanted));
    const missing = wanted.filter((resourceId) => !found.some((row) => row.id === resourceId));
    if (missing.length > 0)
      throw new AppError('not_found', 'Some resources were not found.', { resourceIds: missing });
    const notCoManaging = found.filter((row) => row.licenceType !== 'co_managed').map((row) => row.id);
    if (notCoManaging.length > 0) {
      throw new AppError('unprocessable', 'Teams hold co-managing users only.', {
        resourceIds: notCoManaging,
      });
    }
  }
  await context.tx.delete(coManagingTeamMembers).where(eq(coManagingTeamMembers.teamId, id));
  if (wanted.length > 0) {
    await context.tx
      .insert(coManagingTeamMembers)
      .values(wanted.map((resourceId) => ({ teamId: id, resourceId })));
  }
  const after = await getTeam(context, id);
  await recordAudit(context, {
    action: 'replace_members',
    entityType: 'co_managing_team',
    entityId: id,
    before,
    after,
  });
  return after;
}
