export interface PostgresError {
  code: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error under the driver's wrapper (drizzle keeps it in `cause`), found by its SQLSTATE. */
export function postgresErrorOf(error: unknown): PostgresError | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current === 'object' && 'code' in current && typeof current.code === 'string') {
      if (/^[0-9A-Z]{5}$/.test(current.code)) return current as PostgresError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
