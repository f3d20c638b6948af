import { eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../database.ts';
import {
  companies,
  contacts,
  issueTypes,
  noteTypes,
  queues,
  resourceRoles,
  resources,
  subIssueTypes,
  ticketCategories,
  ticketHistory,
  ticketNotes,
  ticketPriorities,
  tickets,
  ticketSecondaryResources,
  ticketSources,
  ticketStatuses,
  timeEntries,
  workTypes,
} from '../schema/index.ts';
import { demoCompanyProfiles, demoIssueTypes } from './demo-ticket-catalogue.ts';
import {
  type DemoContact,
  type DemoPerson,
  type DemoTicketWorld,
  planDemoTickets,
} from './demo-ticket-plan.ts';
import { recomputeSideActivity } from './side-activity.ts';
import { seededRandom } from './demo-random.ts';

/**
 * The demo's ticketing: configuration for every SPEC scenario (the customer's
 * internal IT, an external consultant, C_SRC facilities staff, MSP-only work)
 * and a few hundred tickets with notes and history. Runs inside the demo
 * seed's transaction as the owner (no RLS), with a handful of multi-row
 * inserts so a first start stays fast.
 */
export async function seedDemoTickets(
  tx: Transaction,
  options: { now?: Date; seed?: number } = {},
): Promise<void> {
  await addDemoConfiguration(tx);
  const world = await readDemoWorld(tx);
  const planned = planDemoTickets(world, seededRandom(options.seed ?? 20_261_128), options.now ?? new Date());

  // Numbers as tandem_next_ticket_number() gives them: T<yyyymmdd>.<nnnn> per UTC day of creation.
  const lastOfDay = new Map<string, number>();
  const numbered = planned.map((ticket) => {
    const dayKey = ticket.createdAt.toISOString().slice(0, 10);
    const sequence = (lastOfDay.get(dayKey) ?? 0) + 1;
    lastOfDay.set(dayKey, sequence);
    return { ...ticket, number: `T${dayKey.replaceAll('-', '')}.${String(sequence).padStart(4, '0')}` };
  });

  const inserted = await tx
    .insert(tickets)
    .values(
      numbered.map(
        ({ secondaries: _s, notes: _n, timeEntries: _t, statusBeforeCompletion: _b, ...ticket }) => ({
          ...ticket,
          updatedAt: ticket.lastActivityAt,
          version: ticket.completedAt ? 2 : 1,
        }),
      ),
    )
    .returning({ id: tickets.id, number: tickets.number });
  const idOf = new Map(inserted.map((row) => [row.number, row.id]));
  const saved = numbered.map((ticket) => {
    const id = idOf.get(ticket.number);
    if (id === undefined) throw new Error(`ticket ${ticket.number} not saved`);
    return { ...ticket, id };
  });

  const secondaryRows = saved.flatMap((ticket) =>
    ticket.secondaries.map((secondary) => ({
      ...secondary,
      ticketId: ticket.id,
      companyId: ticket.companyId,
    })),
  );
  if (secondaryRows.length > 0) await tx.insert(ticketSecondaryResources).values(secondaryRows);

  await tx.insert(ticketNotes).values(
    saved.flatMap((ticket) =>
      ticket.notes.map((note) => ({
        ticketId: ticket.id,
        companyId: ticket.companyId,
        noteTypeId: note.noteTypeId,
        publishLevel: note.publishLevel,
        title: note.title,
        body: note.body,
        createdByResourceId: note.authorId,
        createdAt: note.at,
        updatedAt: note.at,
      })),
    ),
  );

  await tx.insert(ticketHistory).values(
    saved.flatMap((ticket) => [
      {
        ticketId: ticket.id,
        companyId: ticket.companyId,
        occurredAt: ticket.createdAt,
        actorResourceId: ticket.createdByResourceId,
        kind: 'created',
      },
      ...(ticket.completedAt && ticket.statusBeforeCompletion !== null
        ? [
            {
              ticketId: ticket.id,
              companyId: ticket.companyId,
              occurredAt: ticket.completedAt,
              actorResourceId: ticket.primaryResourceId,
              kind: 'field_changed',
              field: 'statusId',
              oldValue: ticket.statusBeforeCompletion,
              newValue: ticket.statusId,
            },
          ]
        : []),
    ]),
  );

  const timeRows = saved.flatMap((ticket) =>
    ticket.timeEntries.map((entry) => ({
      ...entry,
      ticketId: ticket.id,
      companyId: ticket.companyId,
      // Logged when the work was done.
      createdAt: entry.endedAt,
      updatedAt: entry.endedAt,
    })),
  );
  for (let index = 0; index < timeRows.length; index += 500) {
    await tx.insert(timeEntries).values(timeRows.slice(index, index + 500));
  }
  await costTimeEntries(tx, world.person('admin@northwind.example').id);

  // Inserted in bulk, not through the ticket-change path: each side's last activity from what it reads.
  await recomputeSideActivity(tx);

  // Numbering continues where the demo's numbers end, so the next ticket of any of these days cannot collide.
  for (const [dayKey, lastValue] of lastOfDay) {
    await tx.execute(sql`SELECT tandem_continue_ticket_numbers(${dayKey}::date, ${lastValue})`);
  }
}

/**
 * The money of every time entry, from the one place that knows the rules: `tandem_cost_time_entry()`
 * (migration 0004), which costs only for an actor allowed to change the entry — here the demo's MSP
 * administrator, for this statement only (the seed itself runs without an actor).
 */
async function costTimeEntries(tx: Transaction, administratorId: number): Promise<void> {
  await tx.execute(sql`SELECT set_config('tandem.actor_id', ${String(administratorId)}, true)`);
  await tx.execute(sql`SELECT tandem_cost_time_entry(e.id) FROM ${timeEntries} e`);
  await tx.execute(sql`SELECT set_config('tandem.actor_id', '', true)`);
}

/** Queues, categories, issue types and a work type of the demo's scenarios, next to the system defaults. */
async function addDemoConfiguration(tx: Transaction): Promise<void> {
  const [, facilitiesQueue] = await tx
    .insert(queues)
    .values([
      { name: 'Contoso Internal IT', description: "Worked by Contoso's own IT team (co-managed)" },
      {
        name: 'C_SRC Facilities',
        description: 'Facilities requests raised and worked by customer staff (external source)',
        // Scenario 3: offered only to the C_SRC Facilities level (and MSP staff), never to IT.
        reserved: true,
      },
      { name: 'Litware IT', description: "Worked by Litware's own IT in the portal's help desk (Taskfire)" },
    ])
    .returning({ id: queues.id });
  const issueTypeRows = await tx
    .insert(issueTypes)
    .values(Object.keys(demoIssueTypes).map((name) => ({ name })))
    .returning({ id: issueTypes.id, name: issueTypes.name });
  await tx
    .insert(subIssueTypes)
    .values(
      issueTypeRows.flatMap((issueType) =>
        (demoIssueTypes[issueType.name] ?? []).map((name) => ({ issueTypeId: issueType.id, name })),
      ),
    );
  const building = issueTypeRows.find((row) => row.name === 'C_SRC Building');
  if (!facilitiesQueue || !building) throw new Error('demo configuration incomplete');
  await tx.insert(ticketCategories).values([
    {
      name: 'Hardware',
      description: 'Devices: laptops, printers, monitors. Say which kind, so the right person picks it up.',
      stopwatchEnabled: true,
      fieldRules: { issueType: { visible: true, required: true } },
    },
    {
      name: 'C_SRC Facilities',
      description: 'Building requests of customer facilities staff (external source), kept apart from IT.',
      reserved: true,
      coManagedVisibleByDefault: true,
      stopwatchEnabled: false,
      fieldRules: {
        issueType: { visible: true, required: true },
        estimatedHours: { visible: false, required: false },
      },
      defaults: { queueId: facilitiesQueue.id, issueTypeId: building.id },
    },
    {
      name: 'MSP Internal',
      description:
        "The MSP's own work for a customer (backups, patching, licences): not shown to co-managing users.",
      coManagedVisibleByDefault: false,
    },
  ]);
  // Of the facilities set-up: offered to whoever is offered its category (not to Contoso's IT).
  const facilitiesCategory = sql`(SELECT ${ticketCategories.id} FROM ${ticketCategories} WHERE ${ticketCategories.name} = 'C_SRC Facilities')`;
  await tx.update(issueTypes).set({ categoryId: facilitiesCategory }).where(eq(issueTypes.id, building.id));
  await tx.insert(workTypes).values({
    name: 'C_SRC Facilities Work',
    billableByDefault: false,
    categoryId: facilitiesCategory,
  });
}

async function readDemoWorld(tx: Transaction): Promise<DemoTicketWorld> {
  const profileNames = demoCompanyProfiles.map((profile) => profile.name);
  // One after another: a transaction is one connection, and node-postgres wants one query at a time on it.
  const companyRows = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.name, profileNames));
  const contactRows = await tx
    .select({ id: contacts.id, companyId: contacts.companyId, firstName: contacts.firstName })
    .from(contacts);
  const resourceRows = await tx
    .select({
      id: resources.id,
      email: resources.email,
      firstName: resources.firstName,
      licenceType: resources.licenceType,
      contactId: resources.contactId,
    })
    .from(resources);
  const roleRows = await tx.select().from(resourceRoles);
  const statusRows = await tx
    .select({ id: ticketStatuses.id, name: ticketStatuses.name })
    .from(ticketStatuses);
  const priorityRows = await tx
    .select({ id: ticketPriorities.id, name: ticketPriorities.name })
    .from(ticketPriorities);
  const queueRows = await tx.select({ id: queues.id, name: queues.name }).from(queues);
  const categoryRows = await tx
    .select({ id: ticketCategories.id, name: ticketCategories.name })
    .from(ticketCategories);
  const sourceRows = await tx
    .select({ id: ticketSources.id, name: ticketSources.systemKey })
    .from(ticketSources);
  const noteTypeRows = await tx.select({ id: noteTypes.id, name: noteTypes.name }).from(noteTypes);
  const workTypeRows = await tx.select({ id: workTypes.id, name: workTypes.name }).from(workTypes);
  const issueTypeRows = await tx.select({ id: issueTypes.id, name: issueTypes.name }).from(issueTypes);
  const subIssueTypeRows = await tx.select().from(subIssueTypes);

  const byName = (rows: { id: number; name: string | null }[], kind: string) => (name: string) => {
    const id = rows.find((row) => row.name === name)?.id;
    if (id === undefined) throw new Error(`demo tickets: no ${kind} ${name}`);
    return id;
  };
  const people = new Map<string, DemoPerson>(
    resourceRows.map((row) => [
      row.email,
      {
        id: row.id,
        firstName: row.firstName,
        // Without a role chosen, a ticket takes the resource's first role, as the API does.
        roleId:
          roleRows
            .filter((held) => held.resourceId === row.id)
            .map((held) => held.roleId)
            .sort((a, b) => a - b)[0] ?? null,
      },
    ]),
  );
  const portalUserOf = new Map(
    resourceRows
      .filter((row) => row.licenceType === 'portal' && row.contactId !== null)
      .map((row) => [row.contactId, people.get(row.email) ?? null]),
  );
  const contactsOf = (companyId: number): DemoContact[] =>
    contactRows
      .filter((row) => row.companyId === companyId)
      .map((row) => ({ id: row.id, firstName: row.firstName, portalUser: portalUserOf.get(row.id) ?? null }));
  const issueTypeId = byName(issueTypeRows, 'issue type');

  return {
    companies: demoCompanyProfiles.map((profile) => ({
      id: byName(companyRows, 'company')(profile.name),
      profile,
    })),
    contacts: contactsOf,
    person(email) {
      const person = people.get(email);
      if (!person) throw new Error(`demo tickets: no resource ${email}`);
      return person;
    },
    status: byName(statusRows, 'status'),
    priority: byName(priorityRows, 'priority'),
    queue: byName(queueRows, 'queue'),
    category: byName(categoryRows, 'category'),
    source: byName(sourceRows, 'source'),
    noteType: byName(noteTypeRows, 'note type'),
    workType: byName(workTypeRows, 'work type'),
    issueType: issueTypeId,
    subIssueType: (issueType, name) =>
      byName(
        subIssueTypeRows.filter((row) => row.issueTypeId === issueTypeId(issueType)),
        `sub-issue type of ${issueType}`,
      )(name),
  };
}
