import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/lib/project-root.ts';

/**
 * Real processes for the fault tests: the built server and worker as `npm start` and `npm run worker`
 * run them, and a PostgreSQL cluster of our own that may be stopped, restarted and killed without
 * disturbing anyone else's tests.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

let built = false;

/** `npm start`'s build step (the web app and the server bundle), once per test process. */
export function buildServer(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['scripts/build-if-stale.js'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the server failed');
  built = true;
}

export interface TandemProcess {
  child: ChildProcess;
  /** Everything it printed (stdout and stderr), for diagnostics and log assertions. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  rssMb(): number;
  kill9(): Promise<void>;
  /** SIGTERM: the graceful stop `npm start` handles. */
  stop(): Promise<void>;
}

function track(child: ChildProcess): Omit<TandemProcess, 'child'> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    output: () => output,
    exited,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    kill9: async () => {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface ServerProcess extends TandemProcess {
  url: string;
  port: number;
}

/** The built server (`dist/server/main.mjs`), answering on loopback once /healthz does. */
export async function startServerProcess(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  buildServer();
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.mjs'], {
    cwd: projectRoot,
    // The loads come from a handful of people: the per-person API limit would refuse them (as it should).
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      TANDEM_API_RATE_LIMIT: '0',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tracked = track(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited before it answered:\n${tracked.output()}`);
    }
    const ready = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer in time:\n${tracked.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url, port, ...tracked };
}

/** The built worker (`dist/server/worker-main.mjs`), once it says it started. */
export async function startWorkerProcess(env: Record<string, string>): Promise<TandemProcess> {
  buildServer();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/worker-main.mjs'], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tracked = track(child);
  const deadline = Date.now() + 120_000;
  while (!tracked.output().includes('Tandem worker started')) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the worker exited before it started:\n${tracked.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`the worker did not start in time:\n${tracked.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, ...tracked };
}

const postgresBin = (() => {
  try {
    const versions = execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' }).trim().split('\n');
    const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
    return newest ? `/usr/lib/postgresql/${newest}/bin` : null;
  } catch {
    return null;
  }
})();

/** Whether a private PostgreSQL cluster can be made here (the server binaries and a `postgres` user). */
export const privatePostgresAvailable =
  postgresBin !== null &&
  spawnSync('id', ['-u', 'postgres']).status === 0 &&
  (process.getuid?.() === 0 || process.env.USER === 'postgres');

export interface PrivatePostgres {
  port: number;
  /** A connection URL for a database of this cluster. */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m fast`: every connection is terminated (57P01), then it accepts again. */
  restart(): Promise<void>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and removes its folder. */
  destroy(): Promise<void>;
}

function run(command: string, args: string[]): Promise<void> {
  const [file, list] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    // Asynchronous, so a load running in this process goes on while PostgreSQL stops and starts.
    const child = spawn(file, list, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed: ${output}`));
    });
  });
}

/**
 * A PostgreSQL cluster in a temporary folder on a free port, run as the `postgres` user: a test may
 * stop and restart it freely (the shared server on 5432 belongs to everyone's tests).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!postgresBin || !privatePostgresAvailable) throw new Error('no PostgreSQL binaries or postgres user');
  const bin = postgresBin;
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-private-pg-'));
  chownSync(folder, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), 0);
  const data = path.join(folder, 'data');
  await run(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // Durable like a real server (fsync on); small and quick to restart.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`;
  const pgCtl = (args: string[]) =>
    run(`${bin}/pg_ctl`, ['-D', data, '-w', '-l', path.join(folder, 'log'), ...args]);
  await pgCtl(['-o', options, 'start']);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    restart: () => pgCtl(['-m', 'fast', '-o', options, 'restart']),
    stop: (mode = 'fast') => pgCtl(['-m', mode, 'stop']),
    start: () => pgCtl(['-o', options, 'start']),
    destroy: async () => {
      await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
