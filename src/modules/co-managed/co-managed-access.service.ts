import type { ActorContext } from '../../access/actor-transaction.ts';
import { resources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { createAssociations, setPrimary } from './association.service.ts';
import { type EnablePlan, planEnableAccess } from './co-managed-access.checks.ts';
import { assertMayAdministerCoManaged } from './co-managed.policy.ts';
import type { AssociationResponse, EnableAccessInput } from './co-managed.schemas.ts';

/**
 * Writes a checked plan: the resource (licence, level, location), one grant per company, the
 * primaries asked for, the audit entry. Runs in the caller's transaction, so a failure anywhere
 * leaves nothing behind; the dry run calls it inside a savepoint it rolls back.
 */
export async function applyEnableAccess(
  context: ActorContext,
  plan: EnablePlan,
  input: EnableAccessInput,
  passwordHash: string | null,
) {
  const { contact, email, level } = plan;
  if (!email || !level) throw new AppError('internal_error', 'The plan was not checked.');
  const [resource] = await context.tx
    .insert(resources)
    .values({
      email,
      firstName: contact.firstName,
      lastName: contact.lastName,
      licenceType: 'co_managed',
      securityLevelId: level.id,
      companyId: contact.companyId,
      contactId: contact.id,
      locationId: input.locationId ?? null,
      passwordHash,
    })
    .returning();
  if (!resource?.contactId) throw new AppError('internal_error', 'The account was not saved.');

  const associations: AssociationResponse[] = [];
  for (const grant of plan.grants) {
    const [created] = await createAssociations(context, {
      resourceId: resource.id,
      companyIds: [grant.companyId],
      includeSubsidiaries: grant.includeSubsidiaries,
    });
    if (!created) throw new AppError('internal_error', 'The association was not saved.');
    // setPrimary replaces today's primary and records the hand-over in the audit log.
    if (grant.makePrimary && !created.isPrimary) {
      await setPrimary(context, grant.companyId, resource.id);
      created.isPrimary = true;
    }
    associations.push(created);
  }
  const { passwordHash: _passwordHash, ...safe } = resource;
  await recordAudit(context, {
    action: 'enable_co_managed_access',
    entityType: 'resource',
    entityId: resource.id,
    after: safe,
  });
  return {
    resource: {
      id: resource.id,
      email: resource.email,
      firstName: resource.firstName,
      lastName: resource.lastName,
      licenceType: 'co_managed' as const,
      securityLevelId: resource.securityLevelId,
      companyId: resource.companyId,
      contactId: resource.contactId,
      locationId: resource.locationId,
    },
    associations,
  };
}

/**
 * "Enable co-managed access" on a contact: the resource, its licence, level and location, and its
 * company grants with the primaries asked for, in one transaction — all or nothing. A refused save
 * answers the first problem the dry run would list.
 */
export async function enableCoManagedAccess(
  context: ActorContext,
  contactId: number,
  input: EnableAccessInput,
) {
  assertMayAdministerCoManaged(context.actor);
  const plan = await planEnableAccess(context, contactId, input);
  const [problem] = plan.problems;
  if (problem) throw problem;
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return applyEnableAccess(context, plan, input, passwordHash);
}
