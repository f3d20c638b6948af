import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { coManagedAssociations, coManagingTeams, resources } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleCompany } from '../company/company.service.ts';
import {
  assertCoManagedActive,
  assertMayAdministerCoManaged,
  associationScope,
} from './co-managed.policy.ts';
import { presentAssociation } from './co-managed.presenter.ts';
import {
  type AssociationRow,
  findAssociation,
  listAssociations,
  promoteOldestIfNoPrimary,
  resolvePrimary,
  resourceReachesCompany,
} from './co-managed.repository.ts';
import type { AssociationInput, AssociationListQuery, AssociationResponse } from './co-managed.schemas.ts';

export async function listVisibleAssociations(
  context: ActorContext,
  query: AssociationListQuery,
): Promise<Page<AssociationResponse>> {
  assertCoManagedActive(context.actor);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, z.tuple([cursorPart.id]))[0];
  const rows = await listAssociations(context.tx, associationScope(context.actor), query, after);
  return toPage(rows, query.limit, (row) => [row.id], presentAssociation);
}

/** A company that may be granted: visible, not the MSP itself, co-management switched on for it. */
export async function getGrantableCompany(context: ActorContext, companyId: number) {
  const company = await getVisibleCompany(context, companyId).catch(() => {
    throw new AppError('not_found', `Company ${companyId} was not found.`, { field: 'companyId', companyId });
  });
  if (company.companyType === 'msp') {
    throw new AppError('unprocessable', "The MSP's own company cannot be granted to co-managing users.", {
      companyId,
    });
  }
  if (!company.coManagedEnabled) {
    throw new AppError(
      'unprocessable',
      `Switch on co-managed access for ${company.name} before granting it.`,
      {
        companyId,
      },
    );
  }
  return company;
}

export async function assertCoManagingUser(context: ActorContext, resourceId: number): Promise<void> {
  const [resource] = await context.tx
    .select({ licenceType: resources.licenceType })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (!resource)
    throw new AppError('not_found', `Resource ${resourceId} was not found.`, { field: 'resourceId' });
  if (resource.licenceType !== 'co_managed') {
    throw new AppError(
      'unprocessable',
      'Only co-managing users (licence co_managed) can be associated with companies.',
      {
        field: 'resourceId',
      },
    );
  }
}

export async function createAssociations(
  context: ActorContext,
  input: AssociationInput,
): Promise<AssociationResponse[]> {
  const { tx, actor } = context;
  assertMayAdministerCoManaged(actor);
  if (input.resourceId !== undefined) await assertCoManagingUser(context, input.resourceId);
  if (input.teamId !== undefined) {
    const [team] = await tx
      .select({ id: coManagingTeams.id })
      .from(coManagingTeams)
      .where(eq(coManagingTeams.id, input.teamId));
    if (!team) throw new AppError('not_found', `Team ${input.teamId} was not found.`, { field: 'teamId' });
  }
  const created: AssociationRow[] = [];
  for (const companyId of new Set(input.companyIds)) {
    await getGrantableCompany(context, companyId);
    const [row] = await tx
      .insert(coManagedAssociations)
      .values({
        companyId,
        resourceId: input.resourceId ?? null,
        teamId: input.teamId ?? null,
        includeSubsidiaries: input.includeSubsidiaries,
      })
      .returning();
    if (!row) throw new AppError('internal_error', 'The association was not saved.');
    await promoteOldestIfNoPrimary(tx, companyId);
    const [saved] = await tx.select().from(coManagedAssociations).where(eq(coManagedAssociations.id, row.id));
    created.push(saved ?? row);
    await recordAudit(context, {
      action: 'create',
      entityType: 'co_managed_association',
      entityId: row.id,
      after: saved,
    });
  }
  return created.map(presentAssociation);
}

export async function deleteAssociation(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  assertMayAdministerCoManaged(actor);
  const before = await findAssociation(tx, associationScope(actor), id);
  if (!before) throw notFound('Association');
  await tx.delete(coManagedAssociations).where(eq(coManagedAssociations.id, id));
  if (before.isPrimary) await promoteOldestIfNoPrimary(tx, before.companyId);
  await recordAudit(context, {
    action: 'delete',
    entityType: 'co_managed_association',
    entityId: id,
    before,
  });
}

export async function getPrimary(context: ActorContext, companyId: number) {
  assertCoManagedActive(context.actor);
  await getVisibleCompany(context, companyId);
  const primary = await resolvePrimary(context.tx, companyId);
  return {
    companyId,
    resourceId: primary?.resourceId ?? null,
    inheritedFromCompanyId: primary && primary.fromCompanyId !== companyId ? primary.fromCompanyId : null,
  };
}

/** Makes the user the company's primary; they must already reach the company through some grant. */
export async function setPrimary(context: ActorContext, companyId: number, resourceId: number) {
  const { tx, actor } = context;
  assertMayAdministerCoManaged(actor);
  await getGrantableCompany(context, companyId);
  await assertCoManagingUser(context, resourceId);
  if (!(await resourceReachesCompany(tx, resourceId, companyId))) {
    throw new AppError(
      'unprocessable',
      'Associate this user with the company before making them its primary.',
      {
        field: 'resourceId',
      },
    );
  }
  const primaryOf = and(
    eq(coManagedAssociations.companyId, companyId),
    eq(coManagedAssociations.isPrimary, true),
  );
  const [previous] = await tx.select().from(coManagedAssociations).where(primaryOf);
  // Unset first: a partial unique index allows one primary per company at any moment.
  await tx.update(coManagedAssociations).set({ isPrimary: false }).where(primaryOf);
  const direct = and(
    eq(coManagedAssociations.companyId, companyId),
    eq(coManagedAssociations.resourceId, resourceId),
  );
  const [updated] = await tx.update(coManagedAssociations).set({ isPrimary: true }).where(direct).returning();
  // Reached only through a team or a parent's grant: give the primary a direct association of its own.
  const row =
    updated ??
    (
      await tx.insert(coManagedAssociations).values({ companyId, resourceId, isPrimary: true }).returning()
    )[0];
  await recordAudit(context, {
    action: 'set_primary',
    entityType: 'company',
    entityId: companyId,
    before: { primaryResourceId: previous?.resourceId ?? null },
    after: { primaryResourceId: row?.resourceId ?? resourceId },
  });
  return getPrimary(context, companyId);
}
