import type { companyPageEn } from './company-page.en.ts';

/** Deutsche Texte der Arbeitsbereiche der Firmenseite. */
export const companyPageDe: Record<keyof typeof companyPageEn, string> = {
  'companyWork.accountTeam': 'Betreuungsteam',
  'companyWork.noAccountTeam': 'Für diese Firma ist beim MSP noch niemand eingetragen.',
  'companyWork.editTeam': 'Betreuungsteam bearbeiten',
  'companyWork.person': 'Person',
  'companyWork.personN': 'Person {n}',
  'companyWork.roleN': 'Rolle {n}',
  'companyWork.role': 'Rolle',
  'companyWork.addMember': 'Person hinzufügen',
  'companyWork.remove': '{name} entfernen',
  'companyWork.save': 'Team speichern',
  'companyWork.cancel': 'Abbrechen',
  'companyWork.openTickets': 'Offene Tickets',
  'companyWork.noOpenTickets': 'Keine offenen Tickets.',
  'companyWork.allOpen': 'Alle offenen Tickets',
  'companyWork.recent': 'Letzte Aktivität',
  'companyWork.noRecent': 'Hier ist noch nichts passiert.',
  'companyWork.changed': '{when} · {status}',
};
