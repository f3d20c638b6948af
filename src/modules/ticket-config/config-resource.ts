import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Abilities } from '../../access/permissions.ts';
import type { CategoryDefaults } from '../../db/schema/index.ts';
import type { AuditEntry } from '../audit/audit.writer.ts';

// One description per configuration table; config.service.ts and config.routes.ts do the rest
// (list, get, create, change, delete, audit, admin check, one-default-at-most, clear conflicts).

/** Every ticket-configuration table has these columns. */
export type ConfigTable = PgTable & { id: PgColumn; name: PgColumn; active: PgColumn };
/** The table's row type, with what every such row has spelled out for generic code. */
export type ConfigRow<T extends ConfigTable> = T['$inferSelect'] & {
  id: number;
  name: string;
  active: boolean;
};
export type ConfigValues<T extends ConfigTable> = T['$inferInsert'] & { name: string; active?: boolean };

/** A boolean column at most one row may have set (a partial unique index backs it). */
export interface SingleFlag<T extends ConfigTable> {
  column: keyof ConfigRow<T> & keyof T & string;
  /** For messages: "A ticket priority that is the default must be active." */
  meaning: string;
}

export interface ConfigResource<T extends ConfigTable, Response> {
  table: T;
  /** The audit log's entity type, e.g. 'ticket_status'. */
  entityType: string;
  /** For messages, lower case: 'ticket status' / 'ticket statuses'. */
  noun: string;
  plural: string;
  /** The collection's path, e.g. '/api/v1/ticket-statuses'; one row is `${path}/:id`. */
  path: string;
  /** List order; the id is always the last tie-breaker. */
  orderBy: SQL[];
  patchSchema: z.ZodType<Partial<ConfigValues<T>>>;
  responseSchema: z.ZodType<Response>;
  /**
   * The rows the list offers the actor, when not every row (scenario 3: a set-up's configuration
   * follows the level's ticket restriction, src/access/ticket-kinds.ts). One row by id stays
   * readable: its name is needed to show a ticket that uses it.
   */
  offeredTo?(actor: Actor): SQL;
  /** `actor` is the reader: a field only some may see (money) is left out for the others. */
  present(row: ConfigRow<T>, abilities: Abilities, actor: Actor): Response;
  singleFlags?: readonly SingleFlag<T>[];
  /** Where ticket categories name such a row as a default (jsonb, so no foreign key guards it). */
  categoryDefaultKey?: keyof CategoryDefaults;
  /** Why a row may not be deleted (system rows), or null. */
  protectedReason?(row: ConfigRow<T>): string | null;
  /** Rows a delete takes with it (foreign-key cascade): read before it, audited after it. */
  cascadedDeletes?(context: ActorContext, row: ConfigRow<T>): Promise<AuditEntry[]>;
  /** Checks of this resource before a write; they throw an AppError. */
  checkCreate?(context: ActorContext, values: ConfigValues<T>): Promise<void> | void;
  checkUpdate?(
    context: ActorContext,
    before: ConfigRow<T>,
    patch: Partial<ConfigValues<T>>,
  ): Promise<void> | void;
}
