/**
 * English texts of this area; en.ts spreads them in. Keys start with the area's prefix.
 *
 * `systemNames.name.<name>`: the names of configuration the system and the demo provide (statuses,
 * priorities, queues, categories, sources, work types, note types, issue types), keyed by the name
 * as stored. The app shows the text of the reader's language when a stored name is exactly one of
 * these (`src/web/lib/system-name.ts`); a name an administrator chose is shown as it is.
 */
export const systemNamesEn = {
  'systemNames.note': 'Names the system provides are shown in your language.',
  // Ticket statuses (system)
  'systemNames.name.New': 'New',
  'systemNames.name.In Progress': 'In Progress',
  'systemNames.name.Waiting Customer': 'Waiting Customer',
  'systemNames.name.Complete': 'Complete',
  // Priorities (system)
  'systemNames.name.Critical': 'Critical',
  'systemNames.name.High': 'High',
  'systemNames.name.Medium': 'Medium',
  'systemNames.name.Low': 'Low',
  // Queues (system, mail triage, demo)
  'systemNames.name.Service Desk': 'Service Desk',
  'systemNames.name.MSP Escalations': 'MSP Escalations',
  'systemNames.name.Triage': 'Triage',
  'systemNames.name.Contoso Internal IT': 'Contoso Internal IT',
  'systemNames.name.C_SRC Facilities': 'C_SRC Facilities',
  // Ticket categories (system, demo)
  'systemNames.name.Standard': 'Standard',
  'systemNames.name.Hardware': 'Hardware',
  'systemNames.name.MSP Internal': 'MSP Internal',
  // Ticket sources (system)
  'systemNames.name.Client Portal': 'Client Portal',
  'systemNames.name.Email': 'Email',
  'systemNames.name.Insourced': 'Insourced',
  'systemNames.name.Phone': 'Phone',
  'systemNames.name.Web': 'Web',
  // Work types (system, demo)
  'systemNames.name.Remote Support': 'Remote Support',
  'systemNames.name.Onsite Support': 'Onsite Support',
  'systemNames.name.Internal': 'Internal',
  'systemNames.name.C_SRC Facilities Work': 'C_SRC Facilities Work',
  // Note types (system)
  'systemNames.name.Internal Note': 'Internal Note',
  'systemNames.name.Co-managed Note': 'Co-managed Note',
  'systemNames.name.Customer Update': 'Customer Update',
  // Issue and sub-issue types (demo)
  'systemNames.name.Network': 'Network',
  'systemNames.name.Software': 'Software',
  'systemNames.name.Accounts': 'Accounts',
  'systemNames.name.C_SRC Building': 'C_SRC Building',
  'systemNames.name.Laptop': 'Laptop',
  'systemNames.name.Printer': 'Printer',
  'systemNames.name.Monitor': 'Monitor',
  'systemNames.name.VPN': 'VPN',
  'systemNames.name.Wi-Fi': 'Wi-Fi',
  'systemNames.name.Firewall': 'Firewall',
  'systemNames.name.Office': 'Office',
  'systemNames.name.Line of business app': 'Line of business app',
  'systemNames.name.New starter': 'New starter',
  'systemNames.name.Password reset': 'Password reset',
  'systemNames.name.Heating': 'Heating',
  'systemNames.name.Access card': 'Access card',
  'systemNames.name.Cleaning': 'Cleaning',
} as const;
