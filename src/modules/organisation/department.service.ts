import { and, eq, ne, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { departments } from '../../db/schema/index.ts';
import { decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { presentDepartment } from './department.presenter.ts';
import {
  countResourcesInDepartment,
  type DepartmentRow,
  findDepartment,
  listDepartments,
} from './department.repository.ts';
import type { DepartmentInput, DepartmentPatch, DepartmentResponse } from './department.schemas.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { nameCursor, type OrganisationListQuery } from './organisation.schemas.ts';

export async function listAllDepartments(
  { tx, actor }: ActorContext,
  query: OrganisationListQuery,
): Promise<Page<DepartmentResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, nameCursor);
  const rows = await listDepartments(tx, query, after);
  return toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => presentDepartment(actor, row),
  );
}

export async function getDepartment({ tx }: ActorContext, id: number): Promise<DepartmentRow> {
  const row = await findDepartment(tx, id);
  if (!row) throw notFound('Department');
  return row;
}

export async function createDepartment(
  context: ActorContext,
  input: DepartmentInput,
): Promise<DepartmentResponse> {
  requireAdmin(context.actor, 'change departments');
  await assertNameFree(context, input.name, null);
  const [row] = await context.tx.insert(departments).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The department was not saved.');
  await recordAudit(context, { action: 'create', entityType: 'department', entityId: row.id, after: row });
  return presentDepartment(context.actor, row);
}

export async function updateDepartment(
  context: ActorContext,
  id: number,
  patch: DepartmentPatch,
): Promise<DepartmentResponse> {
  const before = await getDepartment(context, id);
  requireAdmin(context.actor, 'change departments');
  if (patch.name !== undefined) await assertNameFree(context, patch.name, id);
  const [row] = await context.tx
    .update(departments)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(departments.id, id))
    .returning();
  if (!row) throw notFound('Department');
  await recordAudit(context, {
    action: 'update',
    entityType: 'department',
    entityId: id,
    before,
    after: row,
  });
  return presentDepartment(context.actor, row);
}

/** Names are unique; a taken one is refused at the name field (the form shows it there), not as a bare constraint. */
async function assertNameFree({ tx }: ActorContext, name: string, exceptId: number | null): Promise<void> {
  const [taken] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.name, name), exceptId === null ? undefined : ne(departments.id, exceptId)));
  if (taken) {
    throw new AppError('conflict', 'A department with this name already exists.', { field: 'name' });
  }
}

export async function deleteDepartment(context: ActorContext, id: number): Promise<void> {
  const before = await getDepartment(context, id);
  requireAdmin(context.actor, 'change departments');
  const members = await countResourcesInDepartment(context.tx, id);
  if (members > 0) {
    throw new AppError(
      'conflict',
      `${members} resource${members === 1 ? ' is' : 's are'} still in this department; move them first.`,
      { resources: members },
    );
  }
  await context.tx.delete(departments).where(eq(departments.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'department', entityId: id, before });
}
