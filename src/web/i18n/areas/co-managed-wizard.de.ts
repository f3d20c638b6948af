import type { coManagedWizardEn } from './co-managed-wizard.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const coManagedWizardDe: Record<keyof typeof coManagedWizardEn, string> = {
  'wizard.title': 'Co-Managed-Zugang einrichten',
};
