import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import type { Database } from '../../db/database.ts';
import { securityLevels } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import {
  actions,
  type PermissionMatrix,
  securedObjects,
  type SecurityLevelFlags,
} from '../../shared/access-vocabulary.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { forbiddenFlagFor, securityLevelScope } from './security-level.policy.ts';
import { ticketRestrictionAfter } from './ticket-restriction.ts';
import { completeFlags, completeMatrix } from '../../access/permissions.ts';
import { presentSecurityLevel } from './security-level.presenter.ts';
import {
  countResourcesUsingLevel,
  findSecurityLevel,
  levelNameTaken,
  listSecurityLevels,
  type SecurityLevelRow,
} from './security-level.repository.ts';
import type {
  FlagsPatch,
  PermissionMatrixPatch,
  SecurityLevelCopyInput,
  SecurityLevelListQuery,
  SecurityLevelPatch,
  SecurityLevelResponse,
} from './security-level.schemas.ts';

const levelCursor = z.tuple([cursorPart.text, cursorPart.id]);

export const systemLevelReadOnly = 'System security levels are read-only templates; copy one to change it';

export async function listVisibleSecurityLevels(
  context: ActorContext,
  query: SecurityLevelListQuery,
): Promise<Page<SecurityLevelResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, levelCursor);
  const rows = await listSecurityLevels(context.tx, securityLevelScope(context.actor), query, after);
  return toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => presentSecurityLevel(context.actor, row),
  );
}

/** The level if the actor may see it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleSecurityLevel(
  { tx, actor }: ActorContext,
  id: number,
): Promise<SecurityLevelRow> {
  const row = await findSecurityLevel(tx, securityLevelScope(actor), id);
  if (!row) throw notFound('Security level');
  return row;
}

export async function copySecurityLevel(
  context: ActorContext,
  sourceId: number,
  input: SecurityLevelCopyInput,
): Promise<SecurityLevelResponse> {
  const { tx, actor } = context;
  const source = await getVisibleSecurityLevel(context, sourceId);
  requireAdmin(actor, 'copy security levels');
  await assertNameFree(context, input.name, null);
  const flags = completeFlags(source.flags);
  assertFlagsFitLicence(source, flags);
  const [row] = await tx
    .insert(securityLevels)
    .values({
      name: input.name,
      description: input.description === undefined ? source.description : input.description,
      licenceType: source.licenceType,
      permissions: completeMatrix(source.permissions),
      flags,
      portalTier: source.portalTier,
      ticketQueueIds: source.ticketQueueIds,
      ticketCategoryIds: source.ticketCategoryIds,
      copiedFromId: source.id,
    })
    .returning();
  if (!row) throw new AppError('internal_error', 'The security level was not saved.');
  await recordAudit(context, {
    action: 'create',
    entityType: 'security_level',
    entityId: row.id,
    after: row,
  });
  return presentSecurityLevel(actor, row);
}

export async function updateSecurityLevel(
  context: ActorContext,
  id: number,
  patch: SecurityLevelPatch,
): Promise<SecurityLevelResponse> {
  const { tx, actor } = context;
  const before = await getVisibleSecurityLevel(context, id);
  requireAdmin(actor, 'change security levels');
  if (before.isSystem) throw forbidden(systemLevelReadOnly);
  if (patch.name !== undefined) await assertNameFree(context, patch.name, id);
  const permissions = mergeMatrix(completeMatrix(before.permissions), patch.permissions);
  const flags = mergeFlags(completeFlags(before.flags), patch.flags);
  assertFlagsFitLicence(before, flags);
  const restriction = await ticketRestrictionAfter(context, patch.ticketRestriction);
  if (id === actor.securityLevel.id && !flags.admin) {
    throw new AppError(
      'unprocessable',
      'You cannot take the admin flag from your own security level; ask another administrator.',
      { field: 'flags.admin' },
    );
  }
  const [row] = await tx
    .update(securityLevels)
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      permissions,
      flags,
      ...restriction,
      updatedAt: sql`now()`,
    })
    .where(eq(securityLevels.id, id))
    .returning();
  if (!row) throw notFound('Security level');
  await recordAudit(context, {
    action: 'update',
    entityType: 'security_level',
    entityId: id,
    before,
    after: row,
  });
  return presentSecurityLevel(actor, row);
}

/** The request's actor transaction, and the owner's connection for what RLS keeps from every actor. */
export interface SecurityLevelAccess {
  asActor<T>(work: (context: ActorContext) => Promise<T>): Promise<T>;
  system: Database;
}

/** Only `flags.requireTwoFactor`, and a value for it. */
function onlySignInPolicy(patch: SecurityLevelPatch): boolean | undefined {
  const { flags, ...rest } = patch;
  if (Object.keys(rest).length > 0 || flags === undefined) return undefined;
  const { requireTwoFactor, ...otherFlags } = flags;
  if (Object.keys(otherFlags).length > 0) return undefined;
  return requireTwoFactor;
}

/**
 * A system template is read-only, except whether it requires two-factor sign-in: that is the
 * install's policy for the people on it (a fresh install requires it of administrators), not a
 * permission, and copying the Administrator level only to change it would move every admin to a
 * copy. Row-level security keeps system templates from every actor, so after the admin check
 * that one switch is written by the owner's connection (and audited as the admin).
 */
export async function changeSecurityLevel(
  access: SecurityLevelAccess,
  id: number,
  patch: SecurityLevelPatch,
): Promise<SecurityLevelResponse> {
  const requireTwoFactor = onlySignInPolicy(patch);
  const before = await access.asActor(async (context) => {
    const row = await getVisibleSecurityLevel(context, id);
    return row.isSystem && requireTwoFactor !== undefined ? row : null;
  });
  if (before === null || requireTwoFactor === undefined) {
    return access.asActor((context) => updateSecurityLevel(context, id, patch));
  }
  await access.asActor(async ({ actor }) => {
    requireAdmin(actor, 'change security levels');
    await Promise.resolve();
  });
  await access.system
    .update(securityLevels)
    .set({
      flags: sql`${securityLevels.flags} || jsonb_build_object('requireTwoFactor', ${requireTwoFactor}::boolean)`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(securityLevels.id, id), eq(securityLevels.isSystem, true)));
  return access.asActor(async (context) => {
    const after = await getVisibleSecurityLevel(context, id);
    await recordAudit(context, {
      action: 'update',
      entityType: 'security_level',
      entityId: id,
      before,
      after,
    });
    return presentSecurityLevel(context.actor, after);
  });
}

export async function deleteSecurityLevel(context: ActorContext, id: number): Promise<void> {
  const { tx } = context;
  const before = await getVisibleSecurityLevel(context, id);
  requireAdmin(context.actor, 'delete security levels');
  if (before.isSystem) throw forbidden(systemLevelReadOnly);
  const users = await countResourcesUsingLevel(tx, id);
  if (users > 0) {
    throw new AppError(
      'conflict',
      `${users} user${users === 1 ? ' has' : 's have'} this security level; give them another one first.`,
      { reason: 'in_use', resources: users },
    );
  }
  // Copies keep their permissions; only the "copied from" link to this level goes.
  await tx
    .update(securityLevels)
    .set({ copiedFromId: null, updatedAt: sql`now()` })
    .where(eq(securityLevels.copiedFromId, id));
  await tx.delete(securityLevels).where(eq(securityLevels.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'security_level', entityId: id, before });
}

async function assertNameFree(context: ActorContext, name: string, exceptId: number | null): Promise<void> {
  if (await levelNameTaken(context.tx, securityLevelScope(context.actor), name, exceptId)) {
    throw new AppError('conflict', 'A security level with this name already exists.', { field: 'name' });
  }
}

/** Customer-side licences never hold MSP-only flags (ACCESS-MODEL §2 "Money", "Configuration"). */
function assertFlagsFitLicence(
  level: Pick<SecurityLevelRow, 'licenceType'>,
  flags: SecurityLevelFlags,
): void {
  const flag = forbiddenFlagFor(level.licenceType, flags);
  if (flag !== null) {
    throw new AppError(
      'unprocessable',
      `A ${level.licenceType} security level can never have the ${flag} flag; it is for MSP staff only.`,
      { field: `flags.${flag}`, flag },
    );
  }
}

function mergeMatrix(current: PermissionMatrix, patch: PermissionMatrixPatch | undefined): PermissionMatrix {
  if (patch === undefined) return current;
  const merged = completeMatrix(current);
  for (const object of securedObjects) {
    for (const action of actions) {
      const scope = patch[object]?.[action];
      if (scope !== undefined) merged[object][action] = scope;
    }
  }
  return merged;
}

function mergeFlags(current: SecurityLevelFlags, patch: FlagsPatch | undefined): SecurityLevelFlags {
  const merged = { ...current };
  for (const [flag, value] of Object.entries(patch ?? {}) as [
    keyof SecurityLevelFlags,
    boolean | undefined,
  ][]) {
    if (value !== undefined) merged[flag] = value;
  }
  return merged;
}
