import { z } from 'zod';

/**
 * The first file of every backup archive. It says what the archive holds and how to check it:
 * the migration level the data was taken at, each table's columns, row count and SHA-256, the
 * sequences, and every attachment file with its size and SHA-256.
 */
export const backupFormat = 'tandem-backup';
export const backupFormatVersion = 1;

export const manifestFileName = 'manifest.json';
export const tableEntryName = (table: string) => `tables/${table}.ndjson`;
export const attachmentEntryName = (key: string) => `attachments/${key}`;

const column = z.object({ name: z.string(), type: z.string() });
/** Names become file names and SQL identifiers on restore: nothing but what PostgreSQL would name itself. */
const plainName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);
const integerText = z.string().regex(/^-?\d{1,19}$/);
/** The shape of `newStorageKey()`: no path can be smuggled into the attachment folder. */
const storageKey = z.string().regex(/^([0-9a-f]{2})\/\1[0-9a-f]{30}$/);

export const backupManifest = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.literal(backupFormatVersion),
  createdAt: z.string(),
  tandemVersion: z.string(),
  source: z.object({ driver: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
  /** The last migration applied to the data (journal time, tag, file hash), and every applied one. */
  migrations: z.object({
    level: z.object({ tag: z.string(), when: z.number(), hash: z.string() }),
    applied: z.array(z.object({ when: z.number(), hash: z.string() })),
  }),
  tables: z.array(
    z.object({
      name: plainName,
      columns: z.array(column),
      primaryKey: z.array(z.string()),
      rows: z.number().int().nonnegative(),
      sha256: z.string(),
    }),
  ),
  /**
   * Ids of the install keys that sealed values in the data (webhook signing keys, two-factor secrets).
   * The keys themselves are not in the archive: they stay with the install (TANDEM_SECRET_KEY or the
   * key file), so a stolen backup alone does not open those secrets.
   */
  sealedWithKeys: z.array(z.string()).default([]),
  sequences: z.array(z.object({ name: plainName, lastValue: integerText.nullable() })),
  /**
   * Outbox events already turned into jobs whose jobs had not finished. Jobs are not in the backup
   * (pg-boss's schema is rebuilt on start); these events are dispatched again after a restore, and
   * the delivery keys make sure what already went out does not go out twice.
   */
  pendingOutboxEventIds: z.array(integerText),
  attachments: z.object({
    files: z.array(z.object({ key: storageKey, bytes: z.number().int().nonnegative(), sha256: z.string() })),
    /** Rows whose file was not in the store when the backup ran (listed so nobody mistakes it for a complete copy). */
    missing: z.array(z.string()),
  }),
});

export type BackupManifest = z.infer<typeof backupManifest>;
