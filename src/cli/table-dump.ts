import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows, type Transaction } from '../db/database.ts';
import { type CatalogTable, quoteIdentifier } from './database-catalog.ts';

/**
 * How a table's rows travel: one JSON array per line, each value in its PostgreSQL text form (what
 * COPY writes) or null, columns in catalog order, rows in primary-key order. The text form reads
 * back exactly through the column's own type on either driver; the fixed order makes the file's
 * SHA-256 a checksum of the table's content.
 */

/** Output formats fixed for the transaction, so the same data always gives the same text. */
export async function fixTextFormats(tx: Transaction): Promise<void> {
  await tx.execute(sql`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
    set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true),
    set_config('bytea_output', 'hex', true)`);
}

const fetchSize = 2000;

function selectLines(table: CatalogTable): string {
  const values = table.columns.map((column) => `${quoteIdentifier(column.name)}::text`).join(', ');
  const order = table.primaryKey.map(quoteIdentifier).join(', ');
  return `SELECT to_json(ARRAY[${values}]::text[])::text AS line FROM public.${quoteIdentifier(table.name)} ORDER BY ${order}`;
}

/** Hands every row's line to `each`, in order, through a cursor (a large table never sits in memory). */
export async function forEachLine(
  tx: Transaction,
  table: CatalogTable,
  each: (lines: string[]) => Promise<void>,
): Promise<void> {
  await tx.execute(sql.raw(`DECLARE tandem_dump NO SCROLL CURSOR FOR ${selectLines(table)}`));
  for (;;) {
    const rows = await queryRows(tx, sql.raw(`FETCH FORWARD ${fetchSize} FROM tandem_dump`));
    if (rows.length === 0) break;
    await each(rows.map((row) => String(row.line)));
  }
  await tx.execute(sql.raw('CLOSE tandem_dump'));
}

/** A value sealed with the install key (src/lib/secret-box.ts) names the key: `sealed:v1:<key id>:…`. */
const sealedValue = /"sealed:v1:([A-Za-z0-9_-]+):/g;

/** Writes the table to a file; answers its row count, SHA-256 and the ids of keys that sealed its values. */
export async function dumpTable(
  tx: Transaction,
  table: CatalogTable,
  file: string,
): Promise<{ rows: number; sha256: string; sealedWithKeys: Set<string> }> {
  const output = createWriteStream(file, { mode: 0o600 });
  const hash = createHash('sha256');
  const sealedWithKeys = new Set<string>();
  let rows = 0;
  await forEachLine(tx, table, async (lines) => {
    const text = `${lines.join('\n')}\n`;
    hash.update(text);
    for (const match of text.matchAll(sealedValue)) if (match[1]) sealedWithKeys.add(match[1]);
    rows += lines.length;
    if (!output.write(text)) await once(output, 'drain');
  });
  output.end();
  await finished(output);
  return { rows, sha256: hash.digest('hex'), sealedWithKeys };
}

/** The same row count and SHA-256 as `dumpTable`, from the database alone (to check a restore). */
export async function checksumTable(
  tx: Transaction,
  table: CatalogTable,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  await forEachLine(tx, table, (lines) => {
    hash.update(`${lines.join('\n')}\n`);
    rows += lines.length;
    return Promise.resolve();
  });
  return { rows, sha256: hash.digest('hex') };
}

/** Rows of every table, for a quick look (`tandem backup` prints them; tests compare them). */
export async function countRows(
  executor: Executor,
  tables: readonly CatalogTable[],
): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const [row] = await queryRows(
    executor,
    sql.raw(
      `SELECT ${tables
        .map(
          (table) =>
            `(SELECT count(*) FROM public.${quoteIdentifier(table.name)})::bigint AS ${quoteIdentifier(table.name)}`,
        )
        .join(', ')}`,
    ),
  );
  return Object.fromEntries(tables.map((table) => [table.name, Number(row?.[table.name] ?? 0)]));
}
