import type { WorldSpec } from './world.ts';

/**
 * Worlds that once found a disagreement with the model, shrunk to their core.
 * The properties run them before the random worlds, so they stay found.
 */
type Resource = WorldSpec['resources'][number];
type Views = NonNullable<Resource['views']>;

const allViews: Views = {
  tickets: 'all',
  notes: 'all',
  timeEntries: 'all',
  attachments: 'all',
  companies: 'all',
  contacts: 'all',
};

function resource(licence: Resource['licence'], changes: Partial<Resource> = {}): Resource {
  return {
    licence,
    company: 0,
    active: true,
    tier: 'advanced',
    systemLevel: 0,
    views: null,
    accountTeam: [],
    grants: [],
    teams: [],
    ...changes,
  };
}

function world(changes: Partial<WorldSpec>): WorldSpec {
  return {
    coManagedOn: true,
    companies: [{ parent: null, coManagedEnabled: true, sharing: 'none', contacts: 0 }],
    teams: [],
    resources: [],
    tickets: [],
    notes: [],
    timeEntries: [],
    attachments: [],
    pageSize: 200,
    ...changes,
  };
}

/** Word indexes of `searchWords`; 3 is none of them. */
const walrus = 1;
const kestrel = 0;
const plain = 3;

/** Worlds for every check that goes through the API. */
export const apiRegressions: WorldSpec[] = [
  // Search through notes with the notes view scope "mine": a note someone else wrote on the
  // actor's own ticket is readable (it is on one of their tickets) but `?q=` does not find it —
  // tandem_search_ticket_ids narrows "mine" to the author.
  world({
    resources: [
      resource('portal', { tier: 'basic', views: { ...allViews, tickets: 'mine', notes: 'mine' } }),
      resource('full'),
    ],
    tickets: [
      {
        company: 0,
        onMsp: false,
        coManagedVisible: true,
        contact: 0,
        primary: null,
        secondaries: [],
        createdBy: null,
        word: plain,
      },
    ],
    notes: [{ ticket: 0, publishLevel: 'all', author: 1, word: walrus }],
  }),
  // Search through notes with the notes view scope "my companies": an MSP technician who sees
  // every ticket but only their account team's notes finds a ticket of another company through
  // a note they cannot read — tandem_search_ticket_ids treats "my companies" as "all".
  world({
    companies: [
      { parent: null, coManagedEnabled: true, sharing: 'none', contacts: 0 },
      { parent: null, coManagedEnabled: true, sharing: 'none', contacts: 0 },
    ],
    resources: [resource('full', { views: { ...allViews, notes: 'my_companies' }, accountTeam: [0] })],
    tickets: [
      {
        company: 1,
        onMsp: false,
        coManagedVisible: true,
        contact: null,
        primary: null,
        secondaries: [],
        createdBy: null,
        word: plain,
      },
    ],
    notes: [{ ticket: 0, publishLevel: 'internal', author: null, word: kestrel }],
  }),
];

/** Worlds for RLS alone: RLS on companies ignored the level's companies view scope (an MSP technician whose level shows only their own company, "mine", read their account team's companies too). */
export const rlsRegressions: WorldSpec[] = [
  world({
    resources: [resource('full', { views: { ...allViews, companies: 'mine' }, accountTeam: [0] })],
  }),
];

/**
 * Worlds for the application predicate alone: the contact predicate lacked the Basic-portal rule
 * RLS has (with a copied level that widens contacts, a Basic portal user listed their co-workers).
 */
export const predicateRegressions: WorldSpec[] = [
  world({
    resources: [resource('portal', { tier: 'basic', views: allViews }), resource('co_managed')],
  }),
];

/**
 * Ticket kinds (scenario 3), in every layer's list so each run sees them whatever the random
 * worlds hold: a co-managing user restricted to one category and an MSP technician restricted to
 * one queue, next to tickets of every queue and category of the baseline.
 */
const ticketKinds = world({
  resources: [
    resource('co_managed', {
      grants: [{ company: 0, includeSubsidiaries: false }],
      kinds: { queues: null, categories: [1] },
    }),
    resource('full', { kinds: { queues: [1], categories: null } }),
    resource('co_managed', { grants: [{ company: 0, includeSubsidiaries: false }] }),
  ],
  tickets: [0, 1, 2, 3].map((index) => ({
    company: 0,
    onMsp: false,
    coManagedVisible: true,
    contact: null,
    primary: null,
    secondaries: [],
    createdBy: null,
    word: plain,
    queue: index < 2 ? index : null,
    category: index,
  })),
  notes: [0, 1, 2, 3].map((ticket) => ({
    ticket,
    publishLevel: 'all' as const,
    author: null,
    word: kestrel,
  })),
});
apiRegressions.push(ticketKinds);
rlsRegressions.push(ticketKinds);
predicateRegressions.push(ticketKinds);
