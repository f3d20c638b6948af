/* global console, process */
// `npm start` runs this first. It builds what is missing or older than its sources — the web
// app (Vite → dist/web) and the server (esbuild → dist/server/main.mjs, one file that Node loads
// in a fraction of the time a per-file TypeScript loader needs) — and returns at once otherwise.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path, skip = []) {
  if (skip.includes(path)) return 0;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (latest, name) => Math.max(latest, newest(join(path, name), skip)),
    stats.mtimeMs,
  );
}

function stale(output, sources, skip = []) {
  const built = statSync(join(root, output), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(
    ...sources.map((path) =>
      newest(
        join(root, path),
        skip.map((s) => join(root, s)),
      ),
    ),
  );
  return built < changed ? (built === 0 ? 'missing' : 'changed') : null;
}

const web = stale('dist/web/index.html', ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json']);
if (web) {
  console.log(web === 'missing' ? 'Building the web app…' : 'Web app sources changed: rebuilding…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = stale('dist/server/main.mjs', ['src', 'package-lock.json'], ['src/web']);
if (server) {
  console.log(server === 'missing' ? 'Building the server…' : 'Server sources changed: rebuilding…');
  const { build } = await import('esbuild');
  // Chunk names change with their content: start from an empty folder so no stale chunk stays.
  rmSync(join(root, 'dist', 'server'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts', 'worker-main': 'src/jobs/worker-main.ts' },
    outdir: 'dist/server',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies stay in node_modules (PGlite finds its WASM there); only our code is bundled.
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
