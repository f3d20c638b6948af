import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import type { z } from 'zod';
import type { ruleRunSchema, ruleSchema } from '../src/modules/workflow/workflow.schemas.ts';
import type { PageOutput } from '../src/lib/http-schemas.ts';
import type { auditEntrySchema } from '../src/modules/audit/audit.schemas.ts';
import type { noteSchema } from '../src/modules/note/note.schemas.ts';
import type { ticketSchema } from '../src/modules/ticket/ticket.schemas.ts';

type Rule = z.output<typeof ruleSchema>;
type Ticket = z.output<typeof ticketSchema>;
/** A run's details are free-form JSON in the API; a failed action records its error there. */
type Run = Omit<z.output<typeof ruleRunSchema>, 'details'> & { details: { error?: string; reason?: string } };

/** Rules through the API: admin only, refused when broken, applied in the save, never looping. */
describe.each(testDatabaseTargets)('workflow rules on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let ids: DemoIds;
  let priorities: Record<string, number>;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
    priorities = Object.fromEntries(
      (await tandem.database.db.query.ticketPriorities.findMany()).map((row) => [row.name, row.id]),
    );
  });
  afterAll(() => tandem.close());

  async function addRule(body: Record<string, unknown>): Promise<Rule> {
    const response = await admin.post('/api/v1/workflow-rules', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function runsOf(rule: Rule): Promise<Run[]> {
    return (await admin.get(`/api/v1/workflow-rules/${rule.id}/runs`)).json<{ items: Run[] }>().items;
  }

  it('is an admin screen', async () => {
    const technician = await tandem.signIn('tech1@northwind.example');
    expect((await technician.get('/api/v1/workflow-rules')).statusCode).toBe(403);
    const coManaging = await tandem.signIn('anna.it@contoso.example');
    expect(
      (await coManaging.post('/api/v1/workflow-rules', { name: 'x', trigger: 'ticket_created', actions: [] }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await coManaging.post('/api/v1/workflow-rules', {
          name: 'x',
          trigger: 'ticket_created',
          actions: [{ type: 'escalate_to_msp' }],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses rules that cannot run, with the reason', async () => {
    const missingQueue = await admin.post('/api/v1/workflow-rules', {
      name: 'Into a queue that is not there',
      trigger: 'ticket_created',
      actions: [{ type: 'set_fields', fields: { queueId: 999_999 } }],
    });
    expect(missingQueue.statusCode).toBe(422);
    expect(missingQueue.json<{ error: { message: string } }>().error.message).toContain('queue 999999');
    const idle = await admin.post('/api/v1/workflow-rules', {
      name: 'Idle without hours',
      trigger: 'no_update',
      actions: [{ type: 'escalate_to_msp' }],
    });
    expect(idle.statusCode).toBe(400);
    const unknownField = await admin.post('/api/v1/workflow-rules', {
      name: 'Strict body',
      trigger: 'ticket_created',
      actions: [{ type: 'escalate_to_msp' }],
      surprise: true,
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('applies field changes in the same save and writes the audit log', async () => {
    const rule = await addRule({
      name: 'Tailspin tickets are high',
      trigger: 'ticket_created',
      scope: { companyId: ids.company('Tailspin') },
      actions: [
        { type: 'set_fields', fields: { priorityId: priorities.High } },
        { type: 'add_note', body: 'Set to high by the Tailspin rule.', publishLevel: 'internal' },
      ],
    });
    const ticket = await createTicket(admin, { companyId: ids.company('Tailspin') });
    const response = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<Ticket>();
    expect(response.priorityId).toBe(priorities.High);
    // The create answer already shows the rule's change: it happened before the commit.
    expect(ticket.version).toBe(response.version);
    const notes = (await admin.get(`/api/v1/tickets/${ticket.id}/notes`)).json<
      PageOutput<typeof noteSchema>
    >();
    expect(notes.items.map((note) => note.body)).toEqual(['Set to high by the Tailspin rule.']);
    const elsewhere = await createTicket(admin, { companyId: ids.company('Fabrikam') });
    expect((await admin.get(`/api/v1/tickets/${elsewhere.id}`)).json<Ticket>().priorityId).not.toBe(
      priorities.High,
    );
    const audit = (await admin.get('/api/v1/audit-log?entityType=workflow_rule')).json<
      PageOutput<typeof auditEntrySchema>
    >();
    expect(audit.items.length).toBeGreaterThan(0);
    await admin.delete(`/api/v1/workflow-rules/${rule.id}`);
  });

  it('disables a rule whose queue was deleted, with a visible reason, and the save still succeeds', async () => {
    const queue = (await admin.post('/api/v1/queues', { name: 'Short-lived queue' })).json<{ id: number }>();
    const rule = await addRule({
      name: 'Litware into the short-lived queue',
      trigger: 'ticket_created',
      scope: { companyId: ids.company('Litware') },
      actions: [{ type: 'set_fields', fields: { queueId: queue.id } }],
    });
    expect((await admin.delete(`/api/v1/queues/${queue.id}`)).statusCode).toBe(204);
    const ticket = await createTicket(admin, { companyId: ids.company('Litware') });
    expect(ticket.id).toBeGreaterThan(0);
    const disabled = (await admin.get(`/api/v1/workflow-rules/${rule.id}`)).json<Rule>();
    expect(disabled.active).toBe(false);
    expect(disabled.disabledReason).toBe(`The queue ${queue.id} no longer exists.`);
    expect((await runsOf(rule))[0]).toMatchObject({ outcome: 'disabled', ticketId: ticket.id });
    // Switching it back on is refused while the reason stands.
    expect((await admin.patch(`/api/v1/workflow-rules/${rule.id}`, { active: true })).statusCode).toBe(422);
  });

  it('logs a failing action, undoes the rule, and keeps the save', async () => {
    const rule = await addRule({
      name: 'Litware to co-managed (Litware has no co-managing users)',
      trigger: 'ticket_created',
      scope: { companyId: ids.company('Litware') },
      actions: [
        { type: 'set_fields', fields: { priorityId: priorities.Critical } },
        { type: 'transfer_to_co_managed' },
      ],
    });
    const ticket = await createTicket(admin, { companyId: ids.company('Litware') });
    const saved = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<Ticket>();
    expect(saved.priorityId).not.toBe(priorities.Critical);
    const [run] = await runsOf(rule);
    expect(run?.outcome).toBe('failed');
    expect(run?.details.error).toContain('no primary co-managing user');
    await admin.delete(`/api/v1/workflow-rules/${rule.id}`);
  });

  it('never re-triggers a rule by its own change, and stops chains at the depth limit', async () => {
    const own = await addRule({
      name: 'Edits make Fabrikam tickets high',
      trigger: 'ticket_edited',
      scope: { companyId: ids.company('Fabrikam') },
      actions: [{ type: 'set_fields', fields: { priorityId: priorities.High } }],
    });
    const ticket = await createTicket(admin, { companyId: ids.company('Fabrikam') });
    const edited = await admin.patch(`/api/v1/tickets/${ticket.id}`, {
      version: ticket.version,
      title: 'Renamed',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Ticket>().priorityId).toBe(priorities.High);
    expect((await runsOf(own)).filter((run) => run.ticketId === ticket.id)).toHaveLength(1);
    await admin.delete(`/api/v1/workflow-rules/${own.id}`);

    // Six rules that each flip the priority trigger one another, one level deeper each time.
    const chain: Rule[] = [];
    for (let index = 0; index < 6; index++) {
      chain.push(
        await addRule({
          name: `Ping-pong ${index}`,
          position: index,
          trigger: 'ticket_edited',
          scope: { companyId: ids.company('Tailspin') },
          actions: [
            {
              type: 'set_fields',
              fields: { priorityId: index % 2 === 0 ? priorities.Critical : priorities.Low },
            },
          ],
        }),
      );
    }
    const pingPong = await createTicket(admin, { companyId: ids.company('Tailspin') });
    const response = await admin.patch(`/api/v1/tickets/${pingPong.id}`, {
      version: pingPong.version,
      title: 'Go',
    });
    expect(response.statusCode, response.body).toBe(200);
    const outcomes = (await Promise.all(chain.map(runsOf)))
      .flat()
      .filter((run) => run.ticketId === pingPong.id);
    expect(outcomes.filter((run) => run.outcome === 'depth_limit').length).toBeGreaterThan(0);
    expect(outcomes.filter((run) => run.outcome === 'applied')).toHaveLength(5);
    expect(outcomes.filter((run) => run.outcome === 'depth_limit')).toHaveLength(1);
    for (const rule of chain) await admin.delete(`/api/v1/workflow-rules/${rule.id}`);
  });
});
