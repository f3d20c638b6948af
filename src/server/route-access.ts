import type { FastifyInstance } from 'fastify';

/**
 * Who may call a route, declared for every API route in one table. The
 * services still decide (scope predicates, the matrix, `requireAdmin`); the
 * declaration says what they are meant to decide, so that
 * `test/route-inventory.test.ts` can hold every route to it: a route without a
 * declaration fails the test, every non-public route is called anonymously
 * (401), `admin` and `msp` routes as actors without that standing (403/404),
 * and every route that takes an id as an actor who cannot see the row it
 * names (404/403). A new route gets those tests by adding its line here.
 *
 * - `public`: answers without an actor (sign-in and its second step). The
 *   route must also say `config: { public: true }`; the test checks both agree.
 * - `own`: any signed-in actor, about their own session or rows (me, saved
 *   views, notifications, worklist); someone else's row is a 404.
 * - `scoped`: any signed-in actor; rows limited by reach and visibility (404
 *   outside), actions by the security level's matrix and policies (403).
 * - `msp`: MSP staff only (licence `full`); customer-side actors get 403/404.
 * - `admin`: administrators only; everyone else gets 403/404.
 *
 * `ids` names what each path parameter identifies (a table), for the denial
 * tests that look for a row the actor must not reach.
 */
export type RouteAccessKind = 'public' | 'own' | 'scoped' | 'msp' | 'admin';

export interface RouteAccess {
  access: RouteAccessKind;
  ids?: Readonly<Record<string, string>>;
}

const access =
  (kind: RouteAccessKind) =>
  (ids?: Record<string, string>): RouteAccess =>
    ids ? { access: kind, ids } : { access: kind };
const open = access('public');
const own = access('own');
const scoped = access('scoped');
const msp = access('msp');
const admin = access('admin');

/** Ticket configuration: every signed-in actor reads (names needed to work), administrators change. */
function configuration(path: string, table: string): Record<string, RouteAccess> {
  return {
    [`GET ${path}`]: scoped(),
    [`POST ${path}`]: admin(),
    ...configurationItem(path, table),
  };
}

function configurationItem(path: string, table: string): Record<string, RouteAccess> {
  return {
    [`GET ${path}/:id`]: scoped({ id: table }),
    [`PATCH ${path}/:id`]: admin({ id: table }),
    [`DELETE ${path}/:id`]: admin({ id: table }),
  };
}

/** Keyed by `METHOD url` as fastify registers the route (`:id`, not `{id}`); HEAD follows GET. */
export const routeAccess: Readonly<Record<string, RouteAccess>> = {
  // Sign-in and the signed-in actor
  'POST /api/v1/auth/login': open(),
  'POST /api/v1/auth/password-reset': open(),
  'POST /api/v1/auth/password-reset/confirm': open(),
  'GET /api/v1/branding': open(),
  'GET /api/v1/branding/logo': open(),
  'PATCH /api/v1/branding': admin(),
  'POST /api/v1/auth/two-factor': open(),
  'POST /api/v1/auth/two-factor/enrolment': open(),
  'POST /api/v1/auth/two-factor/enrolment/confirm': open(),
  'POST /api/v1/auth/logout': own(),
  'GET /api/v1/me': own(),
  'POST /api/v1/me/password': own(),
  'POST /api/v1/me/sessions/revoke-all': own(),
  'GET /api/v1/me/two-factor': own(),
  'POST /api/v1/me/two-factor/enrolment': own(),
  'POST /api/v1/me/two-factor/enrolment/confirm': own(),
  'POST /api/v1/me/two-factor/recovery-codes': own(),
  'POST /api/v1/me/two-factor/disable': own(),

  // Organisation
  ...configuration('/api/v1/departments', 'departments'),
  ...configuration('/api/v1/locations', 'locations'),
  ...configuration('/api/v1/roles', 'roles'),
  'GET /api/v1/activations': scoped(),
  'PUT /api/v1/activations/:key': admin({ key: 'activations' }),
  'GET /api/v1/admin/access-explanation': admin(),
  'POST /api/v1/admin/view-as': admin(),
  'POST /api/v1/admin/view-as/end': own(),
  'GET /api/v1/admin/health': admin(),
  'GET /api/v1/audit-log': admin(),

  // Companies, contacts, people, access
  'GET /api/v1/companies': scoped(),
  'POST /api/v1/companies': msp(),
  'GET /api/v1/companies/:id': scoped({ id: 'companies' }),
  'PATCH /api/v1/companies/:id': msp({ id: 'companies' }),
  'DELETE /api/v1/companies/:id': msp({ id: 'companies' }),
  'GET /api/v1/reports/ticket-counts': scoped(),
  'GET /api/v1/dashboards': own(),
  'POST /api/v1/dashboards': own(),
  'GET /api/v1/dashboards/:id': own({ id: 'dashboards' }),
  'PATCH /api/v1/dashboards/:id': own({ id: 'dashboards' }),
  'DELETE /api/v1/dashboards/:id': own({ id: 'dashboards' }),
  'PUT /api/v1/dashboards/:id/shares': own({ id: 'dashboards' }),
  'PUT /api/v1/me/home-dashboard': own(),
  'GET /api/v1/reports/open-trend': scoped(),
  'GET /api/v1/reports/sla-performance': scoped(),
  'GET /api/v1/reports/time-logged': scoped(),
  'GET /api/v1/companies/:id/account-team': scoped({ id: 'companies' }),
  'PUT /api/v1/companies/:id/account-team': admin({ id: 'companies' }),
  'GET /api/v1/companies/:id/primary-co-managing-user': scoped({ id: 'companies' }),
  'PUT /api/v1/companies/:id/primary-co-managing-user': admin({ id: 'companies' }),
  'GET /api/v1/contacts': scoped(),
  'POST /api/v1/contacts': scoped(),
  'GET /api/v1/contacts/:id': scoped({ id: 'contacts' }),
  'PATCH /api/v1/contacts/:id': scoped({ id: 'contacts' }),
  'DELETE /api/v1/contacts/:id': scoped({ id: 'contacts' }),
  'POST /api/v1/contacts/:id/co-managed-access': admin({ id: 'contacts' }),
  'POST /api/v1/contacts/:id/co-managed-access/preview': admin({ id: 'contacts' }),
  'GET /api/v1/co-managed/warnings': admin(),
  'GET /api/v1/co-managed/associations': scoped(),
  'POST /api/v1/co-managed/associations': admin(),
  'DELETE /api/v1/co-managed/associations/:id': admin({ id: 'co_managed_associations' }),
  'GET /api/v1/co-managed/teams': scoped(),
  'POST /api/v1/co-managed/teams': admin(),
  'GET /api/v1/co-managed/teams/:id': scoped({ id: 'co_managing_teams' }),
  'PATCH /api/v1/co-managed/teams/:id': admin({ id: 'co_managing_teams' }),
  'DELETE /api/v1/co-managed/teams/:id': admin({ id: 'co_managing_teams' }),
  'PUT /api/v1/co-managed/teams/:id/members': admin({ id: 'co_managing_teams' }),
  'GET /api/v1/resources': scoped(),
  'GET /api/v1/helpdesk-team': scoped(),
  'GET /api/v1/helpdesk-escalations': scoped(),
  'PATCH /api/v1/helpdesk-team/:id': scoped({ id: 'resources' }),
  'POST /api/v1/resources': admin(),
  'GET /api/v1/resources/:id': scoped({ id: 'resources' }),
  'PATCH /api/v1/resources/:id': admin({ id: 'resources' }),
  'POST /api/v1/resources/:id/revoke-sessions': admin({ id: 'resources' }),
  'POST /api/v1/resources/:id/api-credentials': admin({ id: 'resources' }),
  'POST /api/v1/resources/:id/two-factor/reset': admin({ id: 'resources' }),
  'GET /api/v1/security-levels': scoped(),
  'GET /api/v1/security-levels/:id': scoped({ id: 'security_levels' }),
  'PATCH /api/v1/security-levels/:id': admin({ id: 'security_levels' }),
  'DELETE /api/v1/security-levels/:id': admin({ id: 'security_levels' }),
  'POST /api/v1/security-levels/:id/copy': admin({ id: 'security_levels' }),

  // Tickets and what hangs off them
  'GET /api/v1/tickets': scoped(),
  'POST /api/v1/tickets': scoped(),
  'GET /api/v1/tickets/count': scoped(),
  'GET /api/v1/tickets/export.csv': scoped(),
  'GET /api/v1/tickets/:id': scoped({ id: 'tickets' }),
  'PATCH /api/v1/tickets/:id': scoped({ id: 'tickets' }),
  'DELETE /api/v1/tickets/:id': msp({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/transfer-to-co-managed': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/escalate-to-msp': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/close': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/reopen': scoped({ id: 'tickets' }),
  'GET /api/v1/tickets/:id/history': scoped({ id: 'tickets' }),
  'GET /api/v1/tickets/:id/sla': scoped({ id: 'tickets' }),
  'GET /api/v1/tickets/:id/checklist': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/checklist': scoped({ id: 'tickets' }),
  'PATCH /api/v1/tickets/:id/checklist/:itemId': scoped({ id: 'tickets', itemId: 'ticket_checklist_items' }),
  'DELETE /api/v1/tickets/:id/checklist/:itemId': scoped({ id: 'tickets', itemId: 'ticket_checklist_items' }),
  'GET /api/v1/tickets/:id/notes': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/notes': scoped({ id: 'tickets' }),
  'GET /api/v1/notes/:id': scoped({ id: 'ticket_notes' }),
  'PATCH /api/v1/notes/:id': scoped({ id: 'ticket_notes' }),
  'DELETE /api/v1/notes/:id': scoped({ id: 'ticket_notes' }),
  'GET /api/v1/tickets/:id/attachments': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/attachments': scoped({ id: 'tickets' }),
  'GET /api/v1/attachments/:id': scoped({ id: 'attachments' }),
  'GET /api/v1/attachments/:id/download': scoped({ id: 'attachments' }),
  'DELETE /api/v1/attachments/:id': scoped({ id: 'attachments' }),
  'GET /api/v1/tickets/:id/time-entries': scoped({ id: 'tickets' }),
  'POST /api/v1/tickets/:id/time-entries': scoped({ id: 'tickets' }),
  'GET /api/v1/time-entries/:id': scoped({ id: 'time_entries' }),
  'PATCH /api/v1/time-entries/:id': scoped({ id: 'time_entries' }),
  'DELETE /api/v1/time-entries/:id': scoped({ id: 'time_entries' }),
  'GET /api/v1/ticket-views': own(),
  'POST /api/v1/ticket-views': own(),
  'GET /api/v1/ticket-views/:id': own({ id: 'saved_ticket_views' }),
  'PATCH /api/v1/ticket-views/:id': own({ id: 'saved_ticket_views' }),
  'DELETE /api/v1/ticket-views/:id': own({ id: 'saved_ticket_views' }),
  'GET /api/v1/worklist': own(),
  'POST /api/v1/worklist': own(),
  'PUT /api/v1/worklist/order': own(),
  'POST /api/v1/worklist/next': own(),
  'DELETE /api/v1/worklist/:ticketId': own({ ticketId: 'tickets' }),

  // Ticket configuration
  ...configuration('/api/v1/ticket-statuses', 'ticket_statuses'),
  ...configuration('/api/v1/ticket-priorities', 'ticket_priorities'),
  ...configuration('/api/v1/queues', 'queues'),
  ...configuration('/api/v1/ticket-sources', 'ticket_sources'),
  ...configuration('/api/v1/issue-types', 'issue_types'),
  ...configurationItem('/api/v1/sub-issue-types', 'sub_issue_types'),
  ...configuration('/api/v1/ticket-categories', 'ticket_categories'),
  ...configuration('/api/v1/work-types', 'work_types'),
  ...configuration('/api/v1/request-types', 'request_types'),
  ...configuration('/api/v1/note-types', 'note_types'),
  'GET /api/v1/issue-types/:id/sub-issue-types': scoped({ id: 'issue_types' }),
  'POST /api/v1/issue-types/:id/sub-issue-types': admin({ id: 'issue_types' }),
  'GET /api/v1/queues/:id/members': msp({ id: 'queues' }),
  'PUT /api/v1/queues/:id/members': admin({ id: 'queues' }),

  // Automation
  'GET /api/v1/workflow-rules': admin(),
  'POST /api/v1/workflow-rules': admin(),
  'GET /api/v1/workflow-rules/:id': admin({ id: 'workflow_rules' }),
  'PATCH /api/v1/workflow-rules/:id': admin({ id: 'workflow_rules' }),
  'DELETE /api/v1/workflow-rules/:id': admin({ id: 'workflow_rules' }),
  'POST /api/v1/workflow-rules/:id/test-run': admin({ id: 'workflow_rules' }),
  'GET /api/v1/workflow-rules/:id/runs': admin({ id: 'workflow_rules' }),
  'GET /api/v1/slas': scoped(),
  'POST /api/v1/slas': admin(),
  'GET /api/v1/slas/:id': scoped({ id: 'sla_definitions' }),
  'PATCH /api/v1/slas/:id': admin({ id: 'sla_definitions' }),
  'DELETE /api/v1/slas/:id': admin({ id: 'sla_definitions' }),
  'GET /api/v1/notification-templates': admin(),
  'POST /api/v1/notification-templates': admin(),
  'GET /api/v1/notification-templates/:id': admin({ id: 'notification_templates' }),
  'PATCH /api/v1/notification-templates/:id': admin({ id: 'notification_templates' }),
  'DELETE /api/v1/notification-templates/:id': admin({ id: 'notification_templates' }),
  'POST /api/v1/notification-templates/:id/preview': admin({ id: 'notification_templates' }),
  'GET /api/v1/notifications': own(),
  'POST /api/v1/notifications/read-all': own(),
  'POST /api/v1/notifications/:id/read': own({ id: 'notifications' }),
  'GET /api/v1/webhook-subscriptions': admin(),
  'POST /api/v1/webhook-subscriptions': admin(),
  'GET /api/v1/webhook-subscriptions/:id': admin({ id: 'webhook_subscriptions' }),
  'PATCH /api/v1/webhook-subscriptions/:id': admin({ id: 'webhook_subscriptions' }),
  'DELETE /api/v1/webhook-subscriptions/:id': admin({ id: 'webhook_subscriptions' }),
  'GET /api/v1/webhook-subscriptions/:id/deliveries': admin({ id: 'webhook_subscriptions' }),
  'POST /api/v1/webhook-subscriptions/:id/test': admin({ id: 'webhook_subscriptions' }),
  'GET /api/v1/outgoing-mail': admin(),
  'GET /api/v1/incoming-mail': admin(),
};

/** The declaration of a route (HEAD answers as its GET), or undefined when it has none. */
export function declaredAccess(method: string, url: string): RouteAccess | undefined {
  return routeAccess[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

/** One registered route, as the inventory test sees it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** `config.public` as the authentication hook reads it. */
  public: boolean;
  /** Left out of the OpenAPI document (`schema.hide`): docs pages, the web app. */
  hidden: boolean;
  declared: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after `registerRouteAccess`, one entry per method. */
    routeInventory: readonly RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /** The route's declared access kind (from `routeAccess`), for hooks and logs. */
    access?: RouteAccessKind;
  }
}

/**
 * Records every route as it is registered and puts its declared access on the
 * route (`config.access`) and in the OpenAPI document (`x-tandem-access`).
 * Register before any route.
 */
export function registerRouteAccess(app: FastifyInstance): void {
  const inventory: RegisteredRoute[] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const declared = declaredAccess(methods[0] ?? '', route.url);
    const hidden = route.schema?.hide === true;
    for (const method of methods) {
      inventory.push({
        method,
        url: route.url,
        // Read when asked: hooks registered later may still mark the route public (the docs pages).
        get public() {
          return route.config?.public === true;
        },
        hidden,
        declared: declaredAccess(method, route.url),
      });
    }
    if (!declared) return;
    route.config = { ...route.config, access: declared.access };
    // @fastify/swagger copies `x-` keys of a route's schema onto the operation.
    if (route.schema && !hidden)
      route.schema = { ...route.schema, ['x-tandem-access' as string]: declared.access };
  });
}
