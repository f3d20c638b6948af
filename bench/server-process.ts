import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  startMs: number;
  stop(): Promise<void>;
  rssMb(): number;
}

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

/** The real server in its own process, as `npm start` runs it (no demo data). */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  // `npm start`'s prestart step, outside the timing: the start target is about starting, not building.
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.js'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server failed');
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.mjs'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      // The benchmark measures the server, not the per-person API limit it would soon reach.
      TANDEM_API_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - started;
  return {
    url,
    process: child,
    startMs,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8');
      const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kilobytes / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
