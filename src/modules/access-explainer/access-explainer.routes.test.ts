import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, modelVisibleNotes, modelVisibleTickets, type World } from '../../../test/access-model.ts';
import { type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import {
  coManagedAssociations,
  coManagingTeamMembers,
  coManagingTeams,
  ticketNotes,
  tickets,
} from '../../db/schema/index.ts';
import { publishLevels } from '../../shared/access-vocabulary.ts';
import type { AccessExplanation } from './access-explainer.schemas.ts';

const logins = [
  'admin@northwind.example',
  'tech1@northwind.example',
  'tech2@northwind.example',
  'anna.it@contoso.example',
  'consultant@fabrikam.example',
  'facilities@tailspin.example',
  'user@contoso.example',
  'user@contoso-logistics.example',
  'user@fabrikam.example',
  'user@litware.example',
];

interface Spec {
  key: string;
  company: string;
  visible: boolean;
  primary?: string;
  contact?: string;
}

const specs: Spec[] = [
  { key: 'contoso', company: 'Contoso', visible: true },
  { key: 'contosoInternal', company: 'Contoso', visible: false },
  { key: 'contosoInternalAnna', company: 'Contoso', visible: false, primary: 'anna.it@contoso.example' },
  { key: 'logistics', company: 'Contoso Logistics', visible: true },
  {
    key: 'logisticsLars',
    company: 'Contoso Logistics',
    visible: true,
    contact: 'user@contoso-logistics.example',
  },
  { key: 'fabrikam', company: 'Fabrikam', visible: true },
  { key: 'litware', company: 'Litware', visible: true },
];

/**
 * The access explainer against the independent reference model (test/access-model.ts): every
 * verdict equals the model's, and the reason that decided is the one the case is about.
 */
describe.each(testDatabaseTargets)('access explainer on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let admin: TestClient;
  let world: World;
  const ticket: Record<string, number> = {};
  const note: Record<string, Record<string, number>> = {};

  const explain = async (email: string, object: string, id: number) => {
    const response = await admin.get(
      `/api/v1/admin/access-explanation?resourceId=${ids.resource(email)}&object=${object}&id=${id}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AccessExplanation>();
  };
  const codes = (explanation: AccessExplanation) => explanation.reasons.map((reason) => reason.code);
  const deciding = (explanation: AccessExplanation) =>
    explanation.reasons.find((reason) => reason.outcome === 'deny')?.code ?? null;
  const modelSeesTicket = (email: string, key: string) =>
    modelVisibleTickets(world, ids.resource(email)).includes(ticket[key] ?? 0);

  /** A ticket case: the verdict is the model's; the reason named decided it. */
  async function expectTicket(email: string, key: string, view: boolean, code: string) {
    const explanation = await explain(email, 'ticket', ticket[key] ?? 0);
    expect(modelSeesTicket(email, key)).toBe(view);
    expect(explanation.canView).toBe(view);
    expect(codes(explanation)).toContain(code);
    if (!view) expect(deciding(explanation)).toBe(code);
    expect(codes(explanation)).not.toContain('inconsistent');
    return explanation;
  }

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    admin = await tandem.signIn('admin@northwind.example');
    const db = tandem.database.db;
    const [priority] = await db.query.ticketPriorities.findMany({ limit: 1 });
    if (!priority) throw new Error('no priority');
    const contactOf = async (email: string) =>
      (await db.query.resources.findFirst({ where: (table, { eq }) => eq(table.email, email) }))?.contactId ??
      null;
    let number = 0;
    for (const spec of specs) {
      number += 1;
      const [row] = await db
        .insert(tickets)
        .values({
          statusId: ids.status('New'),
          categoryId: ids.category('Standard'),
          priorityId: priority.id,
          number: `T19980101.${String(number).padStart(4, '0')}`,
          title: 'Explained ticket',
          companyId: ids.company(spec.company),
          coManagedVisible: spec.visible,
          primaryResourceId: spec.primary ? ids.resource(spec.primary) : null,
          contactId: spec.contact ? await contactOf(spec.contact) : null,
        })
        .returning({ id: tickets.id, companyId: tickets.companyId });
      if (!row) throw new Error('no ticket');
      ticket[spec.key] = row.id;
      const notes = await db
        .insert(ticketNotes)
        .values(
          publishLevels.map((publishLevel) => ({
            ticketId: row.id,
            companyId: row.companyId,
            publishLevel,
            body: `explained ${publishLevel}`,
          })),
        )
        .returning({ id: ticketNotes.id, publishLevel: ticketNotes.publishLevel });
      note[spec.key] = Object.fromEntries(notes.map((entry) => [entry.publishLevel, entry.id]));
    }
    // The consultant reaches Contoso Logistics through a team, not directly.
    const [team] = await db
      .insert(coManagingTeams)
      .values({ name: 'Explainer Partners' })
      .returning({ id: coManagingTeams.id });
    if (!team) throw new Error('no team');
    await db
      .insert(coManagingTeamMembers)
      .values({ teamId: team.id, resourceId: ids.resource('consultant@fabrikam.example') });
    await db
      .insert(coManagedAssociations)
      .values({ companyId: ids.company('Contoso Logistics'), teamId: team.id });
    world = await loadWorld(db);
  });
  afterAll(() => tandem.close());

  it('Anna on a Fabrikam ticket: denied, no association with Fabrikam', async () => {
    const explanation = await expectTicket('anna.it@contoso.example', 'fabrikam', false, 'no_association');
    expect(explanation.reasons.find((reason) => reason.code === 'no_association')?.params).toEqual({
      company: 'Fabrikam',
    });
    expect(explanation.resource.name).toBe('Anna Schmidt');
  });

  it('Anna on a Contoso ticket: allowed through her direct association', async () => {
    const explanation = await expectTicket('anna.it@contoso.example', 'contoso', true, 'association_direct');
    expect(codes(explanation)).toEqual(
      expect.arrayContaining([
        'licence',
        'security_level',
        'co_managed_activation_on',
        'company_co_management_enabled',
      ]),
    );
    expect(explanation.canEdit).toBe(true);
  });

  it('Anna on a Contoso Logistics ticket: allowed through include-subsidiaries on Contoso', async () => {
    const explanation = await expectTicket(
      'anna.it@contoso.example',
      'logistics',
      true,
      'association_direct',
    );
    expect(explanation.reasons.find((reason) => reason.code === 'association_direct')?.params).toMatchObject({
      company: 'Contoso Logistics',
      grantedCompany: 'Contoso',
      includeSubsidiaries: true,
      viaSubsidiaries: true,
    });
  });

  it('Anna on an MSP-internal Contoso ticket: denied; assigned to her, allowed', async () => {
    await expectTicket('anna.it@contoso.example', 'contosoInternal', false, 'msp_internal_ticket');
    await expectTicket('anna.it@contoso.example', 'contosoInternalAnna', true, 'ticket_visible_as_assignee');
  });

  it('Anna on notes: an internal note is denied by its publish level, a co-managed one is allowed', async () => {
    const anna = ids.resource('anna.it@contoso.example');
    for (const level of publishLevels) {
      const id = note.contoso?.[level] ?? 0;
      const explanation = await explain('anna.it@contoso.example', 'note', id);
      expect(explanation.canView).toBe(modelVisibleNotes(world, anna).includes(id));
      expect(codes(explanation)).toContain('publish_level');
    }
    const internal = await explain('anna.it@contoso.example', 'note', note.contoso?.internal ?? 0);
    expect(internal.canView).toBe(false);
    expect(deciding(internal)).toBe('publish_level');
  });

  it('a portal Basic user: a co-worker’s ticket is denied, their own is allowed', async () => {
    const lars = 'user@contoso-logistics.example';
    const coWorkers = await explain(lars, 'ticket', ticket.logistics ?? 0);
    expect(modelSeesTicket(lars, 'logistics')).toBe(false);
    expect(coWorkers.canView).toBe(false);
    expect(codes(coWorkers)).toContain('portal_tier');
    expect(coWorkers.reasons.find((reason) => reason.code === 'portal_tier')?.params).toEqual({
      tier: 'basic',
    });
    expect(deciding(coWorkers)).not.toBeNull();
    await expectTicket(lars, 'logisticsLars', true, 'ticket_visible');
  });

  it('the consultant reaches Contoso Logistics through a team, and not Contoso', async () => {
    const consultant = 'consultant@fabrikam.example';
    const explanation = await expectTicket(consultant, 'logistics', true, 'association_team');
    expect(explanation.reasons.find((reason) => reason.code === 'association_team')?.params).toMatchObject({
      team: 'Explainer Partners',
      viaSubsidiaries: false,
    });
    await expectTicket(consultant, 'contoso', false, 'no_association');
  });

  it('the administrator sees everything, an internal note included', async () => {
    await expectTicket('admin@northwind.example', 'contosoInternal', true, 'reach_all_companies');
    expect((await explain('admin@northwind.example', 'note', note.fabrikam?.internal ?? 0)).canView).toBe(
      true,
    );
  });

  it('never disagrees with the real scope predicate, nor with the model, on any demo login', async () => {
    for (const email of logins) {
      const resourceId = ids.resource(email);
      for (const spec of specs) {
        const explanation = await explain(email, 'ticket', ticket[spec.key] ?? 0);
        expect(codes(explanation)).not.toContain('inconsistent');
        expect([email, spec.key, explanation.canView]).toEqual([
          email,
          spec.key,
          modelSeesTicket(email, spec.key),
        ]);
        for (const level of publishLevels) {
          const id = note[spec.key]?.[level] ?? 0;
          const onNote = await explain(email, 'note', id);
          expect(codes(onNote)).not.toContain('inconsistent');
          expect([email, spec.key, level, onNote.canView]).toEqual([
            email,
            spec.key,
            level,
            modelVisibleNotes(world, resourceId).includes(id),
          ]);
        }
      }
    }
  });

  it('a technician whose level views tickets of "my companies": the account team decides', async () => {
    const db = tandem.database.db;
    const level = sql`(SELECT security_level_id FROM resources WHERE email = 'tech1@northwind.example')`;
    await db.execute(
      sql`UPDATE security_levels SET permissions = jsonb_set(permissions, '{tickets,view}', '"my_companies"') WHERE id = ${level}`,
    );
    try {
      world = await loadWorld(db);
      await expectTicket('tech1@northwind.example', 'contoso', true, 'reach_all_companies');
      const other = await expectTicket('tech1@northwind.example', 'fabrikam', false, 'ticket_view_scope');
      expect(other.reasons.find((reason) => reason.code === 'ticket_view_scope')?.params).toMatchObject({
        scope: 'my_companies',
      });
    } finally {
      await db.execute(
        sql`UPDATE security_levels SET permissions = jsonb_set(permissions, '{tickets,view}', '"all"') WHERE id = ${level}`,
      );
      world = await loadWorld(db);
    }
  });

  it('Contoso with co-management disabled: Anna is denied, and the switch is named', async () => {
    const db = tandem.database.db;
    await db.execute(sql`UPDATE companies SET co_managed_enabled = false WHERE name = 'Contoso'`);
    try {
      world = await loadWorld(db);
      await expectTicket('anna.it@contoso.example', 'contoso', false, 'company_co_management_disabled');
    } finally {
      await db.execute(sql`UPDATE companies SET co_managed_enabled = true WHERE name = 'Contoso'`);
      world = await loadWorld(db);
    }
  });

  it('the co-managed activation off: Anna is denied before anything else', async () => {
    const db = tandem.database.db;
    await db.execute(sql`UPDATE activations SET enabled = false WHERE key = 'co_managed_help_desk'`);
    try {
      world = await loadWorld(db);
      await expectTicket('anna.it@contoso.example', 'contoso', false, 'co_managed_activation_off');
    } finally {
      await db.execute(sql`UPDATE activations SET enabled = true WHERE key = 'co_managed_help_desk'`);
      world = await loadWorld(db);
    }
  });

  it('an inactive person is denied, named inactive', async () => {
    const db = tandem.database.db;
    await db.execute(sql`UPDATE resources SET active = false WHERE email = 'ben.it@contoso.example'`);
    try {
      world = await loadWorld(db);
      const explanation = await explain('ben.it@contoso.example', 'ticket', ticket.contoso ?? 0);
      expect(modelVisibleTickets(world, ids.resource('ben.it@contoso.example'))).not.toContain(
        ticket.contoso,
      );
      expect(explanation.canView).toBe(false);
      expect(deciding(explanation)).toBe('inactive');
    } finally {
      await db.execute(sql`UPDATE resources SET active = true WHERE email = 'ben.it@contoso.example'`);
    }
  });

  it('answers 400 for bad ids, 404 for an unknown row or person, 403 to a non-administrator', async () => {
    const anna = ids.resource('anna.it@contoso.example');
    const base = '/api/v1/admin/access-explanation';
    expect((await admin.get(`${base}?resourceId=x&object=ticket&id=1`)).statusCode).toBe(400);
    expect((await admin.get(`${base}?resourceId=${anna}&object=ticket&id=0`)).statusCode).toBe(400);
    expect((await admin.get(`${base}?resourceId=${anna}&object=device&id=1`)).statusCode).toBe(400);
    expect((await admin.get(`${base}?resourceId=${anna}&object=ticket&id=999999999`)).statusCode).toBe(404);
    expect(
      (await admin.get(`${base}?resourceId=999999999&object=ticket&id=${ticket.contoso}`)).statusCode,
    ).toBe(404);
    const tech = await tandem.signIn('tech1@northwind.example');
    expect((await tech.get(`${base}?resourceId=${anna}&object=ticket&id=${ticket.contoso}`)).statusCode).toBe(
      403,
    );
  });
});
