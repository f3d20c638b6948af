import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import type { Database } from '../../db/database.ts';
import {
  attachments,
  companies,
  contacts,
  ticketNotes,
  tickets,
  timeEntries,
} from '../../db/schema/index.ts';
import { attachmentScope } from '../attachment/attachment.policy.ts';
import { companyScope } from '../company/company.policy.ts';
import { contactScope } from '../contact/contact.policy.ts';
import { noteScope } from '../note/note.policy.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import { timeEntryScope } from '../time-entry/time-entry.policy.ts';
import type { ExplainedObject } from './access-explainer.schemas.ts';

/**
 * What the app really answers: the object's scope predicate for the person, run as the person
 * (the app role, RLS on), in a read-only transaction. The cross-check of the explained decision.
 */
export function reallyVisible(
  db: Database,
  actor: Actor,
  object: ExplainedObject,
  id: number,
): Promise<boolean> {
  return runAsActor(db, actor, async ({ tx }) => {
    await tx.execute(sql`SET TRANSACTION READ ONLY`);
    const rows = await selectVisible(tx, actor, object, id);
    return rows.length === 1;
  });
}

type Tx = Parameters<Parameters<typeof runAsActor>[2]>[0]['tx'];

function selectVisible(tx: Tx, actor: Actor, object: ExplainedObject, id: number) {
  switch (object) {
    case 'ticket':
      return tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(ticketScope(actor), eq(tickets.id, id)));
    case 'note':
      return tx
        .select({ id: ticketNotes.id })
        .from(ticketNotes)
        .where(and(noteScope(actor), eq(ticketNotes.id, id)));
    case 'timeEntry':
      return tx
        .select({ id: timeEntries.id })
        .from(timeEntries)
        .where(and(timeEntryScope(actor), eq(timeEntries.id, id)));
    case 'attachment':
      return tx
        .select({ id: attachments.id })
        .from(attachments)
        .where(and(attachmentScope(actor), eq(attachments.id, id)));
    case 'company':
      return tx
        .select({ id: companies.id })
        .from(companies)
        .where(and(companyScope(actor), eq(companies.id, id)));
    case 'contact':
      return tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(contactScope(actor), eq(contacts.id, id)));
  }
}
