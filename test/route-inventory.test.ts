import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { type RegisteredRoute, type RouteAccess, routeAccess } from '../src/server/route-access.ts';
import { databaseFingerprint, type DatabaseFingerprint } from './database-fingerprint.ts';
import { type KnownRows, loadKnownRows } from './known-rows.ts';
import {
  type ApiOperation,
  exampleOf,
  exampleQuery,
  idPropertyTables,
  readOperations,
} from './openapi-operations.ts';
import { SeededRandom } from './seeded-random.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// Every registered route, held to its declaration in src/server/route-access.ts
// (#11). The denial tests below are generated from the inventory itself, so a
// new route is tested the moment it is registered — or fails here until it
// declares who may call it.

/** API paths (the Autotask-compatible prefix too); not the API's own description and docs pages. */
const isApiRoute = (url: string) =>
  ['/api/', '/atservicesrest/'].some((prefix) => url.toLowerCase().startsWith(prefix)) &&
  !url.startsWith('/api/docs') &&
  url !== '/api/openapi.json';

const methodsUnderTest = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

const people = {
  admin: 'admin@northwind.example',
  technician: 'tech1@northwind.example',
  otherTechnician: 'tech2@northwind.example',
  coManaging: 'anna.it@contoso.example',
  consultant: 'consultant@fabrikam.example',
  portal: 'user@contoso.example',
} as const;
type Person = keyof typeof people;

/** A row some actor must not reach, and why; or why no such actor exists for a table. */
type HiddenRow = { person: Person; params: Record<string, string>; why: string } | { exempt: string };

describe.each(testDatabaseTargets)('route inventory on $name', (target) => {
  let tandem: TestTandem;
  let inventory: readonly RegisteredRoute[];
  let operations: Map<string, ApiOperation>;
  let rows: KnownRows;
  let fingerprint: DatabaseFingerprint;
  const clients = new Map<Person, TestClient>();
  const random = new SeededRandom(11);

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    inventory = tandem.app.routeInventory;
    operations = new Map(
      (await readOperations(tandem.app)).map((operation) => [
        `${operation.method} ${operation.route}`,
        operation,
      ]),
    );
    for (const person of Object.keys(people) as Person[]) {
      clients.set(person, await tandem.signIn(people[person]));
    }
    // Rows of one person that the demo data does not have: a saved view and a notification of the technician.
    const technician = client('technician');
    const view = await technician.post('/api/v1/ticket-views', { name: 'Inventory view', filters: {} });
    const board = await technician.post('/api/v1/dashboards', { name: 'Inventory dashboard', widgets: [] });
    expect(board.statusCode, board.body).toBe(201);
    expect(view.statusCode, view.body).toBe(201);
    await tandem.database.db.execute(
      sql`INSERT INTO notifications (resource_id, event_type, title, body, dedupe_key)
          SELECT id, 'inventory', 'Inventory', 'A notification of the technician', 'route-inventory'
          FROM resources WHERE email = ${people.technician}`,
    );
    // And a checklist item on a Contoso ticket (the demo's checklists may all be elsewhere).
    const contosoTicket = await queryRows(
      tandem.database.db,
      sql`SELECT t.id FROM tickets t JOIN companies c ON c.id = t.company_id WHERE c.name = 'Contoso' LIMIT 1`,
    );
    const item = await client('admin').post(`/api/v1/tickets/${String(contosoTicket[0]?.id)}/checklist`, {
      title: 'Inventory item',
    });
    expect(item.statusCode, item.body).toBe(201);
    const boundary = 'inventory';
    const upload = await tandem.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${String(contosoTicket[0]?.id)}/attachments`,
      headers: {
        cookie: client('admin').cookie ?? '',
        'x-csrf-token': client('admin').csrfToken ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="publishLevel"\r\n\r\nall\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const workType = await queryRows(tandem.database.db, sql`SELECT id FROM work_types LIMIT 1`);
    const time = await client('admin').post(`/api/v1/tickets/${String(contosoTicket[0]?.id)}/time-entries`, {
      workTypeId: workType[0]?.id,
      summary: 'Inventory',
      hours: 1,
    });
    expect(time.statusCode, time.body).toBe(201);
    const tables = new Set([
      ...idPropertyTables,
      ...Object.values(routeAccess).flatMap((declaration) => Object.values(declaration.ids ?? {})),
    ]);
    rows = await loadKnownRows(tandem.database.db, [...tables]);
    fingerprint = await databaseFingerprint(tandem.database.db);
  });
  afterAll(() => tandem.close());

  function client(person: Person): TestClient {
    const found = clients.get(person);
    if (!found) throw new Error(`${person} is not signed in`);
    return found;
  }

  const apiRoutes = () =>
    inventory.filter((route) => isApiRoute(route.url) && methodsUnderTest.has(route.method));
  const declared = (route: RegisteredRoute): RouteAccess => {
    if (!route.declared) throw new Error(`${route.method} ${route.url} declares no access`);
    return route.declared;
  };

  it('every API route declares who may call it, in agreement with the route and the OpenAPI document', () => {
    const problems: string[] = [];
    for (const route of inventory) {
      const name = `${route.method} ${route.url}`;
      if (!isApiRoute(route.url)) {
        // The authentication hook only runs under /api/: anything else is public on purpose (health, docs),
        // or a file of the web app (@fastify/static: hidden from the API description).
        if (!route.public && !route.hidden) {
          problems.push(`${name} is outside /api/ and not public, so nothing authenticates it`);
        }
        continue;
      }
      if (!route.declared) {
        problems.push(`${name} declares no access: add it to routeAccess in src/server/route-access.ts`);
        continue;
      }
      if ((route.declared.access === 'public') !== route.public) {
        problems.push(
          `${name} is declared ${route.declared.access} but its config.public is ${String(route.public)}`,
        );
      }
      const parameters = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
      const named = Object.keys(route.declared.ids ?? {});
      for (const parameter of parameters) {
        if (!named.includes(parameter))
          problems.push(`${name} does not say what :${parameter} identifies (ids)`);
      }
      for (const parameter of named) {
        if (!parameters.includes(parameter)) problems.push(`${name} names ids.${parameter}, not in its path`);
      }
      if (route.method !== 'HEAD' && !route.hidden) {
        const operation = operations.get(name);
        if (!operation) problems.push(`${name} is missing from the OpenAPI document`);
        else if (operation.access !== route.declared.access) {
          problems.push(
            `${name}: x-tandem-access is ${String(operation.access)}, declared ${route.declared.access}`,
          );
        }
      }
    }
    const registered = new Set(inventory.map((route) => `${route.method} ${route.url}`));
    for (const key of Object.keys(routeAccess)) {
      if (!registered.has(key)) problems.push(`routeAccess declares ${key}, which no route registers`);
    }
    expect(problems).toEqual([]);
  });

  it('every non-public route answers 401 to an anonymous request, and changes nothing', async () => {
    const problems: string[] = [];
    const before = await fingerprint.take();
    for (const route of apiRoutes()) {
      if (declared(route).access === 'public') continue;
      const path = pathOf(route, existingIds(route));
      // The same route with its first letter percent-encoded: the router decodes it, so must authentication.
      const encoded = `/%${path.charCodeAt(1).toString(16)}${path.slice(2)}`;
      for (const url of [path, encoded]) {
        const response = await tandem.app.inject({
          method: route.method as InjectOptions['method'],
          url,
          ...(route.method === 'GET' || route.method === 'HEAD' || route.method === 'DELETE'
            ? {}
            : { payload: {} }),
        });
        const code = route.method === 'HEAD' ? 'unauthenticated' : errorCode(response);
        if (response.statusCode !== 401 || code !== 'unauthenticated') {
          problems.push(
            `${route.method} ${url}: ${response.statusCode} ${code ?? response.body.slice(0, 100)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(fingerprint.differences(before, await fingerprint.take())).toEqual([]);
  });

  it('admin routes refuse everyone who is not an administrator (403/404), and change nothing', async () => {
    const problems = await denials(
      apiRoutes().filter((route) => declared(route).access === 'admin'),
      ['technician', 'coManaging', 'portal'],
    );
    expect(problems).toEqual([]);
  });

  it('MSP routes refuse customer-side actors (403/404), and change nothing', async () => {
    const problems = await denials(
      apiRoutes().filter((route) => declared(route).access === 'msp'),
      ['coManaging', 'consultant', 'portal'],
    );
    expect(problems).toEqual([]);
  });

  it('every route that takes an id answers 404/403 to an actor who cannot reach the row, and changes nothing', async () => {
    const problems: string[] = [];
    const exempt: string[] = [];
    for (const route of apiRoutes()) {
      const access = declared(route);
      if (!access.ids || access.access === 'public' || route.method === 'HEAD') continue;
      const hidden = await hiddenRowFor(route, access);
      if ('exempt' in hidden) {
        exempt.push(`${route.method} ${route.url}: ${hidden.exempt}`);
        continue;
      }
      problems.push(
        ...(await refusedTo(
          route,
          hidden.person,
          hidden.params,
          expectedRefusals(route, access),
          hidden.why,
        )),
      );
    }
    expect(problems).toEqual([]);
    // Only reads of configuration may go without: every signed-in actor reads those names.
    expect(exempt.filter((line) => !line.startsWith('GET '))).toEqual([]);
  });

  /** Each route as each person, with a request the schema accepts: never 2xx, never 5xx, nothing written. */
  async function denials(routes: RegisteredRoute[], persons: Person[]): Promise<string[]> {
    const problems: string[] = [];
    for (const route of routes) {
      for (const person of persons) {
        problems.push(
          ...(await refusedTo(route, person, existingIds(route), [403, 404], 'not allowed at all')),
        );
      }
    }
    return problems;
  }

  async function refusedTo(
    route: RegisteredRoute,
    person: Person,
    params: Record<string, string>,
    expected: number[],
    why: string,
  ): Promise<string[]> {
    if (route.method === 'HEAD') return [];
    const operation = operations.get(`${route.method} ${route.url}`);
    const signedIn = client(person);
    const before = await fingerprint.take();
    // The example body meets the JSON schema, but a zod refinement the schema cannot state (a rule
    // action that must name its target) may still refuse it: draw another example until the
    // answer is about access, as the test means to ask.
    let response = await send(route, operation, signedIn, params);
    for (let attempt = 1; attempt < 8 && errorCode(response) === 'validation_failed'; attempt++) {
      response = await send(route, operation, signedIn, params);
    }
    const problems: string[] = [];
    const label = `${route.method} ${pathOf(route, params)} as ${people[person]} (${why})`;
    if (!expected.includes(response.statusCode)) {
      problems.push(`${label}: ${response.statusCode} ${response.body.slice(0, 160)}`);
    } else if (!['forbidden', 'not_found'].includes(errorCode(response) ?? '')) {
      problems.push(`${label}: ${response.statusCode} with code ${String(errorCode(response))}`);
    }
    const changed = fingerprint.differences(before, await fingerprint.take());
    if (changed.length > 0) problems.push(`${label} changed the database: ${changed.join('; ')}`);
    return problems;
  }

  /** A request the route's schema accepts (so what answers is the access check), as `person`. */
  function send(
    route: RegisteredRoute,
    operation: ApiOperation | undefined,
    signedIn: TestClient,
    params: Record<string, string>,
  ): Promise<LightMyRequestResponse> {
    const query = operation ? exampleQuery(operation, random, rows) : [];
    const search = query.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
    const url = `${pathOf(route, params)}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = { cookie: signedIn.cookie ?? '' };
    if (route.method !== 'GET') headers['x-csrf-token'] = signedIn.csrfToken ?? '';
    const body = operation?.body;
    if (body?.kind === 'multipart') {
      const boundary = 'inventory';
      return tandem.app.inject({
        method: route.method as InjectOptions['method'],
        url,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="publishLevel"\r\n\r\nall\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
          `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
      });
    }
    return tandem.app.inject({
      method: route.method as InjectOptions['method'],
      url,
      headers,
      ...(body
        ? {
            payload: (exampleBodies[`${route.method} ${route.url}`]?.(rows) ??
              exampleOf(body.schema, random, rows)) as object,
          }
        : {}),
    });
  }

  /** Ids of rows that exist (any company), for the path of a route. */
  function existingIds(route: RegisteredRoute): Record<string, string> {
    const params: Record<string, string> = {};
    for (const [name, table] of Object.entries(route.declared?.ids ?? {})) {
      params[name] = String(rows.pickId(table, random));
    }
    if (route.declared?.ids?.itemId) {
      const item = rows.rowsOf('ticket_checklist_items')[0];
      if (item) Object.assign(params, checklistParams(item.id));
    }
    return params;
  }

  let checklistTickets: Map<string, string> | undefined;
  function checklistParams(itemId: number | string): Record<string, string> {
    return { id: checklistTickets?.get(String(itemId)) ?? '1', itemId: String(itemId) };
  }

  /** A row of the route's subject that some actor must not reach: another company's, or another person's. */
  async function hiddenRowFor(route: RegisteredRoute, access: RouteAccess): Promise<HiddenRow> {
    const ids = access.ids ?? {};
    const table = ids.itemId ?? ids.id ?? Object.values(ids)[0] ?? '';
    const contoso = rows.companyId('Contoso');
    if (access.access === 'admin') {
      return { person: 'technician', params: existingIds(route), why: 'not an administrator' };
    }
    if (access.access === 'msp') {
      return { person: 'coManaging', params: existingIds(route), why: 'not MSP staff' };
    }
    if (table === 'ticket_checklist_items') {
      checklistTickets ??= new Map(
        (await queryRows(tandem.database.db, sql`SELECT id, ticket_id FROM ticket_checklist_items`)).map(
          (row) => [String(row.id), String(row.ticket_id)],
        ),
      );
      const item = rows.rowsOf(table).find((row) => row.companyId === contoso);
      if (!item) throw new Error('the demo data has no checklist item at Contoso');
      return { person: 'consultant', params: checklistParams(item.id), why: 'a checklist item at Contoso' };
    }
    if (table === 'saved_ticket_views' || table === 'notifications' || table === 'dashboards') {
      const owner = rows.resourceId(people.technician);
      const row = rows.rowsOf(table).find((candidate) => candidate.ownerId === owner);
      if (!row) throw new Error(`no ${table} row of the technician`);
      return { person: 'otherTechnician', params: { id: String(row.id) }, why: `the technician's ${table}` };
    }
    if (table === 'security_levels') {
      const own = await queryRows(
        tandem.database.db,
        sql`SELECT security_level_id AS id FROM resources WHERE email = ${people.consultant}`,
      );
      const other = rows.rowsOf(table).find((row) => String(row.id) !== String(own[0]?.id));
      return {
        person: 'consultant',
        params: { id: String(other?.id) },
        why: 'a security level not their own',
      };
    }
    if (table === 'co_managing_teams') {
      const row = rows.rowsOf(table)[0];
      if (!row) throw new Error('the demo data has no co-managing team');
      return { person: 'consultant', params: { id: String(row.id) }, why: 'a team they are not a member of' };
    }
    const contosoRow = rows
      .rowsOf(table)
      .find((row) => row.companyId === contoso || (table === 'companies' && row.id === contoso));
    if (contosoRow) {
      const param = Object.keys(ids).find((name) => ids[name] === table) ?? 'id';
      return { person: 'consultant', params: { [param]: String(contosoRow.id) }, why: `${table} of Contoso` };
    }
    if (readableByEveryone.has(table)) {
      return { exempt: `${table} is readable by every signed-in actor (names needed to work a ticket)` };
    }
    throw new Error(`no row of ${table} that someone cannot reach: add one to the test's data (beforeAll)`);
  }
});

/** Configuration every signed-in actor reads (ACCESS-MODEL §2 Configuration): no one to refuse a GET. */
const readableByEveryone = new Set([
  'departments',
  'locations',
  'roles',
  'ticket_statuses',
  'ticket_priorities',
  'queues',
  'ticket_sources',
  'issue_types',
  'sub_issue_types',
  'ticket_categories',
  'work_types',
  'note_types',
  'sla_definitions',
]);

/** Bodies the generator cannot make valid (a refinement across fields), by route. */
const exampleBodies: Record<string, (rows: KnownRows) => unknown> = {
  // Exactly one of resourceId and teamId.
  'POST /api/v1/co-managed/associations': (rows) => ({
    companyIds: [rows.companyId('Contoso')],
    resourceId: rows.resourceId(people.coManaging),
  }),
  // Hours, or a start and an end.
  'POST /api/v1/tickets/:id/time-entries': (rows) => ({
    workTypeId: rows.rowsOf('work_types')[0]?.id,
    summary: 'Inventory',
    hours: 1,
  }),
  // The version read (or If-Match); without it 428 comes before anything is looked up.
  'PATCH /api/v1/tickets/:id': () => ({ title: 'Inventory', version: 1 }),
};

/** Out of reach is a 404 like a missing row (ACCESS-MODEL §3); a write or an admin/MSP-only route may say 403 first. */
function expectedRefusals(route: RegisteredRoute, access: RouteAccess): number[] {
  return route.method === 'GET' && (access.access === 'scoped' || access.access === 'own')
    ? [404]
    : [403, 404];
}

function pathOf(route: RegisteredRoute, params: Record<string, string>): string {
  return route.url.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? '1'));
}

function errorCode(response: LightMyRequestResponse): string | undefined {
  try {
    return response.json<{ error?: { code?: string } }>().error?.code;
  } catch {
    return undefined;
  }
}
