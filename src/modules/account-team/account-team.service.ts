import { asc, eq, inArray } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { companyAccountTeam, resources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleCompany } from '../company/company.service.ts';
import { displayNamesOf } from '../resource/person-names.ts';
import type { AccountTeamInput, AccountTeamResponse } from './account-team.schemas.ts';

/**
 * The MSP staff responsible for a company, for whoever may see the company (404 otherwise). Names
 * come from person_names, whose RLS lets a customer-side reader name the account team of a company
 * in their reach and nobody else.
 */
export async function getAccountTeam(context: ActorContext, companyId: number): Promise<AccountTeamResponse> {
  await getVisibleCompany(context, companyId);
  const rows = await context.tx
    .select({ resourceId: companyAccountTeam.resourceId, role: companyAccountTeam.role })
    .from(companyAccountTeam)
    .where(eq(companyAccountTeam.companyId, companyId))
    .orderBy(asc(companyAccountTeam.resourceId));
  const names = await displayNamesOf(
    context.tx,
    rows.map((row) => row.resourceId),
  );
  return {
    items: rows
      .flatMap((row) => {
        const name = names.get(row.resourceId);
        return name === undefined ? [] : [{ resourceId: row.resourceId, name, role: row.role }];
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Replaces the whole team (admins): MSP staff with an active account only; audited with before and after. */
export async function replaceAccountTeam(
  context: ActorContext,
  companyId: number,
  input: AccountTeamInput,
): Promise<AccountTeamResponse> {
  requireAdmin(context.actor, 'change account teams');
  const before = await getAccountTeam(context, companyId);
  const wanted = new Map(input.members.map((member) => [member.resourceId, member.role ?? null]));
  if (wanted.size !== input.members.length) {
    throw new AppError('validation_failed', 'A person is named twice in the account team.', {
      field: 'members',
    });
  }
  if (wanted.size > 0) {
    const found = await context.tx
      .select({ id: resources.id, licenceType: resources.licenceType, active: resources.active })
      .from(resources)
      .where(inArray(resources.id, [...wanted.keys()]));
    const missing = [...wanted.keys()].filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) {
      throw new AppError('not_found', 'Some people were not found.', {
        field: 'members',
        resourceIds: missing,
      });
    }
    const notStaff = found.filter((row) => row.licenceType !== 'full' || !row.active).map((row) => row.id);
    if (notStaff.length > 0) {
      throw new AppError('unprocessable', 'The account team holds active MSP staff only.', {
        field: 'members',
        resourceIds: notStaff,
      });
    }
  }
  await context.tx.delete(companyAccountTeam).where(eq(companyAccountTeam.companyId, companyId));
  if (wanted.size > 0) {
    await context.tx
      .insert(companyAccountTeam)
      .values([...wanted].map(([resourceId, role]) => ({ companyId, resourceId, role })));
  }
  const after = await getAccountTeam(context, companyId);
  await recordAudit(context, {
    action: 'replace_account_team',
    entityType: 'company',
    entityId: companyId,
    before,
    after,
  });
  return after;
}
