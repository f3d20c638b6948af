import type { adminOversightEn } from './admin-oversight.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const adminOversightDe: Record<keyof typeof adminOversightEn, string> = {
  'oversight.title': 'Protokoll und E-Mail',
};
