import { forbidden } from '../lib/errors.ts';
import type { Action, SecuredObject } from '../shared/access-vocabulary.ts';
import { type Actor, isAdmin, isMspActor } from './actor.ts';
import { allows, type RowFacts, scopeOf } from './permissions.ts';

// The one way a service or policy refuses an action: `allows` decides, these
// throw the 403 with a reason the UI shows as it is. Out of scope is not a
// refusal: that is the scope predicate's 404, before any of this runs.

const nouns: Record<SecuredObject, { one: string; many: string }> = {
  tickets: { one: 'ticket', many: 'tickets' },
  notes: { one: 'note', many: 'notes' },
  timeEntries: { one: 'time entry', many: 'time entries' },
  attachments: { one: 'attachment', many: 'attachments' },
  companies: { one: 'company', many: 'companies' },
  contacts: { one: 'contact', many: 'contacts' },
  devices: { one: 'device', many: 'devices' },
  dashboards: { one: 'dashboard', many: 'dashboards' },
  reports: { one: 'report', many: 'reports' },
};

const doing: Record<Action, string> = { view: 'viewing', add: 'adding', edit: 'editing', delete: 'deleting' };

/**
 * The reason of a matrix refusal. Without a row it is about the kind of
 * object ("adding companies"); with one, about that row ("editing this
 * contact"), and an add is about the company it would be added for.
 */
export function refusalReason(object: SecuredObject, action: Action, onRow: boolean): string {
  const noun = nouns[object];
  if (!onRow) return `Your security level does not allow ${doing[action]} ${noun.many}.`;
  if (action === 'add') return `Your security level does not allow adding ${noun.many} for this company.`;
  return `Your security level does not allow ${doing[action]} this ${noun.one}.`;
}

export interface AuthorizeOptions {
  /** Replaces the built reason where the caller can say more ("adding notes to this ticket"). */
  reason?: string;
  /** Customer-side actors never do this, whatever their level says (RLS writes agree). */
  mspOnly?: boolean;
}

/**
 * 403 unless the permission matrix lets the actor do `action` to this row —
 * or, without `facts`, to any row of the kind at all (before a company is chosen).
 */
export function authorize(
  actor: Actor,
  object: SecuredObject,
  action: Action,
  facts?: RowFacts,
  options: AuthorizeOptions = {},
): void {
  const allowed =
    (options.mspOnly !== true || isMspActor(actor)) &&
    (facts === undefined ? scopeOf(actor, object, action) !== 'none' : allows(actor, object, action, facts));
  if (!allowed) throw forbidden(options.reason ?? refusalReason(object, action, facts !== undefined));
}

/**
 * The same refusal for a decision a policy made on top of the matrix (portal
 * users never write contacts; customer-side actors change only what they
 * wrote): 403 with the reason `authorize` gives for a row, or `reason`.
 */
export function refuseUnless(allowed: boolean, object: SecuredObject, action: Action, reason?: string): void {
  if (!allowed) throw forbidden(reason ?? refusalReason(object, action, true));
}

/**
 * 403 unless the actor is an administrator. `what` completes "Only
 * administrators can …" with what was refused: "manage SLAs", "read the audit log".
 */
export function requireAdmin(actor: Actor, what: string): void {
  if (!isAdmin(actor)) throw forbidden(adminOnlyReason(what));
}

export function adminOnlyReason(what: string): string {
  return `Only administrators can ${what}. Ask your administrator.`;
}
