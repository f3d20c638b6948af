import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { seesPriority } from '../../access/actor.ts';
import { type Executor, queryRows } from '../../db/database.ts';
import {
  companies,
  contacts,
  queues,
  resources,
  ticketPriorities,
  ticketStatuses,
} from '../../db/schema/index.ts';
import { type EventSubject, readSubjectAs } from '../event-subject/event-subject.ts';
import type { TemplateValues } from './template-engine.ts';

async function nameOf(query: Promise<{ name: string }[]>): Promise<string> {
  return (await query)[0]?.name ?? '';
}

/**
 * The template values for a recipient who has a login, read as that recipient
 * (their policies and RLS): null when they may not see the ticket, or the note
 * the event is about — then they get nothing at all.
 */
export async function valuesForActor(
  context: ActorContext,
  subject: EventSubject,
): Promise<TemplateValues | null> {
  const { tx, actor } = context;
  const readable = await readSubjectAs(context, subject);
  if (!readable) return null;
  const { ticket, note } = readable;
  const [contact] =
    ticket.contactId === null
      ? []
      : await tx
          .select({ first: contacts.firstName, last: contacts.lastName, email: contacts.email })
          .from(contacts)
          .where(eq(contacts.id, ticket.contactId));
  const [primary] =
    ticket.primaryResourceId === null
      ? []
      : await tx
          .select({ first: resources.firstName, last: resources.lastName })
          .from(resources)
          .where(eq(resources.id, ticket.primaryResourceId));
  return {
    'ticket.number': ticket.number,
    'ticket.title': ticket.title,
    'ticket.description': ticket.description,
    'ticket.status': await nameOf(
      tx
        .select({ name: ticketStatuses.name })
        .from(ticketStatuses)
        .where(eq(ticketStatuses.id, ticket.statusId)),
    ),
    // A portal recipient whose level does not show the MSP's priority reads none in a message either.
    'ticket.priority': seesPriority(actor)
      ? await nameOf(
          tx
            .select({ name: ticketPriorities.name })
            .from(ticketPriorities)
            .where(eq(ticketPriorities.id, ticket.priorityId)),
        )
      : '',
    'ticket.queue':
      ticket.queueId === null
        ? ''
        : await nameOf(tx.select({ name: queues.name }).from(queues).where(eq(queues.id, ticket.queueId))),
    'ticket.dueAt': ticket.dueAt?.toISOString() ?? '',
    'company.name': await nameOf(
      tx.select({ name: companies.name }).from(companies).where(eq(companies.id, ticket.companyId)),
    ),
    'contact.name': contact ? `${contact.first} ${contact.last}` : '',
    'contact.email': contact?.email ?? '',
    'primaryResource.name': primary ? `${primary.first} ${primary.last}` : '',
    'recipient.name': actor.displayName,
    'note.title': note?.title ?? '',
    'note.body': note?.body ?? '',
  };
}

/**
 * The template values for a contact without a login (a customer who only
 * mails), read as the owner because there is no actor to read as — so this
 * applies the portal's rules by hand: only their own ticket, only notes
 * everyone may read ("all"), no internal names, no priority.
 */
export async function valuesForContact(
  db: Executor,
  contactId: number,
  { ticketId, noteId, timeEntryId, attachmentId }: EventSubject,
): Promise<TemplateValues | null> {
  const [row] = await queryRows(
    db,
    sql`SELECT t.number, t.title, t.description, t.due_at, s.name AS status, co.name AS company,
               c.first_name, c.last_name, c.email
          FROM tickets t JOIN contacts c ON c.id = t.contact_id
          JOIN ticket_statuses s ON s.id = t.status_id
          JOIN companies co ON co.id = t.company_id
         WHERE t.id = ${ticketId} AND t.contact_id = ${contactId}`,
  );
  if (!row) return null;
  // A time entry or file the contact may not read means no message at all, as for a note.
  const [hiddenItem] = await queryRows(
    db,
    sql`SELECT 1 FROM time_entries WHERE id = ${timeEntryId} AND publish_level <> 'all'
        UNION ALL SELECT 1 FROM attachments WHERE id = ${attachmentId} AND publish_level <> 'all'`,
  );
  if (hiddenItem) return null;
  let note: Record<string, unknown> | undefined;
  if (noteId !== null) {
    [note] = await queryRows(
      db,
      sql`SELECT title, body FROM ticket_notes WHERE id = ${noteId} AND ticket_id = ${ticketId} AND publish_level = 'all'`,
    );
    if (!note) return null;
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    'ticket.number': text(row.number),
    'ticket.title': text(row.title),
    'ticket.description': text(row.description),
    'ticket.status': text(row.status),
    // A contact without a login has no level that would show the MSP's priority: none, as the
    // portal's Basic and Advanced levels.
    'ticket.priority': '',
    'ticket.dueAt': row.due_at instanceof Date ? row.due_at.toISOString() : text(row.due_at),
    'company.name': text(row.company),
    'contact.name': `${text(row.first_name)} ${text(row.last_name)}`,
    'contact.email': text(row.email),
    'recipient.name': `${text(row.first_name)} ${text(row.last_name)}`,
    'note.title': text(note?.title),
    'note.body': text(note?.body),
  };
}
