import {
  modelDisplayName,
  modelNamesOnTicket,
  modelOfferedCategories,
  modelOfferedIssueTypes,
  modelOfferedNoteTypes,
  modelOfferedQueues,
  modelOfferedWorkTypes,
  modelSearchTickets,
  type World,
} from '../access-model.ts';
import type { TestClient } from '../test-tandem.ts';
import { modelSets, type VisibleSets } from './layers.ts';
import { type BuiltWorld, searchWords } from './world.ts';

/**
 * Every read path of the API today, for one actor, compared with the model:
 * ticket list (paged), count, search `q` (list, count, export), CSV export,
 * ticket detail (404 with the body of a missing id), notes, time entries and
 * attachments per ticket and one by one, attachment downloads, contacts and
 * companies (list and detail). Answers one line per disagreement.
 */
export async function apiMismatches(
  client: TestClient,
  world: World,
  built: BuiltWorld,
  resourceId: number,
  pageSize: number,
): Promise<string[]> {
  const model = modelSets(world, resourceId);
  const problems: string[] = [];
  const compare = (what: string, expected: number[], actual: number[]) => {
    const want = new Set(expected);
    const got = new Set(actual);
    const extra = [...got].filter((id) => !want.has(id));
    const missing = [...want].filter((id) => !got.has(id));
    if (extra.length > 0 || missing.length > 0) {
      problems.push(`${what}: extra [${extra.join(',')}] missing [${missing.join(',')}]`);
    }
    if (got.size !== actual.length) problems.push(`${what}: listed twice [${duplicates(actual).join(',')}]`);
  };

  const first = await client.get(`/api/v1/tickets?limit=${pageSize}`);
  if (first.statusCode === 401 || first.statusCode === 403) {
    // A resource the loader refuses (inactive; co-managed while switched off) gets no request at all.
    const code = first.json<{ error: { code: string } }>().error.code;
    if (!['unauthenticated', 'co_managed_disabled'].includes(code))
      problems.push(`tickets: ${first.statusCode} ${code}`);
    const seesSomething = Object.entries(model).filter(([, ids]) => ids.length > 0);
    if (seesSomething.length > 0) {
      problems.push(
        `refused (${code}) but the model lets through ${seesSomething.map(([object]) => object).join(', ')}`,
      );
    }
    return problems;
  }

  // Tickets: list, count, export, search.
  compare('GET /tickets', model.tickets, await pageAll(client, '/api/v1/tickets', pageSize, problems));
  const count = (await client.get('/api/v1/tickets/count')).json<{ count: number }>().count;
  if (count !== model.tickets.length)
    problems.push(`GET /tickets/count: ${count}, model ${model.tickets.length}`);
  const numberToId = new Map([...built.ticketNumbers].map(([id, number]) => [number, id]));
  const exported = async (query: string) => {
    const response = await client.get(`/api/v1/tickets/export.csv${query}`);
    if (response.statusCode !== 200) {
      problems.push(`GET /tickets/export.csv${query}: ${response.statusCode}`);
      return [];
    }
    const lines = response.body.trim().split('\r\n').slice(1);
    return lines.filter((line) => line !== '').map((line) => numberToId.get(line.split(',')[0] ?? '') ?? -1);
  };
  compare('GET /tickets/export.csv', model.tickets, await exported(''));
  for (const word of searchWords) {
    const expected = modelSearchTickets(world, resourceId, word);
    compare(
      `GET /tickets?q=${word}`,
      expected,
      await pageAll(client, `/api/v1/tickets?q=${word}`, 200, problems),
    );
    const found = (await client.get(`/api/v1/tickets/count?q=${word}`)).json<{ count: number }>().count;
    if (found !== expected.length)
      problems.push(`GET /tickets/count?q=${word}: ${found}, model ${expected.length}`);
    compare(`GET /tickets/export.csv?q=${word}`, expected, await exported(`?q=${word}`));
  }

  // One by one: visible ones answer 200, the rest exactly as a missing id does.
  await oneByOne(client, 'tickets', built.ticketIds, model.tickets, problems);
  const visibleTickets = new Set(model.tickets);
  const ticketOf =
    (ids: readonly number[], table: World['notes'] | World['timeEntries'] | World['attachments']) =>
    (ticketId: number) =>
      ids.filter((id) => table.find((row) => row.id === id)?.ticketId === ticketId);
  const notesOn = ticketOf(model.notes, world.notes);
  const timeOn = ticketOf(model.timeEntries, world.timeEntries);
  const attachmentsOn = ticketOf(model.attachments, world.attachments);
  for (const ticketId of built.ticketIds) {
    for (const [path, expected] of [
      ['notes', notesOn(ticketId)],
      ['time-entries', timeOn(ticketId)],
      ['attachments', attachmentsOn(ticketId)],
    ] as const) {
      const url = `/api/v1/tickets/${ticketId}/${path}`;
      if (visibleTickets.has(ticketId)) {
        compare(`GET ${url}`, expected, await pageAll(client, url, pageSize, problems));
      } else {
        const status = (await client.get(url)).statusCode;
        if (status !== 404) problems.push(`GET ${url}: ${status} on a ticket out of sight`);
      }
    }
  }
  await oneByOne(client, 'notes', built.noteIds, model.notes, problems);
  await oneByOne(client, 'time-entries', built.timeEntryIds, model.timeEntries, problems);
  await oneByOne(client, 'attachments', built.attachmentIds, model.attachments, problems);
  for (const attachmentId of built.attachmentIds) {
    const response = await client.get(`/api/v1/attachments/${attachmentId}/download`);
    const expected = model.attachments.includes(attachmentId) ? 200 : 404;
    if (response.statusCode !== expected) {
      problems.push(`GET /attachments/${attachmentId}/download: ${response.statusCode}, model ${expected}`);
    } else if (
      expected === 200 &&
      !response.rawPayload.equals(built.attachmentBytes.get(attachmentId) ?? Buffer.alloc(0))
    ) {
      problems.push(`GET /attachments/${attachmentId}/download: other bytes`);
    }
  }

  // Contacts and companies.
  compare('GET /contacts', model.contacts, await pageAll(client, '/api/v1/contacts', pageSize, problems));
  await oneByOne(client, 'contacts', built.contactIds, model.contacts, problems);
  compare('GET /companies', model.companies, await pageAll(client, '/api/v1/companies', pageSize, problems));
  await oneByOne(
    client,
    'companies',
    world.companies.map((company) => company.id),
    model.companies,
    problems,
  );

  // Configuration offered (§2 ticket kinds): a set-up's queues, categories, work, note and issue types.
  for (const [path, expected] of [
    ['queues', modelOfferedQueues(world, resourceId)],
    ['ticket-categories', modelOfferedCategories(world, resourceId)],
    ['work-types', modelOfferedWorkTypes(world, resourceId)],
    ['note-types', modelOfferedNoteTypes(world, resourceId)],
    ['issue-types', modelOfferedIssueTypes(world, resourceId)],
  ] as const) {
    const listed = (await client.get(`/api/v1/${path}`)).json<{ items: { id: number }[] }>().items;
    compare(
      `GET /${path}`,
      expected,
      listed.map((item) => item.id),
    );
  }
  return problems;
}

/**
 * ACCESS-MODEL §2 People: whoever sees a ticket sees the display names of its
 * primary and secondary resources and of the authors of the notes and time
 * entries they read — somewhere in what the ticket's screens load (the ticket,
 * its notes, its time).
 */
export async function nameMismatches(
  client: TestClient,
  world: World,
  resourceId: number,
  model: VisibleSets,
): Promise<string[]> {
  const problems: string[] = [];
  for (const ticketId of model.tickets) {
    const names = modelNamesOnTicket(world, resourceId, ticketId);
    if (names.length === 0) continue;
    const bodies = await Promise.all(
      ['', '/notes?limit=200', '/time-entries?limit=200'].map(
        async (path) => (await client.get(`/api/v1/tickets/${ticketId}${path}`)).body,
      ),
    );
    const shown = bodies.join('\n');
    const missing = names.filter((id) => !shown.includes(modelDisplayName(world, id)));
    if (missing.length > 0)
      problems.push(`ticket ${ticketId}: no display name of resources [${missing.join(',')}]`);
  }
  return problems;
}

interface Page {
  items: { id: number }[];
  nextCursor?: string | null;
}

/** Follows a list's cursors to the end; a page that fails or repeats an id is a problem. */
async function pageAll(
  client: TestClient,
  url: string,
  pageSize: number,
  problems: string[],
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null | undefined = null;
  for (let pages = 0; pages < 1000; pages++) {
    const separator = url.includes('?') ? '&' : '?';
    const response = await client.get(
      `${url}${separator}limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (response.statusCode !== 200) {
      problems.push(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      return ids;
    }
    const page = response.json<Page>();
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  problems.push(`GET ${url}: more than 1000 pages`);
  return ids;
}

const missingBodies = new Map<string, string>();

/** Each id: 200 when the model lets it through, otherwise the 404 body of an id that does not exist. */
async function oneByOne(
  client: TestClient,
  path: string,
  ids: readonly number[],
  visible: readonly number[],
  problems: string[],
): Promise<void> {
  let missing = missingBodies.get(path);
  if (missing === undefined) {
    const response = await client.get(`/api/v1/${path}/2147483647`);
    missing = `${response.statusCode} ${response.body}`;
    missingBodies.set(path, missing);
  }
  for (const id of ids) {
    const response = await client.get(`/api/v1/${path}/${id}`);
    if (visible.includes(id)) {
      if (response.statusCode !== 200) problems.push(`GET /${path}/${id}: ${response.statusCode}, model 200`);
    } else if (`${response.statusCode} ${response.body}` !== missing) {
      problems.push(
        `GET /${path}/${id}: ${response.statusCode} ${response.body.slice(0, 120)}, model 404 as missing`,
      );
    }
  }
}

function duplicates(ids: number[]): number[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}
