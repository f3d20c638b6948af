import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { refuseUnless } from '../../access/authorize.ts';
import { contacts } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleCompany } from '../company/company.service.ts';
import { contactAllows, contactScope } from './contact.policy.ts';
import { presentContact } from './contact.presenter.ts';
import { type ContactRow, findContact, listContacts } from './contact.repository.ts';
import type { ContactInput, ContactListQuery, ContactPatch, ContactResponse } from './contact.schemas.ts';

const contactCursor = z.tuple([cursorPart.text, cursorPart.text, cursorPart.id]);

export async function listVisibleContacts(
  context: ActorContext,
  query: ContactListQuery,
): Promise<Page<ContactResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, contactCursor);
  const rows = await listContacts(context.tx, contactScope(context.actor), query, after);
  return toPage(
    rows,
    query.limit,
    (row) => [row.lastName, row.firstName, row.id],
    (row) => presentContact(context.actor, row),
  );
}

/** The contact if the actor may see it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleContact({ tx, actor }: ActorContext, id: number): Promise<ContactRow> {
  const row = await findContact(tx, contactScope(actor), id);
  if (!row) throw notFound('Contact');
  return row;
}

export async function createContact(context: ActorContext, input: ContactInput): Promise<ContactResponse> {
  const { tx, actor } = context;
  await getReferencedCompany(context, input.companyId);
  refuseUnless(contactAllows(actor, 'add', { id: null, companyId: input.companyId }), 'contacts', 'add');
  const [row] = await tx.insert(contacts).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The contact was not saved.');
  await recordAudit(context, { action: 'create', entityType: 'contact', entityId: row.id, after: row });
  return presentContact(actor, row);
}

export async function updateContact(
  context: ActorContext,
  id: number,
  patch: ContactPatch,
): Promise<ContactResponse> {
  const { tx, actor } = context;
  const before = await getVisibleContact(context, id);
  refuseUnless(contactAllows(actor, 'edit', before), 'contacts', 'edit');
  const [row] = await tx
    .update(contacts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(contacts.id, id))
    .returning();
  if (!row) throw notFound('Contact');
  await recordAudit(context, { action: 'update', entityType: 'contact', entityId: id, before, after: row });
  return presentContact(actor, row);
}

export async function deleteContact(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getVisibleContact(context, id);
  refuseUnless(contactAllows(actor, 'delete', before), 'contacts', 'delete');
  // The foreign keys decide, inside a savepoint: row-level security hides some
  // user accounts (portal users) from the actor, but never from the key check.
  await tx
    .transaction((savepoint) => savepoint.delete(contacts).where(eq(contacts.id, id)))
    .catch((error: unknown) => {
      throw stillReferenced(error) ?? error;
    });
  await recordAudit(context, { action: 'delete', entityType: 'contact', entityId: id, before });
}

/** A 404 that names the field, so the form can point at the company picker. */
async function getReferencedCompany(context: ActorContext, unverifiedCompanyId: number): Promise<void> {
  await getVisibleCompany(context, unverifiedCompanyId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', 'The company was not found.', { field: 'companyId' });
    }
    throw error;
  });
}

const resourceContactKey = 'resources_contact_id_contacts_id_fk';

function stillReferenced(error: unknown): AppError | null {
  const violation = foreignKeyViolation(error);
  if (violation === null) return null;
  if (violation.constraint === resourceContactKey) {
    return new AppError(
      'conflict',
      'This contact has a user account (co-managed, internal help desk or portal). Deactivate the contact instead.',
      { reason: 'has_resource' },
    );
  }
  return new AppError('conflict', 'This contact is still used by other records. Deactivate it instead.', {
    reason: 'referenced',
  });
}

/** Drivers wrap the PostgreSQL error (drizzle: `cause`); 23503 is a foreign key violation. */
function foreignKeyViolation(error: unknown): { constraint: string | undefined } | null {
  for (
    let current: unknown = error, depth = 0;
    typeof current === 'object' && current && depth < 4;
    depth++
  ) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23503') {
      return { constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}
