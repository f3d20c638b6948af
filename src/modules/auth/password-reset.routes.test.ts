import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';
import { sha256 } from '../../lib/tokens.ts';

// #14: self-service password reset by e-mail — a link that works once, before it expires, sent
// only to an existing account while the answer never says whether one exists.
describe.each(testDatabaseTargets)('password reset by e-mail on $name', (target) => {
  let tandem: TestTandem;
  let mailFolder: string;
  const email = 'user@contoso-logistics.example';
  const newPassword = 'correct horse battery staple 42';

  beforeAll(async () => {
    mailFolder = mkdtempSync(path.join(tmpdir(), 'tandem-reset-mail-'));
    tandem = await startTestTandem(target, {
      env: { TANDEM_MAIL_FOLDER: mailFolder, TANDEM_PUBLIC_URL: 'https://help.northwind.example/' },
    });
  });
  afterAll(async () => {
    await tandem.close();
    rmSync(mailFolder, { recursive: true, force: true });
  });

  const ask = (address: string) => tandem.anonymous.post('/api/v1/auth/password-reset', { email: address });
  const confirm = (token: string, password: string) =>
    tandem.anonymous.post('/api/v1/auth/password-reset/confirm', { token, newPassword: password });
  const mailCount = async () =>
    Number(
      (await queryRows(tandem.database.db, sql`SELECT count(*)::int AS n FROM outgoing_mail`))[0]?.n ?? -1,
    );
  /** The link of the newest reset mail in the mail folder (sent just after the answer). */
  const newestLink = async (sentBefore: number): Promise<string> => {
    for (let waited = 0; waited < 5000; waited += 50) {
      const files = readdirSync(mailFolder).filter((name) => name.includes('reset'));
      if (files.length > sentBefore) {
        const newest = files
          .map((name) => ({ name, text: readFileSync(path.join(mailFolder, name), 'utf8') }))
          .find((file) => !seen.has(file.name));
        if (newest) {
          seen.add(newest.name);
          const link = /https:\/\/help\.northwind\.example\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(
            // Quoted-printable: soft line breaks and =XX escapes (the link's own "=" is =3D).
            newest.text
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          );
          if (link?.[1]) return decodeURIComponent(link[1]);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no reset mail arrived');
  };
  const seen = new Set<string>();

  it('answers an unknown address exactly like a known one, and mails no one', async () => {
    const before = await mailCount();
    const unknown = await ask('nobody@nowhere.example');
    expect(unknown.statusCode, unknown.body).toBe(202);
    expect(unknown.json()).toEqual({ accepted: true });
    expect(await mailCount()).toBe(before);
  });

  it('mails a link that works once; the log keeps the mail without the link; the password changes and sessions end', async () => {
    const signedIn = await tandem.signIn(email);
    const before = await mailCount();
    const known = await ask(email.toUpperCase());
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual({ accepted: true });
    const token = await newestLink(0);

    const [logged] = await queryRows(
      tandem.database.db,
      sql`SELECT to_address, body_text FROM outgoing_mail ORDER BY id DESC LIMIT 1`,
    );
    expect(await mailCount()).toBe(before + 1);
    expect(logged?.to_address).toBe(email);
    expect(String(logged?.body_text)).not.toContain(token);
    const stored = await queryRows(tandem.database.db, sql`SELECT token_hash FROM password_resets`);
    expect(stored.map((row) => row.token_hash)).toEqual([sha256(token)]);

    const weak = await confirm(token, 'password');
    expect(weak.statusCode).toBe(422);
    expect(weak.json<ErrorBody>().error.code).toBe('weak_password');

    const done = await confirm(token, newPassword);
    expect(done.statusCode, done.body).toBe(204);
    expect((await signedIn.get('/api/v1/me')).statusCode).toBe(401);
    await expect(tandem.signIn(email, newPassword)).resolves.toBeDefined();
    await expect(tandem.signIn(email)).rejects.toThrow();

    const again = await confirm(token, `${newPassword} again`);
    expect(again.statusCode).toBe(422);
    expect(again.json<ErrorBody>().error).toMatchObject({
      code: 'invalid_reset_token',
      details: { field: 'token' },
    });
    const invented = await confirm('x'.repeat(43), newPassword);
    expect(invented.json<ErrorBody>().error.code).toBe('invalid_reset_token');
  });

  it('refuses an expired link, and a link replaced by a newer request', async () => {
    // The previous test counted one request for this address; two more are allowed within the hour.
    await ask(email);
    const first = await newestLink(1);
    await ask(email);
    const second = await newestLink(2);
    expect((await confirm(first, `${newPassword} 2`)).json<ErrorBody>().error.code).toBe(
      'invalid_reset_token',
    );
    await tandem.database.db.execute(
      sql`UPDATE password_resets SET expires_at = now() - interval '1 minute'`,
    );
    expect((await confirm(second, `${newPassword} 2`)).json<ErrorBody>().error.code).toBe(
      'invalid_reset_token',
    );
  });

  it('limits requests per address, known or not, with the same answer', async () => {
    const limited = await ask(email);
    expect(limited.statusCode).toBe(429);
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await ask('ghost@nowhere.example')).statusCode).toBe(202);
    const ghost = await ask('ghost@nowhere.example');
    expect(ghost.statusCode).toBe(429);
    expect(ghost.json<ErrorBody>().error.code).toBe(limited.json<ErrorBody>().error.code);
  });

  it('keeps reset tokens out of every actor transaction', async () => {
    const [admin] = await queryRows(
      tandem.database.db,
      sql`SELECT id FROM resources WHERE email = 'admin@northwind.example'`,
    );
    const actor = await loadActor(tandem.database.db, Number(admin?.id));
    const read = runAsActor(tandem.database.db, actor, ({ tx }) =>
      queryRows(tx, sql`SELECT token_hash FROM password_resets`),
    );
    await expect(read).rejects.toThrow();
  });
});
