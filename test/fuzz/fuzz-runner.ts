import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { httpStatusFor, type ErrorCode } from '../../src/lib/errors.ts';
import { declaredAccess } from '../../src/server/route-access.ts';
import type { DatabaseFingerprint } from '../database-fingerprint.ts';
import type { KnownRows } from '../known-rows.ts';
import {
  type ApiOperation,
  exampleOf,
  examplePathValues,
  exampleQuery,
  type JsonSchema,
  tableOfIdProperty,
} from '../openapi-operations.ts';
import type { SeededRandom } from '../seeded-random.ts';
import {
  type HostileJson,
  hostileCursors,
  hostileJson,
  hostileMultipart,
  hostileStrings,
  hostileUrlValues,
  validMultipart,
} from './hostile-values.ts';

/** Who sends the requests: a session (cookie + CSRF token), or nobody. */
export interface FuzzActor {
  label: string;
  email: string | null;
  cookie: string | null;
  csrfToken: string | null;
}

/** One request, as planned: enough to send it and to print it for a reproduction. */
export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was made hostile ("body.title = 1 MB string"). */
  hostile: string;
  /** Set when a header or cookie was tampered with: a 401 is then the point, not a lost session. */
  tampersWithAuthentication?: boolean;
}

export interface Finding {
  problem: string;
  actor: string;
  operation: string;
  request: string;
  status: number;
  response: string;
}

export interface FuzzContext {
  app: FastifyInstance;
  rows: KnownRows;
  fingerprint: DatabaseFingerprint;
  /** Signs the actor in again when a request ended its session (logout, revoke-all). */
  renew(actor: FuzzActor): Promise<FuzzActor>;
  /** How many requests took which status, for the summary. */
  statusCounts: Map<number, number>;
  /** The slowest request, for the summary. */
  slowest: { milliseconds: number; request: string };
}

const slowRequestMilliseconds = Number(process.env.FUZZ_SLOW_MS ?? 15_000);
const rawToken = '__fuzz_raw_value__';

/**
 * Sends `rounds` hostile variants of one operation as one actor and returns
 * what went wrong: a 5xx, an error body that is not `{ error: { code,
 * message, details } }` or whose code does not map to the status, a database
 * changed by a refused request (or by any GET), a polluted Object prototype,
 * a request slower than FUZZ_SLOW_MS.
 */
export async function fuzzOperation(
  context: FuzzContext,
  operation: ApiOperation,
  actor: FuzzActor,
  random: SeededRandom,
  /** How many random requests; or one request per target (every parameter and field once). */
  plan: number | FuzzTarget[],
): Promise<{ findings: Finding[]; actor: FuzzActor }> {
  const findings: Finding[] = [];
  let baseline = await context.fingerprint.take();
  const rounds = typeof plan === 'number' ? plan : plan.length;
  for (let round = 0; round < rounds; round++) {
    const target = typeof plan === 'number' ? undefined : plan[round];
    const planned = planHostileRequest(operation, actor, random, context.rows, target);
    const started = performance.now();
    let response: LightMyRequestResponse;
    try {
      response = await context.app.inject(injectOptions(planned));
    } catch (error) {
      findings.push(
        finding('the request threw instead of answering', actor, operation, planned, 0, String(error)),
      );
      continue;
    }
    const milliseconds = performance.now() - started;
    context.statusCounts.set(response.statusCode, (context.statusCounts.get(response.statusCode) ?? 0) + 1);
    if (milliseconds > context.slowest.milliseconds) {
      context.slowest = { milliseconds, request: `${describe(planned)} as ${actor.label}` };
    }
    const problems = responseProblems(response);
    if (milliseconds > slowRequestMilliseconds) problems.push(`took ${Math.round(milliseconds)} ms`);
    if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || hasPollutedPrototype()) {
      problems.push('Object.prototype was polluted');
      cleanPrototype();
    }
    const after = await context.fingerprint.take();
    const refused = response.statusCode >= 400;
    if (refused || planned.method === 'GET') {
      const changed = context.fingerprint.differences(baseline, after);
      if (changed.length > 0) {
        problems.push(
          `the database changed after a ${refused ? 'refused request' : 'GET'}: ${changed.join('; ')}`,
        );
      }
    }
    baseline = after;
    for (const problem of problems) {
      findings.push(finding(problem, actor, operation, planned, response.statusCode, response.body));
    }
    // A request may end the actor's own session (logout, sign out everywhere): sign in again.
    if (actor.cookie && response.statusCode === 401 && !planned.tampersWithAuthentication) {
      actor = await context.renew(actor);
    }
  }
  return { findings, actor };
}

let requestCount = 0;

function injectOptions(planned: PlannedRequest): InjectOptions {
  requestCount++;
  return {
    method: planned.method,
    url: planned.url,
    headers: planned.headers,
    // Hostile requests come from a documentation address range, from many addresses, so that sign-in
    // throttling by client address neither locks out the actors' own sign-ins (from 127.0.0.1) nor
    // turns most of the run into 429s.
    remoteAddress: `198.51.100.${(requestCount % 250) + 1}`,
    ...(planned.payload === undefined ? {} : { payload: planned.payload }),
  };
}

const knownErrorCodes = new Set<string>();

/** What is wrong with an answer, whatever was asked. */
export function responseProblems(response: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  if (status >= 500) problems.push(`answered ${status}`);
  if (status < 400) return problems;
  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/json')) {
    problems.push(`error answer is ${contentType || 'without a content type'}, not JSON`);
    return problems;
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    problems.push('error answer is not valid JSON');
    return problems;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
  if (
    !error ||
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    error.message.length === 0 ||
    typeof error.details !== 'object' ||
    error.details === null ||
    Array.isArray(error.details)
  ) {
    problems.push('error answer is not { error: { code, message, details } }');
    return problems;
  }
  if (!knownErrorCodes.has(error.code)) {
    let mapped: number | undefined;
    try {
      mapped = httpStatusFor(error.code as ErrorCode);
    } catch {
      mapped = undefined;
    }
    if (mapped !== status) {
      problems.push(`error code ${error.code} is not the one for ${status} (it maps to ${String(mapped)})`);
      return problems;
    }
    knownErrorCodes.add(error.code);
  } else if (httpStatusFor(error.code as ErrorCode) !== status) {
    problems.push(`error code ${error.code} answered with ${status}`);
  }
  return problems;
}

function hasPollutedPrototype(): boolean {
  const probe: Record<string, unknown> = {};
  return probe.polluted !== undefined || probe.admin !== undefined || probe.x !== undefined;
}

function cleanPrototype(): void {
  for (const key of ['polluted', 'admin', 'x']) Reflect.deleteProperty(Object.prototype, key);
}

function finding(
  problem: string,
  actor: FuzzActor,
  operation: ApiOperation,
  planned: PlannedRequest,
  status: number,
  body: string,
): Finding {
  return {
    problem,
    actor: actor.label,
    operation: `${operation.method} ${operation.path}`,
    request: describe(planned),
    status,
    response: body.slice(0, 300),
  };
}

/** The request as a reproduction: method, URL, the hostile part, the body (shortened). */
export function describe(planned: PlannedRequest): string {
  const shorten = (text: string) =>
    text.length > 400 ? `${text.slice(0, 200)}…(${text.length} characters)…${text.slice(-60)}` : text;
  const url = shorten(planned.url);
  const headers = Object.entries(planned.headers)
    .filter(([name]) => name !== 'cookie' && name !== 'x-csrf-token')
    .map(([name, value]) => `${name}: ${shorten(value)}`);
  const body =
    planned.payload === undefined
      ? ''
      : ` body ${shorten(Buffer.isBuffer(planned.payload) ? planned.payload.toString('latin1') : planned.payload)}`;
  return `${planned.method} ${url} [${planned.hostile}]${headers.length ? ` {${headers.join(', ')}}` : ''}${body}`;
}

// ---------------------------------------------------------------------------
// Planning one hostile request

type Location = 'path' | 'query' | 'body field' | 'whole body' | 'header' | 'multipart';

/** One part of a request to make hostile: a parameter or body field by name, or a whole location. */
export interface FuzzTarget {
  location: Location;
  /** A path or query parameter's name, or a body field's path joined with dots ("secondaryResources.0.roleId"). */
  name?: string;
}

/** Every parameter and body field of an operation, plus its body, headers and multipart parts as wholes. */
export function fuzzTargets(operation: ApiOperation): FuzzTarget[] {
  const targets: FuzzTarget[] = [
    ...operation.pathParameters.map((parameter) => ({ location: 'path' as const, name: parameter.name })),
    ...operation.queryParameters.map((parameter) => ({ location: 'query' as const, name: parameter.name })),
    { location: 'header' },
  ];
  if (operation.body?.kind === 'json') {
    const names = new Set(fieldPaths(operation.body.schema).map((field) => field.path.join('.')));
    targets.push(...[...names].map((name) => ({ location: 'body field' as const, name })), {
      location: 'whole body',
    });
  }
  if (operation.body?.kind === 'multipart')
    targets.push({ location: 'multipart' }, { location: 'whole body' });
  return targets;
}

export function planHostileRequest(
  operation: ApiOperation,
  actor: FuzzActor,
  random: SeededRandom,
  rows: KnownRows,
  target?: FuzzTarget,
): PlannedRequest {
  const ids = declaredAccess(operation.method, operation.route)?.ids;
  const pathValues: Record<string, { value: string; encoded?: boolean }> = Object.fromEntries(
    Object.entries(examplePathValues(operation, ids, random, rows)).map(([name, value]) => [name, { value }]),
  );
  const query: [string, string, boolean][] = exampleQuery(operation, random, rows, 0.3).map(
    ([key, value]) => [key, value, false],
  );
  const headers: Record<string, string> = {};
  if (actor.cookie) headers.cookie = actor.cookie;
  if (actor.csrfToken && operation.method !== 'GET') headers['x-csrf-token'] = actor.csrfToken;
  let payload: string | Buffer | undefined;
  let bodyValue: unknown;
  const jsonBody = operation.body?.kind === 'json' ? operation.body.schema : null;
  if (jsonBody) {
    // Half the time a fuller body: more references (often to other companies' rows) reach the service.
    bodyValue = exampleOf(jsonBody, random, rows, '', 0, random.chance(0.5) ? 0.5 : 0);
    headers['content-type'] = 'application/json';
  }
  const multipartBoundary = `fuzz${random.integer(100000, 999999)}`;
  if (operation.body?.kind === 'multipart') {
    const valid = validMultipart(multipartBoundary);
    payload = valid.body;
    headers['content-type'] = valid.contentType;
  }

  const locations: Location[] = ['header'];
  if (operation.pathParameters.length > 0) locations.push('path', 'path');
  if (operation.queryParameters.length > 0) locations.push('query', 'query');
  if (jsonBody) locations.push('body field', 'body field', 'body field', 'whole body');
  if (operation.body?.kind === 'multipart') locations.push('multipart', 'multipart', 'whole body');
  if (!operation.body && operation.method !== 'GET') locations.push('whole body');
  const location = target?.location ?? random.pick(locations);
  const named = <T extends { name: string }>(items: readonly T[]) =>
    items.find((item) => item.name === target?.name) ?? random.pick(items);

  let hostile = '';
  let tampersWithAuthentication = false;
  let rawJson: string | undefined;
  switch (location) {
    case 'path': {
      const parameter = named(operation.pathParameters);
      const table = ids?.[parameter.name];
      if (random.chance(0.2)) {
        // A row of another table, or of any company: the id exists, the actor may not reach it.
        const otherTable =
          table && random.chance(0.5)
            ? table
            : random.pick(['tickets', 'companies', 'ticket_notes', 'resources', 'contacts', 'attachments']);
        const id = String(rows.pickId(otherTable, random));
        pathValues[parameter.name] = { value: id };
        hostile = `path.${parameter.name} = an id of ${otherTable} (${id})`;
      } else {
        const value = random.pick(hostileUrlValues);
        pathValues[parameter.name] = value;
        hostile = `path.${parameter.name} = ${value.name}`;
      }
      break;
    }
    case 'query': {
      const choice = target ? 9 : random.integer(0, 9);
      if (choice === 0) {
        query.push([random.pick(['__proto__', 'constructor', 'unknownParameter', 'prototype']), '1', false]);
        hostile = `query: unknown parameter ${query.at(-1)?.[0] ?? ''}`;
      } else if (choice === 1) {
        const parameter = random.pick(operation.queryParameters);
        const value = String(exampleOf(parameter.schema, random, rows, parameter.name));
        query.push([parameter.name, value, false], [parameter.name, value, false]);
        hostile = `query.${parameter.name} given twice`;
      } else {
        const parameter = named(operation.queryParameters);
        const withoutIt = query.filter(([key]) => key !== parameter.name);
        query.length = 0;
        query.push(...withoutIt);
        if (parameter.name === 'cursor' && random.chance(0.7)) {
          const cursor = random.pick(hostileCursors);
          query.push(['cursor', cursor.value, false]);
          hostile = `query.cursor = ${cursor.name}`;
        } else {
          const value = random.pick(hostileUrlValues);
          query.push([parameter.name, value.value, value.encoded === true]);
          hostile = `query.${parameter.name} = ${value.name}`;
        }
      }
      break;
    }
    case 'body field': {
      const fields = fieldPaths(jsonBody ?? {});
      const field =
        fields.find((candidate) => candidate.path.join('.') === target?.name) ??
        (fields.length > 0 ? random.pick(fields) : null);
      if (!field || (!target && random.chance(0.08))) {
        const key = random.pick(['__proto__', 'constructor', 'prototype', 'unknownField']);
        const value = random.pick(hostileJson);
        rawJson = withExtraKey(bodyValue, key, value);
        hostile = `body gets key ${key} = ${value.name}`;
        break;
      }
      const value = pickJsonFor(field.schema, field.path, random, rows);
      bodyValue = setAt(bodyValue, field.path, 'raw' in value ? rawToken : value.value);
      if ('raw' in value) rawJson = JSON.stringify(bodyValue).replace(JSON.stringify(rawToken), value.raw);
      hostile = `body.${field.path.join('.')} = ${value.name}`;
      break;
    }
    case 'whole body': {
      const variant = random.pick(wholeBodies);
      payload = variant.payload;
      bodyValue = undefined;
      rawJson = undefined;
      if (variant.contentType === null) delete headers['content-type'];
      else headers['content-type'] = variant.contentType;
      hostile = `whole body: ${variant.name}`;
      break;
    }
    case 'multipart': {
      const variant = random.pick(hostileMultipart(multipartBoundary));
      payload = variant.body;
      headers['content-type'] = variant.contentType;
      hostile = `multipart: ${variant.name}`;
      break;
    }
    case 'header': {
      const variant = random.pick(hostileHeaders(operation));
      for (const [name, value] of Object.entries(variant.headers)) {
        if (value === null) Reflect.deleteProperty(headers, name);
        else headers[name] = value;
      }
      tampersWithAuthentication = variant.authentication;
      hostile = `header: ${variant.name}`;
      break;
    }
  }

  if (payload === undefined && jsonBody) payload = rawJson ?? JSON.stringify(bodyValue);
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = pathValues[name] ?? { value: '1' };
    return value.encoded ? value.value : encodeURIComponent(value.value);
  });
  const search = query
    .map(
      ([key, value, encoded]) => `${encodeURIComponent(key)}=${encoded ? value : encodeURIComponent(value)}`,
    )
    .join('&');
  return {
    method: operation.method,
    url: search ? `${path}?${search}` : path,
    headers,
    ...(payload === undefined ? {} : { payload }),
    hostile,
    tampersWithAuthentication,
  };
}

interface FieldPath {
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every property of a body, nested objects and array items included (three levels). */
export function fieldPaths(schema: JsonSchema, prefix: (string | number)[] = [], depth = 0): FieldPath[] {
  if (depth > 3) return [];
  const paths: FieldPath[] = [];
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  for (const branch of branches) {
    for (const [name, property] of Object.entries(branch.properties ?? {})) {
      const path = [...prefix, name];
      paths.push({ path, schema: property }, ...fieldPaths(property, path, depth + 1));
    }
    if (branch.items) {
      const path = [...prefix, 0];
      paths.push({ path, schema: branch.items }, ...fieldPaths(branch.items, path, depth + 1));
    }
  }
  return paths;
}

/** A hostile value, often one aimed at the field's type (a huge number for a number, a foreign id for an id). */
function pickJsonFor(
  schema: JsonSchema,
  path: (string | number)[],
  random: SeededRandom,
  rows: KnownRows,
): HostileJson {
  const name = [...path].reverse().find((part): part is string => typeof part === 'string') ?? '';
  const table = tableOfIdProperty(name);
  if (table && random.chance(0.25)) {
    // Any row of the table: often one of another company, which the actor must not be able to name.
    const otherTable = random.chance(0.7)
      ? table
      : random.pick(['tickets', 'companies', 'resources', 'contacts']);
    return { name: `an id of ${otherTable}`, value: rows.pickId(otherTable, random) };
  }
  const type = schema.type ?? schema.anyOf?.[0]?.type;
  if (type === 'string' && random.chance(0.5)) {
    const text = random.pick(hostileStrings);
    return { name: text.name, value: text.value };
  }
  return random.pick(hostileJson);
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const array = Array.isArray(target) ? [...(target as unknown[])] : [];
    array[head] = setAt(array[head], rest, value);
    return array;
  }
  const object = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  return {
    ...object,
    [head as string]: setAt((object as Record<string, unknown>)[head as string], rest, value),
  };
}

/** The body with one more key, written as text so that `__proto__` arrives as a key, not as a prototype. */
function withExtraKey(body: unknown, key: string, value: HostileJson): string {
  const valueText = 'raw' in value ? value.raw : JSON.stringify(value.value);
  const rest = JSON.stringify(typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {});
  return `{${JSON.stringify(key)}:${valueText}${rest === '{}' ? '}' : `,${rest.slice(1)}`}`;
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const wholeBodies: { name: string; payload: string | Buffer; contentType: string | null }[] = [
  { name: 'null', payload: 'null', contentType: 'application/json' },
  { name: 'an array', payload: '[]', contentType: 'application/json' },
  { name: 'a string', payload: '"text"', contentType: 'application/json' },
  { name: 'a number', payload: '1e308', contentType: 'application/json' },
  { name: 'true', payload: 'true', contentType: 'application/json' },
  { name: 'empty with a JSON content type', payload: '', contentType: 'application/json' },
  { name: 'truncated JSON', payload: '{"title": "a', contentType: 'application/json' },
  { name: 'JSON with a comment', payload: '{/* x */}', contentType: 'application/json' },
  { name: 'duplicate keys', payload: '{"a":1,"a":{"b":2}}', contentType: 'application/json' },
  {
    name: '__proto__ at the top',
    payload: '{"__proto__":{"polluted":"yes","admin":true}}',
    contentType: 'application/json',
  },
  {
    name: 'constructor.prototype at the top',
    payload: '{"constructor":{"prototype":{"polluted":"yes"}}}',
    contentType: 'application/json',
  },
  { name: 'arrays nested 10,000 deep', payload: deep(10_000), contentType: 'application/json' },
  {
    name: 'objects nested 1,000 deep',
    payload: '{"a":'.repeat(1000) + '1' + '}'.repeat(1000),
    contentType: 'application/json',
  },
  {
    name: 'invalid UTF-8',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    contentType: 'application/json',
  },
  {
    name: 'UTF-16 with BOM',
    payload: Buffer.from('\ufeff{"a":1}', 'utf16le'),
    contentType: 'application/json; charset=utf-16',
  },
  { name: 'a body over 1 MB', payload: `{"a":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json' },
  { name: 'plain text', payload: 'hello', contentType: 'text/plain' },
  {
    name: 'a form',
    payload: 'a=1&__proto__[polluted]=yes',
    contentType: 'application/x-www-form-urlencoded',
  },
  {
    name: 'XML',
    payload: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    contentType: 'application/xml',
  },
  { name: 'JSON without a content type', payload: '{}', contentType: null },
  { name: 'multipart without a boundary', payload: '--x\r\n\r\n', contentType: 'multipart/form-data' },
];

function hostileHeaders(
  operation: ApiOperation,
): { name: string; headers: Record<string, string | null>; authentication: boolean }[] {
  const api = (integrationCode: string, username: string, secret: string, impersonation?: string) => ({
    cookie: null,
    'x-csrf-token': null,
    apiintegrationcode: integrationCode,
    username,
    secret,
    ...(impersonation === undefined ? {} : { impersonationresourceid: impersonation }),
  });
  const variants: { name: string; headers: Record<string, string | null>; authentication: boolean }[] = [
    {
      name: 'session cookie of garbage',
      headers: { cookie: 'tandem_session=garbage' },
      authentication: true,
    },
    {
      name: 'session cookie of 8 kB',
      headers: { cookie: `tandem_session=${'a'.repeat(8192)}` },
      authentication: true,
    },
    {
      name: 'session cookie with SQL',
      headers: { cookie: "tandem_session=' OR 1=1 --" },
      authentication: true,
    },
    {
      name: 'two session cookies',
      headers: { cookie: 'tandem_session=a; tandem_session=b' },
      authentication: true,
    },
    { name: 'no cookie', headers: { cookie: null }, authentication: true },
    { name: 'wrong CSRF token', headers: { 'x-csrf-token': 'x'.repeat(64) }, authentication: true },
    { name: 'empty CSRF token', headers: { 'x-csrf-token': '' }, authentication: true },
    { name: 'API user with SQL', headers: api("' OR 1=1 --", "admin' --", 'x'), authentication: true },
    {
      name: 'API user, secret of 8 kB',
      headers: api('TANDEM-DEMO', 'api@northwind.example', 's'.repeat(8192)),
      authentication: true,
    },
    {
      name: 'API user, two of three headers',
      headers: { ...api('TANDEM-DEMO', 'api@northwind.example', ''), secret: null },
      authentication: true,
    },
    {
      name: 'API user impersonating 99999999999',
      headers: api('TANDEM-DEMO', 'api@northwind.example', 'tandem-demo-api-secret', '99999999999'),
      authentication: true,
    },
    {
      name: 'API user impersonating -1',
      headers: api('TANDEM-DEMO', 'api@northwind.example', 'tandem-demo-api-secret', '-1'),
      authentication: true,
    },
    {
      name: 'API user impersonating 0x10',
      headers: api('TANDEM-DEMO', 'api@northwind.example', 'tandem-demo-api-secret', '0x10'),
      authentication: true,
    },
    { name: 'accept: text/html', headers: { accept: 'text/html' }, authentication: false },
    {
      name: 'accept-language of 4 kB',
      headers: { 'accept-language': 'de,'.repeat(1365) },
      authentication: false,
    },
    {
      name: 'x-forwarded-for spoofed',
      headers: { 'x-forwarded-for': '127.0.0.1, 10.0.0.1' },
      authentication: false,
    },
    { name: 'content-length mismatch', headers: { 'content-length': '5' }, authentication: false },
    { name: 'transfer-encoding: gzip', headers: { 'content-encoding': 'gzip' }, authentication: false },
  ];
  if (operation.method === 'PATCH') {
    for (const value of ['"abc"', '-1', '99999999999', 'W/"1"', '*', '1.5', '']) {
      variants.push({ name: `if-match: ${value}`, headers: { 'if-match': value }, authentication: false });
    }
  }
  return variants;
}
