import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/database.ts';
import type { LicenceType, PublishLevel } from '../../shared/access-vocabulary.ts';

export type Sender =
  | {
      kind: 'resource';
      resourceId: number;
      licence: LicenceType;
      contactId: number | null;
      companyId: number;
    }
  | { kind: 'contact'; contactId: number; companyId: number }
  | { kind: 'unknown' };

/**
 * Who wrote, by address, read as the owner (mail arrives before any actor):
 * a person with a login, else a contact — unless the address is a contact of
 * more than one company, which is as good as unknown.
 */
export async function findSender(db: Database, address: string): Promise<Sender> {
  const [resource] = await queryRows(
    db,
    sql`SELECT id, licence_type, contact_id, company_id FROM resources
         WHERE lower(email) = lower(${address}) AND active AND password_hash IS NOT NULL LIMIT 1`,
  );
  if (resource) {
    return {
      kind: 'resource',
      resourceId: Number(resource.id),
      licence: resource.licence_type as LicenceType,
      contactId: resource.contact_id === null ? null : Number(resource.contact_id),
      companyId: Number(resource.company_id),
    };
  }
  const contacts = await queryRows(
    db,
    sql`SELECT id, company_id FROM contacts WHERE lower(email) = lower(${address}) AND active ORDER BY id`,
  );
  const companies = new Set(contacts.map((row) => Number(row.company_id)));
  const [first] = contacts;
  if (!first || companies.size !== 1) return { kind: 'unknown' };
  return { kind: 'contact', contactId: Number(first.id), companyId: Number(first.company_id) };
}

/**
 * Mail never widens who reads a note: each sender writes at the narrowest level
 * that still includes them and their side — the MSP internally, co-managing
 * users for the MSP and co-managers, the customer's IT for themselves and the
 * MSP, customers for everyone on the ticket.
 */
export function replyPublishLevel(sender: Sender): PublishLevel {
  if (sender.kind !== 'resource') return 'all';
  switch (sender.licence) {
    case 'full':
    case 'api_only':
      return 'internal';
    case 'co_managed':
      return 'internal_and_co_managed';
    case 'internal_helpdesk':
      return 'customer_internal';
    case 'portal':
      return 'all';
  }
}
