import type { adminKitEn } from './admin-kit.en.ts';

/** Deutsche Texte der gemeinsamen Admin-Bausteine. */
export const adminKitDe: Record<keyof typeof adminKitEn, string> = {
  'kit.backToAdmin': 'Administration',
  'kit.active': 'Aktiv',
  'kit.inactive': 'Inaktiv',
  'kit.notSaved': 'Nicht gespeichert',
  'kit.saveFailed': 'Die Änderung konnte nicht gespeichert werden. Bitte erneut versuchen.',
  'kit.save': 'Speichern',
  'kit.saved': 'Gespeichert.',
  'kit.loadMore': 'Weitere laden',
  'kit.prefixHint':
    'Für ein Set-up? Beginnen Sie den Namen mit {prefix}, damit er sich von den eigenen des MSP abhebt.',
  'kit.prefixApply': '{prefix} voranstellen',
  'adminAreas.title': 'Alles, was sich einrichten lässt',
  'adminAreas.access': 'Zugriff und Co-Management',
  'adminAreas.people': 'Personen und Organisation',
  'adminAreas.companies': 'Firmen',
  'adminAreas.resources': 'Personen mit Zugang',
  'adminAreas.departments': 'Abteilungen',
  'adminAreas.contacts': 'Kontakte',
  'adminAreas.locations': 'Standorte und Geschäftszeiten',
  'adminAreas.roles': 'Rollen',
  'adminAreas.tickets': 'Tickets',
  'adminAreas.ticketConfiguration': 'Status, Prioritäten, Queues, Kategorien und Typen',
  'adminAreas.automation': 'Automatisierung',
};
