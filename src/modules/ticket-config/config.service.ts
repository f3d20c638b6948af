import { and, eq, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { ConfigResource, ConfigRow, ConfigTable, ConfigValues } from './config-resource.ts';
import {
  clearFlag,
  deleteConfigRow,
  findConfigRow,
  insertConfigRow,
  selectConfigRows,
  updateConfigRow,
} from './config.repository.ts';
import { findCategoriesUsingDefault } from './ticket-category.repository.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { ticketConfigAbilities } from './ticket-config.policy.ts';
import { postgresErrorOf } from '../../lib/postgres-error.ts';

// The life cycle every ticket-configuration table shares. Each request is one transaction, so
// a check that throws after a write (a name taken, a row still in use) undoes the whole request.

type AnyResource<T extends ConfigTable> = ConfigResource<T, unknown>;

export function presentConfig<T extends ConfigTable, Response>(
  resource: ConfigResource<T, Response>,
  actor: Actor,
  row: ConfigRow<T>,
): Response {
  return resource.present(row, ticketConfigAbilities(actor, resource.protectedReason?.(row) ?? null), actor);
}

export async function listConfig<T extends ConfigTable, Response>(
  { tx, actor }: ActorContext,
  resource: ConfigResource<T, Response>,
  filter: { active?: boolean | undefined; where?: SQL },
): Promise<{ items: Response[] }> {
  const { table } = resource;
  const where = and(
    filter.active === undefined ? undefined : eq(table.active, filter.active),
    filter.where,
    resource.offeredTo?.(actor),
  );
  const rows = await selectConfigRows(tx, table, where, resource.orderBy);
  return { items: rows.map((row) => presentConfig(resource, actor, row)) };
}

export async function getConfig<T extends ConfigTable>(
  { tx }: ActorContext,
  resource: AnyResource<T>,
  id: number,
): Promise<ConfigRow<T>> {
  const row = await findConfigRow(tx, resource.table, id);
  if (!row) throw notFound(capitalised(resource.noun));
  return row;
}

export async function createConfig<T extends ConfigTable, Response>(
  context: ActorContext,
  resource: ConfigResource<T, Response>,
  values: ConfigValues<T>,
): Promise<Response> {
  requireAdmin(context.actor, `change ${resource.plural}`);
  await resource.checkCreate?.(context, values);
  assertFlaggedRowsActive(resource, values);
  await clearFlagsBeingSet(context, resource, values, null);
  const row = await withClearConflicts(resource.noun, values.name, () =>
    insertConfigRow(context.tx, resource.table, values),
  );
  if (!row) throw new AppError('internal_error', `The ${resource.noun} was not saved.`);
  await recordAudit(context, {
    action: 'create',
    entityType: resource.entityType,
    entityId: row.id,
    after: row,
  });
  return presentConfig(resource, context.actor, row);
}

export async function updateConfig<T extends ConfigTable, Response>(
  context: ActorContext,
  resource: ConfigResource<T, Response>,
  id: number,
  patch: Partial<ConfigValues<T>>,
): Promise<Response> {
  const before = await getConfig(context, resource, id);
  requireAdmin(context.actor, `change ${resource.plural}`);
  await resource.checkUpdate?.(context, before, patch);
  assertFlaggedRowsActive(resource, { ...before, ...patch });
  await clearFlagsBeingSet(context, resource, patch, id);
  const row = await withClearConflicts(resource.noun, patch.name, () =>
    updateConfigRow(context.tx, resource.table, id, patch),
  );
  if (!row) throw notFound(capitalised(resource.noun));
  // After the write: a category saved concurrently is then visible here (see findDefaultTarget).
  if (before.active && !row.active) await assertNotACategoryDefault(context, resource, id, 'deactivate');
  await recordAudit(context, {
    action: 'update',
    entityType: resource.entityType,
    entityId: id,
    before,
    after: row,
  });
  return presentConfig(resource, context.actor, row);
}

export async function deleteConfig<T extends ConfigTable>(
  context: ActorContext,
  resource: AnyResource<T>,
  id: number,
): Promise<void> {
  const before = await getConfig(context, resource, id);
  requireAdmin(context.actor, `change ${resource.plural}`);
  const reason = resource.protectedReason?.(before) ?? null;
  if (reason !== null) throw forbidden(reason);
  const cascaded = (await resource.cascadedDeletes?.(context, before)) ?? [];
  try {
    await deleteConfigRow(context.tx, resource.table, id);
  } catch (error) {
    if (postgresErrorOf(error)?.code !== '23503') throw error;
    throw new AppError(
      'conflict',
      `This ${resource.noun} is still used by tickets or other records. Deactivate it instead.`,
      { reason: 'in_use' },
    );
  }
  await assertNotACategoryDefault(context, resource, id, 'delete');
  await recordAudit(context, { action: 'delete', entityType: resource.entityType, entityId: id, before });
  for (const entry of cascaded) await recordAudit(context, entry);
}

function assertFlaggedRowsActive<T extends ConfigTable>(
  resource: AnyResource<T>,
  state: Partial<ConfigValues<T>>,
): void {
  for (const flag of resource.singleFlags ?? []) {
    if (valueOf(state, flag.column) === true && state.active === false) {
      throw new AppError('unprocessable', `A ${resource.noun} that is ${flag.meaning} must be active.`, {
        field: flag.column,
      });
    }
  }
}

/** One at most: unset the flag elsewhere before setting it here, in the same transaction. */
async function clearFlagsBeingSet<T extends ConfigTable>(
  context: ActorContext,
  resource: AnyResource<T>,
  values: Partial<ConfigValues<T>>,
  id: number | null,
): Promise<void> {
  for (const flag of resource.singleFlags ?? []) {
    if (valueOf(values, flag.column) !== true) continue;
    for (const after of await clearFlag(context.tx, resource.table, flag.column, id)) {
      await recordAudit(context, {
        action: 'update',
        entityType: resource.entityType,
        entityId: after.id,
        before: { ...after, [flag.column]: true },
        after,
      });
    }
  }
}

async function assertNotACategoryDefault<T extends ConfigTable>(
  { tx }: ActorContext,
  resource: AnyResource<T>,
  id: number,
  action: 'delete' | 'deactivate',
): Promise<void> {
  if (!resource.categoryDefaultKey) return;
  const categories = await findCategoriesUsingDefault(tx, resource.categoryDefaultKey, id);
  if (categories.length === 0) return;
  const names = categories.map((category) => `"${category.name}"`).join(', ');
  throw new AppError(
    'conflict',
    `Cannot ${action} this ${resource.noun}: ticket categor${categories.length === 1 ? 'y' : 'ies'} ${names} use it as a default. Change their defaults first.`,
    { reason: 'category_default', categoryIds: categories.map((category) => category.id) },
  );
}

/** A taken name is the likeliest conflict; say which name instead of the generic answer. */
async function withClearConflicts<Result>(
  noun: string,
  name: string | undefined,
  write: () => Promise<Result>,
): Promise<Result> {
  try {
    return await write();
  } catch (error) {
    const postgresError = postgresErrorOf(error);
    if (postgresError?.code !== '23505' || !postgresError.constraint?.endsWith('_name_unique')) throw error;
    throw new AppError('conflict', `A ${noun} named "${name ?? ''}" already exists.`, {
      field: 'name',
    });
  }
}

function valueOf(values: object, column: string): unknown {
  return (values as Record<string, unknown>)[column];
}

function capitalised(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}
