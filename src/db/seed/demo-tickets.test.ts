import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, modelReach, type World } from '../../../test/access-model.ts';
import { demoIds, type DemoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../database.ts';
import { seededRandom } from './demo-random.ts';
import { demoCompanyProfiles, demoScenarios } from './demo-ticket-catalogue.ts';
import { type DemoTicketWorld, planDemoTickets } from './demo-ticket-plan.ts';

interface SeededTicket {
  id: number;
  number: string;
  companyId: number;
  contactId: number | null;
  primaryResourceId: number | null;
  coManagedVisible: boolean;
  createdAt: Date;
  lastActivityAt: Date;
  completedAt: Date | null;
  statusId: number;
  categoryId: number;
  issueTypeId: number | null;
  subIssueTypeId: number | null;
  queueId: number | null;
  createdByResourceId: number | null;
}

describe.each(testDatabaseTargets)('the demo tickets on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let world: World;
  let seeded: SeededTicket[];
  const seededAt = new Date();

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    world = await loadWorld(tandem.database.db);
    seeded = await tandem.database.db.query.tickets.findMany();
  });
  afterAll(() => tandem.close());

  const rows = (query: ReturnType<typeof sql>) => queryRows(tandem.database.db, query);
  const licenceOf = (resourceId: number | null) =>
    world.resources.find((resource) => resource.id === resourceId)?.licenceType;
  /** The customer's side of the desk: co-managing users and the internal help desk (Taskfire). */
  const customerDesk = (licence: string | undefined) =>
    licence === 'co_managed' || licence === 'internal_helpdesk';
  const reaches = (resourceId: number, companyId: number) => {
    const reach = modelReach(world, resourceId);
    return reach === 'all' || reach.has(companyId);
  };

  it('has a few hundred tickets across every customer, Contoso most', async () => {
    expect(seeded.length).toBeGreaterThanOrEqual(250);
    const perCompany = await rows(sql`SELECT c.name, count(*)::int AS total FROM tickets t
      JOIN companies c ON c.id = t.company_id GROUP BY c.name ORDER BY total DESC`);
    expect(perCompany[0]?.name).toBe('Contoso');
    expect(perCompany.map((row) => row.name).sort()).toEqual(
      ['Contoso', 'Contoso Logistics', 'Fabrikam', 'Litware', 'Litware Retail', 'Tailspin'].sort(),
    );
    const statuses = await rows(sql`SELECT DISTINCT status_id FROM tickets`);
    expect(statuses).toHaveLength(4);
  });

  it("has notes of every publish level, customer-internal ones only by the customer's IT in reach", async () => {
    const levels = await rows(
      sql`SELECT publish_level, count(*)::int AS total FROM ticket_notes GROUP BY publish_level`,
    );
    expect(levels.map((row) => row.publish_level).sort()).toEqual([
      'all',
      'customer_internal',
      'internal',
      'internal_and_co_managed',
    ]);
    for (const row of levels) expect(row.total).toBeGreaterThan(0);

    const notes = await rows(sql`SELECT n.publish_level, n.created_by_resource_id AS author, n.company_id,
        n.created_at, t.created_at AS ticket_created, t.last_activity_at, t.co_managed_visible, t.company_id AS ticket_company
      FROM ticket_notes n JOIN tickets t ON t.id = n.ticket_id`);
    for (const note of notes) {
      expect(note.company_id).toBe(note.ticket_company);
      expect(new Date(String(note.created_at)).getTime()).toBeGreaterThanOrEqual(
        new Date(String(note.ticket_created)).getTime(),
      );
      expect(new Date(String(note.created_at)).getTime()).toBeLessThanOrEqual(
        new Date(String(note.last_activity_at)).getTime(),
      );
      const author = note.author === null ? null : Number(note.author);
      const licence = licenceOf(author);
      if (note.publish_level === 'customer_internal') expect(customerDesk(licence)).toBe(true);
      if (note.publish_level === 'internal') expect(licence).toBe('full');
      // An internal help desk writes only what it reads itself.
      if (licence === 'internal_helpdesk') expect(['all', 'customer_internal']).toContain(note.publish_level);
      if (customerDesk(licence) && author !== null) {
        expect(note.co_managed_visible).toBe(true);
        expect(reaches(author, Number(note.company_id))).toBe(true);
      }
      // Portal users write only what they can read themselves.
      if (licence === 'portal') expect(note.publish_level).toBe('all');
    }
    const tickets = new Set(notes.map((note) => note.ticket_company));
    expect(tickets.size).toBe(6);
    const perTicket = await rows(sql`SELECT count(n.id)::int AS total FROM tickets t
      LEFT JOIN ticket_notes n ON n.ticket_id = t.id GROUP BY t.id`);
    for (const row of perTicket) expect(row.total).toBeGreaterThanOrEqual(1);
    for (const row of perTicket) expect(row.total).toBeLessThanOrEqual(5);
  });

  it('puts the customers\' IT only on tickets they can see, and shows them exactly those as "mine"', async () => {
    const onTicket = new Map<number, Set<number>>();
    const add = (resourceId: number, ticketId: number) =>
      onTicket.set(resourceId, (onTicket.get(resourceId) ?? new Set()).add(ticketId));
    for (const ticket of seeded) {
      if (ticket.primaryResourceId !== null) add(ticket.primaryResourceId, ticket.id);
    }
    for (const secondary of world.secondaries) add(secondary.resourceId, secondary.ticketId);

    const customersIt = [
      'anna.it@contoso.example',
      'ben.it@contoso.example',
      'consultant@fabrikam.example',
      'facilities@tailspin.example',
      'it@litware.example',
      'it2@litware.example',
    ];
    for (const email of customersIt) {
      const resourceId = ids.resource(email);
      const assigned = [...(onTicket.get(resourceId) ?? [])].sort((a, b) => a - b);
      expect(assigned.length, email).toBeGreaterThan(0);
      for (const ticketId of assigned) {
        const ticket = seeded.find((candidate) => candidate.id === ticketId);
        expect(ticket?.coManagedVisible, `${email} on ${ticket?.number}`).toBe(true);
        expect(reaches(resourceId, ticket?.companyId ?? 0), `${email} reaches ${ticket?.number}`).toBe(true);
      }
      const client = await tandem.signIn(email);
      const listed = (await client.get('/api/v1/tickets?assignee=mine&limit=200'))
        .json<{ items: { id: number }[] }>()
        .items.map((ticket) => ticket.id)
        .sort((a, b) => a - b);
      expect(listed, email).toEqual(assigned);
    }
    // Nobody works a ticket outside the grants: MSP staff, co-managing users and Litware's internal help desk.
    for (const [resourceId] of onTicket) {
      expect(['full', 'co_managed', 'internal_helpdesk']).toContain(licenceOf(resourceId));
    }
  });

  it('has secondary resources both ways: co-managing primary with MSP secondary, and the reverse', () => {
    const pairs = world.secondaries.map((secondary) => {
      const ticket = seeded.find((candidate) => candidate.id === secondary.ticketId);
      return `${licenceOf(ticket?.primaryResourceId ?? null) ?? 'none'}+${licenceOf(secondary.resourceId) ?? 'none'}`;
    });
    expect(pairs).toContain('co_managed+full');
    expect(pairs).toContain('full+co_managed');
  });

  it('keeps MSP-only work hidden from co-managing users and C_SRC work at Tailspin', () => {
    const mspInternal = seeded.filter((ticket) => ticket.categoryId === ids.category('MSP Internal'));
    expect(mspInternal.length).toBeGreaterThan(0);
    for (const ticket of mspInternal) {
      expect(ticket.coManagedVisible).toBe(false);
      expect(licenceOf(ticket.primaryResourceId)).toBe('full');
      expect(world.secondaries.filter((secondary) => secondary.ticketId === ticket.id)).toEqual([]);
    }
    expect(seeded.filter((ticket) => !ticket.coManagedVisible)).toEqual(mspInternal);

    const facilities = seeded.filter((ticket) => ticket.categoryId === ids.category('C_SRC Facilities'));
    expect(facilities.length).toBeGreaterThan(0);
    for (const ticket of facilities) {
      expect(ticket.companyId).toBe(ids.company('Tailspin'));
      expect(ticket.queueId).toBe(ids.queue('C_SRC Facilities'));
    }
    expect(
      facilities.some((ticket) => ticket.primaryResourceId === ids.resource('facilities@tailspin.example')),
    ).toBe(true);
    // The category requires an issue type; Hardware does too.
    for (const ticket of seeded.filter((candidate) =>
      [ids.category('Hardware'), ids.category('C_SRC Facilities')].includes(candidate.categoryId),
    )) {
      expect(ticket.issueTypeId).not.toBeNull();
    }
  });

  it('keeps every ticket consistent: contacts of its company, dates in order, complete means completed', () => {
    const complete = ids.status('Complete');
    for (const ticket of seeded) {
      if (ticket.contactId !== null) {
        expect(world.contacts.find((contact) => contact.id === ticket.contactId)?.companyId).toBe(
          ticket.companyId,
        );
      }
      expect(ticket.lastActivityAt.getTime()).toBeGreaterThanOrEqual(ticket.createdAt.getTime());
      expect(ticket.lastActivityAt.getTime()).toBeLessThanOrEqual(seededAt.getTime() + 1000);
      expect(ticket.createdAt.getTime()).toBeGreaterThan(seededAt.getTime() - 91 * 24 * 3_600_000);
      expect(ticket.completedAt !== null).toBe(ticket.statusId === complete);
      if (ticket.completedAt) expect(ticket.completedAt.getTime()).toBe(ticket.lastActivityAt.getTime());
    }
    // Basic portal users raise tickets of their own, which they alone of their company's portal users see.
    const lars = world.resources.find(
      (resource) => resource.id === ids.resource('user@contoso-logistics.example'),
    );
    expect(seeded.some((ticket) => ticket.contactId === lars?.contactId)).toBe(true);
  });

  it("has time entries over the last weeks by MSP staff and the customers' IT, costed, none of today", async () => {
    const entries =
      await rows(sql`SELECT e.resource_id, e.company_id, e.publish_level, e.started_at, e.ended_at,
        e.hours::float8 AS hours, e.billable, e.created_at, t.created_at AS ticket_created, t.last_activity_at,
        t.co_managed_visible, t.primary_resource_id, c.internal_cost::float8 AS internal_cost,
        c.billable_amount::float8 AS billable_amount,
        EXISTS (SELECT 1 FROM ticket_secondary_resources s WHERE s.ticket_id = t.id AND s.resource_id = e.resource_id) AS secondary
      FROM time_entries e JOIN tickets t ON t.id = e.ticket_id LEFT JOIN time_entry_costs c ON c.time_entry_id = e.id`);
    expect(entries.length).toBeGreaterThan(200);
    const startOfToday = new Date(seededAt);
    startOfToday.setUTCHours(0, 0, 0, 0);
    const licences = new Set<string>();
    for (const entry of entries) {
      const author = Number(entry.resource_id);
      const licence = licenceOf(author) ?? 'none';
      licences.add(licence);
      const started = new Date(String(entry.started_at)).getTime();
      const ended = new Date(String(entry.ended_at)).getTime();
      expect(started).toBeGreaterThanOrEqual(new Date(String(entry.ticket_created)).getTime());
      expect(ended).toBeLessThanOrEqual(new Date(String(entry.last_activity_at)).getTime());
      expect(ended).toBeLessThanOrEqual(startOfToday.getTime());
      expect(Math.abs((ended - started) / 3_600_000 - Number(entry.hours))).toBeLessThan(0.01);
      // Costed by the database's own function: co-managing users' time costs nothing.
      expect(entry.internal_cost).not.toBeNull();
      if (customerDesk(licence)) {
        expect(entry.internal_cost).toBe(0);
        if (licence === 'internal_helpdesk') {
          expect(['all', 'customer_internal']).toContain(entry.publish_level);
        }
        expect(entry.billable).toBe(false);
        expect(entry.publish_level).not.toBe('internal');
        expect(entry.co_managed_visible).toBe(true);
        expect(reaches(author, Number(entry.company_id))).toBe(true);
        // Only on tickets they are on (the restricted levels log no time elsewhere).
        expect(Number(entry.primary_resource_id) === author || entry.secondary === true).toBe(true);
      } else {
        expect(licence).toBe('full');
        expect(Number(entry.internal_cost)).toBeGreaterThan(0);
      }
      if (!entry.co_managed_visible) expect(entry.publish_level).toBe('internal');
    }
    expect([...licences].sort()).toEqual(['co_managed', 'full', 'internal_helpdesk']);
    const days = new Set(
      entries.map((entry) => new Date(String(entry.started_at)).toISOString().slice(0, 10)),
    );
    expect(days.size).toBeGreaterThan(30);
  });

  it('shows the time logged in the last week to the admin (with money) and to Anna (without)', async () => {
    const from = new Date(seededAt.getTime() - 6 * 86_400_000).toISOString().slice(0, 10);
    const report = async (email: string) => {
      const client = await tandem.signIn(email);
      const answer = await client.get(`/api/v1/reports/time-logged?groupBy=resource&from=${from}`);
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json<{ withMoney: boolean; items: { label: string; hours: number }[] }>();
    };
    const admin = await report('admin@northwind.example');
    expect(admin.withMoney).toBe(true);
    expect(admin.items.length).toBeGreaterThanOrEqual(3);
    const anna = await report('anna.it@contoso.example');
    expect(anna.withMoney).toBe(false);
    expect(anna.items.map((row) => row.label)).toContain('Anna Schmidt');
    expect(anna.items.some((row) => row.label !== 'Anna Schmidt' && row.label !== 'Ben Okafor')).toBe(true);
  });

  it("logs the demo's incoming mail: tickets by mail from their contact, an auto-reply dropped, a large scan refused", async () => {
    const log = await rows(sql`SELECT m.outcome, m.from_address, m.subject, m.reason, m.received_at,
                                      t.title, t.created_at, c.email AS contact_email
                                 FROM incoming_mail m
                                 LEFT JOIN tickets t ON t.id = m.ticket_id
                                 LEFT JOIN contacts c ON c.id = t.contact_id`);
    const created = log.filter((row) => row.outcome === 'ticket_created');
    expect(created.length).toBeGreaterThan(0);
    for (const row of created) {
      expect(row.from_address).toBe(row.contact_email);
      expect(row.subject).toBe(row.title);
      expect(new Date(String(row.received_at)).getTime()).toBe(new Date(String(row.created_at)).getTime());
    }
    expect(log.filter((row) => row.outcome === 'dropped').map((row) => row.reason)).toEqual([
      'automatic mail (Auto-Submitted: auto-replied)',
    ]);
    expect(log.filter((row) => row.outcome === 'rejected').map((row) => row.reason)).toEqual([
      'The message is too large.',
    ]);
    expect(log.every((row) => new Date(String(row.received_at)) <= new Date())).toBe(true);
    // Listed newest first by id, as the intake writes them: ids follow the time of receipt.
    const received = await rows(sql`SELECT received_at FROM incoming_mail ORDER BY id`);
    const times = received.map((row) => new Date(String(row.received_at)).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("has a 'created' history entry for every ticket, by its creator, at its creation", async () => {
    const created =
      await rows(sql`SELECT h.ticket_id, h.actor_resource_id, h.occurred_at FROM ticket_history h
      WHERE h.kind = 'created'`);
    expect(created).toHaveLength(seeded.length);
    for (const entry of created) {
      const ticket = seeded.find((candidate) => candidate.id === Number(entry.ticket_id));
      expect(entry.actor_resource_id === null ? null : Number(entry.actor_resource_id)).toBe(
        ticket?.createdByResourceId,
      );
      expect(new Date(String(entry.occurred_at)).getTime()).toBe(ticket?.createdAt.getTime());
    }
  });

  it('numbers tickets T<yyyymmdd>.<nnnn> by creation day, uniquely, and a new ticket does not collide', async () => {
    const numbers = seeded.map((ticket) => ticket.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const lastOfDay = new Map<string, number>();
    for (const ticket of seeded) {
      const match = /^T(\d{8})\.(\d{4})$/.exec(ticket.number);
      expect(match, ticket.number).not.toBeNull();
      const [, dayPart = '', sequence = ''] = match ?? [];
      expect(dayPart).toBe(ticket.createdAt.toISOString().slice(0, 10).replaceAll('-', ''));
      lastOfDay.set(dayPart, Math.max(lastOfDay.get(dayPart) ?? 0, Number(sequence)));
    }
    // The number the next sequence value would get on each day lies above that day's last seeded number.
    const nextOfDay = await rows(
      sql`SELECT to_char(day, 'YYYYMMDD') AS day, (SELECT last_value + 1 FROM ticket_number_sequence) - base AS next
            FROM ticket_number_days`,
    );
    for (const [dayPart, last] of lastOfDay) {
      expect(Number(nextOfDay.find((row) => row.day === dayPart)?.next), dayPart).toBeGreaterThan(last);
    }

    const tech = await tandem.signIn('tech1@northwind.example');
    const response = await tech.post('/api/v1/tickets', {
      title: 'Printer on floor 3 out of paper tray',
      companyId: ids.company('Contoso'),
    });
    expect(response.statusCode, response.body).toBe(201);
    const { number } = response.json<{ number: string }>();
    expect(number).toMatch(/^T\d{8}\.\d{4}$/);
    expect(numbers).not.toContain(number);
    const today = number.slice(1, 9);
    expect(Number(number.slice(10))).toBe((lastOfDay.get(today) ?? 0) + 1);
  });
  // Last: it creates a ticket, which the counts above must not see.
  it('has two active workflow rules that the rules API accepts as they are', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const listed = (await admin.get('/api/v1/workflow-rules')).json<{
      items: { id: number; name: string; active: boolean; trigger: string; disabledReason: string | null }[];
    }>().items;
    expect(listed.map((rule) => [rule.trigger, rule.active, rule.disabledReason])).toEqual(
      expect.arrayContaining([
        ['ticket_created', true, null],
        ['no_update', true, null],
      ]),
    );
    // The stored JSON is the API's own format: saving it back unchanged is accepted.
    for (const rule of listed) {
      const one = (await admin.get(`/api/v1/workflow-rules/${rule.id}`)).json<{
        conditions: unknown[];
        actions: unknown[];
      }>();
      const saved = await admin.patch(`/api/v1/workflow-rules/${rule.id}`, {
        conditions: one.conditions,
        actions: one.actions,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }

    // A new, unassigned Contoso hardware ticket goes to Anna, Contoso's primary co-managing user.
    const tech = await tandem.signIn('tech1@northwind.example');
    const created = await tech.post('/api/v1/tickets', {
      title: 'Docking station in room 2.04 is dead',
      companyId: ids.company('Contoso'),
      categoryId: ids.category('Hardware'),
      issueTypeId: (await rows(sql`SELECT id FROM issue_types WHERE name = 'Hardware'`))[0]?.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ primaryResourceId: number | null }>().primaryResourceId).toBe(
      ids.resource('anna.it@contoso.example'),
    );
  });
});

describe('the demo ticket plan', () => {
  const world: DemoTicketWorld = {
    companies: demoCompanyProfiles.map((profile, index) => ({ id: index + 1, profile })),
    contacts: (companyId) => [
      {
        id: companyId * 10,
        firstName: 'Pat',
        portalUser: { id: 900 + companyId, firstName: 'Pat', roleId: null },
      },
      { id: companyId * 10 + 1, firstName: 'Sam', portalUser: null },
    ],
    person: (email) => ({ id: email.length, firstName: email.split('@')[0] ?? '', roleId: 1 }),
    status: (name) => name.length,
    priority: (name) => name.length,
    queue: (name) => name.length,
    category: (name) => name.length,
    source: (name) => name.length,
    noteType: (name) => name.length,
    workType: (name) => name.length,
    issueType: (name) => name.length,
    subIssueType: (issueType, name) => issueType.length * 100 + name.length,
  };

  it('is the same every time for the same seed and moment, and different for another seed', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const first = planDemoTickets(world, seededRandom(7), now);
    expect(planDemoTickets(world, seededRandom(7), now)).toEqual(first);
    expect(planDemoTickets(world, seededRandom(8), now)).not.toEqual(first);
    expect(new Set(first.map((ticket) => ticket.title)).size).toBeGreaterThan(100);
    expect(first.every((ticket) => !ticket.title.includes('{'))).toBe(true);
    expect(first.every((ticket) => ticket.notes.every((note) => !note.body.includes('{')))).toBe(true);
    expect(first.every((ticket) => ticket.timeEntries.every((entry) => !entry.summary.includes('{')))).toBe(
      true,
    );
  });

  it('tells one story per ticket: its title, description and resolution come from the same request', () => {
    const pattern = (text: string) =>
      new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`);
    const requests = demoScenarios.flatMap((scenario) => scenario.requests);
    const planned = planDemoTickets(world, seededRandom(11), new Date('2026-11-28T10:00:00Z'));
    for (const ticket of planned) {
      const story = requests.filter(
        (request) =>
          request.titles.some((title) => pattern(title).test(ticket.title)) &&
          request.descriptions.some((description) => pattern(description).test(ticket.description)),
      );
      expect(story.length, `${ticket.title} / ${ticket.description}`).toBeGreaterThan(0);
      const resolution = ticket.notes.find((note) => note.title === 'Resolution');
      if (resolution) {
        expect(
          story.some((request) => request.resolutions.some((text) => pattern(text).test(resolution.body))),
          `${ticket.title} / ${resolution.body}`,
        ).toBe(true);
      }
    }
    expect(planned.some((ticket) => ticket.title.startsWith('Toner warning'))).toBe(true);
  });
});
