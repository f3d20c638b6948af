import type { systemNamesEn } from './system-names.en.ts';

/** Deutsche Texte dieses Bereichs; fehlt ein Schlüssel, meldet TypeScript es. */
export const systemNamesDe: Record<keyof typeof systemNamesEn, string> = {
  'systemNames.note': 'Vom System vorgegebene Namen erscheinen in Ihrer Sprache.',
  // Ticket statuses (system)
  'systemNames.name.New': 'Neu',
  'systemNames.name.In Progress': 'In Bearbeitung',
  'systemNames.name.Waiting Customer': 'Wartet auf Kunde',
  'systemNames.name.Complete': 'Erledigt',
  // Priorities (system)
  'systemNames.name.Critical': 'Kritisch',
  'systemNames.name.High': 'Hoch',
  'systemNames.name.Medium': 'Mittel',
  'systemNames.name.Low': 'Niedrig',
  // Queues (system, mail triage, demo)
  'systemNames.name.Service Desk': 'Service Desk',
  'systemNames.name.MSP Escalations': 'MSP-Eskalationen',
  'systemNames.name.Triage': 'Sichtung',
  'systemNames.name.Contoso Internal IT': 'Interne IT von Contoso',
  'systemNames.name.C_SRC Facilities': 'C_SRC Gebäudemanagement',
  // Ticket categories (system, demo)
  'systemNames.name.Standard': 'Standard',
  'systemNames.name.Hardware': 'Hardware',
  'systemNames.name.MSP Internal': 'MSP-intern',
  // Ticket sources (system)
  'systemNames.name.Client Portal': 'Kundenportal',
  'systemNames.name.Email': 'E-Mail',
  'systemNames.name.Insourced': 'Intern erfasst',
  'systemNames.name.Phone': 'Telefon',
  'systemNames.name.Web': 'Web',
  // Work types (system, demo)
  'systemNames.name.Remote Support': 'Fernwartung',
  'systemNames.name.Onsite Support': 'Vor-Ort-Einsatz',
  'systemNames.name.Internal': 'Intern',
  'systemNames.name.C_SRC Facilities Work': 'C_SRC Gebäudearbeiten',
  // Note types (system)
  'systemNames.name.Internal Note': 'Interne Notiz',
  'systemNames.name.Co-managed Note': 'Co-Managed-Notiz',
  'systemNames.name.Customer Update': 'Kundeninformation',
  // Issue and sub-issue types (demo)
  'systemNames.name.Network': 'Netzwerk',
  'systemNames.name.Software': 'Software',
  'systemNames.name.Accounts': 'Benutzerkonten',
  'systemNames.name.C_SRC Building': 'C_SRC Gebäude',
  'systemNames.name.Laptop': 'Laptop',
  'systemNames.name.Printer': 'Drucker',
  'systemNames.name.Monitor': 'Monitor',
  'systemNames.name.VPN': 'VPN',
  'systemNames.name.Wi-Fi': 'WLAN',
  'systemNames.name.Firewall': 'Firewall',
  'systemNames.name.Office': 'Office',
  'systemNames.name.Line of business app': 'Fachanwendung',
  'systemNames.name.New starter': 'Neue Mitarbeitende',
  'systemNames.name.Password reset': 'Passwort zurücksetzen',
  'systemNames.name.Heating': 'Heizung',
  'systemNames.name.Access card': 'Zutrittskarte',
  'systemNames.name.Cleaning': 'Reinigung',
};
