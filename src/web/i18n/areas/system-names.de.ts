import type { systemNamesEn } from './system-names.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const systemNamesDe: Record<keyof typeof systemNamesEn, string> = {
  'systemNames.note': 'Vom System vorgegebene Namen erscheinen in Ihrer Sprache.',
};
