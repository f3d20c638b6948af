/**
 * Every TanStack Query key of the web app, built here and nowhere else. Keys nest, so one prefix
 * reaches everything under it: invalidating `queryKeys.tickets.all` refreshes every ticket list and
 * count, `queryKeys.ticket(id).all` the ticket and each of its tabs (notes, time, files, history).
 */

/** The ticket list's filters in the API's query-string spelling (the same values the URL holds). */
type ListFilters = Readonly<Record<string, string>>;

export const queryKeys = {
  me: ['me'] as const,
  /** The signed-in person's two-factor sign-in (Security page). */
  twoFactor: ['me', 'twoFactor'] as const,

  /** Configuration and people lists: cached for minutes, read to turn ids into names. */
  reference: {
    statuses: ['reference', 'statuses'] as const,
    priorities: ['reference', 'priorities'] as const,
    queues: ['reference', 'queues'] as const,
    categories: ['reference', 'categories'] as const,
    sources: ['reference', 'sources'] as const,
    issueTypes: ['reference', 'issueTypes'] as const,
    subIssueTypes: (issueTypeId: number | null) => ['reference', 'subIssueTypes', issueTypeId] as const,
    workTypes: ['reference', 'workTypes'] as const,
    noteTypes: ['reference', 'noteTypes'] as const,
    requestTypes: ['reference', 'requestTypes'] as const,
    companies: ['reference', 'companies'] as const,
    resources: ['reference', 'resources'] as const,
  },

  /** Lists of tickets; a saved ticket can move in or out of any of them. */
  tickets: {
    all: ['tickets'] as const,
    list: (filters: ListFilters) => ['tickets', 'list', filters] as const,
    count: (filters: ListFilters) => ['tickets', 'count', filters] as const,
  },

  /** One ticket and what its tabs show; a change to any of them refreshes `all`. */
  ticket: (ticketId: number) => ({
    all: ['ticket', ticketId] as const,
    detail: ['ticket', ticketId, 'detail'] as const,
    notes: ['ticket', ticketId, 'notes'] as const,
    attachments: ['ticket', ticketId, 'attachments'] as const,
    time: ['ticket', ticketId, 'time'] as const,
    history: ['ticket', ticketId, 'history'] as const,
  }),

  savedViews: { all: ['savedViews'] as const },

  worklist: ['worklist'] as const,

  companies: {
    search: (text: string) => ['companies', 'search', text] as const,
    /** The id as the URL spells it: the API answers 400/404 for one that is not a company of yours. */
    detail: (unverifiedCompanyId: string) => ['companies', 'detail', unverifiedCompanyId] as const,
  },

  contacts: {
    ofCompany: (companyId: number | null) => ['contacts', 'company', companyId] as const,
    detail: (contactId: number | null) => ['contacts', 'detail', contactId] as const,
  },

  /** The global search (Ctrl/Cmd+K) over tickets, companies and contacts. */
  globalSearch: (text: string) => ['globalSearch', text] as const,

  /** Automation admin screens: rules (with runs), notification templates, webhooks (with deliveries). */
  automation: {
    rules: ['automation', 'rules'] as const,
    rule: (id: number) => ['automation', 'rules', id] as const,
    templates: ['automation', 'templates'] as const,
    template: (id: number) => ['automation', 'templates', id] as const,
    webhooks: ['automation', 'webhooks'] as const,
    webhook: (id: number) => ['automation', 'webhooks', id] as const,
  },
};
