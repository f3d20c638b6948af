import type { coManagedTeamsEn } from './co-managed-teams.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const coManagedTeamsDe: Record<keyof typeof coManagedTeamsEn, string> = {
  'teams.new': 'Neues Team',
  'teams.newTitle': 'Ein neues mitbetreuendes Team',
  'teams.name': 'Name des Teams',
  'teams.description': 'Aufgabe des Teams',
  'teams.create': 'Team anlegen',
  'teams.cancel': 'Abbrechen',
  'teams.details': 'Angaben zum Team',
  'teams.save': 'Speichern',
  'teams.saved': 'Gespeichert.',
  'teams.members': 'Mitglieder',
  'teams.membersHint':
    'Nur mitbetreuende Benutzer. Mitglieder erreichen die unten dem Team zugewiesenen Firmen, zusätzlich zu ihren eigenen.',
  'teams.saveMembers': 'Mitglieder speichern',
  'teams.noUsers':
    'Es gibt noch keine mitbetreuenden Benutzer: Geben Sie zuerst einem Kontakt Co-Managed-Zugang.',
  'teams.delete': 'Team löschen',
  'teams.deleteWhat':
    'Wenn Sie {name} löschen, werden das Team und seine Firmenzuweisungen entfernt. Die Mitglieder behalten ihre eigenen Zuweisungen; wer eine Firma nur über dieses Team erreicht hat, verliert sie mit der nächsten Anfrage. Das lässt sich nicht rückgängig machen.',
  'teams.deleteConfirm': '{name} löschen',
};
