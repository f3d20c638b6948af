import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { canViewInternalCost } from '../../access/actor.ts';
import { roles } from '../../db/schema/index.ts';
import { decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { assertMaySetRoleRates } from './organisation.policy.ts';
import { nameCursor } from './organisation.schemas.ts';
import { presentRole } from './role.presenter.ts';
import {
  countResourcesWithRole,
  findRole,
  listRoles,
  roleColumnsOf,
  type RoleRates,
  type RoleWithRates,
  upsertRoleRates,
} from './role.repository.ts';
import type { RoleInput, RoleListQuery, RolePatch, RoleResponse } from './role.schemas.ts';

// Rates are audited as their own entity ('role_rate') so the audit log can hide money
// from administrators without "view internal cost" while still showing the role's changes.

export async function listAllRoles(
  { tx, actor }: ActorContext,
  query: RoleListQuery,
): Promise<Page<RoleResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, nameCursor);
  const rows = await listRoles(tx, query, after, canViewInternalCost(actor));
  return toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => presentRole(actor, row),
  );
}

export async function getRole({ tx, actor }: ActorContext, id: number): Promise<RoleWithRates> {
  const row = await findRole(tx, id, canViewInternalCost(actor));
  if (!row) throw notFound('Role');
  return row;
}

export async function createRole(context: ActorContext, input: RoleInput): Promise<RoleResponse> {
  const { tx, actor } = context;
  requireAdmin(actor, 'change roles');
  const { hourlyRate, internalCost, ...values } = input;
  const rates = hourlyRate !== undefined && internalCost !== undefined ? { hourlyRate, internalCost } : null;
  if (rates) assertMaySetRoleRates(actor);
  const [row] = await tx.insert(roles).values(values).returning();
  if (!row) throw new AppError('internal_error', 'The role was not saved.');
  await recordAudit(context, { action: 'create', entityType: 'role', entityId: row.id, after: row });
  if (rates) {
    const stored = await upsertRoleRates(tx, row.id, rates);
    await recordAudit(context, {
      action: 'create',
      entityType: 'role_rate',
      entityId: row.id,
      after: stored,
    });
  }
  return presentRole(actor, await getRole(context, row.id));
}

export async function updateRole(context: ActorContext, id: number, patch: RolePatch): Promise<RoleResponse> {
  const { tx, actor } = context;
  const before = await getRole(context, id);
  requireAdmin(actor, 'change roles');
  const { hourlyRate, internalCost, ...values } = patch;
  if (hourlyRate !== undefined || internalCost !== undefined) {
    assertMaySetRoleRates(actor);
    await changeRates(context, before, { hourlyRate, internalCost });
  }
  // The role row is written last and always (updatedAt): if it fails, say on a taken
  // name, the rates written above roll back with the transaction.
  const [row] = await tx
    .update(roles)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(roles.id, id))
    .returning();
  if (!row) throw notFound('Role');
  if (Object.keys(values).length > 0) {
    await recordAudit(context, {
      action: 'update',
      entityType: 'role',
      entityId: id,
      before: roleColumnsOf(before),
      after: row,
    });
  }
  return presentRole(actor, await getRole(context, id));
}

async function changeRates(
  context: ActorContext,
  before: RoleWithRates,
  change: Partial<RoleRates>,
): Promise<void> {
  const hourlyRate = change.hourlyRate ?? before.rates?.hourlyRate;
  const internalCost = change.internalCost ?? before.rates?.internalCost;
  if (hourlyRate === undefined || internalCost === undefined) {
    throw new AppError(
      'unprocessable',
      'This role has no rates yet: send hourlyRate and internalCost together.',
      { field: hourlyRate === undefined ? 'hourlyRate' : 'internalCost' },
    );
  }
  const after = await upsertRoleRates(context.tx, before.id, { hourlyRate, internalCost });
  await recordAudit(context, {
    action: before.rates ? 'update' : 'create',
    entityType: 'role_rate',
    entityId: before.id,
    before: before.rates,
    after,
  });
}

export async function deleteRole(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getRole(context, id);
  requireAdmin(actor, 'change roles');
  const holders = await countResourcesWithRole(tx, id);
  if (holders > 0) {
    throw new AppError(
      'conflict',
      `${holders} resource${holders === 1 ? ' has' : 's have'} this role; deactivate it instead, or take it from them first.`,
      { resources: holders },
    );
  }
  // The rates go with the role (ON DELETE CASCADE; referential actions are not subject to RLS).
  // They are audited only when this admin may see them: `before.rates` is null otherwise.
  await tx.delete(roles).where(eq(roles.id, id));
  await recordAudit(context, {
    action: 'delete',
    entityType: 'role',
    entityId: id,
    before: roleColumnsOf(before),
  });
  if (before.rates) {
    await recordAudit(context, {
      action: 'delete',
      entityType: 'role_rate',
      entityId: id,
      before: before.rates,
    });
  }
}
