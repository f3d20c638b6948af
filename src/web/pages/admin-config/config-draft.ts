import type { ConfigKind, ConfigRow } from './config-kinds.ts';

// What the generic form sends: a new row everything it shows, a change only what differs, so a
// save never re-sends (and so never trips over) a field the admin left alone.

/** The keys a kind's form edits: its fields plus the dedicated pieces stored on the row. */
export function editedKeys(kind: ConfigKind): string[] {
  const keys = kind.fields.map((field) => field.key);
  return kind.extra === 'categoryLayout' ? [...keys, 'fieldRules', 'defaults'] : keys;
}

export function draftOf(kind: ConfigKind, row: ConfigRow | null): Record<string, unknown> {
  if (!row) return { ...kind.blank };
  return Object.fromEntries(editedKeys(kind).map((key) => [key, row[key]]));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The body to send: the whole draft for a new row, the changed fields for an existing one. */
export function bodyOf(
  kind: ConfigKind,
  row: ConfigRow | null,
  draft: Record<string, unknown>,
): Record<string, unknown> {
  const entries = editedKeys(kind)
    .filter((key) => draft[key] !== undefined)
    .filter((key) => row === null || !same(draft[key], row[key]))
    .map((key): [string, unknown] => {
      const value = draft[key];
      return [key, key === 'name' && typeof value === 'string' ? value.trim() : value];
    });
  return Object.fromEntries(entries);
}
