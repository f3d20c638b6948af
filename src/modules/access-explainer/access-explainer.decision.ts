import { type Actor, isMspActor, reaches } from '../../access/actor.ts';
import { allows, scopeOf } from '../../access/permissions.ts';
import { ticketKindAllows } from '../../access/ticket-kinds.ts';
import type { SecuredObject } from '../../shared/access-vocabulary.ts';
import { readablePublishLevels } from '../../shared/access-vocabulary.ts';
import { companyAbilities } from '../company/company.policy.ts';
import { contactAllows } from '../contact/contact.policy.ts';
import { noteAbilities } from '../note/note.policy.ts';
import { ticketFacts, ticketVisibleTo } from '../ticket/ticket.policy.ts';
import { timeEntryAbilities } from '../time-entry/time-entry.policy.ts';
import type {
  CoManagedGrant,
  ExplainedCompany,
  ExplainedRow,
  ExplainedTicket,
} from './access-explainer.repository.ts';
import { allow, deny, info } from './access-explainer.reasons.ts';
import type { AccessReason, ExplainedObject } from './access-explainer.schemas.ts';

export interface Decision {
  canView: boolean;
  canEdit: boolean;
  reasons: AccessReason[];
}

export interface DecisionFacts {
  object: ExplainedObject;
  row: ExplainedRow;
  company: ExplainedCompany;
  ticket: ExplainedTicket | null;
  grants: readonly CoManagedGrant[];
  /** The row's contact id, for a contact. */
  contactId: number | null;
}

const securedObjectOf: Record<ExplainedObject, SecuredObject> = {
  ticket: 'tickets',
  note: 'notes',
  timeEntry: 'timeEntries',
  attachment: 'attachments',
  company: 'companies',
  contact: 'contacts',
};

/**
 * The decision, taken by the policies' own in-memory functions (ticketVisibleTo, allows, the
 * abilities), with the chain of reasons that led to it. Stops at the first step that denies.
 */
export function decide(actor: Actor, facts: DecisionFacts): Decision {
  const reasons: AccessReason[] = [];
  const done = (canView: boolean, canEdit: boolean): Decision => ({ canView, canEdit, reasons });
  const object = securedObjectOf[facts.object];
  reasons.push(
    info('security_level', {
      level: actor.securityLevel.name,
      viewScope: scopeOf(actor, object, 'view'),
      editScope: scopeOf(actor, object, 'edit'),
    }),
  );
  if (actor.licence === 'portal') reasons.push(info('portal_tier', { tier: actor.securityLevel.portalTier }));

  if (!explainReach(actor, facts, reasons)) return done(false, false);

  const ticket = facts.ticket;
  if (ticket !== null) {
    const visibility = { ...ticket, ...ticketShape(ticket) };
    const ticketIsMine = ticketFacts(actor, visibility).isMine;
    if (!allows(actor, 'tickets', 'view', ticketFacts(actor, visibility))) {
      reasons.push(
        deny('ticket_view_scope', { scope: scopeOf(actor, 'tickets', 'view'), ticket: ticket.number }),
      );
      return done(false, false);
    }
    const kinds = actor.securityLevel.ticketKinds;
    if (kinds.queueIds !== null || kinds.categoryIds !== null) {
      if (!ticketKindAllows(kinds, { queueId: ticket.queue_id, categoryId: ticket.category_id })) {
        reasons.push(deny('ticket_kind_restricted', { ticket: ticket.number }));
        return done(false, false);
      }
      reasons.push(allow('ticket_kind_allowed', { ticket: ticket.number }));
    }
    if (!ticketVisibleTo(actor, visibility)) {
      reasons.push(
        deny(ticket.co_managed_visible ? 'portal_not_contact' : 'msp_internal_ticket', {
          ticket: ticket.number,
        }),
      );
      return done(false, false);
    }
    reasons.push(
      allow(ticket.co_managed_visible ? 'ticket_visible' : 'ticket_visible_as_assignee', {
        ticket: ticket.number,
        mine: ticketIsMine,
      }),
    );
    if (facts.object === 'ticket') {
      const canEdit = allows(actor, 'tickets', 'edit', ticketFacts(actor, visibility));
      reasons.push((canEdit ? allow : deny)('edit_scope', { scope: scopeOf(actor, 'tickets', 'edit') }));
      return done(true, canEdit);
    }
    const level = facts.row.publish_level ?? '';
    if (!readablePublishLevels[actor.licence].includes(level as never)) {
      reasons.push(deny('publish_level', { level, licence: actor.licence }));
      return done(false, false);
    }
    reasons.push(allow('publish_level', { level, licence: actor.licence }));
    const isMine =
      facts.object === 'timeEntry'
        ? facts.row.created_by === actor.resourceId
        : facts.row.created_by === actor.resourceId || ticketIsMine;
    const view = allows(actor, object, 'view', { companyId: facts.row.company_id, isMine });
    if (!view) {
      reasons.push(deny('view_scope', { scope: scopeOf(actor, object, 'view') }));
      return done(false, false);
    }
    reasons.push(allow('view_scope', { scope: scopeOf(actor, object, 'view') }));
    const canEdit = editOnTicket(actor, facts);
    reasons.push((canEdit ? allow : deny)('edit_scope', { scope: scopeOf(actor, object, 'edit') }));
    return done(true, canEdit);
  }

  const view =
    facts.object === 'company'
      ? companyAbilities(actor, { id: facts.company.id }).view
      : contactView(actor, facts);
  if (!view) {
    reasons.push(deny('view_scope', { scope: scopeOf(actor, object, 'view') }));
    return done(false, false);
  }
  reasons.push(allow('view_scope', { scope: scopeOf(actor, object, 'view') }));
  const canEdit =
    facts.object === 'company'
      ? companyAbilities(actor, { id: facts.company.id }).edit
      : contactAllows(actor, 'edit', { id: facts.contactId, companyId: facts.company.id });
  reasons.push((canEdit ? allow : deny)('edit_scope', { scope: scopeOf(actor, object, 'edit') }));
  return done(true, canEdit);
}

function contactView(actor: Actor, facts: DecisionFacts): boolean {
  const contact = { id: facts.contactId, companyId: facts.company.id };
  const onlyOwn = actor.licence === 'portal' && actor.securityLevel.portalTier === 'basic';
  return contactAllows(actor, 'view', contact) && (!onlyOwn || facts.contactId === actor.contactId);
}

function editOnTicket(actor: Actor, facts: DecisionFacts): boolean {
  const row = { companyId: facts.row.company_id, createdByResourceId: facts.row.created_by };
  switch (facts.object) {
    case 'note':
      return noteAbilities(actor, row).edit;
    case 'timeEntry':
      return timeEntryAbilities(actor, { companyId: row.companyId, resourceId: row.createdByResourceId ?? 0 })
        .edit;
    default:
      return false; // attachments are not edited: upload a new one
  }
}

function ticketShape(ticket: ExplainedTicket) {
  return {
    companyId: ticket.company_id,
    primaryResourceId: ticket.primary_resource_id,
    createdByResourceId: ticket.created_by_resource_id,
    contactId: ticket.contact_id,
    secondaryResourceIds: ticket.secondary_resource_ids,
    coManagedVisible: ticket.co_managed_visible,
    queueId: ticket.queue_id,
    categoryId: ticket.category_id,
  };
}

/** Whether the row's company is in the actor's reach, and through what. */
function explainReach(actor: Actor, facts: DecisionFacts, reasons: AccessReason[]): boolean {
  const company = facts.company;
  const params = { company: company.name };
  if (!reaches(actor.reach, company.id)) {
    if (actor.licence === 'co_managed' && !company.co_managed_enabled && grantFor(facts)) {
      reasons.push(deny('company_co_management_disabled', params));
    } else if (isMspActor(actor)) {
      reasons.push(deny('not_my_company', params));
    } else {
      reasons.push(deny('no_association', params));
    }
    return false;
  }
  if (isMspActor(actor)) {
    reasons.push(allow(actor.reach === 'all' ? 'reach_all_companies' : 'reach_my_companies', params));
  } else if (actor.licence === 'co_managed') {
    const grant = grantFor(facts);
    reasons.push(allow('co_managed_activation_on'));
    reasons.push(allow('company_co_management_enabled', params));
    if (grant === null) reasons.push(allow('reach', params));
    else
      reasons.push(
        allow(grant.team_name === null ? 'association_direct' : 'association_team', {
          ...params,
          grantedCompany: grant.company_name,
          team: grant.team_name,
          includeSubsidiaries: grant.include_subsidiaries,
          viaSubsidiaries: grant.company_id !== company.id,
        }),
      );
  } else {
    reasons.push(allow(company.id === actor.companyId ? 'own_company' : 'company_family', params));
  }
  return true;
}

/** The grant that reaches the company: a direct one first, else through a parent with subsidiaries. */
function grantFor(facts: DecisionFacts): CoManagedGrant | null {
  const lineage = facts.company.lineage;
  const direct = facts.grants.find((grant) => grant.company_id === lineage[0]);
  if (direct) return direct;
  return (
    facts.grants.find((grant) => grant.include_subsidiaries && lineage.slice(1).includes(grant.company_id)) ??
    null
  );
}
