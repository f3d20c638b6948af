import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of docs/ARCHITECTURE.md ("Layers"), checked on every import of src/. Lower layers never
// import higher ones; the composition roots (server, jobs) may import anything, and the command line
// (cli, above them) anything but is imported by nothing; the web app shares only the vocabulary at run
// time and takes the API's types from the server's schemas.

const source = resolve(import.meta.dirname, '../src');

const rank = { shared: 0, lib: 1, db: 2, access: 3, modules: 4, jobs: 5, server: 5, cli: 6 } as const;
type Layer = keyof typeof rank | 'web';

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|e2e)\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm),
  ].map((match) => ({
    from: relative(source, file),
    to: relative(source, resolve(dirname(file), match[2] ?? '')),
    typeOnly: match[1] !== undefined,
  }));
}

const layerOf = (path: string): Layer => path.split('/')[0] as Layer;
const imports = sourceFiles(source).flatMap(importsOf);

function allowed({ from, to, typeOnly }: Import): boolean {
  const [a, b] = [layerOf(from), layerOf(to)];
  if (a === 'web') return b === 'web' || b === 'shared' || (typeOnly && (b === 'modules' || b === 'lib'));
  if (b === 'web') return false;
  return rank[b] <= rank[a];
}

describe('the import graph', () => {
  it('runs downwards only: no layer imports a higher one', () => {
    expect(imports.length).toBeGreaterThan(500);
    expect(imports.filter((entry) => !allowed(entry)).map((entry) => `${entry.from} → ${entry.to}`)).toEqual(
      [],
    );
  });

  it('has no circle among run-time imports', () => {
    const edges = new Map<string, string[]>();
    for (const entry of imports) {
      if (entry.typeOnly) continue;
      const target = entry.to.replace(/\.js$/, '');
      edges.set(entry.from, [...(edges.get(entry.from) ?? []), target]);
    }
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of edges.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('lets no path but recordTicketChange write ticket history, audit rows or outbox events of a ticket', () => {
    // The row builders are for the one path; emitTicketEvent remains for events that are not a change of
    // the ticket (a rule asking for a notification or webhook, the SLA sweep's approaching/breached).
    const writers: Record<string, string[]> = {
      historyInsert: ['modules/ticket/ticket-change.ts'],
      ticketActivityUpdate: ['modules/ticket/ticket-change.ts'],
      outboxInsert: ['modules/ticket/ticket-change.ts'],
      emitEvent: [],
      emitTicketEvent: ['modules/sla/sla-sweep.ts', 'modules/workflow/rule-actions.ts'],
    };
    const users = (name: string) =>
      sourceFiles(source)
        .filter((file) => !file.endsWith('.repository.ts') && !file.endsWith('.writer.ts'))
        .filter((file) => new RegExp(`\\b${name}\\b`).test(readFileSync(file, 'utf8')))
        .map((file) => relative(source, file))
        .sort();
    for (const [name, expected] of Object.entries(writers)) expect(users(name), name).toEqual(expected);
  });
});
