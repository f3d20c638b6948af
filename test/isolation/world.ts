import { inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { type Database, queryRows } from '../../src/db/database.ts';
import {
  attachments,
  auditLog,
  coManagedAssociations,
  coManagingTeamMembers,
  coManagingTeams,
  companies,
  companyAccountTeam,
  contacts,
  outboxEvents,
  resources,
  securityLevels,
  ticketNotes,
  tickets,
  ticketSecondaryResources,
  timeEntries,
  workflowRuleRuns,
} from '../../src/db/schema/index.ts';
import { newStorageKey } from '../../src/lib/storage/blob-storage.ts';
import type { BlobStorage } from '../../src/lib/storage/blob-storage.ts';
import {
  internalHelpdeskSharingModes,
  type PermissionMatrix,
  permissionScopes,
  type PermissionScope,
  portalTiers,
  publishLevels,
  securityLevelFlags,
  type SecurityLevelFlags,
} from '../../src/shared/access-vocabulary.ts';
import type { ModelObject } from '../access-model.ts';

/**
 * Random worlds for the property-based isolation tests (#11): company trees,
 * co-managing users and teams, narrow custom levels, portal and
 * internal-helpdesk users, tickets with contacts and resources, notes, time and
 * attachments of every publish level.
 *
 * A spec holds only small numbers; every reference (a company, a contact, a
 * resource) is an index taken modulo what exists when the world is built. So
 * any spec builds, and shrinking a spec (fewer rows, smaller numbers) always
 * gives another valid world.
 */

const scope = fc.constantFrom<PermissionScope>(...permissionScopes);
const modelObjects = ['tickets', 'notes', 'timeEntries', 'attachments', 'companies', 'contacts'] as const;

/** A narrow custom level: a random view scope per object; `null` keeps the licence's system level. */
const viewsArbitrary = fc.option(
  fc.record(
    Object.fromEntries(modelObjects.map((object) => [object, scope])) as Record<
      ModelObject,
      fc.Arbitrary<PermissionScope>
    >,
  ),
  { nil: null, freq: 3 },
);

/**
 * A level's ticket restriction (ACCESS-MODEL §2 ticket kinds): indexes into the baseline's queues and
 * categories, each side restricted or not. Optional in a spec (absent: none), so older specs build.
 */
const kindIndexes = fc.option(fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 2 }), {
  nil: null,
  freq: 2,
});
/** One level in four: enough restricted actors, without narrowing every other rule's worlds. */
const kindsArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ queues: kindIndexes, categories: kindIndexes }) },
);

const resourceArbitrary = fc.record(
  {
    licence: fc.constantFrom(
      'full' as const,
      'co_managed' as const,
      'co_managed' as const,
      'internal_helpdesk' as const,
      'portal' as const,
      'portal' as const,
    ),
    company: fc.nat(20),
    active: fc.oneof(
      { weight: 9, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    tier: fc.constantFrom(...portalTiers),
    systemLevel: fc.nat(3),
    views: viewsArbitrary,
    /** MSP staff: account team of these companies. */
    accountTeam: fc.uniqueArray(fc.nat(20), { maxLength: 2 }),
    /** Co-managing users: direct grants. */
    grants: fc.array(fc.record({ company: fc.nat(20), includeSubsidiaries: fc.boolean() }), { maxLength: 2 }),
    /** Co-managing users: team memberships. */
    teams: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
    kinds: kindsArbitrary,
  },
  {
    requiredKeys: [
      'licence',
      'company',
      'active',
      'tier',
      'systemLevel',
      'views',
      'accountTeam',
      'grants',
      'teams',
    ],
  },
);

export const searchWords = ['kestrel', 'walrus', 'quokka'] as const;

const ticketArbitrary = fc.record(
  {
    company: fc.nat(20),
    /** On the MSP's own company instead. */
    onMsp: fc.oneof(
      { weight: 8, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    coManagedVisible: fc.boolean(),
    contact: fc.option(fc.nat(20), { nil: null, freq: 4 }),
    primary: fc.option(fc.nat(20), { nil: null, freq: 3 }),
    secondaries: fc.uniqueArray(fc.nat(20), { maxLength: 2 }),
    createdBy: fc.option(fc.nat(20), { nil: null, freq: 3 }),
    word: fc.nat(searchWords.length),
    /** Indexes into the baseline's queues (none: no queue) and categories; absent: no queue, the default category. */
    queue: fc.option(fc.nat(3), { nil: null, freq: 4 }),
    category: fc.nat(3),
  },
  {
    requiredKeys: [
      'company',
      'onMsp',
      'coManagedVisible',
      'contact',
      'primary',
      'secondaries',
      'createdBy',
      'word',
    ],
  },
);

const childArbitrary = fc.record({
  ticket: fc.nat(40),
  publishLevel: fc.constantFrom(...publishLevels),
  author: fc.option(fc.nat(20), { nil: null, freq: 5 }),
  word: fc.nat(searchWords.length),
});

export const worldSpecArbitrary = fc.record({
  coManagedOn: fc.oneof(
    { weight: 6, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  companies: fc.array(
    fc.record({
      /** Index of an earlier company (modulo), or none: a forest. */
      parent: fc.option(fc.nat(10), { nil: null, freq: 2 }),
      coManagedEnabled: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      sharing: fc.constantFrom(...internalHelpdeskSharingModes),
      contacts: fc.nat(2),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  teams: fc.array(
    fc.array(fc.record({ company: fc.nat(20), includeSubsidiaries: fc.boolean() }), { maxLength: 2 }),
    {
      maxLength: 2,
    },
  ),
  resources: fc.array(resourceArbitrary, { minLength: 1, maxLength: 8 }),
  tickets: fc.array(ticketArbitrary, { maxLength: 12 }),
  notes: fc.array(childArbitrary, { maxLength: 16 }),
  timeEntries: fc.array(childArbitrary, { maxLength: 8 }),
  attachments: fc.array(childArbitrary, { maxLength: 6 }),
  pageSize: fc.constantFrom(2, 5, 200),
});

export type WorldSpec = typeof worldSpecArbitrary extends fc.Arbitrary<infer Spec> ? Spec : never;

/** What the environment outside any world holds: the MSP's company, configuration for tickets and time. */
export interface Baseline {
  mspCompanyId: number;
  statusId: number;
  priorityId: number;
  categoryId: number;
  /** Queues and categories tickets are spread over; one of each is reserved for a set-up, with a work type of its own. */
  queueIds: number[];
  categoryIds: number[];
  roleId: number;
  workTypeId: number;
  /** System level ids by licence (portal: by tier). */
  systemLevels: Map<string, number[]>;
  systemMatrices: Map<number, PermissionMatrix>;
}

export async function prepareBaseline(db: Database): Promise<Baseline> {
  const [msp] = await db
    .insert(companies)
    .values({ name: 'Isolation MSP', companyType: 'msp' })
    .returning({ id: companies.id });
  const [roleRow] = await queryRows(
    db,
    sql`INSERT INTO roles (name) VALUES ('Isolation engineer')
        ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
  );
  const [status, priority, category, workType, levels] = await Promise.all([
    db.query.ticketStatuses.findFirst(),
    db.query.ticketPriorities.findFirst(),
    db.query.ticketCategories.findFirst(),
    db.query.workTypes.findFirst(),
    db.query.securityLevels.findMany({ where: (table, { eq }) => eq(table.isSystem, true) }),
  ]);
  if (!msp || !roleRow || !status || !priority || !category || !workType) {
    throw new Error('the baseline needs ticketing defaults: run ensureSystemData first');
  }
  // Ticket kinds: a shared and a reserved queue and category, next to the defaults, and a set-up's work type.
  const upsert = async (table: 'queues' | 'ticket_categories', name: string, reserved: boolean) => {
    const [row] = await queryRows(
      db,
      sql`INSERT INTO ${sql.identifier(table)} (name, reserved) VALUES (${name}, ${reserved})
          ON CONFLICT ((lower(name))) DO UPDATE SET reserved = excluded.reserved RETURNING id`,
    );
    return Number(row?.id);
  };
  const queueIds = [await upsert('queues', 'Isolation shared queue', false)];
  queueIds.push(await upsert('queues', 'Isolation set-up queue', true));
  const categoryIds = [category.id, await upsert('ticket_categories', 'Isolation shared category', false)];
  const reservedCategory = await upsert('ticket_categories', 'Isolation set-up category', true);
  categoryIds.push(reservedCategory);
  await queryRows(
    db,
    sql`INSERT INTO work_types (name, category_id) VALUES ('Isolation set-up work', ${reservedCategory})
        ON CONFLICT ((lower(name))) DO NOTHING`,
  );
  await queryRows(
    db,
    sql`INSERT INTO note_types (name, default_publish_level, category_id)
        VALUES ('Isolation set-up note', 'all', ${reservedCategory}) ON CONFLICT ((lower(name))) DO NOTHING`,
  );
  const systemLevels = new Map<string, number[]>();
  const systemMatrices = new Map<number, PermissionMatrix>();
  for (const level of levels) {
    const key = level.licenceType === 'portal' ? `portal:${level.portalTier ?? ''}` : level.licenceType;
    systemLevels.set(
      key,
      [...(systemLevels.get(key) ?? []), level.id].sort((a, b) => a - b),
    );
    systemMatrices.set(level.id, level.permissions);
  }
  return {
    mspCompanyId: msp.id,
    statusId: status.id,
    priorityId: priority.id,
    categoryId: category.id,
    queueIds,
    categoryIds,
    roleId: Number(roleRow.id),
    workTypeId: workType.id,
    systemLevels,
    systemMatrices,
  };
}

/** The rows one world added, so it can be removed again. */
export interface BuiltWorld {
  tag: string;
  companyIds: number[];
  contactIds: number[];
  resourceIds: number[];
  levelIds: number[];
  teamIds: number[];
  ticketIds: number[];
  noteIds: number[];
  timeEntryIds: number[];
  attachmentIds: number[];
  /** The bytes stored for each attachment, to compare downloads with. */
  attachmentBytes: Map<number, Buffer>;
  /** Ticket id → the ticket's number (the CSV export names tickets by number). */
  ticketNumbers: Map<number, string>;
}

const pick = <T>(items: readonly T[], index: number | null): T | undefined =>
  index === null || items.length === 0 ? undefined : items[index % items.length];

let worldSequence = 0;

/** Inserts a world as the owner (no RLS, no application code): only the rows the model reads. */
export async function buildWorld(
  db: Database,
  baseline: Baseline,
  storage: BlobStorage,
  spec: WorldSpec,
): Promise<BuiltWorld> {
  worldSequence += 1;
  const tag = `w${worldSequence}x${Date.now().toString(36)}`;
  const built: BuiltWorld = {
    tag,
    companyIds: [],
    contactIds: [],
    resourceIds: [],
    levelIds: [],
    teamIds: [],
    ticketIds: [],
    noteIds: [],
    timeEntryIds: [],
    attachmentIds: [],
    attachmentBytes: new Map(),
    ticketNumbers: new Map(),
  };

  await db.execute(
    sql`UPDATE activations SET enabled = ${spec.coManagedOn} WHERE key = 'co_managed_help_desk'`,
  );

  // Companies: a forest, each parent an earlier company.
  const companyContacts: number[][] = [];
  for (const [index, company] of spec.companies.entries()) {
    const parent = index === 0 || company.parent === null ? null : pick(built.companyIds, company.parent);
    const [row] = await db
      .insert(companies)
      .values({
        name: `${tag} company ${index}`,
        parentCompanyId: parent ?? null,
        coManagedEnabled: company.coManagedEnabled,
        internalHelpdeskSharing: company.sharing,
      })
      .returning({ id: companies.id });
    if (!row) throw new Error('company not inserted');
    built.companyIds.push(row.id);
    const extra =
      company.contacts === 0
        ? []
        : await db
            .insert(contacts)
            .values(
              Array.from({ length: company.contacts }, (_, number) => ({
                companyId: row.id,
                firstName: 'Contact',
                lastName: `${tag}c${index}n${number}`,
              })),
            )
            .returning({ id: contacts.id });
    companyContacts.push(extra.map((contact) => contact.id));
    built.contactIds.push(...extra.map((contact) => contact.id));
  }

  // Co-managing teams and their grants.
  for (const [index, grants] of spec.teams.entries()) {
    const [team] = await db
      .insert(coManagingTeams)
      .values({ name: `${tag} team ${index}` })
      .returning({ id: coManagingTeams.id });
    if (!team) throw new Error('team not inserted');
    built.teamIds.push(team.id);
    const unique = new Map(grants.map((grant) => [pick(built.companyIds, grant.company) ?? 0, grant]));
    if (unique.size > 0) {
      await db.insert(coManagedAssociations).values(
        [...unique].map(([companyId, grant]) => ({
          companyId,
          teamId: team.id,
          includeSubsidiaries: grant.includeSubsidiaries,
        })),
      );
    }
  }

  // Resources, each with its level: the licence's system level or a narrow copy of it.
  for (const [index, resource] of spec.resources.entries()) {
    const customerSide = resource.licence !== 'full';
    const companyId = customerSide
      ? (pick(built.companyIds, resource.company) ?? baseline.mspCompanyId)
      : baseline.mspCompanyId;
    const key = resource.licence === 'portal' ? `portal:${resource.tier}` : resource.licence;
    const systemLevelId = pick(baseline.systemLevels.get(key) ?? [], resource.systemLevel);
    if (systemLevelId === undefined) throw new Error(`no system level for ${key}`);
    let levelId = systemLevelId;
    const kinds = resource.kinds ?? null;
    const named = (ids: readonly number[], indexes: number[] | null) =>
      indexes === null ? null : [...new Set(indexes.map((index) => pick(ids, index) ?? 0))];
    if (resource.views !== null || kinds !== null) {
      const matrix = structuredClone(baseline.systemMatrices.get(systemLevelId)) as PermissionMatrix;
      for (const object of modelObjects) if (resource.views) matrix[object].view = resource.views[object];
      const [level] = await db
        .insert(securityLevels)
        .values({
          name: `${tag} level ${index}`,
          licenceType: resource.licence,
          permissions: matrix,
          // No flag at all: admin and money are not what these worlds are about.
          flags: Object.fromEntries(securityLevelFlags.map((flag) => [flag, false])) as SecurityLevelFlags,
          portalTier: resource.licence === 'portal' ? resource.tier : null,
          ticketQueueIds: named(baseline.queueIds, kinds?.queues ?? null),
          ticketCategoryIds: named(baseline.categoryIds, kinds?.categories ?? null),
        })
        .returning({ id: securityLevels.id });
      if (!level) throw new Error('level not inserted');
      built.levelIds.push(level.id);
      levelId = level.id;
    }
    let contactId: number | null = null;
    if (customerSide) {
      const [contact] = await db
        .insert(contacts)
        .values({ companyId, firstName: 'Person', lastName: `${tag}p${index}` })
        .returning({ id: contacts.id });
      if (!contact) throw new Error('contact not inserted');
      contactId = contact.id;
      built.contactIds.push(contact.id);
      companyContacts[built.companyIds.indexOf(companyId)]?.push(contact.id);
    }
    const [row] = await db
      .insert(resources)
      .values({
        email: `${tag}.r${index}@isolation.example`,
        // Unique, and no display name is a part of another: "Pat Zw1x…q3q".
        firstName: 'Pat',
        lastName: `Z${tag}q${index}q`,
        licenceType: resource.licence,
        securityLevelId: levelId,
        companyId,
        contactId,
        active: resource.active,
      })
      .returning({ id: resources.id });
    if (!row) throw new Error('resource not inserted');
    built.resourceIds.push(row.id);

    if (resource.licence === 'full') {
      const teamOf = new Set(
        resource.accountTeam
          .map((company) => pick(built.companyIds, company))
          .filter((id) => id !== undefined),
      );
      if (teamOf.size > 0) {
        await db
          .insert(companyAccountTeam)
          .values([...teamOf].map((company) => ({ companyId: company, resourceId: row.id })));
      }
    }
    if (resource.licence === 'co_managed') {
      const grants = new Map(
        resource.grants.map((grant) => [pick(built.companyIds, grant.company) ?? 0, grant]),
      );
      if (grants.size > 0) {
        await db.insert(coManagedAssociations).values(
          [...grants].map(([company, grant]) => ({
            companyId: company,
            resourceId: row.id,
            includeSubsidiaries: grant.includeSubsidiaries,
          })),
        );
      }
      const teams = new Set(
        resource.teams.map((team) => pick(built.teamIds, team)).filter((id) => id !== undefined),
      );
      if (teams.size > 0) {
        await db
          .insert(coManagingTeamMembers)
          .values([...teams].map((teamId) => ({ teamId, resourceId: row.id })));
      }
    }
  }

  // Tickets. Resources who work tickets: MSP staff, co-managing and internal-helpdesk users.
  const workers = built.resourceIds.filter((_, index) => spec.resources[index]?.licence !== 'portal');
  const ticketCompanies: number[] = [];
  for (const [index, ticket] of spec.tickets.entries()) {
    const companyId = ticket.onMsp
      ? baseline.mspCompanyId
      : (pick(built.companyIds, ticket.company) ?? baseline.mspCompanyId);
    const contactsHere = companyContacts[built.companyIds.indexOf(companyId)] ?? [];
    const number = `T${tag}.${index}`;
    const [row] = await db
      .insert(tickets)
      .values({
        number,
        title: `Case ${searchWords[ticket.word] ?? 'plain'}`,
        companyId,
        contactId: pick(contactsHere, ticket.contact) ?? null,
        statusId: baseline.statusId,
        priorityId: baseline.priorityId,
        queueId: pick(baseline.queueIds, ticket.queue ?? null) ?? null,
        categoryId: pick(baseline.categoryIds, ticket.category ?? 0) ?? baseline.categoryId,
        primaryResourceId: pick(workers, ticket.primary) ?? null,
        coManagedVisible: ticket.coManagedVisible,
        createdByResourceId: pick(built.resourceIds, ticket.createdBy) ?? null,
      })
      .returning({ id: tickets.id });
    if (!row) throw new Error('ticket not inserted');
    built.ticketIds.push(row.id);
    built.ticketNumbers.set(row.id, number);
    ticketCompanies.push(companyId);
    const secondaries = new Set(
      ticket.secondaries.map((secondary) => pick(workers, secondary)).filter((id) => id !== undefined),
    );
    if (secondaries.size > 0) {
      await db
        .insert(ticketSecondaryResources)
        .values([...secondaries].map((resourceId) => ({ ticketId: row.id, companyId, resourceId })));
    }
  }
  if (built.ticketIds.length === 0) return built;

  const ticketOf = (index: number) => {
    const position = index % built.ticketIds.length;
    return { ticketId: built.ticketIds[position] ?? 0, companyId: ticketCompanies[position] ?? 0 };
  };

  if (spec.notes.length > 0) {
    const rows = await db
      .insert(ticketNotes)
      .values(
        spec.notes.map((note) => ({
          ...ticketOf(note.ticket),
          publishLevel: note.publishLevel,
          body: `Remark ${searchWords[note.word] ?? 'plain'}`,
          createdByResourceId: pick(built.resourceIds, note.author) ?? null,
        })),
      )
      .returning({ id: ticketNotes.id });
    built.noteIds.push(...rows.map((row) => row.id));
  }
  if (spec.timeEntries.length > 0 && workers.length > 0) {
    const rows = await db
      .insert(timeEntries)
      .values(
        spec.timeEntries.map((entry, index) => ({
          ...ticketOf(entry.ticket),
          resourceId: pick(workers, entry.author ?? index) ?? 0,
          roleId: baseline.roleId,
          workTypeId: baseline.workTypeId,
          hours: '1.00',
          summary: `Work ${searchWords[entry.word] ?? 'plain'}`,
          billable: false,
          publishLevel: entry.publishLevel,
        })),
      )
      .returning({ id: timeEntries.id });
    built.timeEntryIds.push(...rows.map((row) => row.id));
  }
  for (const attachment of spec.attachments) {
    const storageKey = newStorageKey();
    const bytes = Buffer.from(`${tag} file ${storageKey}`);
    await storage.put(storageKey, bytes);
    const [row] = await db
      .insert(attachments)
      .values({
        ...ticketOf(attachment.ticket),
        publishLevel: attachment.publishLevel,
        fileName: 'notes.txt',
        contentType: 'text/plain',
        sizeBytes: bytes.length,
        sha256: '0'.repeat(64),
        storageKey,
        createdByResourceId: pick(built.resourceIds, attachment.author) ?? null,
      })
      .returning({ id: attachments.id });
    if (!row) throw new Error('attachment not inserted');
    built.attachmentIds.push(row.id);
    built.attachmentBytes.set(row.id, bytes);
  }
  return built;
}

/** Removes a world again (as the owner), so the next one starts from the baseline. */
export async function removeWorld(db: Database, built: BuiltWorld): Promise<void> {
  const all = (ids: readonly number[]) => ids.length > 0;
  if (all(built.companyIds)) {
    // Derived rows of what the API did in the world (events, rule runs) name its companies.
    await db.delete(outboxEvents).where(inArray(outboxEvents.companyId, built.companyIds));
    await db.delete(workflowRuleRuns).where(inArray(workflowRuleRuns.companyId, built.companyIds));
  }
  if (all(built.ticketIds)) await db.delete(tickets).where(inArray(tickets.id, built.ticketIds));
  if (all(built.teamIds)) await db.delete(coManagingTeams).where(inArray(coManagingTeams.id, built.teamIds));
  if (all(built.resourceIds)) {
    await db.delete(auditLog).where(inArray(auditLog.actorResourceId, built.resourceIds));
    await db.delete(resources).where(inArray(resources.id, built.resourceIds));
  }
  if (all(built.levelIds)) await db.delete(securityLevels).where(inArray(securityLevels.id, built.levelIds));
  if (all(built.contactIds)) await db.delete(contacts).where(inArray(contacts.id, built.contactIds));
  if (all(built.companyIds)) await db.delete(companies).where(inArray(companies.id, built.companyIds));
}
