import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/database.ts';
import type { Actor } from './actor.ts';

export interface Authenticated {
  actor: Actor;
  /** The session's CSRF token; null for API credentials. */
  csrfToken: string | null;
  /** The access epoch the actor was built at (see migration 0009). */
  epoch: number;
  /** Set while an administrator views the app as the actor (src/modules/view-as). */
  viewingAs?: { adminId: number; adminName: string } | null;
}

/**
 * Actors by session or API credential, so a request needs no extra queries to
 * know who it is. Every request transaction compares the cached epoch with
 * the database's (`runAsActor`); any change to people, levels, grants, the
 * company tree, switches, sessions or credentials moves the epoch and empties
 * this cache — on every app server. Entries also expire after a minute, which
 * bounds idle-timeout and last-seen bookkeeping.
 */
export class AuthenticationCache {
  private readonly entries = new Map<string, Authenticated & { cachedAt: number }>();

  constructor(
    private readonly lifetimeMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): Authenticated | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.cachedAt > this.lifetimeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: Authenticated): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { ...value, cachedAt: Date.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}

export async function currentAccessEpoch(db: Executor): Promise<number> {
  const [row] = await queryRows(db, sql`SELECT value FROM access_epoch WHERE id = 1`);
  return Number(row?.value ?? 0);
}

/** The epoch moved since the actor was built: rebuild it and run again. */
export class StaleActorError extends Error {
  constructor() {
    super('The access epoch moved; the actor must be rebuilt.');
    this.name = 'StaleActorError';
  }
}
