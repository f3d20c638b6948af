import type { Database } from '../src/db/database.ts';

/**
 * A small model of ACCESS-MODEL.md §1–2 (../shared/ACCESS-MODEL.md), written
 * separately from the SQL functions and the policies, so tests can compare both
 * against it. It reads nothing but raw rows and knows nothing of the
 * application's predicates: every rule below is restated from the rulebook.
 *
 * What it models, per actor:
 * - reach (§1): licence, co-managed grants (direct, through teams, with
 *   subsidiaries), the activation, the company switch, internal-helpdesk
 *   sharing, portal tiers; the MSP's own company for `full` actors only;
 * - the security level's view scope of each secured object (`all`,
 *   `my_companies`, `mine`, `none`), narrowing reach — "the narrower one wins";
 * - tickets (§2): co-managed visibility, MSP-internal tickets hidden from every
 *   customer-side actor except a portal user's own tickets as contact;
 * - notes, attachments and time entries by publish level (the §2 table,
 *   `customer_internal` included);
 * - the people whose display names a ticket shows (§2 People);
 * - ticket kinds (§2, scenario 3): a level restricted to named queues sees only
 *   tickets in one of them, to named categories only tickets of one of them
 *   (both: both); the queues, categories, work and note types offered to an
 *   actor follow (modelOffered*); issue types too, and RLS lets an actor read
 *   any issue type on a ticket they see (modelReadableIssueTypes).
 */
export type ViewScope = 'all' | 'my_companies' | 'mine' | 'none';

/** The secured objects whose view scope the model applies. */
export type ModelObject = 'tickets' | 'notes' | 'timeEntries' | 'attachments' | 'companies' | 'contacts';

export interface World {
  coManagedOn: boolean;
  companies: {
    id: number;
    parentCompanyId: number | null;
    companyType: string;
    coManagedEnabled: boolean;
    internalHelpdeskSharing: string;
  }[];
  resources: {
    id: number;
    licenceType: string;
    companyId: number;
    contactId: number | null;
    active: boolean;
    firstName: string;
    lastName: string;
    /** The level's companies view scope (kept by name: it decides an MSP actor's reach). */
    companiesView: string;
    /** The level's view scope per secured object; what a level does not mention it does not grant. */
    views: Record<ModelObject, ViewScope>;
    portalTier: string | null;
    /** The level's ticket restriction: the queue / category ids it names, or null for none. */
    onlyQueues: number[] | null;
    onlyCategories: number[] | null;
    /** An active MSP actor whose level has the admin flag. */
    isAdmin: boolean;
  }[];
  /** Configuration a set-up may reserve (queues, categories) or own through a category (work and note types). */
  queues: { id: number; reserved: boolean }[];
  categories: { id: number; reserved: boolean }[];
  workTypes: { id: number; categoryId: number | null }[];
  noteTypes: { id: number; categoryId: number | null }[];
  issueTypes: { id: number; categoryId: number | null }[];
  contacts: { id: number; companyId: number }[];
  associations: {
    companyId: number;
    resourceId: number | null;
    teamId: number | null;
    includeSubsidiaries: boolean;
  }[];
  teamMembers: { teamId: number; resourceId: number }[];
  accountTeam: { companyId: number; resourceId: number }[];
  tickets: {
    id: number;
    companyId: number;
    coManagedVisible: boolean;
    primaryResourceId: number | null;
    contactId: number | null;
    createdByResourceId: number | null;
    queueId: number | null;
    categoryId: number;
    issueTypeId: number | null;
    title: string;
    description: string;
  }[];
  secondaries: { ticketId: number; resourceId: number }[];
  notes: {
    id: number;
    ticketId: number;
    companyId: number;
    publishLevel: string;
    createdByResourceId: number | null;
    title: string | null;
    body: string;
  }[];
  timeEntries: {
    id: number;
    ticketId: number;
    companyId: number;
    resourceId: number;
    publishLevel: string;
  }[];
  attachments: {
    id: number;
    ticketId: number;
    companyId: number;
    publishLevel: string;
    createdByResourceId: number | null;
  }[];
}

const modelObjects: readonly ModelObject[] = [
  'tickets',
  'notes',
  'timeEntries',
  'attachments',
  'companies',
  'contacts',
];
const viewScopes: readonly string[] = ['all', 'my_companies', 'mine', 'none'];

function viewsOf(permissions: unknown): Record<ModelObject, ViewScope> {
  const matrix = (permissions ?? {}) as Record<string, { view?: unknown } | undefined>;
  const views = {} as Record<ModelObject, ViewScope>;
  for (const object of modelObjects) {
    const view = matrix[object]?.view;
    views[object] = typeof view === 'string' && viewScopes.includes(view) ? (view as ViewScope) : 'none';
  }
  return views;
}

/** Reads the world as the owner: raw rows only, none of the application's code. */
export async function loadWorld(db: Database): Promise<World> {
  const [activation, companies, resources, levels, contacts, associations, teamMembers, accountTeam] =
    await Promise.all([
      db.query.activations.findFirst({ where: (table, { eq }) => eq(table.key, 'co_managed_help_desk') }),
      db.query.companies.findMany(),
      db.query.resources.findMany(),
      db.query.securityLevels.findMany(),
      db.query.contacts.findMany({ columns: { id: true, companyId: true } }),
      db.query.coManagedAssociations.findMany(),
      db.query.coManagingTeamMembers.findMany(),
      db.query.companyAccountTeam.findMany(),
    ]);
  const [queues, categories, workTypes, noteTypes, issueTypes] = await Promise.all([
    db.query.queues.findMany({ columns: { id: true, reserved: true } }),
    db.query.ticketCategories.findMany({ columns: { id: true, reserved: true } }),
    db.query.workTypes.findMany({ columns: { id: true, categoryId: true } }),
    db.query.noteTypes.findMany({ columns: { id: true, categoryId: true } }),
    db.query.issueTypes.findMany({ columns: { id: true, categoryId: true } }),
  ]);
  const [tickets, secondaries, notes, timeEntries, attachments] = await Promise.all([
    db.query.tickets.findMany({
      columns: {
        id: true,
        companyId: true,
        coManagedVisible: true,
        primaryResourceId: true,
        contactId: true,
        createdByResourceId: true,
        queueId: true,
        categoryId: true,
        issueTypeId: true,
        title: true,
        description: true,
      },
    }),
    db.query.ticketSecondaryResources.findMany({ columns: { ticketId: true, resourceId: true } }),
    db.query.ticketNotes.findMany({
      columns: {
        id: true,
        ticketId: true,
        companyId: true,
        publishLevel: true,
        createdByResourceId: true,
        title: true,
        body: true,
      },
    }),
    db.query.timeEntries.findMany({
      columns: { id: true, ticketId: true, companyId: true, resourceId: true, publishLevel: true },
    }),
    db.query.attachments.findMany({
      columns: { id: true, ticketId: true, companyId: true, publishLevel: true, createdByResourceId: true },
    }),
  ]);
  return {
    coManagedOn: activation?.enabled ?? false,
    companies,
    resources: resources.map((resource) => {
      const level = levels.find((candidate) => candidate.id === resource.securityLevelId);
      const views = viewsOf(level?.permissions);
      return {
        id: resource.id,
        licenceType: resource.licenceType,
        companyId: resource.companyId,
        contactId: resource.contactId,
        active: resource.active,
        firstName: resource.firstName,
        lastName: resource.lastName,
        companiesView: views.companies,
        views,
        portalTier: level?.portalTier ?? null,
        onlyQueues: level?.ticketQueueIds ?? null,
        onlyCategories: level?.ticketCategoryIds ?? null,
        isAdmin:
          resource.active &&
          ['full', 'api_only'].includes(resource.licenceType) &&
          (level?.flags as Record<string, unknown> | undefined)?.admin === true,
      };
    }),
    queues,
    categories,
    workTypes,
    noteTypes,
    issueTypes,
    contacts,
    associations,
    teamMembers,
    accountTeam,
    tickets,
    secondaries,
    notes,
    timeEntries,
    attachments,
  };
}

type Resource = World['resources'][number];
type Ticket = World['tickets'][number];

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

function below(world: World, companyId: number): number[] {
  const children = world.companies.filter((company) => company.parentCompanyId === companyId);
  return [companyId, ...children.flatMap((child) => below(world, child.id))];
}

function topOf(world: World, companyId: number): number {
  const company = world.companies.find((candidate) => candidate.id === companyId);
  return company?.parentCompanyId == null ? companyId : topOf(world, company.parentCompanyId);
}

function resourceOf(world: World, resourceId: number): Resource | undefined {
  return world.resources.find((resource) => resource.id === resourceId);
}

const isMsp = (me: Resource) => me.licenceType === 'full' || me.licenceType === 'api_only';

/** Company ids the resource reaches, or 'all' (§1). */
export function modelReach(world: World, resourceId: number): 'all' | Set<number> {
  const me = resourceOf(world, resourceId);
  if (!me?.active) return new Set();
  const byId = (id: number) => world.companies.find((company) => company.id === id);
  // The MSP's own company is reachable only by `full` actors.
  const customerSide = (ids: number[]) => new Set(ids.filter((id) => byId(id)?.companyType !== 'msp'));

  switch (me.licenceType) {
    case 'full':
    case 'api_only':
      if (me.companiesView === 'all') return 'all';
      // "a security level may narrow it to 'my companies' (account team membership)"
      return new Set([
        me.companyId,
        ...world.accountTeam.filter((row) => row.resourceId === me.id).map((row) => row.companyId),
      ]);
    case 'co_managed': {
      if (!world.coManagedOn) return new Set();
      const teams = world.teamMembers.filter((row) => row.resourceId === me.id).map((row) => row.teamId);
      const grants = world.associations.filter(
        (row) => row.resourceId === me.id || (row.teamId !== null && teams.includes(row.teamId)),
      );
      const ids = grants.flatMap((grant) =>
        grant.includeSubsidiaries ? below(world, grant.companyId) : [grant.companyId],
      );
      return customerSide(ids.filter((id) => byId(id)?.coManagedEnabled));
    }
    case 'portal':
      return customerSide(me.portalTier === 'manager' ? below(world, me.companyId) : [me.companyId]);
    case 'internal_helpdesk': {
      const top = topOf(world, me.companyId);
      const sharing = byId(top)?.internalHelpdeskSharing;
      if (sharing === 'all_share_with_all') return customerSide(below(world, top));
      if (sharing === 'subsidiaries_share_with_parent') return customerSide(below(world, me.companyId));
      return customerSide([me.companyId]);
    }
    default:
      throw new Error(`unknown licence ${me.licenceType}`);
  }
}

function reaches(world: World, me: Resource, companyId: number): boolean {
  const reach = modelReach(world, me.id);
  return reach === 'all' || reach.has(companyId);
}

/** "My companies" of a level (vocabulary): the account team's companies (and their own) for MSP staff, the reach for everyone else. */
function inMyCompanies(world: World, me: Resource, companyId: number): boolean {
  if (!isMsp(me)) return reaches(world, me, companyId);
  return (
    companyId === me.companyId ||
    world.accountTeam.some((row) => row.resourceId === me.id && row.companyId === companyId)
  );
}

/**
 * Reach narrowed by the level's view scope of `object`: the narrower one wins.
 * `mine` is the object's own notion of "mine", given by the caller.
 */
function withinLevel(
  world: World,
  me: Resource,
  object: ModelObject,
  companyId: number,
  isMine: () => boolean,
): boolean {
  if (!reaches(world, me, companyId)) return false;
  switch (me.views[object]) {
    case 'all':
      return true;
    case 'my_companies':
      return inMyCompanies(world, me, companyId);
    case 'mine':
      return isMine();
    case 'none':
      return false;
  }
}

function assigned(world: World, me: Resource, ticket: Ticket): boolean {
  return (
    ticket.primaryResourceId === me.id ||
    world.secondaries.some((row) => row.ticketId === ticket.id && row.resourceId === me.id)
  );
}

/** A ticket is "mine" when I am assigned to it (primary or secondary), created it, or am its contact. */
function ticketIsMine(world: World, me: Resource, ticket: Ticket): boolean {
  return (
    assigned(world, me, ticket) ||
    ticket.createdByResourceId === me.id ||
    (me.contactId !== null && ticket.contactId === me.contactId)
  );
}

/** §2 Tickets and MSP-internal tickets: what each licence sees inside its reach. */
function licenceSeesTicket(world: World, me: Resource, ticket: Ticket): boolean {
  const asContact = me.contactId !== null && ticket.contactId === me.contactId;
  switch (me.licenceType) {
    case 'full':
    case 'api_only':
      return true;
    case 'co_managed':
      return ticket.coManagedVisible || assigned(world, me, ticket);
    case 'internal_helpdesk':
      return ticket.coManagedVisible;
    case 'portal':
      // Basic: only tickets where they are the contact; Advanced/Manager: their reach's
      // co-managed-visible tickets, and their own as contact even when MSP-internal.
      return me.portalTier === 'basic' ? asContact : asContact || ticket.coManagedVisible;
    default:
      return false;
  }
}

/** §2 Ticket kinds: a restricted level sees only tickets in its named queues and of its named categories. */
function ofMyKind(me: Resource, ticket: Ticket): boolean {
  if (me.onlyQueues !== null && (ticket.queueId === null || !me.onlyQueues.includes(ticket.queueId))) {
    return false;
  }
  return me.onlyCategories === null || me.onlyCategories.includes(ticket.categoryId);
}

function ticketVisible(world: World, me: Resource, ticket: Ticket): boolean {
  return (
    ofMyKind(me, ticket) &&
    licenceSeesTicket(world, me, ticket) &&
    withinLevel(world, me, 'tickets', ticket.companyId, () => ticketIsMine(world, me, ticket))
  );
}

function visibleTicketSet(world: World, me: Resource | undefined): Map<number, Ticket> {
  if (!me) return new Map();
  return new Map(
    world.tickets.filter((ticket) => ticketVisible(world, me, ticket)).map((ticket) => [ticket.id, ticket]),
  );
}

/** The publish levels each licence reads (§2 table). */
const readable: Record<string, readonly string[]> = {
  full: ['internal', 'internal_and_co_managed', 'all', 'customer_internal'],
  api_only: ['internal', 'internal_and_co_managed', 'all', 'customer_internal'],
  co_managed: ['internal_and_co_managed', 'all', 'customer_internal'],
  internal_helpdesk: ['all', 'customer_internal'],
  portal: ['all'],
};

export function modelReadsPublishLevel(licence: string, publishLevel: string): boolean {
  return (readable[licence] ?? []).includes(publishLevel);
}

export function modelVisibleCompanies(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  if (!me) return [];
  return sorted(
    world.companies
      .filter((company) => withinLevel(world, me, 'companies', company.id, () => company.id === me.companyId))
      .map((company) => company.id),
  );
}

export function modelVisibleContacts(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  if (!me) return [];
  const basicPortal = me.licenceType === 'portal' && me.portalTier === 'basic';
  return sorted(
    world.contacts
      .filter((contact) => !basicPortal || contact.id === me.contactId)
      .filter((contact) =>
        withinLevel(world, me, 'contacts', contact.companyId, () => contact.id === me.contactId),
      )
      .map((contact) => contact.id),
  );
}

/** Tickets the resource may see: reach, the licence's rule inside it, the level's ticket scope (§2). */
export function modelVisibleTickets(world: World, resourceId: number): number[] {
  return sorted(visibleTicketSet(world, resourceOf(world, resourceId)).keys());
}

/** Notes the resource may read: on a visible ticket, at a publish level its licence reads, within the level's note scope. */
export function modelVisibleNotes(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  if (!me) return [];
  const tickets = visibleTicketSet(world, me);
  return sorted(
    world.notes
      .filter((note) => {
        const ticket = tickets.get(note.ticketId);
        return (
          ticket !== undefined &&
          modelReadsPublishLevel(me.licenceType, note.publishLevel) &&
          // A note is "mine" when I wrote it or it is on one of my tickets.
          withinLevel(
            world,
            me,
            'notes',
            note.companyId,
            () => note.createdByResourceId === me.id || ticketIsMine(world, me, ticket),
          )
        );
      })
      .map((note) => note.id),
  );
}

/** Time entries: on a visible ticket, a readable publish level, the level's time scope ("mine": my own time). */
export function modelVisibleTimeEntries(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  if (!me) return [];
  const tickets = visibleTicketSet(world, me);
  return sorted(
    world.timeEntries
      .filter(
        (entry) =>
          tickets.has(entry.ticketId) &&
          modelReadsPublishLevel(me.licenceType, entry.publishLevel) &&
          withinLevel(world, me, 'timeEntries', entry.companyId, () => entry.resourceId === me.id),
      )
      .map((entry) => entry.id),
  );
}

/** Attachments: as notes ("mine": I uploaded it or it is on one of my tickets). */
export function modelVisibleAttachments(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  if (!me) return [];
  const tickets = visibleTicketSet(world, me);
  return sorted(
    world.attachments
      .filter((attachment) => {
        const ticket = tickets.get(attachment.ticketId);
        return (
          ticket !== undefined &&
          modelReadsPublishLevel(me.licenceType, attachment.publishLevel) &&
          withinLevel(
            world,
            me,
            'attachments',
            attachment.companyId,
            () => attachment.createdByResourceId === me.id || ticketIsMine(world, me, ticket),
          )
        );
      })
      .map((attachment) => attachment.id),
  );
}

/** The words PostgreSQL's `simple` text search configuration would index: lower-case runs of letters and digits. */
function words(text: string | null): Set<string> {
  return new Set((text ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/**
 * A search for one plain word: visible tickets whose own text holds it, or that
 * hold a note the resource may read with it. A hidden note neither finds a
 * ticket nor changes a count.
 */
export function modelSearchTickets(world: World, resourceId: number, word: string): number[] {
  const needle = word.toLowerCase();
  const notes = new Set(modelVisibleNotes(world, resourceId));
  const viaNotes = new Set(
    world.notes
      .filter((note) => notes.has(note.id) && words(`${note.title ?? ''} ${note.body}`).has(needle))
      .map((note) => note.ticketId),
  );
  return modelVisibleTickets(world, resourceId).filter((id) => {
    const ticket = world.tickets.find((candidate) => candidate.id === id);
    return (
      viaNotes.has(id) || (ticket !== undefined && words(`${ticket.title} ${ticket.description}`).has(needle))
    );
  });
}

/**
 * §2 People: whoever can see a ticket sees the display names of its primary
 * and secondary resources, and of the authors of the notes and time entries
 * they can read on it.
 */
export function modelNamesOnTicket(world: World, resourceId: number, ticketId: number): number[] {
  if (!modelVisibleTickets(world, resourceId).includes(ticketId)) return [];
  const ticket = world.tickets.find((candidate) => candidate.id === ticketId);
  const notes = new Set(modelVisibleNotes(world, resourceId));
  const entries = new Set(modelVisibleTimeEntries(world, resourceId));
  return sorted(
    [
      ticket?.primaryResourceId ?? null,
      ...world.secondaries.filter((row) => row.ticketId === ticketId).map((row) => row.resourceId),
      ...world.notes
        .filter((note) => note.ticketId === ticketId && notes.has(note.id))
        .map((note) => note.createdByResourceId),
      ...world.timeEntries
        .filter((entry) => entry.ticketId === ticketId && entries.has(entry.id))
        .map((entry) => entry.resourceId),
    ].filter((id): id is number => id !== null),
  );
}

export function modelDisplayName(world: World, resourceId: number): string {
  const resource = resourceOf(world, resourceId);
  return resource ? `${resource.firstName} ${resource.lastName}` : '';
}

/**
 * §2 Ticket kinds, configuration offered: a restricted side offers exactly what the level names;
 * otherwise MSP staff are offered everything, everyone else what no set-up reserved.
 */
function offeredOf(
  me: Resource | undefined,
  rows: { id: number; reserved: boolean }[],
  named: number[] | null,
) {
  if (!me) return [];
  if (named !== null) return sorted(rows.filter((row) => named.includes(row.id)).map((row) => row.id));
  return sorted(rows.filter((row) => isMsp(me) || !row.reserved).map((row) => row.id));
}

export function modelOfferedQueues(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  return offeredOf(me, world.queues, me?.onlyQueues ?? null);
}

export function modelOfferedCategories(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  return offeredOf(me, world.categories, me?.onlyCategories ?? null);
}

/** Work and note types: shared ones (no category), and those whose set-up category is offered. */
export function modelOfferedWorkTypes(world: World, resourceId: number): number[] {
  const categories = modelOfferedCategories(world, resourceId);
  return sorted(
    world.workTypes
      .filter((type) => type.categoryId === null || categories.includes(type.categoryId))
      .map((type) => type.id),
  );
}

export function modelOfferedNoteTypes(world: World, resourceId: number): number[] {
  const categories = modelOfferedCategories(world, resourceId);
  return sorted(
    world.noteTypes
      .filter((type) => type.categoryId === null || categories.includes(type.categoryId))
      .map((type) => type.id),
  );
}

/** Issue types (scenario 3, migration 0026): offered like work and note types. */
export function modelOfferedIssueTypes(world: World, resourceId: number): number[] {
  const categories = modelOfferedCategories(world, resourceId);
  return sorted(
    world.issueTypes
      .filter((type) => type.categoryId === null || categories.includes(type.categoryId))
      .map((type) => type.id),
  );
}

/**
 * What RLS lets an actor read of issue types: everything for administrators; otherwise the offered
 * ones and any on a ticket they see (its name is needed to show and save that ticket).
 */
export function modelReadableIssueTypes(world: World, resourceId: number): number[] {
  const me = resourceOf(world, resourceId);
  if (me?.isAdmin) return sorted(world.issueTypes.map((type) => type.id));
  const visible = new Set(modelVisibleTickets(world, resourceId));
  const used = world.tickets
    .filter((ticket) => visible.has(ticket.id) && ticket.issueTypeId !== null)
    .map((ticket) => ticket.issueTypeId);
  return sorted(
    [...new Set([...modelOfferedIssueTypes(world, resourceId), ...used])].filter((id) => id !== null),
  );
}
