import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { KnownRows } from './known-rows.ts';
import type { SeededRandom } from './seeded-random.ts';

// The API as its OpenAPI document describes it, and requests that satisfy it:
// the starting point of the hostile-input fuzz (which then breaks one thing at
// a time) and of the route inventory's denial tests (which need a request the
// schema accepts, so that what answers is the access check, not validation).

/** The JSON Schema subset the document uses (OpenAPI 3.0: `nullable`, boolean `exclusiveMinimum`). */
export interface JsonSchema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  method: HttpMethod;
  /** As the document writes it: `/api/v1/tickets/{id}`. */
  path: string;
  /** As fastify registers it: `/api/v1/tickets/:id`. */
  route: string;
  /** `x-tandem-access` (see src/server/route-access.ts). */
  access: string | undefined;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  body: { kind: 'json' | 'multipart'; schema: JsonSchema } | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}
interface OpenApiOperation {
  'x-tandem-access'?: string;
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Every operation of the running app's OpenAPI document. */
export async function readOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}`);
  const document = response.json<OpenApiDocument>();
  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const parameter = (where: string) =>
        parameters
          .filter((candidate) => candidate.in === where)
          .map(({ name, required, schema }) => ({ name, required: required === true, schema }));
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      operations.push({
        method: method.toUpperCase() as HttpMethod,
        path,
        route: path.replace(/\{([^}]+)\}/g, ':$1'),
        access: operation['x-tandem-access'],
        pathParameters: parameter('path'),
        queryParameters: parameter('query'),
        body: json
          ? { kind: 'json', schema: json.schema }
          : multipart
            ? { kind: 'multipart', schema: multipart.schema }
            : null,
      });
    }
  }
  return operations;
}

/** `/api/v1/tickets/{id}` with the values filled in (encoded) and a query string. */
export function urlOf(
  operation: ApiOperation,
  pathValues: Record<string, string>,
  query: [string, string][] = [],
): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(pathValues[name] ?? '1'),
  );
  if (query.length === 0) return path;
  return `${path}?${query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`;
}

/**
 * The table an id-valued property names, from its name (`companyId`,
 * `secondaryResources[].resourceId`, `ticketIds`). Unknown names get
 * undefined, and a small number stands in.
 */
/** The tables id-valued properties name, by the property's name without `Id`/`Ids`. */
const tablesOfIdProperties: Readonly<Record<string, string>> = {
  company: 'companies',
  parentCompany: 'companies',
  contact: 'contacts',
  resource: 'resources',
  primaryResource: 'resources',
  ownerResource: 'resources',
  actorResource: 'resources',
  status: 'ticket_statuses',
  pausedStatus: 'ticket_statuses',
  priority: 'ticket_priorities',
  queue: 'queues',
  source: 'ticket_sources',
  issueType: 'issue_types',
  subIssueType: 'sub_issue_types',
  category: 'ticket_categories',
  workType: 'work_types',
  noteType: 'note_types',
  note: 'ticket_notes',
  role: 'roles',
  primaryRole: 'roles',
  team: 'co_managing_teams',
  securityLevel: 'security_levels',
  department: 'departments',
  location: 'locations',
  sla: 'sla_definitions',
  template: 'notification_templates',
  subscription: 'webhook_subscriptions',
  ticket: 'tickets',
  doneTicket: 'tickets',
  entity: 'tickets',
};

/** Every table an id-valued property can name. */
export const idPropertyTables: readonly string[] = [...new Set(Object.values(tablesOfIdProperties))];

/**
 * The table an id-valued property names, from its name (`companyId`,
 * `secondaryResources[].resourceId`, `ticketIds`); undefined for other names.
 */
export function tableOfIdProperty(name: string): string | undefined {
  const base = name.replace(/Ids?$/, '');
  return base === name ? undefined : tablesOfIdProperties[base];
}

/**
 * A value the schema accepts; ids come from rows that exist (`rows`), so a request gets past
 * validation. Objects get their required properties, and each optional one with `optionalChance`.
 */
export function exampleOf(
  schema: JsonSchema,
  random: SeededRandom,
  rows: KnownRows,
  propertyName = '',
  depth = 0,
  optionalChance = 0,
): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) {
    const values = schema.enum.filter((value) => value !== null);
    return values.length > 0 ? random.pick(values) : null;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const usable = alternatives.filter((alternative) => alternative.type !== 'null');
    return exampleOf(
      random.pick(usable.length > 0 ? usable : alternatives),
      random,
      rows,
      propertyName,
      depth,
    );
  }
  if (schema.allOf?.[0]) return exampleOf(schema.allOf[0], random, rows, propertyName, depth);
  switch (schema.type) {
    case 'string':
      return exampleString(schema, random, rows, propertyName);
    case 'integer':
    case 'number':
      return exampleNumber(schema, random, rows, propertyName);
    case 'boolean':
      return random.chance(0.5);
    case 'array': {
      const count = Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, depth > 3 ? 0 : 1));
      const item = schema.items ?? {};
      const singular = propertyName.replace(/s$/, '');
      const values = Array.from({ length: count }, () =>
        exampleOf(item, random, rows, singular, depth + 1, optionalChance),
      );
      // Lists of ids are sets: a repeated id is a different (valid) refusal.
      return values.every((value) => typeof value === 'number') ? [...new Set(values)] : values;
    }
    case 'object':
      return exampleObject(schema, random, rows, depth, optionalChance);
    default:
      if (schema.properties) return exampleObject(schema, random, rows, depth, optionalChance);
      return 'value';
  }
}

function exampleObject(
  schema: JsonSchema,
  random: SeededRandom,
  rows: KnownRows,
  depth: number,
  optionalChance: number,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  for (const [name, property] of properties) {
    if (required.has(name) || (optionalChance > 0 && random.chance(optionalChance))) {
      result[name] = exampleOf(property, random, rows, name, depth + 1, optionalChance);
    }
  }
  // A change (PATCH) requires nothing but refuses an empty body (so do a rule's `fields`): send one field.
  if (Object.keys(result).length === 0) {
    const plain =
      properties.find(
        ([, property]) => property.type === 'string' && !property.pattern && !property.format,
      ) ??
      properties.find(([, property]) => property.type === 'boolean') ??
      properties[0];
    if (plain) result[plain[0]] = exampleOf(plain[1], random, rows, plain[0], depth + 1);
  }
  return result;
}

function exampleString(
  schema: JsonSchema,
  random: SeededRandom,
  rows: KnownRows,
  propertyName: string,
): string {
  const table = tableOfIdProperty(propertyName);
  if (table && schema.pattern?.includes('[0-9]')) return String(rows.pickId(table, random));
  switch (schema.format) {
    case 'date-time':
      return new Date(Date.UTC(2026, 11, random.integer(1, 28), random.integer(0, 23))).toISOString();
    case 'date':
      return `2026-12-${String(random.integer(10, 28))}`;
    case 'email':
      return `fuzz.${random.integer(1, 1_000_000)}@example.com`;
    case 'uri':
    case 'url':
      return `https://hooks.example.com/${random.integer(1, 1000)}`;
    default:
      break;
  }
  // Refinements a pattern cannot say: a real time zone, a real locale.
  if (propertyName === 'timeZone') return 'Europe/Berlin';
  if (propertyName === 'start' && schema.pattern?.includes(':')) return '09:00';
  if (propertyName === 'end' && schema.pattern?.includes(':')) return '17:00';
  if (schema.pattern) return matching(schema, random);
  const minimum = schema.minLength ?? 0;
  const maximum = schema.maxLength ?? 40;
  const text = `Fuzz ${propertyName || 'text'} ${random.integer(1, 1_000_000)}`;
  return text.padEnd(minimum, 'x').slice(0, Math.max(minimum, Math.min(maximum, text.length)));
}

/** A string matching the schema's pattern (and length), by fast-check's generator with our seed. */
function matching(schema: JsonSchema, random: SeededRandom): string {
  const pattern = new RegExp(schema.pattern ?? '');
  const candidates = fc.sample(fc.stringMatching(pattern), {
    seed: random.integer(0, 2 ** 31 - 1),
    numRuns: 20,
  });
  const fits = candidates.find(
    (candidate) =>
      candidate.length >= (schema.minLength ?? 0) && candidate.length <= (schema.maxLength ?? Infinity),
  );
  return fits ?? candidates[0] ?? '';
}

function exampleNumber(
  schema: JsonSchema,
  random: SeededRandom,
  rows: KnownRows,
  propertyName: string,
): number {
  const table = tableOfIdProperty(propertyName);
  if (table) return Number(rows.pickId(table, random));
  const exclusiveLow = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number';
  const exclusiveHigh = schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === 'number';
  const lowBound = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum;
  const highBound = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : schema.maximum;
  const step = schema.type === 'integer' ? 1 : 0.5;
  const low = lowBound === undefined ? 0 : lowBound + (exclusiveLow ? step : 0);
  const high = highBound === undefined ? low + 100 : highBound - (exclusiveHigh ? step : 0);
  // Small values: a sort order or a minute count, not the edge of the range (that is the fuzz's job).
  const value = Math.min(high, low + random.integer(0, 20));
  return schema.type === 'integer' ? Math.ceil(value) : value;
}

/** A query string that the operation's parameters accept: the required ones, and some optional ones. */
export function exampleQuery(
  operation: ApiOperation,
  random: SeededRandom,
  rows: KnownRows,
  optionalChance = 0,
): [string, string][] {
  const query: [string, string][] = [];
  for (const parameter of operation.queryParameters) {
    if (parameter.name === 'cursor') continue;
    if (!parameter.required && !random.chance(optionalChance)) continue;
    query.push([parameter.name, String(exampleOf(parameter.schema, random, rows, parameter.name))]);
  }
  return query;
}

/** The path parameters: ids of rows of the declared table (`ids`), else of a row that exists. */
export function examplePathValues(
  operation: ApiOperation,
  ids: Readonly<Record<string, string>> | undefined,
  random: SeededRandom,
  rows: KnownRows,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of operation.pathParameters) {
    const table = ids?.[parameter.name];
    values[parameter.name] = table
      ? String(rows.pickId(table, random))
      : String(exampleOf(parameter.schema, random, rows, parameter.name));
  }
  return values;
}
