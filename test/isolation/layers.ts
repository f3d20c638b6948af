import { type SQL, sql } from 'drizzle-orm';
import { loadActor } from '../../src/access/actor-loader.ts';
import { type ActorContext, runAsActor } from '../../src/access/actor-transaction.ts';
import type { Actor } from '../../src/access/actor.ts';
import { type Database, queryRows } from '../../src/db/database.ts';
import {
  attachments,
  companies,
  contacts,
  ticketNotes,
  tickets,
  timeEntries,
} from '../../src/db/schema/index.ts';
import { attachmentScope } from '../../src/modules/attachment/attachment.policy.ts';
import { companyScope } from '../../src/modules/company/company.policy.ts';
import { contactScope } from '../../src/modules/contact/contact.policy.ts';
import { noteScope } from '../../src/modules/note/note.policy.ts';
import { ticketScope } from '../../src/modules/ticket/ticket.policy.ts';
import { timeEntryScope } from '../../src/modules/time-entry/time-entry.policy.ts';
import {
  modelVisibleAttachments,
  modelVisibleCompanies,
  modelVisibleContacts,
  modelVisibleNotes,
  modelVisibleTickets,
  modelVisibleTimeEntries,
  type World,
} from '../access-model.ts';

/**
 * Each layer of "enforced twice" run alone (ARCHITECTURE, "The access model,
 * enforced twice"):
 * - RLS alone: raw SQL in a transaction opened by `runAsActor` — the very code
 *   path of every request (role `tandem_app`, the actor in the settings) — with
 *   no application predicate at all;
 * - the application predicate alone: the policies' scope predicates run as the
 *   table owner, which row-level security does not filter.
 */

/** The objects every layer is compared on. */
export const isolatedObjects = [
  'tickets',
  'notes',
  'timeEntries',
  'attachments',
  'contacts',
  'companies',
] as const;
export type IsolatedObject = (typeof isolatedObjects)[number];
export type VisibleSets = Record<IsolatedObject, number[]>;

/**
 * The actor a request of this resource would act as. A resource the loader
 * refuses (inactive, co-managed while the activation is off) never gets a
 * request; for RLS-only reads it still gets an actor with nothing in reach —
 * RLS reads only the id from the transaction and computes the rest itself.
 */
export async function actorFor(db: Database, resourceId: number): Promise<Actor> {
  try {
    return await loadActor(db, resourceId);
  } catch {
    return refusedActor(resourceId);
  }
}

function refusedActor(resourceId: number): Actor {
  return {
    resourceId,
    impersonatorId: null,
    licence: 'portal',
    email: '',
    displayName: '',
    locale: 'en',
    companyId: 0,
    contactId: null,
    securityLevel: {
      id: 0,
      name: 'refused',
      permissions: {} as Actor['securityLevel']['permissions'],
      flags: {} as Actor['securityLevel']['flags'],
      portalTier: null,
      ticketKinds: { queueIds: null, categoryIds: null },
    },
    reach: new Set(),
    myCompanyIds: new Set(),
    coManagedActivationOn: false,
  };
}

/** Raw SQL as a request runs it (runAsActor: app role, actor set), with no application filter. */
export function rlsOnly(db: Database, actor: Actor, query: SQL): Promise<Record<string, unknown>[]> {
  return runAsActor(db, actor, ({ tx }) => queryRows(tx, query));
}

/**
 * `runAsActor` without its role switch: the transaction stays the table owner,
 * which RLS does not filter, but the actor is in the settings the definer
 * functions of the predicates read (secondary tickets, search). What comes back
 * is what the application's predicate alone lets through.
 */
export function asOwnerWithActor<T>(
  db: Database,
  actor: Actor,
  work: (context: ActorContext) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('tandem.actor_id', ${String(actor.resourceId)}, true),
      set_config('tandem.impersonator_id', ${actor.impersonatorId === null ? '' : String(actor.impersonatorId)}, true)`);
    const [row] = await queryRows(
      tx,
      sql`SELECT current_user AS role, row_security_active('tickets') AS rls`,
    );
    if (row?.rls !== false)
      throw new Error(`the owner transaction is filtered by RLS (${String(row?.role)})`);
    return work({ tx, actor });
  });
}

const ids = (rows: Record<string, unknown>[]) => rows.map((row) => Number(row.id)).sort((a, b) => a - b);

/** What RLS alone lets an actor read of each object. */
export function rlsOnlySets(db: Database, actor: Actor): Promise<VisibleSets> {
  return runAsActor(db, actor, async ({ tx }) => ({
    tickets: ids(await queryRows(tx, sql`SELECT id FROM tickets`)),
    notes: ids(await queryRows(tx, sql`SELECT id FROM ticket_notes`)),
    timeEntries: ids(await queryRows(tx, sql`SELECT id FROM time_entries`)),
    attachments: ids(await queryRows(tx, sql`SELECT id FROM attachments`)),
    contacts: ids(await queryRows(tx, sql`SELECT id FROM contacts`)),
    companies: ids(await queryRows(tx, sql`SELECT id FROM companies`)),
  }));
}

/** What the application's scope predicates alone let an actor read (RLS bypassed). */
export function predicateOnlySets(db: Database, actor: Actor): Promise<VisibleSets> {
  return asOwnerWithActor(db, actor, async ({ tx }) => {
    const select = async (query: Promise<{ id: number }[]>) =>
      (await query).map((row) => row.id).sort((a, b) => a - b);
    return {
      tickets: await select(tx.select({ id: tickets.id }).from(tickets).where(ticketScope(actor))),
      notes: await select(tx.select({ id: ticketNotes.id }).from(ticketNotes).where(noteScope(actor))),
      timeEntries: await select(
        tx.select({ id: timeEntries.id }).from(timeEntries).where(timeEntryScope(actor)),
      ),
      attachments: await select(
        tx.select({ id: attachments.id }).from(attachments).where(attachmentScope(actor)),
      ),
      contacts: await select(tx.select({ id: contacts.id }).from(contacts).where(contactScope(actor))),
      companies: await select(tx.select({ id: companies.id }).from(companies).where(companyScope(actor))),
    };
  });
}

/** Every row of each object, as the owner sees them: what an actor would get with both layers off. */
export function everythingSets(db: Database): Promise<VisibleSets> {
  return db.transaction(async (tx) => ({
    tickets: ids(await queryRows(tx, sql`SELECT id FROM tickets`)),
    notes: ids(await queryRows(tx, sql`SELECT id FROM ticket_notes`)),
    timeEntries: ids(await queryRows(tx, sql`SELECT id FROM time_entries`)),
    attachments: ids(await queryRows(tx, sql`SELECT id FROM attachments`)),
    contacts: ids(await queryRows(tx, sql`SELECT id FROM contacts`)),
    companies: ids(await queryRows(tx, sql`SELECT id FROM companies`)),
  }));
}

export function modelSets(world: World, resourceId: number): VisibleSets {
  return {
    tickets: modelVisibleTickets(world, resourceId),
    notes: modelVisibleNotes(world, resourceId),
    timeEntries: modelVisibleTimeEntries(world, resourceId),
    attachments: modelVisibleAttachments(world, resourceId),
    contacts: modelVisibleContacts(world, resourceId),
    companies: modelVisibleCompanies(world, resourceId),
  };
}

/** Differences between two answers, one line per object: "tickets: extra [4] missing [7]". */
export function differences(expected: VisibleSets, actual: VisibleSets): string[] {
  const lines: string[] = [];
  for (const object of isolatedObjects) {
    const want = new Set(expected[object]);
    const got = new Set(actual[object]);
    const extra = [...got].filter((id) => !want.has(id));
    const missing = [...want].filter((id) => !got.has(id));
    if (extra.length > 0 || missing.length > 0) {
      lines.push(`${object}: extra [${extra.join(',')}] missing [${missing.join(',')}]`);
    }
  }
  return lines;
}
