import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { contacts } from '../../db/schema/index.ts';
import { escapeLike } from '../company/company.repository.ts';
import type { ContactListQuery } from './contact.schemas.ts';

export type ContactRow = typeof contacts.$inferSelect;

/** Keyset of the contact list: last name, first name, id. */
export type ContactCursor = readonly [string, string, number];

// Every read takes the caller's scope predicate; there is no unscoped finder.

export function findContact(tx: Transaction, scope: SQL, id: number): Promise<ContactRow | undefined> {
  return tx
    .select()
    .from(contacts)
    .where(and(scope, eq(contacts.id, id)))
    .then((rows) => rows[0]);
}

export function listContacts(
  tx: Transaction,
  scope: SQL,
  query: Omit<ContactListQuery, 'cursor'>,
  after: ContactCursor | null,
): Promise<ContactRow[]> {
  const pattern = query.q === undefined ? null : `%${escapeLike(query.q)}%`;
  const filters = [
    scope,
    query.companyId === undefined ? undefined : eq(contacts.companyId, query.companyId),
    pattern === null
      ? undefined
      : or(
          ilike(contacts.firstName, pattern),
          ilike(contacts.lastName, pattern),
          ilike(contacts.email, pattern),
          ilike(sql`${contacts.firstName} || ' ' || ${contacts.lastName}`, pattern),
        ),
    // A row comparison follows the ORDER BY exactly, ties included.
    after === null
      ? undefined
      : sql`(${contacts.lastName}, ${contacts.firstName}, ${contacts.id}) > (${after[0]}, ${after[1]}, ${after[2]})`,
  ];
  return tx
    .select()
    .from(contacts)
    .where(and(...filters))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(query.limit + 1);
}
