import type { coManagedTeamsEn } from './co-managed-teams.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const coManagedTeamsDe: Record<keyof typeof coManagedTeamsEn, string> = {
  'coManagedAdmin.teams.new': 'Neues Team',
  'coManagedAdmin.teams.newTitle': 'Neues mitbetreuendes Team',
  'coManagedAdmin.teams.name': 'Name des Teams',
  'coManagedAdmin.teams.nameTaken': 'Ein anderes Team trägt bereits diesen Namen.',
  'coManagedAdmin.teams.description': 'Aufgabe des Teams',
  'coManagedAdmin.teams.create': 'Team anlegen',
  'coManagedAdmin.teams.cancel': 'Abbrechen',
  'coManagedAdmin.teams.details': 'Angaben zum Team',
  'coManagedAdmin.teams.save': 'Speichern',
  'coManagedAdmin.teams.saved': 'Gespeichert.',
  'coManagedAdmin.teams.members': 'Mitglieder',
  'coManagedAdmin.teams.membersHint':
    'Nur mitbetreuende Benutzer. Mitglieder erreichen die unten dem Team zugewiesenen Firmen, zusätzlich zu ihren eigenen.',
  'coManagedAdmin.teams.saveMembers': 'Mitglieder speichern',
  'coManagedAdmin.teams.noUsers':
    'Es gibt noch keine mitbetreuenden Benutzer: Geben Sie zuerst einem Kontakt Co-Managed-Zugang.',
  'coManagedAdmin.teams.delete': 'Team löschen',
  'coManagedAdmin.teams.deleteWhat':
    'Wenn Sie {name} löschen, werden das Team und seine Firmenzuweisungen entfernt. Die Mitglieder behalten ihre eigenen Zuweisungen; wer eine Firma nur über dieses Team erreicht hat, verliert sie mit der nächsten Anfrage. Das lässt sich nicht rückgängig machen.',
  'coManagedAdmin.teams.deleteConfirm': '{name} löschen',
};
