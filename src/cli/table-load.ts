import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../db/database.ts';
import type { BackupManifest } from './backup-manifest.ts';
import { type CatalogTable, planLoad, quoteIdentifier, readCatalog } from './database-catalog.ts';
import { checksumTable, fixTextFormats } from './table-dump.ts';

const batchRows = 1000;
const batchBytes = 4 * 1024 * 1024;

/** Reads a table file in batches of lines (each a JSON array), as one JSON array of rows per batch. */
async function forEachBatch(file: string, each: (json: string) => Promise<void>): Promise<void> {
  let lines: string[] = [];
  let size = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    lines.push(line);
    size += line.length;
    if (lines.length >= batchRows || size >= batchBytes) {
      await each(`[${lines.join(',')}]`);
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) await each(`[${lines.join(',')}]`);
}

function valueOf(table: CatalogTable, column: string, index: number): SQL {
  const type = table.columns.find((candidate) => candidate.name === column)?.type;
  if (!type) throw new Error(`${table.name} has no column ${column}.`);
  return sql.raw(`(r->>${index})::${type}`);
}

async function loadTable(
  tx: Transaction,
  table: CatalogTable,
  columns: string[],
  deferred: readonly string[],
  file: string,
): Promise<void> {
  const target = sql.raw(`public.${quoteIdentifier(table.name)}`);
  const names = sql.raw(columns.map(quoteIdentifier).join(', '));
  const values = sql.join(
    columns.map((column, index) =>
      deferred.includes(column) ? sql.raw('NULL') : valueOf(table, column, index),
    ),
    sql`, `,
  );
  await forEachBatch(file, async (json) => {
    await tx.execute(
      sql`INSERT INTO ${target} (${names}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements(${json}::json) AS r`,
    );
  });
  if (deferred.length === 0) return;
  // Second pass: the references to rows that came later (a parent company with a higher id).
  const assignments = sql.join(
    deferred.map(
      (column) =>
        sql`${sql.raw(quoteIdentifier(column))} = ${valueOf(table, column, columns.indexOf(column))}`,
    ),
    sql`, `,
  );
  const match = sql.join(
    table.primaryKey.map(
      (column) =>
        sql`t.${sql.raw(quoteIdentifier(column))} = ${valueOf(table, column, columns.indexOf(column))}`,
    ),
    sql` AND `,
  );
  await forEachBatch(file, async (json) => {
    await tx.execute(
      sql`UPDATE ${target} AS t SET ${assignments} FROM json_array_elements(${json}::json) AS r WHERE ${match}`,
    );
  });
}

/**
 * Loads the backup's tables (files `<table>.ndjson` in `folder`) into the schema at the backup's level,
 * in one transaction: truncate, user triggers off, rows in foreign-key order, sequences, then every table
 * read back against its row count and checksum. Any difference throws, and the transaction rolls back.
 */
export async function loadData(
  tx: Transaction,
  manifest: BackupManifest,
  folder: string,
  warnings: string[],
): Promise<void> {
  await fixTextFormats(tx);
  const catalog = await readCatalog(tx);
  const byName = new Map(catalog.map((table) => [table.name, table]));
  for (const saved of manifest.tables) {
    const table = byName.get(saved.name);
    if (!table)
      throw new Error(
        `The schema at ${manifest.migrations.level.tag} has no table ${saved.name}; the migrations differ from the backup's.`,
      );
    const have = table.columns.map((column) => `${column.name} ${column.type}`).join(', ');
    const want = saved.columns.map((column) => `${column.name} ${column.type}`).join(', ');
    const sortedHave = [...table.columns.map((column) => `${column.name} ${column.type}`)].sort().join(', ');
    const sortedWant = [...saved.columns.map((column) => `${column.name} ${column.type}`)].sort().join(', ');
    if (sortedHave !== sortedWant) {
      throw new Error(
        `Table ${saved.name} differs from the backup's: (${have}) here, (${want}) in the backup.`,
      );
    }
  }
  for (const table of catalog) {
    if (!manifest.tables.some((saved) => saved.name === table.name)) {
      warnings.push(`Table ${table.name} is not in the backup and stays empty.`);
    }
  }
  const tables = catalog.filter((table) => manifest.tables.some((saved) => saved.name === table.name));
  const list = sql.raw(catalog.map((table) => `public.${quoteIdentifier(table.name)}`).join(', '));
  // Migrations may have written rows (the access epoch); the backup's rows replace them.
  await tx.execute(sql`TRUNCATE ${list}`);
  // Triggers would react to the load (the access epoch would move); foreign keys stay on and hold.
  const triggered = tables.filter((table) => table.hasUserTriggers);
  for (const table of triggered) {
    await tx.execute(sql.raw(`ALTER TABLE public.${quoteIdentifier(table.name)} DISABLE TRIGGER USER`));
  }
  const plan = planLoad(tables);
  for (const name of plan.order) {
    const table = byName.get(name);
    const saved = manifest.tables.find((candidate) => candidate.name === name);
    if (!table || !saved) continue;
    await loadTable(
      tx,
      table,
      saved.columns.map((column) => column.name),
      plan.deferred.get(name) ?? [],
      path.join(folder, `${name}.ndjson`),
    );
  }
  for (const table of triggered) {
    await tx.execute(sql.raw(`ALTER TABLE public.${quoteIdentifier(table.name)} ENABLE TRIGGER USER`));
  }
  for (const sequence of manifest.sequences) {
    const [exists] = await queryRows(
      tx,
      sql`SELECT to_regclass(${`public.${quoteIdentifier(sequence.name)}`}) IS NOT NULL AS present`,
    );
    if (exists?.present !== true) {
      warnings.push(`Sequence ${sequence.name} is not in this schema.`);
      continue;
    }
    const name = sql.raw(`public.${quoteIdentifier(sequence.name)}`);
    if (sequence.lastValue === null) await tx.execute(sql`ALTER SEQUENCE ${name} RESTART`);
    else
      await tx.execute(
        sql`SELECT setval(${`public.${quoteIdentifier(sequence.name)}`}, ${sequence.lastValue}::bigint, true)`,
      );
  }
  // Read back: every table must give the row count and checksum the backup recorded.
  for (const saved of manifest.tables) {
    const table = byName.get(saved.name);
    if (!table) continue;
    const check = await checksumTable(tx, {
      ...table,
      columns: saved.columns.map((column) => ({ ...column, notNull: false })),
      primaryKey: saved.primaryKey,
    });
    if (check.rows !== saved.rows || check.sha256 !== saved.sha256) {
      throw new Error(
        `Table ${saved.name} reads back differently (${check.rows} rows, expected ${saved.rows}).`,
      );
    }
  }
  if (manifest.pendingOutboxEventIds.length > 0) {
    await tx.execute(
      sql`UPDATE outbox_events SET processed_at = NULL WHERE id = ANY (${`{${manifest.pendingOutboxEventIds.join(',')}}`}::bigint[])`,
    );
  }
}
