import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../database.ts';
import {
  companies,
  queues,
  locations,
  resources,
  ticketCategories,
  ticketPriorities,
  workflowRules,
} from '../schema/index.ts';

/**
 * Two workflow rules that show automation at work in the demo (issue #12 item 10), written in
 * the rule format of `src/modules/workflow/rule-definition.ts` (JSON, checked again whenever a
 * rule runs; the seed stays below the modules and does not import them):
 *
 * - a new, unassigned Contoso ticket in the Hardware category goes to Contoso's primary
 *   co-managing user (Anna), because Contoso's own IT looks at devices on site first;
 * - a High ticket that nobody has updated for 4 business hours of Northwind HQ (and that is not
 *   waiting for the customer) becomes Critical, with an internal note saying why. The worker's
 *   sweep fires it once per quiet spell, so the demo's quiet High tickets show it soon after start.
 */
export async function seedDemoRules(tx: Transaction): Promise<void> {
  const [contoso] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.name, 'Contoso'));
  const [hardware] = await tx
    .select({ id: ticketCategories.id })
    .from(ticketCategories)
    .where(eq(ticketCategories.name, 'Hardware'));
  const [headquarters] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(eq(locations.name, 'Northwind HQ'));
  const [admin] = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(eq(resources.email, 'admin@northwind.example'));
  const priorities = await tx
    .select({ id: ticketPriorities.id, name: ticketPriorities.name })
    .from(ticketPriorities)
    .where(inArray(ticketPriorities.name, ['High', 'Critical']));
  const high = priorities.find((row) => row.name === 'High');
  const critical = priorities.find((row) => row.name === 'Critical');
  const [litware] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.name, 'Litware'));
  const [litwareIt] = await tx.select({ id: queues.id }).from(queues).where(eq(queues.name, 'Litware IT'));
  if (!contoso || !litware || !litwareIt || !hardware || !headquarters || !admin || !high || !critical) {
    throw new Error('demo rules: configuration missing');
  }

  await tx.insert(workflowRules).values([
    {
      name: 'Contoso hardware: Contoso IT first',
      description:
        "A new Contoso ticket in the Hardware category that nobody has taken goes to Contoso's primary co-managing user: their own IT checks devices on site before Northwind is needed.",
      trigger: 'ticket_created',
      scopeCompanyId: contoso.id,
      conditions: [
        { field: 'categoryId', operator: 'is', value: hardware.id },
        { field: 'primaryResourceId', operator: 'is_empty' },
      ],
      actions: [{ type: 'transfer_to_co_managed' }],
      createdByResourceId: admin.id,
    },
    {
      name: 'Quiet High tickets become Critical',
      description:
        'A High ticket without an update for 4 business hours (Northwind HQ) that is not waiting for the customer is raised to Critical, with an internal note.',
      trigger: 'no_update',
      idleMinutes: 240,
      locationId: headquarters.id,
      conditions: [
        { field: 'priorityId', operator: 'is', value: high.id },
        { field: 'statusMeaning', operator: 'is_not', value: 'waiting_customer' },
      ],
      actions: [
        { type: 'set_fields', fields: { priorityId: critical.id } },
        {
          type: 'add_note',
          title: 'Escalated by automation',
          body: 'No update for 4 business hours: the priority was raised from High to Critical.',
          publishLevel: 'internal',
        },
      ],
      createdByResourceId: admin.id,
    },
    {
      // Taskfire's auto-escalation (#14 item 4): Litware's IT sees this rule in its portal.
      name: 'Litware: nobody on it for 2 business hours',
      description:
        "A Litware request that nobody at Litware has taken for 2 business hours goes to Northwind's escalation queue, so no request waits unseen.",
      trigger: 'no_update',
      idleMinutes: 120,
      locationId: headquarters.id,
      scopeCompanyId: litware.id,
      conditions: [
        { field: 'queueId', operator: 'is', value: litwareIt.id },
        { field: 'primaryResourceId', operator: 'is_empty' },
      ],
      actions: [{ type: 'escalate_to_msp' }],
      createdByResourceId: admin.id,
    },
  ]);
}
