/**
 * What the demo tickets are about: the kinds of request an MSP's service desk
 * sees, with titles, descriptions and notes as people write them. Text may
 * hold placeholders in braces, filled per ticket (see `demo-tickets.ts`).
 */

export type DemoCategory = 'Standard' | 'Hardware' | 'C_SRC Facilities' | 'MSP Internal';

/**
 * One request and how it went: every title, description, finding and resolution of a request
 * belongs to the same problem, so any combination of them tells one consistent story.
 */
export interface DemoRequest {
  /** Ways of putting the same request (one is picked). */
  titles: readonly string[];
  descriptions: readonly string[];
  /** What MSP staff note for themselves while working it (also the summaries of their time). */
  findings: readonly string[];
  /** The customer-visible closing note. */
  resolutions: readonly string[];
}

export interface DemoScenario {
  category: DemoCategory;
  /** Issue type and sub-issue type (null: none). */
  issue: readonly [string, string | null] | null;
  requests: readonly DemoRequest[];
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
  {
    name: 'Litware Retail',
    tickets: 14,
    domain: 'litware-retail.example',
    printers: ['Epson TM-T88VI (till 1)', 'Brother QL-820NWB (stock room)'],
    servers: ['LITR-POS01', 'LITR-NAS01'],
    apps: ['Shopware', 'Lexware', 'the till software'],
    sites: ['Cologne shop', 'Bonn shop'],
    rooms: ['the shop floor', 'the stock room', 'the back office'],
    ssid: 'LITWARE-SHOP',
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
    requests: [
      {
        titles: ['New starter laptop for {person}', 'Laptop setup for {person} (starts {weekday})'],
        descriptions: [
          '{person} starts on {weekday}. Please prepare a standard laptop with Office, VPN and {app}, plus a docking station.',
          'New colleague {person} joins the team on {weekday}. Standard build with {app} please, and a docking station for the desk.',
        ],
        findings: [
          'Took a laptop from stock, enrolled in Intune, autopilot profile applied.',
          'Ordered a new docking station, delivery expected in two days.',
        ],
        resolutions: [
          'The laptop is ready and handed over to {person}, including VPN and {app}.',
          'Laptop and docking station set up at the desk; {person} signed in successfully.',
        ],
      },
    ],
    weight: 2,
  },
  {
    category: 'Hardware',
    issue: ['Hardware', 'Laptop'],
    requests: [
      {
        titles: ["{person}'s laptop will not boot after BIOS update"],
        descriptions: [
          'The laptop shows a black screen after the manufacturer update last night. Fans spin, nothing else.',
        ],
        findings: [
          'BIOS update stopped halfway; recovery mode still works.',
          'Rolled back the BIOS to the previous version via recovery key.',
        ],
        resolutions: [
          'Fixed by rolling back the BIOS update; we have paused it for this model until the vendor releases a fix.',
        ],
      },
      {
        titles: ['Laptop battery swollen: {person}'],
        descriptions: [
          'The touchpad is lifting and the case bulges. {person} has stopped using it and is on a spare machine.',
        ],
        findings: [
          'Warranty check: still covered until {year}. Opened a case with the vendor.',
          'Battery replacement ordered; the laptop stays switched off until then.',
        ],
        resolutions: ['The battery was replaced under warranty and the laptop is back with {person}.'],
      },
      {
        titles: ['Laptop keyboard: several keys not working'],
        descriptions: ['Keys E, R and T do not respond. An external keyboard works fine.'],
        findings: [
          'Warranty check: still covered until {year}. Opened a case with the vendor.',
          "Keyboard replacement booked with the vendor's field engineer.",
        ],
        resolutions: ['The vendor replaced the keyboard under warranty; every key works again.'],
      },
      {
        titles: ['Laptop extremely slow since Windows update'],
        descriptions: [
          'Since the latest cumulative update it takes about 10 minutes to start and Outlook freezes.',
        ],
        findings: [
          'Disk health in RMM shows reallocated sectors; replacing the SSD.',
          'Update history shows the cumulative update failed and retried four times.',
        ],
        resolutions: [
          'We replaced the failing SSD and moved the data across; the laptop starts in under a minute again.',
        ],
      },
    ],
    weight: 2,
  },
  // Hardware: printers
  {
    category: 'Hardware',
    issue: ['Hardware', 'Printer'],
    requests: [
      {
        titles: ['Printer jam on {printer}', 'Paper jams in tray 2 of {printer}'],
        descriptions: ['Paper keeps jamming in tray 2. We cleared it three times this morning.'],
        findings: [
          'Remote check of the printer web page: pickup rollers at end of life, counter at 298k pages.',
          'Ordered a maintenance kit from the leasing company.',
        ],
        resolutions: ['The technician replaced the pickup rollers; printing works again.'],
      },
      {
        titles: ['{printer} prints blank pages'],
        descriptions: ['Every print job comes out blank, although the toner was replaced last week.'],
        findings: [
          'The test page from the web interface is blank too: not a driver problem.',
          'The new cartridge still had its transport seal in place.',
        ],
        resolutions: ['The transport seal of the new cartridge had not been removed; prints are fine again.'],
      },
      {
        titles: ['Scan to email stopped working on {printer}'],
        descriptions: ['Scanning to email fails with "SMTP authentication error" since Monday.'],
        findings: [
          'SMTP relay credentials on the printer expired with the password rotation. Updating them.',
        ],
        resolutions: ['We updated the scan-to-email settings; scans arrive again.'],
      },
      {
        titles: ['Toner warning will not clear on {printer}'],
        descriptions: ['The display says toner low although a new cartridge is installed.'],
        findings: [
          'The printer does not recognise the chip of the new cartridge; asked the supplier for a replacement.',
        ],
        resolutions: [
          'The cartridge chip was faulty; the supplier sent a replacement and the warning is gone.',
        ],
      },
    ],
    weight: 3,
  },
  {
    category: 'Hardware',
    issue: ['Hardware', 'Printer'],
    requests: [
      {
        titles: ['Label printer in goods-in prints skewed labels'],
        descriptions: [
          'Shipping labels are printed about 5 mm too far to the left, the barcode scanners cannot read them.',
        ],
        findings: [
          'Label stock changed to 100x150 mm; the driver still has the old size.',
          'Recalibrated the media sensor remotely.',
        ],
        resolutions: ['We recalibrated the printer and corrected the label size; labels scan fine again.'],
      },
      {
        titles: ['Dispatch labels cut off on the Zebra ZT230'],
        descriptions: ['Since the driver update the bottom of every dispatch label is missing.'],
        findings: ['The driver update reset the label size to 100x100 mm.'],
        resolutions: ['We corrected the label size in the driver; dispatch labels print in full again.'],
      },
    ],
    only: ['Contoso Logistics'],
    weight: 2,
  },
  // Hardware: monitors and other devices
  {
    category: 'Hardware',
    issue: ['Hardware', 'Monitor'],
    requests: [
      {
        titles: ["Monitor flickering at {person}'s desk"],
        descriptions: ['The left screen flickers every few seconds, worse in the afternoon.'],
        findings: ['Cable tested fine; the monitor itself is faulty. Replacement from stock.'],
        resolutions: ['We replaced the monitor; no more flickering.'],
      },
      {
        titles: ['Second monitor for {person}'],
        descriptions: [
          '{person} needs a second screen for month-end reporting. Approved by the line manager.',
        ],
        findings: ['Monitor and cable taken from stock.'],
        resolutions: ['The second monitor is installed and configured.'],
      },
      {
        titles: ['Display in {room} shows no signal'],
        descriptions: ['The wall display in {room} says "no signal" with every laptop we tried.'],
        findings: ['HDMI switcher in the room lost its EDID settings.'],
        resolutions: ['The room display works again after resetting the switcher.'],
      },
      {
        titles: ['Docking station does not detect the second screen'],
        descriptions: ['After the dock firmware update only one external screen works.'],
        findings: [
          'The new dock firmware has a known issue with daisy-chained screens; the next release fixes it.',
        ],
        resolutions: ['We updated the dock firmware; both screens work again.'],
      },
    ],
    weight: 2,
  },
  {
    category: 'Hardware',
    issue: ['Hardware', null],
    requests: [
      {
        titles: ['Handheld scanner will not connect in {site}'],
        descriptions: ['Two of the Zebra handhelds cannot reach the WMS; the others are fine.'],
        findings: ['Device certificates on the handhelds expired; re-enrolling via MDM.'],
        resolutions: ['Re-enrolled the devices; they connect to {app} again.'],
      },
      {
        titles: ['Forklift tablet frozen in aisle {aisle}'],
        descriptions: ['The tablet on forklift 7 froze and does not respond to the power button.'],
        findings: ['A forced restart did not help; swapped in the spare tablet from the transport office.'],
        resolutions: ['The spare tablet is mounted on forklift 7; the frozen one went back to the vendor.'],
      },
    ],
    only: ['Contoso Logistics'],
  },
  // Network
  {
    category: 'Standard',
    issue: ['Network', 'VPN'],
    requests: [
      {
        titles: ['VPN drops every few minutes'],
        descriptions: [
          'The VPN disconnects every 5–10 minutes while working from home. Home internet is fine.',
        ],
        findings: [
          'Firewall log shows IKE rekey failures for this user; the client still has the old profile.',
          'MTU issue on the home router; tested with 1400 and the drops stop.',
        ],
        resolutions: [
          'We pushed a new VPN profile and lowered the MTU; the connection has been stable for two days.',
        ],
      },
      {
        titles: ['VPN: cannot connect from home since the update'],
        descriptions: ['Since the client update yesterday the VPN says "gateway not responding".'],
        findings: ['The updated client dropped the gateway profile.'],
        resolutions: ['We pushed the VPN profile again; the connection works.'],
      },
      {
        titles: ['VPN very slow for {site}'],
        descriptions: [
          'Opening files on {server} over VPN takes minutes. Colleagues in the office are fine.',
        ],
        findings: ['Gateway CPU at 90% during the day; opened a case with the firewall vendor.'],
        resolutions: ["The vendor's fix for the gateway is installed; file access over VPN is fast again."],
      },
      {
        titles: ['VPN access needed for {person}'],
        descriptions: ['{person} will work from home two days a week and needs VPN access.'],
        findings: ['Added {person} to the VPN group; the profile deploys via Intune.'],
        resolutions: ['VPN access is set up; {person} received the instructions by email.'],
      },
    ],
    weight: 3,
  },
  {
    category: 'Standard',
    issue: ['Network', 'Wi-Fi'],
    requests: [
      {
        titles: ['Wi-Fi "{ssid}" not available in {room}'],
        descriptions: ['Nobody can see the network in {room} since this morning; the corridor is fine.'],
        findings: ['Access point AP-{floor}-03 is offline in the controller; PoE port flapping.'],
        resolutions: ['We replaced the access point; coverage is back.'],
      },
      {
        titles: ['Guest Wi-Fi for visitors on {weekday}'],
        descriptions: [
          'We have external visitors on {weekday} and need guest Wi-Fi vouchers for about 12 people.',
        ],
        findings: ['Created 12 guest vouchers, valid for one day.'],
        resolutions: ['Guest vouchers are created and sent to reception.'],
      },
      {
        titles: ['Wi-Fi keeps disconnecting on floor {floor}'],
        descriptions: ['Since Monday, laptops on floor {floor} lose Wi-Fi several times an hour.'],
        findings: ['Channel overlap with the new neighbour network; moved to channel 44.'],
        resolutions: ['Changed the channel plan; the connection is stable again.'],
      },
    ],
    weight: 2,
  },
  {
    category: 'Standard',
    issue: ['Network', 'Firewall'],
    requests: [
      {
        titles: ['Open port for supplier SFTP'],
        descriptions: [
          'Our supplier needs SFTP access to {server} from their fixed IP. Details in the attached email.',
        ],
        findings: ['Created a NAT rule restricted to the supplier IP; change documented.'],
        resolutions: ['The rule is in place and tested with the supplier.'],
      },
      {
        titles: ['Firewall blocks {app} updates'],
        descriptions: ['Updates for {app} fail with a TLS error since the firewall was updated.'],
        findings: ['SSL inspection breaks certificate pinning of the updater; added an exception.'],
        resolutions: ['Updates work again after the firewall exception.'],
      },
      {
        titles: ['Firewall firmware update window'],
        descriptions: [
          'The vendor released a security fix for the firewall. Please propose a maintenance window.',
        ],
        findings: ['Firmware staged on the standby unit first; failover test planned.'],
        resolutions: ['The firmware update is done; no interruption was noticed.'],
      },
      {
        titles: ['Website of a supplier blocked by web filter'],
        descriptions: ['The web filter blocks the portal of one of our suppliers as "uncategorised".'],
        findings: ['Submitted the site for recategorisation and added a temporary allow entry.'],
        resolutions: ["The supplier's portal is allowed in the web filter."],
      },
    ],
    weight: 2,
  },
  // Software
  {
    category: 'Standard',
    issue: ['Software', 'Office'],
    requests: [
      {
        titles: ['Outlook profile corrupt for {person}'],
        descriptions: ['Outlook hangs on "loading profile" for {person}. Webmail works.'],
        findings: ['Recreated the Outlook profile remotely; the OST was 48 GB.'],
        resolutions: ['We created a new Outlook profile; everything syncs again.'],
      },
      {
        titles: ['Outlook keeps asking for the password'],
        descriptions: ['Outlook asks for the password every few minutes, even after entering it.'],
        findings: ['Stale credentials in Windows Credential Manager; cleared them.'],
        resolutions: ['Clearing the stored credentials fixed the password prompts.'],
      },
      {
        titles: ['Teams calls: no audio'],
        descriptions: ['In Teams calls nobody hears {person}; the headset works in other apps.'],
        findings: ["Teams had the laptop's disabled internal microphone selected."],
        resolutions: ['Resetting the audio device settings in Teams solved it.'],
      },
      {
        titles: ['Excel crashes when opening the shared workbook'],
        descriptions: ['The budget workbook on {server} crashes Excel for everyone except the owner.'],
        findings: ['The workbook loads an add-in that only its owner has installed.'],
        resolutions: ['We removed the link to the add-in; the workbook opens for everyone.'],
      },
      {
        titles: ['Shared mailbox not showing in Outlook'],
        descriptions: ['The shared mailbox "accounts@{domain}" disappeared from Outlook for {person}.'],
        findings: ['Automapping removed after the permission change; re-added.'],
        resolutions: ['The mailbox is back in Outlook.'],
      },
    ],
    weight: 3,
  },
  {
    category: 'Standard',
    issue: ['Software', 'Line of business app'],
    requests: [
      {
        titles: ['{app}: "licence server not reachable"'],
        descriptions: ['Nobody can start {app}; it says the licence server cannot be reached.'],
        findings: [
          'Licence service on {server} had stopped after patching; restarted and set to automatic (delayed).',
        ],
        resolutions: ['The licence service is running again and {app} starts normally.'],
      },
      {
        titles: ['{app} very slow since this morning'],
        descriptions: ['Every screen in {app} takes 20–30 seconds to open since this morning.'],
        findings: ['SQL on {server} waiting on disk IO; backup job overlapping business hours.'],
        resolutions: ['We moved the backup window; {app} is fast again.'],
      },
      {
        titles: ['{app} update to the new version'],
        descriptions: ['The vendor released a new version of {app}. Please plan the update with us.'],
        findings: ["Tested the update on a copy of the database; read the vendor's release notes."],
        resolutions: ['{app} is updated; please report anything unusual.'],
      },
      {
        titles: ['{app}: report export fails'],
        descriptions: ['The monthly export from {app} fails with an error about missing permissions.'],
        findings: [
          'The service account of the export lost write access to the export share.',
          'Vendor support case opened; they asked for the application logs.',
        ],
        resolutions: ['We restored the permission on the export folder; the export runs again.'],
      },
    ],
    weight: 2,
  },
  {
    category: 'Standard',
    issue: ['Software', null],
    requests: [
      {
        titles: ['Software install: {software} for {person}'],
        descriptions: ['{person} needs {software} for a project. Approved by the department head.'],
        findings: ['Licence available in the pool; deployed via Intune.'],
        resolutions: ['{software} is installed and licensed; {person} can start using it.'],
      },
      {
        titles: ['Adobe Acrobat licence for {person}'],
        descriptions: ['Please assign an Acrobat Pro licence to {person}; they need to edit contracts.'],
        findings: ['Acrobat Pro licence assigned from the pool; deployed via Intune.'],
        resolutions: ['Acrobat Pro is installed and licensed; {person} can edit contracts now.'],
      },
    ],
  },
  // Accounts
  {
    category: 'Standard',
    issue: ['Accounts', 'New starter'],
    requests: [
      {
        titles: ['New starter: {person}, starting {weekday}', 'Account and mailbox for new starter {person}'],
        descriptions: [
          '{person} joins on {weekday} as a team assistant. Please create the account, mailbox and add to the usual groups.',
          'New colleague {person} starts on {weekday}. Same permissions as the rest of the team, plus access to {app}.',
        ],
        findings: ['Account created from the template user; licence assigned.'],
        resolutions: ['The account is ready; the start details were sent to the line manager.'],
      },
    ],
    weight: 2,
  },
  {
    category: 'Standard',
    issue: ['Accounts', 'Password reset'],
    requests: [
      {
        titles: ['Password reset for {person}'],
        descriptions: ['{person} forgot the password after the holidays.'],
        findings: ['Identity verified by call-back to the number on file.'],
        resolutions: ['Password reset; {person} is signed in again.'],
      },
      {
        titles: ['Account locked: {person}'],
        descriptions: ['The account of {person} is locked since this morning.'],
        findings: ['Lockouts come from an old phone still syncing mail with the previous password.'],
        resolutions: ['Unlocked the account and removed the old device.'],
      },
      {
        titles: ['MFA: {person} has a new phone'],
        descriptions: ['{person} got a new phone and can no longer approve sign-ins.'],
        findings: ['Identity verified by call-back to the number on file.'],
        resolutions: ['MFA re-registered on the new phone.'],
      },
    ],
    weight: 3,
  },
  {
    category: 'Standard',
    issue: null,
    requests: [
      {
        titles: ['Leaver: disable account of {person}'],
        descriptions: [
          '{person} leaves on Friday. Please disable the account and forward mail to the manager.',
        ],
        findings: ['Mailbox converted to shared, licence released.'],
        resolutions: ['The account is disabled and mail is forwarded as requested.'],
      },
      {
        titles: ['Suspicious email: is this phishing?'],
        descriptions: [
          'Several colleagues received an email "Invoice overdue" with a link. Nobody clicked it, we think.',
        ],
        findings: [
          'Checked the message trace: 14 recipients, one click. Resetting that password as a precaution.',
        ],
        resolutions: ['The email was phishing; we removed it from all mailboxes and blocked the sender.'],
      },
      {
        titles: ['Question about our backup retention'],
        descriptions: ['Our auditor asks how long backups of {server} are kept.'],
        findings: ['Checked the retention settings of the backup jobs for {server}.'],
        resolutions: [
          'Backups are kept for 30 days daily and 12 months monthly; details are in your documentation.',
        ],
      },
    ],
  },
  // C_SRC: facilities work of Tailspin's own staff
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', 'Heating'],
    requests: [
      {
        titles: ['Heating not working in {room}'],
        descriptions: ['The radiator in {room} stays cold all day. Staff are working in coats.'],
        findings: ['Heating contractor booked for {weekday} morning.'],
        resolutions: ['The thermostatic valve was replaced and the radiator works again.'],
      },
      {
        titles: ['Radiator leaking in {room}'],
        descriptions: ['Water is dripping from the radiator valve in {room}; a towel is underneath for now.'],
        findings: ['Heating contractor booked for {weekday} morning.'],
        resolutions: ['The valve was replaced; the radiator no longer leaks.'],
      },
      {
        titles: ['Too cold in the office on floor {floor}'],
        descriptions: ['Floor {floor} is at 17°C in the mornings.'],
        findings: ['The heating schedule still had the summer settings.'],
        resolutions: ['Heating schedule corrected.'],
      },
    ],
    only: ['Tailspin'],
    weight: 3,
  },
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', 'Access card'],
    requests: [
      {
        titles: ['Access card for visitor {person} on {weekday}'],
        descriptions: [
          'We have a visitor, {person}, on {weekday} from 9:00 to 16:00. Please prepare a visitor card.',
        ],
        findings: ['Card programmed at reception.'],
        resolutions: ['The visitor card is ready at reception.'],
      },
      {
        titles: ['Lost access card: block and replace'],
        descriptions: [
          'A colleague lost their access card on the way home. Please block it and issue a new one.',
        ],
        findings: ['Old card blocked in the access system.'],
        resolutions: ['Old card blocked, new card handed over.'],
      },
      {
        titles: ['Access card does not open the car park'],
        descriptions: ['The card opens the building but not the car park barrier.'],
        findings: ['The card was missing the car park zone in the access system.'],
        resolutions: ['Added the car park zone; the barrier opens with the card now.'],
      },
    ],
    only: ['Tailspin'],
    weight: 3,
  },
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', 'Cleaning'],
    requests: [
      {
        titles: ['Coffee spilled on the carpet in {room}'],
        descriptions: [
          'A full pot of coffee went over the carpet in {room}. It has been blotted but is still stained.',
        ],
        findings: ['Cleaning company informed; they come on {weekday}.'],
        resolutions: ['The carpet was cleaned; it looks fine again.'],
      },
      {
        titles: ['Kitchen on floor {floor} needs a deep clean'],
        descriptions: ['The kitchen fridge on floor {floor} needs emptying and a proper clean.'],
        findings: ['Cleaning company informed; they come on {weekday}.'],
        resolutions: ['The cleaning company emptied and cleaned the kitchen.'],
      },
      {
        titles: ['Windows in {room} need cleaning'],
        descriptions: ['The windows in {room} have not been cleaned since the building work.'],
        findings: ['Cleaning company informed; they come on {weekday}.'],
        resolutions: ['The cleaning company cleaned the windows.'],
      },
    ],
    only: ['Tailspin'],
    weight: 2,
  },
  {
    category: 'C_SRC Facilities',
    issue: ['C_SRC Building', null],
    requests: [
      {
        titles: ['Blinds stuck in {room}'],
        descriptions: ['The blinds in {room} are stuck halfway down.'],
        findings: ['Caretaker will look at it on {weekday}.'],
        resolutions: ['The caretaker repaired the blinds.'],
      },
      {
        titles: ['Light flickering in the corridor on floor {floor}'],
        descriptions: ['The ceiling light near the lifts on floor {floor} flickers.'],
        findings: ['Caretaker will look at it on {weekday}.'],
        resolutions: ['The caretaker replaced the tube; the light is steady again.'],
      },
    ],
    only: ['Tailspin'],
  },
  // MSP-only work: never shown to co-managing users
  {
    category: 'MSP Internal',
    issue: null,
    requests: [
      {
        titles: ['Backup job failed on {server}'],
        descriptions: ['Nightly backup of {server} failed twice with "VSS snapshot timeout".'],
        findings: ['VSS writer for SQL in failed state; restarted the service and ran the job manually.'],
        resolutions: ['The backup runs again; documented in the runbook.'],
      },
      {
        titles: ['Disk space alert on {server}'],
        descriptions: ['RMM alert: volume D: on {server} below 10% free.'],
        findings: ['Cleaned up old log files; 18 GB free now. Long term: extend the volume.'],
        resolutions: ['Volume extended; documented in the runbook.'],
      },
      {
        titles: ['Patch rollout review: {company}'],
        descriptions: [
          "Review this month's patch results for {company} before the customer report goes out.",
        ],
        findings: ['Three machines missed the patch window; rescheduled.'],
        resolutions: ['Review done; the customer report can go out.'],
      },
      {
        titles: ['Renew TLS certificate for mail.{domain}'],
        descriptions: ['The certificate expires in 21 days. Renew and deploy to the firewall and Exchange.'],
        findings: ['Certificate renewed; deployment scheduled for the maintenance window.'],
        resolutions: [
          'The new certificate is deployed to the firewall and Exchange; documented in the runbook.',
        ],
      },
      {
        titles: ['Quarterly licence true-up: {company}'],
        descriptions: ['Compare assigned Microsoft 365 licences with the contract before invoicing.'],
        findings: ['Two licences still assigned to leavers; released them.'],
        resolutions: ['Licences match the contract; invoicing can go ahead.'],
      },
      {
        titles: ['Too many RMM alerts from {server}'],
        descriptions: [
          '{server} raised 40 alerts this week, mostly CPU spikes during backups. Tune thresholds.',
        ],
        findings: ['Raised the CPU threshold for the backup window.'],
        resolutions: ['Thresholds tuned; documented in the runbook.'],
      },
    ],
    weight: 2,
  },
];

/** What people write as the summary of their time, besides the MSP's findings. */
export const demoTimeSummaries = {
  /** MSP staff. */
  msp: [
    'Remote session with the user',
    'Analysis and call with the user',
    'Checked logs and monitoring',
    'Tested the fix with the user',
  ],
  /** The customer's own IT (co-managing users). */
  coManaged: [
    'On site: looked at it with the user',
    'On site: swapped the cable and tested',
    'Talked the user through it on the phone',
    'Checked the fix with the user at the desk',
    'Gathered details and screenshots for Northwind',
  ],
  /** Facilities staff. */
  facilities: [
    'Walked round with the contractor',
    'Checked on site and arranged the repair',
    'Met the contractor at reception',
  ],
} as const;

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
