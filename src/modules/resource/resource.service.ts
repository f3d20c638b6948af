import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import type { Database } from '../../db/database.ts';
import { resources } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { customerSideLicences } from '../../shared/access-vocabulary.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { hashPassword } from '../../lib/password.ts';
import { assertAcceptablePassword } from '../../lib/password-policy.ts';
import { deleteAllSessionsOf } from '../auth/session.repository.ts';
import { getVisibleSecurityLevel } from '../security-level/security-level.service.ts';
import { assertNotTheLastAdmin } from './last-admin.ts';
import { resourceScope } from './resource.policy.ts';
import { presentResource } from './resource.presenter.ts';
import {
  emailTaken,
  findResource,
  listResources,
  missingReference,
  replaceRoles,
  type ResourceRow,
} from './resource.repository.ts';
import type {
  ResourceInput,
  ResourceListQuery,
  ResourcePatch,
  ResourceResponse,
} from './resource.schemas.ts';

/**
 * What the write paths of this module need. Sessions and API credentials are
 * not granted to the app role (no actor query may ever read a session token or
 * secret hash, not even hashed), so those writes go through the system
 * connection — only after the permission check in the actor transaction has
 * passed and committed. After commit, too, because PGlite has one connection:
 * the system connection cannot run while an actor transaction holds it.
 */
export interface ResourceAccess {
  /** The request's actor transaction (withActor): the app role, RLS on. */
  asActor<T>(work: (context: ActorContext) => Promise<T>): Promise<T>;
  system: Database;
}

const resourceCursor = z.tuple([cursorPart.text, cursorPart.text, cursorPart.id]);

export async function listVisibleResources(
  context: ActorContext,
  query: ResourceListQuery,
): Promise<Page<ResourceResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, resourceCursor);
  const rows = await listResources(context.tx, resourceScope(context.actor), query, after);
  return toPage(
    rows,
    query.limit,
    (row) => [row.lastName, row.firstName, row.id],
    (row) => presentResource(context.actor, row),
  );
}

/** The resource if the actor may see it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleResource({ tx, actor }: ActorContext, id: number): Promise<ResourceRow> {
  const row = await findResource(tx, resourceScope(actor), id);
  if (!row) throw notFound('Resource');
  return row;
}

export async function createResource(context: ActorContext, input: ResourceInput): Promise<ResourceResponse> {
  const { tx, actor } = context;
  requireAdmin(actor, 'manage users');
  if (input.licenceType !== 'full' && input.licenceType !== 'api_only') {
    throw new AppError(
      'unprocessable',
      customerSideLicences.includes(input.licenceType)
        ? 'Customer-side accounts are created from their contact: "Enable co-managed access" or the portal invitation.'
        : 'Only full and api_only users are created here.',
      { field: 'licenceType' },
    );
  }
  await assertLevelFits(context, input.securityLevelId, input.licenceType);
  if (input.licenceType === 'api_only' && input.password !== undefined) throw apiUsersHaveNoPassword();
  if (input.password !== undefined) assertAcceptablePassword(input.password, { email: input.email });
  if (await emailTaken(tx, resourceScope(actor), input.email, null)) {
    throw new AppError('conflict', 'A user with this e-mail address already exists.', { field: 'email' });
  }
  await assertReferencesExist(context, input);
  const { password, roleIds, ...values } = input;
  const [created] = await tx
    .insert(resources)
    .values({
      ...values,
      // MSP staff and API users belong to the MSP's own company: the administrator's.
      companyId: actor.companyId,
      passwordHash: password === undefined ? null : await hashPassword(password),
    })
    .returning({ id: resources.id });
  if (!created) throw new AppError('internal_error', 'The user was not saved.');
  await replaceRoles(tx, created.id, roleIds);
  const row = await getVisibleResource(context, created.id);
  await recordAudit(context, {
    action: 'create',
    entityType: 'resource',
    entityId: row.id,
    after: { ...row, passwordSet: password !== undefined },
  });
  return presentResource(actor, row);
}

export async function updateResource(
  access: ResourceAccess,
  id: number,
  patch: ResourcePatch,
): Promise<ResourceResponse> {
  const outcome = await access.asActor((context) => changeResource(context, id, patch));
  // A deactivated account or a changed password ends every session it had.
  if (outcome.endSessions) await deleteAllSessionsOf(access.system, id);
  return outcome.resource;
}

async function changeResource(
  context: ActorContext,
  id: number,
  patch: ResourcePatch,
): Promise<{ resource: ResourceResponse; endSessions: boolean }> {
  const { tx, actor } = context;
  const before = await getVisibleResource(context, id);
  requireAdmin(actor, 'manage users');
  const level =
    patch.securityLevelId === undefined
      ? null
      : await assertLevelFits(context, patch.securityLevelId, before.licenceType);
  // Which field would take administrator access away from this user, if any.
  const removesAdmin: 'active' | 'securityLevelId' | null =
    patch.active === false ? 'active' : level !== null && !level.flags.admin ? 'securityLevelId' : null;
  if (removesAdmin !== null) {
    // The last administrator first (409 last_admin), then your own access (422).
    await assertNotTheLastAdmin(context, id, removesAdmin);
    if (id === actor.resourceId) throw wouldLockYouOut(removesAdmin);
  }
  if (before.licenceType === 'api_only' && patch.password !== undefined) throw apiUsersHaveNoPassword();
  if (patch.password !== undefined) assertAcceptablePassword(patch.password, { email: before.email });
  await assertReferencesExist(context, patch);
  const { password, roleIds, ...values } = patch;
  await tx
    .update(resources)
    .set({
      ...values,
      ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
      updatedAt: sql`now()`,
    })
    .where(eq(resources.id, id));
  if (roleIds !== undefined) await replaceRoles(tx, id, roleIds);
  const after = await getVisibleResource(context, id);
  await recordAudit(context, {
    action: 'update',
    entityType: 'resource',
    entityId: id,
    before,
    after: { ...after, ...(password === undefined ? {} : { passwordChanged: true }) },
  });
  return {
    resource: presentResource(actor, after),
    endSessions: (before.active && !after.active) || password !== undefined,
  };
}

/** The level must exist for this admin and be made for the user's licence. */
async function assertLevelFits(
  context: ActorContext,
  unverifiedLevelId: number,
  licence: ResourceRow['licenceType'],
) {
  const level = await getVisibleSecurityLevel(context, unverifiedLevelId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', 'The security level was not found.', { field: 'securityLevelId' });
    }
    throw error;
  });
  if (level.licenceType !== licence) {
    throw new AppError(
      'unprocessable',
      `The security level "${level.name}" is for ${level.licenceType} users; this user has a ${licence} licence.`,
      { field: 'securityLevelId' },
    );
  }
  return level;
}

async function assertReferencesExist(
  { tx }: ActorContext,
  references: { departmentId?: number | null; locationId?: number | null; roleIds?: number[] },
): Promise<void> {
  const field = await missingReference(tx, references);
  if (field !== null) {
    throw new AppError(
      'not_found',
      `The ${field === 'roleIds' ? 'role' : field.slice(0, -2)} was not found.`,
      {
        field,
      },
    );
  }
}

function apiUsersHaveNoPassword(): AppError {
  return new AppError('unprocessable', 'API users sign in with API credentials, not a password.', {
    field: 'password',
  });
}

function wouldLockYouOut(field: 'active' | 'securityLevelId'): AppError {
  return new AppError(
    'unprocessable',
    'You cannot take your own administrator access away; ask another administrator.',
    { field },
  );
}
