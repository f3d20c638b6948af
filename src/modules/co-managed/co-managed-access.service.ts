import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { contacts, resources, securityLevels } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { hashPassword } from '../auth/password.ts';
import { createAssociations, setPrimary } from './association.service.ts';
import { assertMayAdministerCoManaged } from './co-managed.policy.ts';
import type { EnableAccessInput } from './co-managed.schemas.ts';

/**
 * "Enable co-managed access" on a contact: the resource, its licence and
 * level, and its company grants in one transaction — all or nothing.
 */
export async function enableCoManagedAccess(
  context: ActorContext,
  contactId: number,
  input: EnableAccessInput,
) {
  const { tx, actor } = context;
  assertMayAdministerCoManaged(actor);
  const [contact] = await tx.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact) throw notFound('Contact');

  const [existing] = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(eq(resources.contactId, contactId));
  if (existing) {
    throw new AppError('conflict', 'This contact already has an account.', { resourceId: existing.id });
  }
  const [level] = await tx
    .select({ licenceType: securityLevels.licenceType })
    .from(securityLevels)
    .where(eq(securityLevels.id, input.securityLevelId));
  if (!level)
    throw new AppError('not_found', 'The security level was not found.', { field: 'securityLevelId' });
  if (level.licenceType !== 'co_managed') {
    throw new AppError('unprocessable', 'Choose a security level of the co-managed licence type.', {
      field: 'securityLevelId',
    });
  }
  const email = input.email ?? contact.email;
  if (!email) {
    throw new AppError('validation_failed', 'The contact has no e-mail address; send one to sign in with.', {
      field: 'email',
    });
  }
  const [taken] = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(sql`lower(${resources.email}) = ${email.toLowerCase()}`);
  if (taken)
    throw new AppError('conflict', 'Another account already signs in with this e-mail address.', {
      field: 'email',
    });

  const [resource] = await tx
    .insert(resources)
    .values({
      email,
      firstName: contact.firstName,
      lastName: contact.lastName,
      licenceType: 'co_managed',
      securityLevelId: input.securityLevelId,
      companyId: contact.companyId,
      contactId,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    })
    .returning();
  if (!resource?.contactId) throw new AppError('internal_error', 'The account was not saved.');

  const grants = input.companies ?? [{ companyId: contact.companyId, includeSubsidiaries: true }];
  const associations = [];
  for (const includeSubsidiaries of [false, true]) {
    const companyIds = grants
      .filter((grant) => grant.includeSubsidiaries === includeSubsidiaries)
      .map((grant) => grant.companyId);
    if (companyIds.length === 0) continue;
    associations.push(
      ...(await createAssociations(context, { resourceId: resource.id, companyIds, includeSubsidiaries })),
    );
  }
  if (input.makePrimary) {
    for (const association of associations.filter((row) => !row.isPrimary)) {
      await setPrimary(context, association.companyId, resource.id);
      association.isPrimary = true;
    }
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
    },
    associations,
  };
}
