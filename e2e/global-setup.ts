import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Builds what is stale (as `npm start` does), then starts the real server on a free port with a fresh data dir. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const build = spawn(process.execPath, [join(root, 'scripts/build-if-stale.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) => {
    build.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`build failed (${String(code)})`));
    });
  });

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/server/main.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      TANDEM_SMTP_PORT: '',
      TANDEM_IMAP_URL: '',
      // The worker runs in the server as with `npm start`: the live desk's notifications need it.
      TANDEM_WORKER: 'true',
      SMTP_URL: '',
      // Links in mail (a password reset) point at this server; the journeys read its mail folder.
      TANDEM_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.env.TANDEM_E2E_URL = baseUrl;
  process.env.TANDEM_E2E_MAIL_FOLDER = join(dataDir, 'mail-outbox');

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
