/**
 * What the demo tickets are about: the kinds of request an MSP's service desk
 * sees, with titles, descriptions and notes as people write them. Text may
 * hold placeholders in braces, filled per ticket (see `demo-tickets.ts`).
 */

export type DemoCategory = 'Standard' | 'Hardware' | 'C_SRC Facilities' | 'MSP Internal';

export interface DemoScenario {
  category: DemoCategory;
  /** Issue type and sub-issue type (null: none). */
  issue: readonly [string, string | null] | null;
  titles: readonly string[];
  descriptions: readonly string[];
  /** What MSP staff note for themselves while working it. */
  findings: readonly string[];
  /** The customer-visible closing note. */
  resolutions: readonly string[];
  /** Only for these companies (default: any customer). */
  only?: readonly string[];
  /** Relative frequency (default 1). */
  weight?: number;
}

/** Configuration the demo world adds to the system defaults. */
export const demoIssueTypes: Record<string, readonly string[]> = {
  Hardware: ['Laptop', 'Printer', 'Monitor'],
  Network: ['VPN', 'Wi-Fi', 'Firewall'],
  Software: ['Office', 'Line of business app'],
  Accounts: ['New starter', 'Password reset'],
  'C_SRC Building': ['Heating', 'Access card', 'Cleaning'],
};

/** Per customer: how many tickets, and the things their tickets mention. */
export interface DemoCompanyProfile {
  name: string;
  tickets: number;
  domain: string;
  printers: readonly string[];
  servers: readonly string[];
  apps: readonly string[];
  sites: readonly string[];
  rooms: readonly string[];
  ssid: string;
}

export const demoCompanyProfiles: readonly DemoCompanyProfile[] = [
  {
    name: 'Contoso',
    tickets: 118,
    domain: 'contoso.example',
    printers: [
      'HP LaserJet M607 (2nd floor)',
      'Canon iR-ADV C5840 (reception)',
      'Kyocera TASKalfa 3554ci (finance)',
    ],
    servers: ['CONTOSO-FS01', 'CONTOSO-DC01', 'CONTOSO-SQL02', 'CONTOSO-RDS01'],
    apps: ['SAP Business One', 'DocuWare', 'Sage Payroll'],
    sites: ['Manchester HQ', 'Leeds sales office'],
    rooms: ['room 2.04', 'room 2.11', 'room 3.14', 'room 3.20', 'the boardroom'],
    ssid: 'CONTOSO-CORP',
  },
  {
    name: 'Contoso Logistics',
    tickets: 52,
    domain: 'contoso-logistics.example',
    printers: ['Brother HL-L6400 (transport office)', 'HP LaserJet M507 (warehouse office)'],
    servers: ['CLOG-WMS01', 'CLOG-FS01', 'CLOG-DC01'],
    apps: ['Manhattan WMS', 'Transporeon', 'Microsoft Dynamics 365'],
    sites: ['Liverpool warehouse', 'Widnes cross-dock'],
    rooms: ['the goods-in office', 'the dispatch office', 'the transport office', 'the canteen'],
    ssid: 'CLOG-WAREHOUSE',
  },
  {
    name: 'Fabrikam',
    tickets: 60,
    domain: 'fabrikam.example',
    printers: ['Ricoh IM C3000 (Empfang)', 'HP Color LaserJet E55040 (Buchhaltung)'],
    servers: ['FAB-FS01', 'FAB-FW01', 'FAB-DATEV01', 'FAB-HV02'],
    apps: ['DATEV', 'SAP S/4HANA', 'Autodesk Vault'],
    sites: ['Munich head office', 'Augsburg plant'],
    rooms: ['room E.12', 'room 1.07', 'room 2.03', 'the Isar conference room'],
    ssid: 'FAB-OFFICE',
  },
  {
    name: 'Tailspin',
    tickets: 44,
    domain: 'tailspin.example',
    printers: ['Canon i-SENSYS MF744 (1st floor)', 'HP OfficeJet Pro 9020 (reception)'],
    servers: ['TAIL-DC01', 'TAIL-FS01', 'TAIL-BOOK01'],
    apps: ['Tailspin booking portal', 'BMD NTCS', 'Salesforce'],
    sites: ['Vienna office', 'Graz branch'],
    rooms: ['room 1.05', 'room 2.10', 'room 3.14', 'the Danube meeting room'],
    ssid: 'TAILSPIN-STAFF',
  },
  {
    name: 'Litware',
    tickets: 26,
    domain: 'litware.example',
    printers: ['Brother MFC-L8900 (office)'],
    servers: ['LIT-NAS01', 'LIT-SRV01'],
    apps: ['Lexware', 'Shopware'],
    sites: ['Cologne office'],
    rooms: ['the front office', 'the meeting room', 'the store room'],
    ssid: 'LITWARE',
  },
];

export const demoPeople = [
  'Sarah Collins',
  'James Whitfield',
  'Priya Raman',
  'Olivia Hart',
  'Marek Nowak',
  'Hannah Berger',
  'Lukas Steiner',
  'Sophie Laurent',
  'Jonas Keller',
  'Emma Lindqvist',
  'Daniel Osei',
  'Aisha Rahman',
  'Mia Hoffmann',
  'Noah Fischer',
  'Chloe Evans',
  'Ravi Patel',
  'Julia Wagner',
  'Oscar Brennan',
  'Katarzyna Zielinska',
  'Tobias Huber',
] as const;

export const demoScenarios: readonly DemoScenario[] = [
  // Hardware: laptops
  {
    category: 'Hardware',
    issue: ['Hardware', 'Laptop'],
    titles: ['New starter laptop for {person}', 'Laptop setup for {person} (starts {weekday})'],
    descriptions: [
      '{person} starts on {weekday}. Please prepare a standard laptop with Office, VPN and {app}, plus a docking station.',
      'New colleague {person} joins the team on {weekday}. Standard build please; the manager asked for a second monitor too.',
    ],
    findings: [
      'Took a laptop from stock, enrolled in Intune, autopilot profile applied.',
      'Ordered a new docking station, delivery expected in two days.',
    ],
    resolutions: [
      'The laptop is ready and handed over to {person}, including VPN and {app}.',
      'Laptop delivered and set up at the desk; {person} signed in successfully.',
    ],
    weight: 2,
  },
  {
    category: 'Hardware',
    issue: ['Hardware', 'Laptop'],
    titles: [
      "{person}'s laptop will not boot after BIOS update",
      'Laptop battery swollen: {person}',
      'Laptop keyboard: several keys not working',
      'Laptop extremely slow since Windows update',
    ],
    descriptions: [
      'The laptop shows a black screen after the manufacturer update last night. Fans spin, nothing else.',
      'The touchpad is lifting and the case bulges. {person} has stopped using it and is on a spare machine.',
      'Keys E, R and T do not respond. An external keyboard works fine.',
      'Since the latest cumulative update it takes about 10 minutes to start and Outlook freezes.',
    ],
    findings: [
      'Warranty check: still covered until {year}. Opened a case with the vendor.',
      'Disk health in RMM shows reallocated sectors; replacing the SSD.',
      'Rolled back the BIOS to the previous version via recovery key.',
    ],
    resolutions: [
      'The device was repaired under warranty and is back with {person}.',
      'We replaced the laptop with a new one and moved the data across.',
      'Fixed by rolling back the update; we have paused it for this model until the vendor releases a fix.',
    ],
    weight: 2,
  },
  // Hardware: printers
  {
    category: 'Hardware',
    issue: ['Hardware', 'Printer'],
    titles: [
      'Printer jam on {printer}',
      '{printer} prints blank pages',
      'Scan to email stopped working on {printer}',
      'Toner warning will not clear on {printer}',
    ],
    descriptions: [
      'Paper keeps jamming in tray 2. We cleared it three times this morning.',
      'Every print job comes out blank, although the toner was replaced last week.',
      'Scanning to email fails with "SMTP authentication error" since Monday.',
      'The display says toner low although a new cartridge is installed.',
    ],
    findings: [
      'Remote check of the printer web page: fuser at end of life, counter at 298k pages.',
      'SMTP relay credentials on the printer expired with the password rotation. Updating them.',
      'Ordered a maintenance kit from the leasing company.',
    ],
    resolutions: [
      'The technician replaced the pickup rollers; printing works again.',
      'We updated the scan-to-email settings; scans arrive again.',
      'The cartridge chip was faulty; the supplier sent a replacement and the warning is gone.',
    ],
    weight: 3,
  },
  {
    category: 'Hardware',
    issue: ['Hardware', 'Printer'],
    titles: ['Label printer in goods-in prints skewed labels', 'Dispatch labels cut off on the Zebra ZT230'],
    descriptions: [
      'Shipping labels are printed about 5 mm too far to the left, the barcode scanners cannot read them.',
      'Since the driver update the bottom of every dispatch label is missing.',
    ],
    findings: [
      'Label stock changed to 100x150 mm; the driver still has the old size.',
      'Recalibrated the media sensor remotely.',
    ],
    resolutions: ['We recalibrated the printer and corrected the label size; labels scan fine again.'],
    only: ['Contoso Logistics'],
    weight: 2,
  },
  // Hardware: monitors and other devices
  {
    category: 'Hardware',
    issue: ['Hardware', 'Monitor'],
    titles: [
      "Monitor flickering at {person}'s desk",
      'Second monitor for {person}',
      'Display in {room} shows no signal',
      'Docking station does not detect the second screen',
    ],
    descriptions: [
      'The left screen flickers every few seconds, worse in the afternoon.',
      '{person} needs a second screen for month-end reporting. Approved by the line manager.',
      'The wall display in {room} says "no signal" with every laptop we tried.',
      'After the dock firmware update only one external screen works.',
    ],
    findings: [
      'Cable tested fine; the monitor itself is faulty. Replacement from stock.',
      'HDMI switcher in the room lost its EDID settings.',
    ],
    resolutions: [
      'We replaced the monitor; no more flickering.',
      'The second monitor is installed and configured.',
      'The room display works again after resetting the switcher.',
    ],
    weight: 2,
  },
  {
    category: 'Hardware',
    issue: ['Hardware', null],
    titles: ['Handheld scanner will not connect in {site}', 'Forklift tablet frozen in aisle {aisle}'],
    descriptions: [
      'Two of the Zebra handhelds cannot reach the WMS; the others are fine.',
      'The tablet on forklift 7 froze and does not respond to the power button.',
    ],
    findings: ['Device certificates on the handhelds expired; re-enrolling via MDM.'],
    resolutions: ['Re-enrolled the devices; they connect to {app} again.'],
    only: ['Contoso Logistics'],
  },
  // Network
  {
    category: 'Standard',
    issue: ['Network', 'VPN'],
    titles: [
      'VPN drops every few minutes',
      'VPN: cannot connect from home since the update',
      'VPN very slow for {site}',
      'VPN access needed for {person}',
    ],
    descriptions: [
      'The VPN disconnects every 5–10 minutes while working from home. Home internet is fine.',
      'Since the client update yesterday the VPN says "gateway not responding".',
      'Opening files on {server} over VPN takes minutes. Colleagues in the office are fine.',
      '{person} will work from home two days a week and needs VPN access.',
    ],
    findings: [
      'Firewall log shows IKE rekey failures for this user; the client still has the old profile.',
      'MTU issue on the home router; tested with 1400 and the drops stop.',
      'Gateway CPU at 90% during the day; opened a case with the firewall vendor.',
    ],
    resolutions: [
      'We pushed a new VPN profile; the connection has been stable for two days.',
      'Lowering the MTU fixed the drops. Please let us know if it happens again.',
      'VPN access is set up; {person} received the instructions by email.',
    ],
    weight: 3,
  },
  {
    category: 'Standard',
    issue: ['Network', 'Wi-Fi'],
    titles: [
      'Wi-Fi "{ssid}" not available in {room}',
      'Guest Wi-Fi for visitors on {weekday}',
      'Wi-Fi keeps disconnecting on floor {floor}',
    ],
    descriptions: [
      'Laptops do not see the network in {room}; phones do.',
      'We have external visitors on {weekday} and need guest Wi-Fi vouchers for about 12 people.',
      'Since Monday, laptops on floor {floor} lose Wi-Fi several times an hour.',
    ],
    findings: [
      'Access point AP-{floor}-03 is offline in the controller; PoE port flapping.',
      'Channel overlap with the new neighbour network; moved to channel 44.',
    ],
    resolutions: [
      'We replaced the access point; coverage is back.',
      'Guest vouchers are created and sent to reception.',
      'Changed the channel plan; the connection is stable again.',
    ],
    weight: 2,
  },
  {
    category: 'Standard',
    issue: ['Network', 'Firewall'],
    titles: [
      'Open port for supplier SFTP',
      'Firewall blocks {app} updates',
      'Firewall firmware update window',
      'Website of a supplier blocked by web filter',
    ],
    descriptions: [
      'Our supplier needs SFTP access to {server} from their fixed IP. Details in the attached email.',
      'Updates for {app} fail with a TLS error since the firewall was updated.',
      'The vendor released a security fix for the firewall. Please propose a maintenance window.',
      'The web filter blocks the portal of one of our suppliers as "uncategorised".',
    ],
    findings: [
      'Created a NAT rule restricted to the supplier IP; change documented.',
      'SSL inspection breaks certificate pinning of the updater; added an exception.',
      'Firmware staged on the standby unit first; failover test planned.',
    ],
    resolutions: [
      'The rule is in place and tested with the supplier.',
      'Updates work again after the firewall exception.',
      'The firmware update is done; no interruption was noticed.',
    ],
    weight: 2,
  },
  // Software
  {
    category: 'Standard',
    issue: ['Software', 'Office'],
    titles: [
      'Outlook profile corrupt for {person}',
      'Outlook keeps asking for the password',
      'Teams calls: no audio',
      'Excel crashes when opening the shared workbook',
      'Shared mailbox not showing in Outlook',
    ],
    descriptions: [
      'Outlook hangs on "loading profile" for {person}. Webmail works.',
      'Outlook asks for the password every few minutes, even after entering it.',
      'In Teams calls nobody hears {person}; the headset works in other apps.',
      'The budget workbook on {server} crashes Excel for everyone except the owner.',
      'The shared mailbox "accounts@{domain}" disappeared from Outlook for {person}.',
    ],
    findings: [
      'Recreated the Outlook profile remotely; OST was 48 GB.',
      'Stale credentials in Windows Credential Manager; cleared them.',
      'Automapping removed after the permission change; re-added.',
    ],
    resolutions: [
      'We created a new Outlook profile; everything syncs again.',
      'Clearing the stored credentials fixed the password prompts.',
      'The mailbox is back in Outlook.',
      'Resetting the audio device settings in Teams solved it.',
    ],
    weight: 3,
  },
  {
    category: 'Standard',
    issue: ['Software', 'Line of business app'],
    titles: [
      '{app}: "licence server not reachable"',
      '{app} very slow since this morning',
      '{app} update to the new version',
      '{app}: report export fails',
    ],
    descriptions: [
      'Nobody can start {app}; it says the licence server cannot be reached.',
      'Every screen in {app} takes 20–30 seconds to open since this morning.',
      'The vendor released a new version of {app}. Please plan the update with us.',
      'The monthly export from {app} fails with an error about missing permissions.',
    ],
    findings: [
      'Licence service on {server} had stopped after patching; restarted and set to automatic (delayed).',
      'SQL on {server} waiting on disk IO; backup job overlapping business hours.',
      'Vendor support case opened; they asked for the application logs.',
    ],
    resolutions: [
      'The licence service is running again and {app} starts normally.',
      'We moved the backup window; {app} is fast again.',
      '{app} is updated; please report anything unusual.',
    ],
    weight: 2,
  },
  {
    category: 'Standard',
    issue: ['Software', null],
    titles: ['Software install: {software} for {person}', 'Adobe Acrobat licence for {person}'],
    descriptions: [
      '{person} needs {software} for a project. Approved by the department head.',
      'Please assign an Acrobat Pro licence to {person}; they need to edit contracts.',
    ],
    findings: ['Licence available in the pool; deployed via Intune.'],
    resolutions: ['Installed and licensed; {person} can start using it.'],
  },
  // Accounts
  {
    category: 'Standard',
    issue: ['Accounts', 'New starter'],
    titles: ['New starter: {person}, starting {weekday}', 'Account and mailbox for new starter {person}'],
    descriptions: [
      '{person} joins on {weekday} as a team assistant. Please create the account, mailbox and add to the usual groups.',
      'New colleague {person}. Same permissions as the rest of the team, plus access to {app}.',
    ],
    findings: ['Account created from the template user; licence assigned.'],
    resolutions: ['The account is ready; the start details were sent to the line manager.'],
    weight: 2,
  },
  {
    category: 'Standard',
    issue: ['Accounts', 'Password reset'],
    titles: ['Password reset for {person}', 'Account locked: {person}', 'MFA: {person} has a new phone'],
    descriptions: [
      '{person} forgot the password after the holidays.',
      'The account of {person} is locked since this morning.',
      '{person} got a new phone and can no longer approve sign-ins.',
    ],
    findings: [
      'Lockouts come from an old phone still syncing mail with the previous password.',
      'Identity verified by call-back to the number on file.',
    ],
    resolutions: [
      'Password reset; {person} is signed in again.',
      'MFA re-registered on the new phone.',
      'Unlocked the account and removed the old device.',
    ],
    weight: 3,
  },
  {
    category: 'Standard',
    issue: null,
    titles: [
      'Leaver: disable account of {person}',
      'Suspicious email: is this phishing?',
      'Question about our backup retention',
    ],
    descriptions: [
      '{person} leaves on Friday. Please disable the account and forward mail to the manager.',
      'Several colleagues received an email "Invoice overdue" with a link. Nobody clicked it, we think.',
      'Our auditor asks how long backups of {server} are kept.',
    ],
    findings: [
      'Checked the message trace: 14 recipients, one click. Resetting that password as a precaution.',
      'Mailbox converted to shared, licence released.',
    ],
    resolutions: [
      'The account is disabled and mail is forwarded as requested.',
      'The email was phishing; we removed it from all mailboxes and blocked the sender.',
      'Backups are kept for 30 days daily and 12 months monthly; details are in your documentation.',
    ],
  },
  // C_SRC: facilities work of Tailspin's own staff
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', 'Heating'],
    titles: [
      'Heating not working in {room}',
      'Radiator leaking in {room}',
      'Too cold in the office on floor {floor}',
    ],
    descriptions: [
      'The radiator in {room} stays cold all day. Staff are working in coats.',
      'Water is dripping from the radiator valve in {room}; a towel is underneath for now.',
      'Floor {floor} is at 17°C in the mornings.',
    ],
    findings: ['Heating contractor booked for {weekday} morning.'],
    resolutions: ['The valve was replaced and the radiator works again.', 'Heating schedule corrected.'],
    only: ['Tailspin'],
    weight: 3,
  },
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', 'Access card'],
    titles: [
      'Access card for visitor {person} on {weekday}',
      'Lost access card: block and replace',
      'Access card does not open the car park',
    ],
    descriptions: [
      'We have a visitor, {person}, on {weekday} from 9:00 to 16:00. Please prepare a visitor card.',
      'A colleague lost their access card on the way home. Please block it and issue a new one.',
      'The card opens the building but not the car park barrier.',
    ],
    findings: ['Card programmed at reception.'],
    resolutions: ['The visitor card is ready at reception.', 'Old card blocked, new card handed over.'],
    only: ['Tailspin'],
    weight: 3,
  },
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', 'Cleaning'],
    titles: [
      'Coffee spilled on the carpet in {room}',
      'Kitchen on floor {floor} needs a deep clean',
      'Windows in {room} need cleaning',
    ],
    descriptions: [
      'A full pot of coffee went over the carpet in {room}. It has been blotted but is still stained.',
      'The kitchen fridge on floor {floor} needs emptying and a proper clean.',
      'The windows in {room} have not been cleaned since the building work.',
    ],
    findings: ['Cleaning company informed; they come on {weekday}.'],
    resolutions: ['Cleaned; the carpet looks fine again.', 'Done by the cleaning company.'],
    only: ['Tailspin'],
    weight: 2,
  },
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', null],
    titles: ['Blinds stuck in {room}', 'Light flickering in the corridor on floor {floor}'],
    descriptions: [
      'The blinds in {room} are stuck halfway down.',
      'The ceiling light near the lifts flickers.',
    ],
    findings: ['Caretaker will look at it on {weekday}.'],
    resolutions: ['Repaired by the caretaker.'],
    only: ['Tailspin'],
  },
  // MSP-only work: never shown to co-managing users
  {
    category: 'MSP Internal',
    issue: null,
    titles: [
      'Backup job failed on {server}',
      'Disk space alert on {server}',
      'Patch rollout review: {company}',
      'Renew TLS certificate for mail.{domain}',
      'Quarterly licence true-up: {company}',
      'Too many RMM alerts from {server}',
    ],
    descriptions: [
      'Nightly backup of {server} failed twice with "VSS snapshot timeout".',
      'RMM alert: volume D: on {server} below 10% free.',
      "Review this month's patch results for {company} before the customer report goes out.",
      'The certificate expires in 21 days. Renew and deploy to the firewall and Exchange.',
      'Compare assigned Microsoft 365 licences with the contract before invoicing.',
      '{server} raised 40 alerts this week, mostly CPU spikes during backups. Tune thresholds.',
    ],
    findings: [
      'VSS writer for SQL in failed state; restarted the service and ran the job manually.',
      'Cleaned up old log files; 18 GB free now. Long term: extend the volume.',
      'Three machines missed the patch window; rescheduled.',
      'Certificate renewed; deployment scheduled for the maintenance window.',
    ],
    resolutions: ['Done, documented in the runbook.'],
    weight: 2,
  },
];

/** Notes by who writes them and for whom; `{msp}`, `{co}` and `{contact}` are first names. */
export const demoNoteTexts = {
  /** MSP staff among themselves. */
  internal: [
    'Remote session via RMM; user not at the desk, will try again after lunch.',
    'Same issue as last month on this site; linking it to the problem record.',
    'Checked the RMM dashboard: nothing unusual on {server}.',
    'Called the user, no answer. Left a voicemail.',
    'Waiting for the vendor to answer the support case.',
    'This is covered by the managed services contract; no extra billing.',
  ],
  /** MSP staff to the customer's co-managing users. */
  mspToCoManaged: [
    '{co}, could you check on site whether the cable is plugged in properly? We cannot see the device.',
    '{co}, handing this to you as it needs someone on site. Give us a shout if you need us.',
    '{co}, we have changed the policy on our side; can you confirm on one of your machines?',
    'FYI {co}: we have a change window tonight, this may affect the fix.',
  ],
  /** The customer's co-managing users to MSP staff. */
  coManagedToMsp: [
    '{msp}, we tried the usual steps on site, no luck. Could you take over?',
    'Escalating to Northwind: we have no admin rights on the firewall.',
    '{msp}, swapped the cable and the device is back online. Can you confirm it shows in RMM?',
    'Done on our side. {msp}, please close it once you have checked the logs.',
  ],
  /** Customer-visible updates from whoever works the ticket. */
  update: [
    'Hi {contact}, thanks for letting us know. We are looking into it.',
    'Hi {contact}, could you send us a screenshot of the error message?',
    'Hi {contact}, we will come by at 2 pm to have a look.',
    'We have ordered the part and will update you as soon as it arrives.',
    'Hi {contact}, could you restart the device and try again, please?',
  ],
  /** The requester (portal user) writing on their own ticket. */
  requester: [
    'It is still happening this morning, unfortunately.',
    'Thanks, it works again!',
    'Screenshot attached. It happens every time I open it.',
    'Is there any update on this? It is getting urgent.',
  ],
  /** The customer's own IT among themselves: hidden from their end users and from nobody at the MSP. */
  customerInternal: [
    'Note for our team: {person} leaves at the end of the month, no new hardware please.',
    'Finance approved the budget for the replacement.',
    'Our on-site team will swap the device on {weekday}.',
    'Check with HR before we change anything on this account.',
    'Reminder: the manager wants to be copied on updates for this one.',
  ],
} as const;

export const demoSoftware = [
  'Visio',
  'Power BI Desktop',
  'AutoCAD LT',
  'Notepad++',
  'Snagit',
  'Miro',
] as const;
export const demoWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
