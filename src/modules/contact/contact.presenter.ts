import type { Actor } from '../../access/actor.ts';
import { contactAbilities } from './contact.policy.ts';
import type { ContactRow } from './contact.repository.ts';
import type { ContactResponse } from './contact.schemas.ts';

export function presentContact(actor: Actor, row: ContactRow): ContactResponse {
  return {
    id: row.id,
    companyId: row.companyId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    title: row.title,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: contactAbilities(actor, row),
  };
}
