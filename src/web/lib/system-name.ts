import { useCallback } from 'react';
import { systemNamesEn } from '../i18n/areas/system-names.en.ts';
import type { MessageKey } from '../i18n/en.ts';
import { type Translate, useI18n } from '../i18n/i18n.tsx';

const prefix = 'systemNames.name.';

/** The names the system and the demo give their configuration, as stored (English). */
const providedNames: ReadonlySet<string> = new Set(
  Object.keys(systemNamesEn)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length)),
);

export function isSystemName(name: string): boolean {
  return providedNames.has(name);
}

/**
 * A configuration name (status, priority, queue, category, source, work type, note type, issue
 * type) as the reader should see it: a name the system or the demo provides, exactly as
 * stored, in the reader's language; any other name — one an administrator chose or changed —
 * as it is. The data keeps the stored name, so the admin screens edit what is stored.
 */
export function systemName(name: string, t: Translate): string {
  return providedNames.has(name) ? t(`${prefix}${name}` as MessageKey) : name;
}

/** The same row with its name for the reader (the row itself when nothing changes). */
export function withSystemName<T extends { name: string }>(row: T, t: Translate): T {
  const shown = systemName(row.name, t);
  return shown === row.name ? row : { ...row, name: shown };
}

/** `systemName` in the current language. */
export function useSystemName(): (name: string) => string {
  const { t } = useI18n();
  return useCallback((name: string) => systemName(name, t), [t]);
}
