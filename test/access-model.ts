import type { Database } from '../src/db/database.ts';

/**
 * A small model of ACCESS-MODEL.md §1–2, written separately from the SQL
 * functions and the policies, so tests can compare both against it.
 */
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
    companiesView: string;
    portalTier: string | null;
  }[];
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
  }[];
  secondaries: { ticketId: number; resourceId: number }[];
  notes: { id: number; ticketId: number; publishLevel: string }[];
}

export async function loadWorld(db: Database): Promise<World> {
  const [activation, companies, resources, contacts, associations, teamMembers, accountTeam] =
    await Promise.all([
      db.query.activations.findFirst({ where: (table, { eq }) => eq(table.key, 'co_managed_help_desk') }),
      db.query.companies.findMany(),
      db.query.resources.findMany({ with: undefined }),
      db.query.contacts.findMany({ columns: { id: true, companyId: true } }),
      db.query.coManagedAssociations.findMany(),
      db.query.coManagingTeamMembers.findMany(),
      db.query.companyAccountTeam.findMany(),
    ]);
  const levels = await db.query.securityLevels.findMany();
  const [tickets, secondaries, notes] = await Promise.all([
    db.query.tickets.findMany({
      columns: {
        id: true,
        companyId: true,
        coManagedVisible: true,
        primaryResourceId: true,
        contactId: true,
      },
    }),
    db.query.ticketSecondaryResources.findMany({ columns: { ticketId: true, resourceId: true } }),
    db.query.ticketNotes.findMany({ columns: { id: true, ticketId: true, publishLevel: true } }),
  ]);
  return {
    coManagedOn: activation?.enabled ?? false,
    companies,
    resources: resources.map((resource) => {
      const level = levels.find((candidate) => candidate.id === resource.securityLevelId);
      return {
        ...resource,
        companiesView: level?.permissions.companies.view ?? 'none',
        portalTier: level?.portalTier ?? null,
      };
    }),
    contacts,
    associations,
    teamMembers,
    accountTeam,
    tickets,
    secondaries,
    notes,
  };
}

function below(world: World, companyId: number): number[] {
  const children = world.companies.filter((company) => company.parentCompanyId === companyId);
  return [companyId, ...children.flatMap((child) => below(world, child.id))];
}

function topOf(world: World, companyId: number): number {
  const company = world.companies.find((candidate) => candidate.id === companyId);
  return company?.parentCompanyId == null ? companyId : topOf(world, company.parentCompanyId);
}

/** Company ids the resource reaches, or 'all'. */
export function modelReach(world: World, resourceId: number): 'all' | Set<number> {
  const me = world.resources.find((resource) => resource.id === resourceId);
  if (!me?.active) return new Set();
  const byId = (id: number) => world.companies.find((company) => company.id === id);
  const customerSide = (ids: number[]) => new Set(ids.filter((id) => byId(id)?.companyType !== 'msp'));

  switch (me.licenceType) {
    case 'full':
    case 'api_only':
      if (me.companiesView === 'all') return 'all';
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

export function modelVisibleCompanies(world: World, resourceId: number): number[] {
  const reach = modelReach(world, resourceId);
  const me = world.resources.find((resource) => resource.id === resourceId);
  return world.companies
    .map((company) => company.id)
    .filter((id) => reach === 'all' || reach.has(id))
    .filter((id) => me?.companiesView !== 'mine' || id === me.companyId)
    .sort((a, b) => a - b);
}

export function modelVisibleContacts(world: World, resourceId: number): number[] {
  const reach = modelReach(world, resourceId);
  const me = world.resources.find((resource) => resource.id === resourceId);
  const basicPortal = me?.licenceType === 'portal' && me.portalTier === 'basic';
  return world.contacts
    .filter((contact) => reach === 'all' || reach.has(contact.companyId))
    .filter((contact) => !basicPortal || contact.id === me.contactId)
    .map((contact) => contact.id)
    .sort((a, b) => a - b);
}

/** Tickets the resource may see: reach, then the licence's rule inside it (ACCESS-MODEL §2). */
export function modelVisibleTickets(world: World, resourceId: number): number[] {
  const reach = modelReach(world, resourceId);
  const me = world.resources.find((resource) => resource.id === resourceId);
  if (!me) return [];
  const assigned = (ticketId: number, primary: number | null) =>
    primary === me.id ||
    world.secondaries.some((row) => row.ticketId === ticketId && row.resourceId === me.id);
  return world.tickets
    .filter((ticket) => reach === 'all' || reach.has(ticket.companyId))
    .filter((ticket) => {
      switch (me.licenceType) {
        case 'co_managed':
          return ticket.coManagedVisible || assigned(ticket.id, ticket.primaryResourceId);
        case 'portal':
          return me.portalTier !== 'basic' || ticket.contactId === me.contactId;
        default:
          return true;
      }
    })
    .map((ticket) => ticket.id)
    .sort((a, b) => a - b);
}

const readable: Record<string, string[]> = {
  full: ['internal', 'internal_and_co_managed', 'all', 'customer_internal'],
  api_only: ['internal', 'internal_and_co_managed', 'all', 'customer_internal'],
  co_managed: ['internal_and_co_managed', 'all', 'customer_internal'],
  internal_helpdesk: ['all', 'customer_internal'],
  portal: ['all'],
};

/** Notes the resource may read: on a visible ticket, at a publish level its licence reads. */
export function modelVisibleNotes(world: World, resourceId: number): number[] {
  const me = world.resources.find((resource) => resource.id === resourceId);
  const tickets = new Set(modelVisibleTickets(world, resourceId));
  return world.notes
    .filter(
      (note) =>
        tickets.has(note.ticketId) && (readable[me?.licenceType ?? ''] ?? []).includes(note.publishLevel),
    )
    .map((note) => note.id)
    .sort((a, b) => a - b);
}
