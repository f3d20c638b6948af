import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { loadActor } from '../src/access/actor-loader.ts';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { currentAccessEpoch, StaleActorError } from '../src/access/authentication-cache.ts';
import { queryRows } from '../src/db/database.ts';
import { loadConfig } from '../src/lib/config.ts';
import { buildApp } from '../src/server/app.ts';
import { demoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

/**
 * Two app servers on one database, each with its own actor cache: a change
 * made through one must hold on the other at its very next request.
 */
describe.each(testDatabaseTargets)('cached actors across app servers on $name', (target) => {
  let tandem: TestTandem;
  let second: FastifyInstance;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    second = await buildApp({ db: tandem.database.db, config: loadConfig({}) });
  });
  afterAll(async () => {
    await second.close();
    await tandem.close();
  });

  const onSecond = (cookie: string | null, url: string) =>
    second.inject({ url, headers: { cookie: cookie ?? '' } });

  it('refuses a revoked session on the other server at once', async () => {
    const ben = await tandem.signIn('ben.it@contoso.example');
    expect((await onSecond(ben.cookie, '/api/v1/me')).statusCode).toBe(200);
    expect((await onSecond(ben.cookie, '/api/v1/me')).statusCode).toBe(200);
    await ben.post('/api/v1/me/sessions/revoke-all');
    expect((await onSecond(ben.cookie, '/api/v1/me')).statusCode).toBe(401);
  });

  it('narrows a cached co-managing user on the other server as soon as a grant goes', async () => {
    const ids = await demoIds(tandem);
    const admin = await tandem.signIn('admin@northwind.example');
    const consultant = await tandem.signIn('consultant@fabrikam.example');
    const fabrikam = `/api/v1/companies/${ids.company('Fabrikam')}`;
    expect((await onSecond(consultant.cookie, fabrikam)).statusCode).toBe(200);
    const grants = (
      await admin.get(
        `/api/v1/co-managed/associations?resourceId=${ids.resource('consultant@fabrikam.example')}`,
      )
    ).json<{ items: { id: number }[] }>().items;
    for (const grant of grants) await admin.delete(`/api/v1/co-managed/associations/${grant.id}`);
    expect((await onSecond(consultant.cookie, fabrikam)).statusCode).toBe(404);
  });

  it('refuses co-managing users everywhere once the activation is off', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    expect((await onSecond(anna.cookie, '/api/v1/companies')).statusCode).toBe(200);
    const admin = await tandem.signIn('admin@northwind.example');
    expect((await admin.put('/api/v1/activations/co-managed-help-desk', { enabled: false })).statusCode).toBe(
      200,
    );
    const refused = await onSecond(anna.cookie, '/api/v1/companies');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'co_managed_disabled' } });
    await admin.put('/api/v1/activations/co-managed-help-desk', { enabled: true });
  });

  it("lets RLS use a cached actor's reach only with an epoch check in the same statement", async () => {
    const ids = await demoIds(tandem);
    const { db } = tandem.database;
    const anna = await loadActor(db, ids.resource('anna.it@contoso.example'));
    // A reach narrower than Anna's real one shows which reach RLS applied.
    const narrowed = { ...anna, reach: new Set([ids.company('Contoso')]) };
    const companiesSeen = (epoch?: number) =>
      runAsActor(
        db,
        narrowed,
        async ({ tx }) =>
          (await queryRows(tx, sql`SELECT id FROM companies ORDER BY id`)).map((row) => Number(row.id)),
        epoch,
      );
    const epoch = await currentAccessEpoch(db);
    expect(await companiesSeen(epoch)).toEqual([ids.company('Contoso')]);
    // Without an epoch to check, the database computes the reach itself.
    expect(await companiesSeen()).toEqual(
      [...(anna.reach === 'all' ? [] : anna.reach)].sort((a, b) => a - b),
    );
    expect((await companiesSeen()).length).toBeGreaterThan(1);
    await expect(companiesSeen(epoch - 1)).rejects.toBeInstanceOf(StaleActorError);
  });
});
