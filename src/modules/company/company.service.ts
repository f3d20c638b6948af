import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { authorize, requireAdmin } from '../../access/authorize.ts';
import { companies } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { companyFacts, companyScope } from './company.policy.ts';
import { presentCompany } from './company.presenter.ts';
import { type CompanyRow, descendantIds, findCompany, listCompanies } from './company.repository.ts';
import type { CompanyInput, CompanyListQuery, CompanyPatch, CompanyResponse } from './company.schemas.ts';

const companyCursor = z.tuple([cursorPart.text, cursorPart.id]);

export async function listVisibleCompanies(
  context: ActorContext,
  query: CompanyListQuery,
): Promise<Page<CompanyResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, companyCursor);
  const rows = await listCompanies(context.tx, companyScope(context.actor), query, after);
  return toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => presentCompany(context.actor, row),
  );
}

/** The company if the actor may see it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleCompany({ tx, actor }: ActorContext, id: number): Promise<CompanyRow> {
  const row = await findCompany(tx, companyScope(actor), id);
  if (!row) throw notFound('Company');
  return row;
}

export async function createCompany(context: ActorContext, input: CompanyInput): Promise<CompanyResponse> {
  const { tx, actor } = context;
  authorize(actor, 'companies', 'add', undefined, { mspOnly: true });
  assertMayChangeAccessSettings(context, input, null);
  if (input.parentCompanyId != null) await getReferencedParent(context, input.parentCompanyId);
  const [row] = await tx.insert(companies).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The company was not saved.');
  await recordAudit(context, { action: 'create', entityType: 'company', entityId: row.id, after: row });
  return presentCompany(actor, row);
}

export async function updateCompany(
  context: ActorContext,
  id: number,
  patch: CompanyPatch,
): Promise<CompanyResponse> {
  const { tx, actor } = context;
  const before = await getVisibleCompany(context, id);
  authorize(actor, 'companies', 'edit', companyFacts(actor, before), { mspOnly: true });
  assertMayChangeAccessSettings(context, patch, before);
  if (patch.parentCompanyId != null) {
    await getReferencedParent(context, patch.parentCompanyId);
    if ((await descendantIds(tx, id)).has(patch.parentCompanyId)) {
      throw new AppError(
        'unprocessable',
        'A company cannot be placed below itself or one of its subsidiaries.',
        {
          field: 'parentCompanyId',
        },
      );
    }
  }
  const [row] = await tx
    .update(companies)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(companies.id, id))
    .returning();
  if (!row) throw notFound('Company');
  await recordAudit(context, { action: 'update', entityType: 'company', entityId: id, before, after: row });
  return presentCompany(actor, row);
}

export async function deleteCompany(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getVisibleCompany(context, id);
  authorize(actor, 'companies', 'delete', companyFacts(actor, before), { mspOnly: true });
  if (before.companyType === 'msp') throw forbidden("The MSP's own company cannot be deleted.");
  await tx.delete(companies).where(eq(companies.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'company', entityId: id, before });
}

/** Who may reach a company is an administrator's decision, not an editor's. */
function assertMayChangeAccessSettings(
  { actor }: ActorContext,
  change: Partial<Pick<CompanyRow, 'coManagedEnabled' | 'internalHelpdeskSharing' | 'companyType'>>,
  before: CompanyRow | null,
): void {
  const changes = (
    field: 'coManagedEnabled' | 'internalHelpdeskSharing' | 'companyType',
    fallback: unknown,
  ) => change[field] !== undefined && change[field] !== (before ? before[field] : fallback);
  const touchesAccess =
    changes('coManagedEnabled', false) ||
    changes('internalHelpdeskSharing', 'none') ||
    (change.companyType === 'msp' && before?.companyType !== 'msp') ||
    (before?.companyType === 'msp' && change.companyType !== undefined && change.companyType !== 'msp');
  if (touchesAccess)
    requireAdmin(actor, 'change co-managed access, help desk sharing or the MSP company type');
}

async function getReferencedParent(context: ActorContext, parentId: number): Promise<CompanyRow> {
  const parent = await findCompany(context.tx, companyScope(context.actor), parentId);
  if (!parent) {
    throw new AppError('not_found', 'The parent company was not found.', { field: 'parentCompanyId' });
  }
  return parent;
}
