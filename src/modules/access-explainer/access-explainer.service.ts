import { sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { type Database, queryRows } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { type Decision, decide } from './access-explainer.decision.ts';
import { deny, info } from './access-explainer.reasons.ts';
import { reallyVisible } from './access-explainer.reality.ts';
import {
  findCompany,
  findExplainedRow,
  findGrants,
  findPerson,
  findTicketFacts,
} from './access-explainer.repository.ts';
import type { AccessExplanation, AccessExplanationQuery } from './access-explainer.schemas.ts';

const notFound = () => new AppError('not_found', 'Not found.');

/**
 * Can this person view or edit this row, and why (#12 item 6). The facts are read as the
 * administrator (who sees every row, so nothing leaks); the decision comes from the policies'
 * in-memory functions for the person's actor as the actor loader builds it; then the real scope
 * predicate runs as the person (RLS on, read-only). If the two disagree the real one is answered,
 * with the reason `inconsistent`.
 */
export async function explainAccess(
  db: Database,
  admin: Actor,
  query: AccessExplanationQuery,
): Promise<AccessExplanation> {
  const gathered = await runAsActor(db, admin, async ({ tx }) => {
    requireAdmin(admin, 'explain access');
    const person = await findPerson(tx, query.resourceId);
    const row = await findExplainedRow(tx, query.object, query.id);
    if (!person || !row) throw notFound();
    const company = await findCompany(tx, row.company_id);
    if (!company) throw notFound();
    const ticket = row.ticket_id === null ? null : await findTicketFacts(tx, row.ticket_id);
    const grants = person.licence_type === 'co_managed' ? await findGrants(tx, person.id) : [];
    const [activation] = await queryRows(
      tx,
      sql`SELECT coalesce((SELECT enabled FROM activations WHERE key = 'co_managed_help_desk'), false) AS on`,
    );
    const activationOn = activation?.on === true;
    const blocked = !person.active || (person.licence_type === 'co_managed' && !activationOn);
    const target = blocked ? null : await loadActor(tx, person.id);
    return { person, row, company, ticket, grants, activationOn, target };
  });
  const { person, target } = gathered;
  const resource = {
    id: person.id,
    name: `${person.first_name} ${person.last_name}`,
    licence: person.licence_type,
    active: person.active,
  };
  const answer = (decision: Decision): AccessExplanation => ({
    resource,
    object: query.object,
    id: query.id,
    ...decision,
  });
  const licence = info('licence', { licence: person.licence_type });
  if (!person.active) return answer({ canView: false, canEdit: false, reasons: [licence, deny('inactive')] });
  if (target === null)
    return answer({ canView: false, canEdit: false, reasons: [licence, deny('co_managed_activation_off')] });

  const decision = decide(target, {
    object: query.object,
    row: gathered.row,
    company: gathered.company,
    ticket: gathered.ticket,
    grants: gathered.grants,
    contactId: query.object === 'contact' ? query.id : null,
  });
  const real = await reallyVisible(db, target, query.object, query.id);
  const reasons = [licence, ...decision.reasons];
  if (real === decision.canView) return answer({ ...decision, reasons });
  return answer({
    canView: real,
    canEdit: real && decision.canEdit,
    reasons: [...reasons, deny('inconsistent', { explained: decision.canView, enforced: real })],
  });
}
