import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import {
  type DemoCompanyProfile,
  type DemoRequest,
  type DemoScenario,
  demoNoteTexts,
  demoPeople,
  demoScenarios,
  demoSoftware,
  demoTimeSummaries,
  demoWeekdays,
} from './demo-ticket-catalogue.ts';
import type { Random } from './demo-random.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export interface DemoPerson {
  id: number;
  firstName: string;
  /** The role a ticket gets when this person is assigned without one (the first held, as the API does). */
  roleId: number | null;
}

export interface DemoContact {
  id: number;
  firstName: string;
  /** The portal login of this contact, if any: they raise tickets through the portal. */
  portalUser: DemoPerson | null;
}

/** Everything the plan refers to, read from the database by name. */
export interface DemoTicketWorld {
  companies: { id: number; profile: DemoCompanyProfile }[];
  contacts(companyId: number): readonly DemoContact[];
  person(email: string): DemoPerson;
  status(name: string): number;
  priority(name: string): number;
  queue(name: string): number;
  category(name: string): number;
  source(systemKey: string): number;
  noteType(name: string): number;
  workType(name: string): number;
  issueType(name: string): number;
  subIssueType(issueType: string, name: string): number;
}

export interface PlannedNote {
  publishLevel: PublishLevel;
  noteTypeId: number | null;
  title: string | null;
  body: string;
  authorId: number | null;
  at: Date;
}

export interface PlannedTimeEntry {
  resourceId: number;
  roleId: number;
  workTypeId: number;
  startedAt: Date;
  endedAt: Date;
  /** Two decimals, as stored. */
  hours: string;
  summary: string;
  billable: boolean;
  publishLevel: PublishLevel;
}

export interface PlannedTicket {
  companyId: number;
  title: string;
  description: string;
  contactId: number | null;
  statusId: number;
  priorityId: number;
  queueId: number | null;
  categoryId: number;
  issueTypeId: number | null;
  subIssueTypeId: number | null;
  sourceId: number | null;
  dueAt: Date | null;
  estimatedHours: string | null;
  primaryResourceId: number | null;
  primaryRoleId: number | null;
  coManagedVisible: boolean;
  createdByResourceId: number | null;
  createdAt: Date;
  lastActivityAt: Date;
  completedAt: Date | null;
  secondaries: { resourceId: number; roleId: number | null }[];
  notes: PlannedNote[];
  timeEntries: PlannedTimeEntry[];
  /** Status before completion, for the history's status change. */
  statusBeforeCompletion: number | null;
}

/** Who works for whom in the demo world (README: demo logins). */
const accountTechnician: Record<string, string> = {
  Contoso: 'tech1@northwind.example',
  'Contoso Logistics': 'tech1@northwind.example',
  Fabrikam: 'tech2@northwind.example',
  Tailspin: 'tech2@northwind.example',
  Litware: 'dispatch@northwind.example',
  'Litware Retail': 'dispatch@northwind.example',
};
const mspStaff = ['tech1@northwind.example', 'tech2@northwind.example', 'dispatch@northwind.example'];
const contosoIt = ['anna.it@contoso.example', 'ben.it@contoso.example'];
/** Litware's own IT runs its desk in the portal (Taskfire): internal-helpdesk users, not co-managing ones. */
const litwareIt = ['it@litware.example', 'it2@litware.example'];
const isTaskfireCompany = (companyName: string) => companyName.startsWith('Litware');

type Handling =
  | { kind: 'msp'; email: string }
  | { kind: 'co_managed'; email: string }
  | { kind: 'escalated'; email: string; escalatedBy: string }
  | { kind: 'unassigned' };

/**
 * A few hundred tickets across the customers, Contoso most, over the last 90
 * days. Pure: the same random sequence and `now` give the same tickets.
 */
export function planDemoTickets(world: DemoTicketWorld, random: Random, now: Date): PlannedTicket[] {
  const end = now.getTime() - minute;
  const planned: PlannedTicket[] = [];
  for (const { id, profile } of world.companies) {
    const scenarios = demoScenarios.filter(
      (scenario) => !scenario.only || scenario.only.includes(profile.name),
    );
    for (let index = 0; index < profile.tickets; index++) {
      // One ticket per customer from today, so today's first numbers are taken before anyone creates one.
      const createdAt = index === 0 ? todayTime(random, end) : pastTime(random, end);
      planned.push(planTicket(world, random, { id, profile }, scenarios, createdAt, end));
    }
  }
  return planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function pastTime(random: Random, end: number): Date {
  // More recent days are busier: ages skew towards today.
  const ageDays = 87 * random.next() ** 1.3;
  const at = new Date(end - ageDays * day);
  // Business hours in Europe (UTC 06:00–16:59), mostly on weekdays.
  at.setUTCHours(random.int(6, 16), random.int(0, 59), random.int(0, 59), random.int(0, 999));
  const weekday = at.getUTCDay();
  if ((weekday === 0 || weekday === 6) && random.chance(0.85))
    at.setUTCDate(at.getUTCDate() - (weekday === 0 ? 2 : 1));
  return at.getTime() > end ? new Date(end - random.next() * 3 * hour) : at;
}

function startOfDay(time: number): number {
  const day = new Date(time);
  day.setUTCHours(0, 0, 0, 0);
  return day.getTime();
}

function todayTime(random: Random, end: number): Date {
  const from = Math.max(startOfDay(end), end - 6 * hour);
  return new Date(from + random.next() * (end - from));
}

interface TicketContext {
  world: DemoTicketWorld;
  random: Random;
  companyName: string;
  scenario: DemoScenario;
  /** The one request this ticket is about: title, description, findings and resolution agree. */
  request: DemoRequest;
  fill: (text: string, extra?: Record<string, string>) => string;
}

function planTicket(
  world: DemoTicketWorld,
  random: Random,
  company: { id: number; profile: DemoCompanyProfile },
  scenarios: readonly DemoScenario[],
  createdAt: Date,
  end: number,
): PlannedTicket {
  const { profile } = company;
  const scenario = random.weighted(scenarios.map((candidate) => [candidate, candidate.weight ?? 1] as const));
  const variables = ticketVariables(random, profile, createdAt);
  const fill = (text: string, extra: Record<string, string> = {}) =>
    text.replace(/\{(\w+)\}/g, (match, name: string) => extra[name] ?? variables[name] ?? match);
  const request = random.pick(scenario.requests);
  const context: TicketContext = { world, random, companyName: profile.name, scenario, request, fill };

  const mspOnly = scenario.category === 'MSP Internal';
  const priorityName = random.weighted([
    ['Critical', 4],
    ['High', 18],
    ['Medium', 58],
    ['Low', 20],
  ] as const);
  const ageDays = (end - createdAt.getTime()) / day;
  const complete = random.chance(ageDays > 30 ? 0.92 : ageDays > 7 ? 0.68 : ageDays > 2 ? 0.4 : 0.12);
  const openStatus = complete
    ? null
    : ageDays < 2 && random.chance(0.45)
      ? 'New'
      : random.weighted([
          ['In Progress', ageDays > 20 ? 1 : 6],
          ['Waiting Customer', 4],
        ] as const);
  const handling = chooseHandling(context, openStatus === 'New');

  // People on the ticket.
  const primary = handling.kind === 'unassigned' ? null : world.person(handling.email);
  const secondaries = mspOnly ? [] : chooseSecondaries(context, handling);
  const mspWorker =
    handling.kind === 'msp' || handling.kind === 'escalated'
      ? world.person(handling.email)
      : world.person(
          secondaries.find((secondary) => mspStaff.includes(secondary.email))?.email ??
            accountTechnician[profile.name] ??
            'dispatch@northwind.example',
        );
  const coManagedVisible = !mspOnly;
  const coWorker = mspOnly ? null : coManagingWorker(context, handling, secondaries);

  // Dates.
  const resolution = resolutionTime(random, priorityName);
  const completedAt = complete ? new Date(Math.min(createdAt.getTime() + resolution, end)) : null;
  const span = end - createdAt.getTime();
  const lastActivityAt =
    completedAt ??
    new Date(
      openStatus === 'New'
        ? Math.min(createdAt.getTime() + random.int(1, 30) * minute, end)
        : createdAt.getTime() + (1 - random.next() ** 2) * span,
    );

  // Who raised it, and how.
  const contact = mspOnly ? null : chooseContact(context, company.id);
  const { sourceKey, createdBy } = chooseSource(context, { mspOnly, contact, handling, coWorker, mspWorker });

  const notes = planNotes(context, {
    createdAt,
    lastActivityAt,
    complete,
    isNew: openStatus === 'New',
    mspOnly,
    contact,
    mspWorker,
    coWorker,
    primary,
  });

  const timeEntries = planTime(context, {
    createdAt,
    lastActivityAt,
    isNew: openStatus === 'New',
    mspOnly,
    handling,
    mspWorker,
    coWorker,
    coOnTicket:
      handling.kind === 'co_managed' || secondaries.some((secondary) => !mspStaff.includes(secondary.email)),
    // Up to the start of the seed's day (UTC): today's time is what people log while trying the demo.
    until: startOfDay(end),
  });

  const [issueTypeName, subIssueTypeName] = scenario.issue ?? [null, null];
  return {
    companyId: company.id,
    title: fill(random.pick(request.titles)),
    description: fill(random.pick(request.descriptions)),
    contactId: contact?.id ?? null,
    statusId: world.status(openStatus ?? 'Complete'),
    priorityId: world.priority(priorityName),
    queueId: world.queue(queueFor(context, handling)),
    categoryId: world.category(scenario.category),
    issueTypeId: issueTypeName === null ? null : world.issueType(issueTypeName),
    subIssueTypeId:
      issueTypeName === null || subIssueTypeName === null
        ? null
        : world.subIssueType(issueTypeName, subIssueTypeName),
    sourceId: sourceKey === null ? null : world.source(sourceKey),
    dueAt: random.chance(0.55) ? new Date(createdAt.getTime() + dueAfter[priorityName]) : null,
    // The C_SRC Facilities category hides the estimate: facilities staff do not plan in hours.
    estimatedHours:
      random.chance(0.3) && scenario.category !== 'C_SRC Facilities'
        ? random.pick(['0.50', '1.00', '1.50', '2.00', '4.00'])
        : null,
    primaryResourceId: primary?.id ?? null,
    primaryRoleId: primary?.roleId ?? null,
    coManagedVisible,
    createdByResourceId: createdBy?.id ?? null,
    createdAt,
    lastActivityAt,
    completedAt,
    secondaries: secondaries.map(({ person }) => ({ resourceId: person.id, roleId: person.roleId })),
    notes,
    timeEntries,
    statusBeforeCompletion: complete ? world.status(random.chance(0.8) ? 'In Progress' : 'New') : null,
  };
}

const dueAfter = { Critical: 4 * hour, High: day, Medium: 3 * day, Low: 7 * day } as const;

const resolutionRange: Record<keyof typeof dueAfter, readonly [number, number]> = {
  Critical: [hour, 8 * hour],
  High: [2 * hour, 2 * day],
  Medium: [4 * hour, 5 * day],
  Low: [day, 10 * day],
};

function resolutionTime(random: Random, priority: keyof typeof dueAfter): number {
  const [from, to] = resolutionRange[priority];
  return from + random.next() * (to - from);
}

function ticketVariables(
  random: Random,
  profile: DemoCompanyProfile,
  createdAt: Date,
): Record<string, string> {
  return {
    person: random.pick(demoPeople),
    room: random.pick(profile.rooms),
    floor: String(random.int(1, 4)),
    printer: random.pick(profile.printers),
    server: random.pick(profile.servers),
    app: random.pick(profile.apps),
    site: random.pick(profile.sites),
    ssid: profile.ssid,
    weekday: random.pick(demoWeekdays),
    software: random.pick(demoSoftware),
    aisle: `${random.pick(['A', 'B', 'C', 'D'])}${random.int(1, 24)}`,
    company: profile.name,
    domain: profile.domain,
    year: String(createdAt.getUTCFullYear() + random.int(1, 2)),
  };
}

function chooseHandling({ random, companyName, scenario }: TicketContext, isNew: boolean): Handling {
  if (scenario.category === 'MSP Internal') {
    return {
      kind: 'msp',
      email: random.chance(0.6)
        ? (accountTechnician[companyName] ?? mspStaff[0] ?? '')
        : random.pick(mspStaff),
    };
  }
  if (isNew && random.chance(0.5)) return { kind: 'unassigned' };
  const msp = (primaryShare: number): Handling => ({
    kind: 'msp',
    email: random.chance(primaryShare)
      ? (accountTechnician[companyName] ?? 'dispatch@northwind.example')
      : random.pick(mspStaff),
  });
  switch (companyName) {
    case 'Contoso':
    case 'Contoso Logistics': {
      const roll = random.next();
      if (roll < 0.45)
        return {
          kind: 'co_managed',
          email: random.chance(0.6) ? (contosoIt[0] ?? '') : (contosoIt[1] ?? ''),
        };
      if (roll < 0.55)
        return { kind: 'escalated', email: 'tech1@northwind.example', escalatedBy: random.pick(contosoIt) };
      return msp(0.7);
    }
    case 'Fabrikam':
      return scenario.issue?.[0] === 'Network' && random.chance(0.55)
        ? { kind: 'co_managed', email: 'consultant@fabrikam.example' }
        : msp(0.7);
    case 'Tailspin':
      return scenario.category === 'C_SRC Facilities'
        ? { kind: 'co_managed', email: 'facilities@tailspin.example' }
        : msp(0.7);
    case 'Litware':
    case 'Litware Retail': {
      // Litware's IT works most of its desk itself and escalates what it cannot fix.
      const roll = random.next();
      if (roll < 0.5) return { kind: 'co_managed', email: random.pick(litwareIt) };
      if (roll < 0.7)
        return {
          kind: 'escalated',
          email: 'dispatch@northwind.example',
          escalatedBy: random.pick(litwareIt),
        };
      return msp(0.5);
    }
    default:
      return msp(0.5);
  }
}

interface Secondary {
  email: string;
  person: DemoPerson;
}

/** Both directions of SPEC scenario 1: a co-managing primary with an MSP secondary, and the reverse. */
function chooseSecondaries({ world, random, companyName }: TicketContext, handling: Handling): Secondary[] {
  const secondary = (email: string): Secondary[] => [{ email, person: world.person(email) }];
  const technician = accountTechnician[companyName] ?? 'dispatch@northwind.example';
  switch (handling.kind) {
    case 'escalated':
      return secondary(handling.escalatedBy);
    case 'co_managed':
      return random.chance(0.15) ? secondary(technician) : [];
    case 'msp':
      return companyName.startsWith('Contoso') && random.chance(0.08)
        ? secondary(random.pick(contosoIt))
        : [];
    case 'unassigned':
      return [];
  }
}

/** The customer's co-managing user who would plausibly write on this ticket, if any. */
function coManagingWorker(
  { world, random, companyName, scenario }: TicketContext,
  handling: Handling,
  secondaries: Secondary[],
): DemoPerson | null {
  if (handling.kind === 'co_managed') return world.person(handling.email);
  const onTicket = secondaries.find((secondary) => !mspStaff.includes(secondary.email));
  if (onTicket) return onTicket.person;
  switch (companyName) {
    case 'Contoso':
    case 'Contoso Logistics':
      return world.person(random.pick(contosoIt));
    case 'Fabrikam':
      return scenario.issue?.[0] === 'Network' ? world.person('consultant@fabrikam.example') : null;
    case 'Tailspin':
      return scenario.category === 'C_SRC Facilities' ? world.person('facilities@tailspin.example') : null;
    case 'Litware':
    case 'Litware Retail':
      return world.person(random.pick(litwareIt));
    default:
      return null;
  }
}

function queueFor({ companyName, scenario, random }: TicketContext, handling: Handling): string {
  if (scenario.category === 'C_SRC Facilities') return 'C_SRC Facilities';
  if (handling.kind === 'escalated') return 'MSP Escalations';
  if (companyName.startsWith('Contoso')) {
    if (handling.kind === 'co_managed') return 'Contoso Internal IT';
    if (handling.kind === 'unassigned' && random.chance(0.3)) return 'Contoso Internal IT';
  }
  if (isTaskfireCompany(companyName) && handling.kind !== 'msp') return 'Litware IT';
  return 'Service Desk';
}

function chooseContact({ world, random, scenario }: TicketContext, companyId: number): DemoContact | null {
  const contacts = world.contacts(companyId);
  if (contacts.length === 0 || random.chance(scenario.category === 'C_SRC Facilities' ? 0.2 : 0.3))
    return null;
  // Portal users raise more of their company's tickets than anyone else.
  return random.weighted(contacts.map((contact) => [contact, contact.portalUser ? 3 : 1] as const));
}

function chooseSource(
  { world, random }: TicketContext,
  ticket: {
    mspOnly: boolean;
    contact: DemoContact | null;
    handling: Handling;
    coWorker: DemoPerson | null;
    mspWorker: DemoPerson;
  },
): { sourceKey: string | null; createdBy: DemoPerson | null } {
  if (ticket.mspOnly) return { sourceKey: null, createdBy: ticket.mspWorker };
  if (ticket.contact?.portalUser && random.chance(0.55)) {
    return { sourceKey: 'portal', createdBy: ticket.contact.portalUser };
  }
  if (
    ticket.coWorker &&
    (ticket.handling.kind === 'co_managed' || ticket.handling.kind === 'escalated') &&
    random.chance(0.6)
  ) {
    return { sourceKey: 'insourced', createdBy: ticket.coWorker };
  }
  // Mail to the service desk mailbox creates the ticket itself: nobody is its author.
  if (random.chance(0.6)) return { sourceKey: 'email', createdBy: null };
  return {
    sourceKey: 'phone',
    createdBy: random.chance(0.5) ? world.person('dispatch@northwind.example') : ticket.mspWorker,
  };
}

interface NoteContext {
  createdAt: Date;
  lastActivityAt: Date;
  complete: boolean;
  isNew: boolean;
  mspOnly: boolean;
  contact: DemoContact | null;
  mspWorker: DemoPerson;
  coWorker: DemoPerson | null;
  primary: DemoPerson | null;
}

/**
 * 1–5 notes of every publish level, by plausible authors: MSP staff write
 * internal notes; the customer's own IT writes customer-internal ones; both
 * talk to each other at internal-and-co-managed; everyone, requesters
 * included, writes customer-visible updates.
 */
function planNotes(context: TicketContext, ticket: NoteContext): PlannedNote[] {
  const { world, random, scenario, request, fill } = context;
  const count = ticket.isNew ? 1 : ticket.complete ? random.int(2, 5) : random.int(1, 4);
  const from = ticket.createdAt.getTime() + 2 * minute;
  const to = Math.max(ticket.lastActivityAt.getTime(), from);
  const times = Array.from({ length: count - 1 }, () => from + random.next() * (to - from)).sort(
    (a, b) => a - b,
  );
  times.push(ticket.lastActivityAt.getTime());

  const names = {
    contact: ticket.contact?.firstName ?? 'there',
    msp: ticket.mspWorker.firstName,
    co: ticket.coWorker?.firstName ?? '',
  };
  const noteTypeOf: Record<PublishLevel, number | null> = {
    internal: world.noteType('Internal Note'),
    internal_and_co_managed: world.noteType('Co-managed Note'),
    all: world.noteType('Customer Update'),
    customer_internal: null,
  };
  const facilities = scenario.category === 'C_SRC Facilities';
  const worker = ticket.primary ?? (facilities ? ticket.coWorker : null) ?? ticket.mspWorker;

  return times.map((time, index): PlannedNote => {
    const at = new Date(Math.min(time, ticket.lastActivityAt.getTime()));
    const note = (
      publishLevel: PublishLevel,
      author: DemoPerson | null,
      body: string,
      title: string | null = null,
    ) => ({
      publishLevel,
      noteTypeId: noteTypeOf[publishLevel],
      title,
      body: fill(body, names),
      authorId: author?.id ?? null,
      at,
    });
    const last = index === times.length - 1;
    if (last && ticket.complete) {
      return ticket.mspOnly
        ? note('internal', worker, random.pick(request.resolutions), 'Resolution')
        : note('all', worker, random.pick(request.resolutions), 'Resolution');
    }
    if (ticket.mspOnly)
      return note(
        'internal',
        ticket.mspWorker,
        random.pick([...request.findings, ...demoNoteTexts.internal]),
      );

    const co = ticket.coWorker;
    // An internal help desk reads neither internal nor co-managed notes: nobody writes it those.
    const coManaged = co !== null && !isTaskfireCompany(context.companyName);
    const level = random.weighted<PublishLevel>([
      ['internal', facilities ? 0.3 : 3],
      ['internal_and_co_managed', coManaged ? 2 : 0],
      ['all', 3],
      ['customer_internal', co ? 1.5 : 0],
    ]);
    switch (level) {
      case 'internal':
        return note(
          'internal',
          ticket.mspWorker,
          random.pick([...request.findings, ...demoNoteTexts.internal]),
        );
      case 'internal_and_co_managed':
        return co && random.chance(0.5)
          ? note(level, co, random.pick(demoNoteTexts.coManagedToMsp))
          : note(level, ticket.mspWorker, random.pick(demoNoteTexts.mspToCoManaged));
      case 'customer_internal':
        // Only the customer's own IT writes these; without one on the ticket, it is an update instead.
        return co
          ? note(level, co, random.pick(demoNoteTexts.customerInternal))
          : note('all', worker, random.pick(demoNoteTexts.update));
      case 'all': {
        const requester = ticket.contact?.portalUser;
        return requester && index > 0 && random.chance(0.4)
          ? note('all', requester, random.pick(demoNoteTexts.requester))
          : note('all', worker, random.pick(demoNoteTexts.update));
      }
    }
  });
}

interface TimeContext {
  createdAt: Date;
  lastActivityAt: Date;
  isNew: boolean;
  mspOnly: boolean;
  handling: Handling;
  mspWorker: DemoPerson;
  coWorker: DemoPerson | null;
  /** The co-managing worker is the ticket's primary or a secondary resource (restricted levels log only there). */
  coOnTicket: boolean;
  /** No work after this moment. */
  until: number;
}

const quarterHours = [
  [0.25, 3],
  [0.5, 5],
  [0.75, 3],
  [1, 4],
  [1.5, 2],
  [2, 2],
  [3, 1],
] as const;

/**
 * Time logged while the ticket was worked, between its creation and its last activity: MSP
 * staff in remote or on-site support (internal work on MSP-only tickets), mostly for
 * themselves, some of it shared with the co-managing users or the customer; and the
 * customer's own IT on the tickets they are on, at the levels a co-managing user may use.
 * A new ticket has no time yet.
 */
function planTime(context: TicketContext, ticket: TimeContext): PlannedTimeEntry[] {
  const { world, random, scenario, request, fill } = context;
  const from = ticket.createdAt.getTime() + 10 * minute;
  const to = Math.min(ticket.lastActivityAt.getTime(), ticket.until);
  if (ticket.isNew || to - from < 20 * minute) return [];
  const onSiteShare = scenario.category === 'Hardware' ? 0.4 : 0.15;
  const facilities = scenario.category === 'C_SRC Facilities';

  const entry = (
    person: DemoPerson,
    workType: string,
    publishLevel: PublishLevel,
    billable: boolean,
    summary: string,
  ): PlannedTimeEntry | null => {
    if (person.roleId === null) return null;
    const wanted = random.weighted(quarterHours);
    const hours = Math.min(wanted, Math.floor((to - from) / (15 * minute)) / 4);
    if (hours < 0.25) return null;
    const latestStart = to - hours * hour;
    let start = from + random.next() * (latestStart - from);
    // In business hours (UTC 07:00–16:00) on that day where the ticket's window allows it.
    const inHours = new Date(start);
    inHours.setUTCHours(random.int(7, 15), random.pick([0, 15, 30, 45]), 0, 0);
    if (inHours.getTime() >= from && inHours.getTime() <= latestStart) start = inHours.getTime();
    return {
      resourceId: person.id,
      roleId: person.roleId,
      workTypeId: world.workType(workType),
      startedAt: new Date(start),
      endedAt: new Date(start + hours * hour),
      hours: hours.toFixed(2),
      summary: fill(summary),
      billable,
      publishLevel,
    };
  };

  const entries: (PlannedTimeEntry | null)[] = [];
  if (ticket.mspOnly) {
    for (let index = random.int(1, 2); index > 0; index--) {
      entries.push(entry(ticket.mspWorker, 'Internal', 'internal', false, random.pick(request.findings)));
    }
    return entries.filter((planned) => planned !== null);
  }

  const co = ticket.coOnTicket ? ticket.coWorker : null;
  const taskfire = isTaskfireCompany(context.companyName);
  if (co) {
    for (let index = random.int(1, 2); index > 0; index--) {
      entries.push(
        entry(
          co,
          facilities ? 'C_SRC Facilities Work' : random.chance(0.7) ? 'Onsite Support' : 'Remote Support',
          random.weighted<PublishLevel>([
            ['internal_and_co_managed', taskfire ? 0 : 5],
            ['customer_internal', 2],
            ['all', 1],
          ]),
          // The customer's own people: no MSP invoice for their time (and it costs 0 anyway).
          false,
          random.pick(facilities ? demoTimeSummaries.facilities : demoTimeSummaries.coManaged),
        ),
      );
    }
  }
  // The MSP works what it handles, and lends a hand on a third of what the customer's IT handles.
  const mspWorks =
    !facilities && (ticket.handling.kind !== 'co_managed' || co === null || random.chance(0.35));
  if (mspWorks) {
    for (let index = random.int(1, 3); index > 0; index--) {
      entries.push(
        entry(
          ticket.mspWorker,
          random.chance(onSiteShare) ? 'Onsite Support' : 'Remote Support',
          random.weighted<PublishLevel>([
            ['internal', 4],
            ['internal_and_co_managed', ticket.coWorker && !taskfire ? 3 : 0],
            ['all', 2],
          ]),
          // Mostly billable; some of it is covered by the managed services contract.
          random.chance(0.85),
          random.pick([...request.findings, ...demoTimeSummaries.msp]),
        ),
      );
    }
  }
  return entries
    .filter((planned) => planned !== null)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}
