import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachmentScope } from '../../src/modules/attachment/attachment.policy.ts';
import { companyScope } from '../../src/modules/company/company.policy.ts';
import { contactScope } from '../../src/modules/contact/contact.policy.ts';
import { noteScope } from '../../src/modules/note/note.policy.ts';
import { ticketScope } from '../../src/modules/ticket/ticket.policy.ts';
import { timeEntryScope } from '../../src/modules/time-entry/time-entry.policy.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { everyActorThroughTheApi, type IsolationTandem, startIsolationTandem } from './harness.ts';
import { actorFor } from './layers.ts';
import { apiRegressions, rlsRegressions } from './regressions.ts';

/**
 * Finding 11, "both layers must be shown to matter" — RLS: the application's
 * scope predicates of the read paths replaced by `true`, the whole API still
 * answers every actor exactly what the model allows. Only row-level security
 * is left to refuse anything.
 */
const everything = vi.hoisted(() => async () => {
  const { sql } = await import('drizzle-orm');
  return () => sql`true`;
});
vi.mock('../../src/modules/ticket/ticket.policy.ts', async (original) => ({
  ...(await original<object>()),
  ticketScope: await everything(),
}));
vi.mock('../../src/modules/note/note.policy.ts', async (original) => ({
  ...(await original<object>()),
  noteScope: await everything(),
}));
vi.mock('../../src/modules/time-entry/time-entry.policy.ts', async (original) => ({
  ...(await original<object>()),
  timeEntryScope: await everything(),
}));
vi.mock('../../src/modules/attachment/attachment.policy.ts', async (original) => ({
  ...(await original<object>()),
  attachmentScope: await everything(),
}));
vi.mock('../../src/modules/contact/contact.policy.ts', async (original) => ({
  ...(await original<object>()),
  contactScope: await everything(),
}));
vi.mock('../../src/modules/company/company.policy.ts', async (original) => ({
  ...(await original<object>()),
  companyScope: await everything(),
}));

describe.each(testDatabaseTargets)('RLS alone, through the API, on $name', (target) => {
  let isolation: IsolationTandem;
  const runs = (pglite: number, postgres: number) => (target.name === 'pglite' ? pglite : postgres);

  beforeAll(async () => {
    isolation = await startIsolationTandem(target);
  });
  afterAll(() => isolation.close());

  it('runs with every read predicate replaced by true', async () => {
    const dialect = new PgDialect();
    const actor = await actorFor(isolation.tandem.database.db, 1);
    for (const scope of [
      ticketScope,
      noteScope,
      timeEntryScope,
      attachmentScope,
      contactScope,
      companyScope,
    ]) {
      expect(dialect.sqlToQuery(scope(actor)).sql).toBe('true');
    }
  });

  it(
    'answers every actor exactly what the model allows on every read path',
    () => everyActorThroughTheApi(isolation, runs(10, 3), [...rlsRegressions, ...apiRegressions]),
    900_000,
  );
});
