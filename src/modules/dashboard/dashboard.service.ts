import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import {
  dashboardHomes,
  dashboardShares,
  dashboards,
  departments,
  resources,
  securityLevels,
} from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { displayNamesOf } from '../resource/person-names.ts';
import {
  assertMayCreate,
  assertMayShare,
  mayCreateDashboards,
  mayShareDashboards,
} from './dashboard.policy.ts';
import type {
  DashboardInput,
  DashboardListResponse,
  DashboardPatch,
  DashboardResponse,
  SharesInput,
  WidgetDefinition,
} from './dashboard.schemas.ts';

type DashboardRow = typeof dashboards.$inferSelect;

/** Own dashboards and those published to the actor (as the RLS policies say): one predicate for lists and rows. */
function visibleDashboards(actor: Actor): SQL {
  const sharedWithActor = sql`EXISTS (SELECT 1 FROM ${dashboardShares} s WHERE s.dashboard_id = ${dashboards.id}
    AND (s.resource_id = ${actor.resourceId} OR s.security_level_id = ${actor.securityLevel.id}
         OR s.department_id = (SELECT r.department_id FROM ${resources} r WHERE r.id = ${actor.resourceId})))`;
  return or(eq(dashboards.resourceId, actor.resourceId), sharedWithActor) ?? sharedWithActor;
}

async function sharesOf(context: ActorContext, dashboardId: number): Promise<Required<SharesInput>> {
  const rows = await context.tx
    .select()
    .from(dashboardShares)
    .where(eq(dashboardShares.dashboardId, dashboardId));
  const ids = (pick: (row: (typeof rows)[number]) => number | null) =>
    rows.map(pick).filter((id): id is number => id !== null);
  return {
    securityLevelIds: ids((row) => row.securityLevelId),
    departmentIds: ids((row) => row.departmentId),
    resourceIds: ids((row) => row.resourceId),
  };
}

async function present(context: ActorContext, rows: DashboardRow[]): Promise<DashboardResponse[]> {
  const names = await displayNamesOf(
    context.tx,
    rows.map((row) => row.resourceId),
  );
  const presented: DashboardResponse[] = [];
  for (const row of rows) {
    const mine = row.resourceId === context.actor.resourceId;
    presented.push({
      id: row.id,
      name: row.name,
      widgets: row.widgets as WidgetDefinition[],
      ownerName: names.get(row.resourceId) ?? null,
      mine,
      shares: mine ? await sharesOf(context, row.id) : null,
    });
  }
  return presented;
}

export async function listDashboards(context: ActorContext): Promise<DashboardListResponse> {
  const rows = await context.tx
    .select()
    .from(dashboards)
    .where(visibleDashboards(context.actor))
    .orderBy(asc(sql`lower(${dashboards.name})`), asc(dashboards.id))
    .limit(200);
  const [home] = await context.tx
    .select({ dashboardId: dashboardHomes.dashboardId })
    .from(dashboardHomes)
    .where(eq(dashboardHomes.resourceId, context.actor.resourceId));
  const visibleHome = home && rows.some((row) => row.id === home.dashboardId) ? home.dashboardId : null;
  return {
    items: await present(context, rows),
    homeDashboardId: visibleHome,
    abilities: { create: mayCreateDashboards(context.actor), share: mayShareDashboards(context.actor) },
  };
}

async function findVisible(context: ActorContext, id: number): Promise<DashboardRow> {
  const [row] = await context.tx
    .select()
    .from(dashboards)
    .where(and(eq(dashboards.id, id), visibleDashboards(context.actor)));
  if (!row) throw notFound('Dashboard');
  return row;
}

/** The owner's own; a dashboard published to the actor is read-only (403), anyone else's 404. */
async function findOwn(context: ActorContext, id: number): Promise<DashboardRow> {
  const row = await findVisible(context, id);
  if (row.resourceId !== context.actor.resourceId) {
    throw forbidden('This dashboard was published to you read-only. Copy it to change your own.');
  }
  return row;
}

export async function getDashboard(context: ActorContext, id: number): Promise<DashboardResponse> {
  const [presented] = await present(context, [await findVisible(context, id)]);
  if (!presented) throw notFound('Dashboard');
  return presented;
}

export async function createDashboard(
  context: ActorContext,
  input: DashboardInput,
): Promise<DashboardResponse> {
  assertMayCreate(context.actor);
  const [row] = await context.tx
    .insert(dashboards)
    .values({ resourceId: context.actor.resourceId, name: input.name, widgets: input.widgets })
    .returning();
  if (!row) throw new AppError('internal_error', 'The dashboard was not saved.');
  await recordAudit(context, { action: 'create', entityType: 'dashboard', entityId: row.id, after: row });
  return getDashboard(context, row.id);
}

export async function updateDashboard(
  context: ActorContext,
  id: number,
  patch: DashboardPatch,
): Promise<DashboardResponse> {
  const before = await findOwn(context, id);
  await context.tx
    .update(dashboards)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(dashboards.id, id));
  await recordAudit(context, {
    action: 'update',
    entityType: 'dashboard',
    entityId: id,
    before,
    after: patch,
  });
  return getDashboard(context, id);
}

export async function deleteDashboard(context: ActorContext, id: number): Promise<void> {
  const before = await findOwn(context, id);
  await context.tx.delete(dashboards).where(eq(dashboards.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'dashboard', entityId: id, before });
}

/** Every id must name a row the actor can see (RLS applies): one they cannot is "not found". */
async function assertAllExist(
  context: ActorContext,
  table: typeof securityLevels | typeof departments | typeof resources,
  ids: number[],
  field: string,
) {
  if (ids.length === 0) return;
  const found = await context.tx.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0)
    throw new AppError('not_found', 'Some recipients were not found.', { field, ids: missing });
}

export async function replaceShares(
  context: ActorContext,
  id: number,
  input: SharesInput,
): Promise<DashboardResponse> {
  await findOwn(context, id);
  const unique = {
    securityLevelIds: [...new Set(input.securityLevelIds)],
    departmentIds: [...new Set(input.departmentIds)],
    resourceIds: [...new Set(input.resourceIds)].filter(
      (resourceId) => resourceId !== context.actor.resourceId,
    ),
  };
  assertMayShare(context.actor, unique.securityLevelIds.length + unique.departmentIds.length > 0);
  await assertAllExist(context, securityLevels, unique.securityLevelIds, 'securityLevelIds');
  await assertAllExist(context, departments, unique.departmentIds, 'departmentIds');
  await assertAllExist(context, resources, unique.resourceIds, 'resourceIds');
  const before = await sharesOf(context, id);
  await context.tx.delete(dashboardShares).where(eq(dashboardShares.dashboardId, id));
  const rows = [
    ...unique.securityLevelIds.map((securityLevelId) => ({ dashboardId: id, securityLevelId })),
    ...unique.departmentIds.map((departmentId) => ({ dashboardId: id, departmentId })),
    ...unique.resourceIds.map((resourceId) => ({ dashboardId: id, resourceId })),
  ];
  if (rows.length > 0) await context.tx.insert(dashboardShares).values(rows);
  await recordAudit(context, {
    action: 'share',
    entityType: 'dashboard',
    entityId: id,
    before,
    after: unique,
  });
  return getDashboard(context, id);
}

/** Where the actor lands: one of the dashboards they see, or null for their kind of user's default. */
export async function setHomeDashboard(
  context: ActorContext,
  dashboardId: number | null,
): Promise<{ homeDashboardId: number | null }> {
  const { tx, actor } = context;
  await tx.delete(dashboardHomes).where(eq(dashboardHomes.resourceId, actor.resourceId));
  if (dashboardId !== null) {
    await findVisible(context, dashboardId);
    await tx.insert(dashboardHomes).values({ resourceId: actor.resourceId, dashboardId });
  }
  return { homeDashboardId: dashboardId };
}
