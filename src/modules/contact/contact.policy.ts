import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { allows, type Abilities, type RowFacts } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { contacts } from '../../db/schema/index.ts';
import type { Action } from '../../shared/access-vocabulary.ts';

/**
 * Contacts the actor may see: lists and single rows alike. "Mine" is the
 * actor's own contact record (a portal Basic user sees only that one).
 */
export function contactScope(actor: Actor): SQL {
  // -1 matches no contact: MSP staff have no contact record of their own.
  const isMine = eq(contacts.id, actor.contactId ?? -1);
  const scope = viewScope(actor, 'contacts', { companyId: contacts.companyId, isMine });
  // A portal Basic user sees their own record only, whatever a copied level's matrix says
  // (ACCESS-MODEL §2 Contacts; RLS: tandem_actor_only_contact_id).
  return onlyOwnContact(actor) ? (and(scope, isMine) ?? isMine) : scope;
}

function onlyOwnContact(actor: Actor): boolean {
  return actor.licence === 'portal' && actor.securityLevel.portalTier === 'basic';
}

/** Facts of an existing contact, or of one about to be added (`id: null`). */
export function contactFacts(actor: Actor, contact: { id: number | null; companyId: number }): RowFacts {
  return { companyId: contact.companyId, isMine: contact.id !== null && contact.id === actor.contactId };
}

/**
 * The matrix check for contacts. Portal users never write contacts, whatever
 * an administrator put into a copied portal level (RLS refuses it as well).
 */
export function contactAllows(
  actor: Actor,
  action: Action,
  contact: { id: number | null; companyId: number },
): boolean {
  if (action !== 'view' && actor.licence === 'portal') return false;
  return allows(actor, 'contacts', action, contactFacts(actor, contact));
}

export function contactAbilities(actor: Actor, contact: { id: number; companyId: number }): Abilities {
  return {
    view: contactAllows(actor, 'view', contact),
    edit: contactAllows(actor, 'edit', contact),
    delete: contactAllows(actor, 'delete', contact),
  };
}
