import { eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { completeFlags, completeMatrix } from '../../access/permissions.ts';
import type { Transaction } from '../../db/database.ts';
import { companies } from '../../db/schema/index.ts';
import { type EnablePlan, planEnableAccess, presentRefusal } from './co-managed-access.checks.ts';
import { companyAndSubsidiaries, resourceNames } from './co-managed-access.repository.ts';
import { applyEnableAccess } from './co-managed-access.service.ts';
import { assertMayAdministerCoManaged } from './co-managed.policy.ts';
import { resolvePrimary } from './co-managed.repository.ts';
import type { EnableAccessInput, EnableAccessPreview } from './co-managed.schemas.ts';

class RollBackDryRun extends Error {}

type Outcome = EnableAccessPreview['companies'][number];

/** The companies the grants reach, named ones first, then their subsidiaries — each once. */
async function expandGrants(tx: Transaction, plan: EnablePlan) {
  const valid = plan.grants.filter((grant) => grant.company !== null);
  const reached = new Map<number, { name: string; viaCompanyName: string | null }>();
  const notReached = new Map<number, { name: string; viaCompanyName: string }>();
  for (const grant of valid) {
    if (grant.company) reached.set(grant.companyId, { name: grant.company.name, viaCompanyName: null });
  }
  for (const grant of valid.filter((row) => row.includeSubsidiaries)) {
    const [, ...below] = await companyAndSubsidiaries(tx, grant.companyId);
    const via = grant.company?.name ?? '';
    for (const company of below) {
      if (reached.has(company.id)) continue;
      if (company.coManagedEnabled) {
        reached.set(company.id, { name: company.name, viaCompanyName: via });
        notReached.delete(company.id);
      } else if (!notReached.has(company.id)) {
        notReached.set(company.id, { name: company.name, viaCompanyName: via });
      }
    }
  }
  return { reached, notReached };
}

async function primaries(tx: Transaction, companyIds: number[]) {
  const found = new Map<number, number>();
  for (const companyId of companyIds) {
    const primary = await resolvePrimary(tx, companyId);
    if (primary) found.set(companyId, primary.resourceId);
  }
  return { found, names: await resourceNames(tx, [...found.values()]) };
}

/** The save applied for real inside a savepoint, the primaries read, then everything rolled back. */
async function dryRun(
  context: ActorContext,
  plan: EnablePlan,
  input: EnableAccessInput,
  companyIds: number[],
) {
  // Assigned inside the savepoint's callback; declared wide so the compiler does not narrow it to null.
  let after = null as { found: Map<number, number>; names: Map<number, string>; resourceId: number } | null;
  try {
    await context.tx.transaction(async (savepoint) => {
      const saved = await applyEnableAccess({ tx: savepoint, actor: context.actor }, plan, input, null);
      after = { ...(await primaries(savepoint, companyIds)), resourceId: saved.resource.id };
      throw new RollBackDryRun();
    });
  } catch (error) {
    if (!(error instanceof RollBackDryRun)) throw error;
  }
  return after;
}

/**
 * What saving would do, without writing: the checks' refusals, and — when there are none — the save
 * itself applied inside a savepoint that is then rolled back, so the primaries it reports are the
 * ones saving produces, not a second implementation's guess. The companies come from the grants'
 * trees as `tandem_resource_reach` walks them.
 */
export async function previewCoManagedAccess(
  context: ActorContext,
  contactId: number,
  input: EnableAccessInput,
): Promise<EnableAccessPreview> {
  const { tx } = context;
  assertMayAdministerCoManaged(context.actor);
  const plan = await planEnableAccess(context, contactId, input);
  const { reached, notReached } = await expandGrants(tx, plan);
  const companyIds = [...reached.keys()];
  const today = await primaries(tx, companyIds);

  const result = plan.problems.length === 0 ? await dryRun(context, plan, input, companyIds) : null;
  const ref = (
    found: Map<number, number>,
    names: Map<number, string>,
    companyId: number,
    thisPerson: number | null,
  ) => {
    const resourceId = found.get(companyId);
    if (resourceId === undefined) return null;
    const isThisPerson = resourceId === thisPerson;
    const name = isThisPerson ? `${plan.contact.firstName} ${plan.contact.lastName}` : names.get(resourceId);
    return { resourceId, name: name ?? '—', isThisPerson };
  };
  const outcomes: Outcome[] = companyIds.map((companyId) => ({
    companyId,
    name: reached.get(companyId)?.name ?? '',
    viaCompanyName: reached.get(companyId)?.viaCompanyName ?? null,
    primaryToday: ref(today.found, today.names, companyId, null),
    primaryAfter: result ? ref(result.found, result.names, companyId, result.resourceId) : null,
  }));
  const [contactCompany] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, plan.contact.companyId));
  return {
    refusals: plan.problems.map(presentRefusal),
    person: {
      contactId: plan.contact.id,
      name: `${plan.contact.firstName} ${plan.contact.lastName}`,
      companyName: contactCompany?.name ?? '',
      email: plan.email,
      hasPassword: input.password !== undefined,
    },
    level: plan.level && {
      id: plan.level.id,
      name: plan.level.name,
      licenceType: plan.level.licenceType,
      permissions: completeMatrix(plan.level.permissions),
      flags: completeFlags(plan.level.flags),
      ticketRestriction: { queueIds: plan.level.ticketQueueIds, categoryIds: plan.level.ticketCategoryIds },
    },
    location: plan.location && {
      id: plan.location.id,
      name: plan.location.name,
      timeZone: plan.location.timeZone,
    },
    companies: outcomes,
    notReached: [...notReached].map(([companyId, row]) => ({ companyId, ...row })),
  };
}
