import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { sessionClient } from '../factories.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { type IsolationTandem, startIsolationTandem } from './harness.ts';
import { buildWorld, type BuiltWorld } from './world.ts';

interface SeenTransaction {
  user: string;
  role: string;
  actor: string;
  rls: boolean;
}

/**
 * Finding 11: requests really run as `tandem_app`. The app under test gets a
 * database whose transactions report, before they commit, who they ran as; and
 * whose direct queries (outside any transaction) report where they came from.
 * Every read path must read inside a transaction as `tandem_app` with the
 * actor set and row-level security active, and nothing but authentication may
 * query outside one.
 */
describe.each(testDatabaseTargets)('requests run as tandem_app on $name', (target) => {
  let isolation: IsolationTandem;
  let app: FastifyInstance;
  let built: BuiltWorld;
  const transactions: SeenTransaction[] = [];
  const direct: string[] = [];

  function watched(db: Database): Database {
    const queries = new Set([
      'select',
      'selectDistinct',
      'insert',
      'update',
      'delete',
      'execute',
      'query',
      'with',
    ]);
    return new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'transaction') {
          return (work: (tx: unknown) => Promise<unknown>, config?: unknown) =>
            target.transaction(async (tx) => {
              const report = async () => {
                const [row] = await queryRows(
                  tx,
                  sql`SELECT current_user AS user, current_setting('role') AS role,
                             coalesce(current_setting('tandem.actor_id', true), '') AS actor,
                             row_security_active('tickets') AS rls`,
                );
                transactions.push(row as unknown as SeenTransaction);
              };
              try {
                const result = await work(tx);
                await report();
                return result;
              } catch (error) {
                // A refusal (404, 403) is thrown by the work: still report who it ran as.
                await report().catch(() => undefined);
                throw error;
              }
            }, config as never);
        }
        if (typeof property === 'string' && queries.has(property)) {
          const caller = (new Error().stack ?? '')
            .split('\n')
            .slice(2)
            .find((line) => line.includes('/src/') && !line.includes('/src/db/'));
          direct.push(caller?.trim() ?? 'unknown');
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }

  beforeAll(async () => {
    isolation = await startIsolationTandem(target);
    const db = isolation.tandem.database.db;
    built = await buildWorld(db, isolation.baseline, isolation.tandem.app.attachmentStorage, {
      coManagedOn: true,
      companies: [{ parent: null, coManagedEnabled: true, sharing: 'none', contacts: 1 }],
      teams: [],
      resources: (['full', 'co_managed', 'internal_helpdesk', 'portal'] as const).map((licence) => ({
        licence,
        company: 0,
        active: true,
        tier: 'advanced' as const,
        systemLevel: 0,
        views: null,
        accountTeam: [],
        grants: [{ company: 0, includeSubsidiaries: false }],
        teams: [],
      })),
      tickets: [
        {
          company: 0,
          onMsp: false,
          coManagedVisible: true,
          contact: 0,
          primary: 0,
          secondaries: [],
          createdBy: 0,
          word: 0,
        },
      ],
      notes: [{ ticket: 0, publishLevel: 'all', author: 0, word: 0 }],
      timeEntries: [{ ticket: 0, publishLevel: 'all', author: 0, word: 0 }],
      attachments: [{ ticket: 0, publishLevel: 'all', author: 0, word: 0 }],
      pageSize: 200,
    });
    app = await buildApp({ db: watched(db), config: isolation.tandem.app.config });
  });
  afterAll(async () => {
    await app.close();
    await isolation.close();
  });

  const paths = () => {
    const ticket = built.ticketIds[0] ?? 0;
    return [
      '/api/v1/tickets',
      '/api/v1/tickets/count',
      '/api/v1/tickets?q=kestrel',
      '/api/v1/tickets/export.csv',
      `/api/v1/tickets/${ticket}`,
      `/api/v1/tickets/${ticket}/notes`,
      `/api/v1/tickets/${ticket}/time-entries`,
      `/api/v1/tickets/${ticket}/attachments`,
      `/api/v1/notes/${built.noteIds[0] ?? 0}`,
      `/api/v1/time-entries/${built.timeEntryIds[0] ?? 0}`,
      `/api/v1/attachments/${built.attachmentIds[0] ?? 0}`,
      `/api/v1/attachments/${built.attachmentIds[0] ?? 0}/download`,
      '/api/v1/contacts',
      `/api/v1/contacts/${built.contactIds[0] ?? 0}`,
      '/api/v1/companies',
      `/api/v1/companies/${built.companyIds[0] ?? 0}`,
    ];
  };

  it.each(['full', 'co_managed', 'internal_helpdesk', 'portal'])(
    'every read path of a %s user reads as tandem_app, with the actor set and RLS on',
    async (licence) => {
      const index = ['full', 'co_managed', 'internal_helpdesk', 'portal'].indexOf(licence);
      const resourceId = built.resourceIds[index] ?? 0;
      const client = await sessionClient({ ...isolation.tandem, app }, resourceId);
      for (const path of paths()) {
        transactions.length = 0;
        direct.length = 0;
        const response = await client.get(path);
        // What a level hides answers 404 — read the same way; MSP staff read every one of them.
        expect([200, licence === 'full' ? 200 : 404], `${path}: ${response.body.slice(0, 200)}`).toContain(
          response.statusCode,
        );
        expect(transactions.length, path).toBeGreaterThan(0);
        for (const seen of transactions) {
          expect(seen, path).toEqual({
            user: 'tandem_app',
            role: 'tandem_app',
            actor: String(resourceId),
            rls: true,
          });
        }
        // Only authentication (sessions, the actor itself) reads as the owner, before any actor exists.
        expect(
          direct.filter((caller) => !/\/src\/(modules\/auth|access)\//.test(caller)),
          path,
        ).toEqual([]);
      }
    },
  );
});
