import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../database.ts';
import {
  activations,
  branding,
  coManagedAssociations,
  coManagingTeamMembers,
  coManagingTeams,
  companies,
  companyAccountTeam,
  contacts,
  departments,
  locationHolidays,
  locations,
  resourceRoles,
  resources,
  roleRates,
  roles,
  securityLevels,
  apiCredentials,
  type WeeklyBusinessHours,
} from '../schema/index.ts';
import type { CompanyType, LicenceType } from '../../shared/access-vocabulary.ts';
import { hashPassword } from '../../lib/password.ts';
import { sha256 } from '../../lib/tokens.ts';
import { seedDemoRequestTypes } from './demo-request-types.ts';
import { seedDemoLiveDesk } from './demo-live-desk.ts';
import { seedDemoTickets } from './demo-tickets.ts';

export const demoPassword = 'tandem-demo';
export const demoApiCredentials = {
  username: 'api@northwind.example',
  integrationCode: 'TANDEM-DEMO',
  secret: 'tandem-demo-api-secret',
} as const;

const officeHours = (start: string, end: string): WeeklyBusinessHours => ({
  monday: [{ start, end }],
  tuesday: [{ start, end }],
  wednesday: [{ start, end }],
  thursday: [{ start, end }],
  friday: [{ start, end }],
  saturday: [],
  sunday: [],
});

/**
 * The demo world of the README: Northwind IT (the MSP) and its customers, with
 * the co-managing users of every SPEC scenario. Names and logins are a
 * contract other tools and tests rely on.
 */
export async function seedDemoData(db: Database): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    // The demo administrators sign in with the demo password alone (README "Demo logins"); an
    // install without demo data requires a second factor of its administrators (Security levels).
    await tx
      .update(securityLevels)
      .set({ flags: sql`${securityLevels.flags} || '{"requireTwoFactor": false}'::jsonb` })
      .where(eq(securityLevels.systemKey, 'msp_administrator'));
    const levelId = await systemLevelIds(tx);

    const company = async (
      name: string,
      companyType: CompanyType,
      extra: Partial<typeof companies.$inferInsert> = {},
    ) => {
      const [row] = await tx
        .insert(companies)
        .values({ name, companyType, ...extra })
        .returning({ id: companies.id });
      if (!row) throw new Error(`could not create ${name}`);
      return row.id;
    };
    const northwind = await company('Northwind IT', 'msp', {
      city: 'Hamburg',
      countryCode: 'DE',
      website: 'https://northwind.example',
    });
    const contoso = await company('Contoso', 'customer', {
      coManagedEnabled: true,
      city: 'Manchester',
      countryCode: 'GB',
    });
    const contosoLogistics = await company('Contoso Logistics', 'customer', {
      parentCompanyId: contoso,
      coManagedEnabled: true,
      city: 'Liverpool',
      countryCode: 'GB',
    });
    const fabrikam = await company('Fabrikam', 'customer', {
      coManagedEnabled: true,
      city: 'Munich',
      countryCode: 'DE',
    });
    const tailspin = await company('Tailspin', 'customer', {
      coManagedEnabled: true,
      city: 'Vienna',
      countryCode: 'AT',
    });
    // Litware's own IT runs its desk in the portal (Taskfire); its shops share with the parent only.
    const litware = await company('Litware', 'customer', {
      city: 'Cologne',
      countryCode: 'DE',
      internalHelpdeskSharing: 'subsidiaries_share_with_parent',
    });
    const litwareRetail = await company('Litware Retail', 'customer', {
      parentCompanyId: litware,
      city: 'Bonn',
      countryCode: 'DE',
    });
    await company('Adventure Works', 'prospect', { city: 'Zurich', countryCode: 'CH' });
    await company('Woodgrove Supplies', 'vendor', { city: 'Rotterdam', countryCode: 'NL' });

    const [hq] = await tx
      .insert(locations)
      .values([
        { name: 'Northwind HQ', timeZone: 'Europe/Berlin', businessHours: officeHours('08:00', '17:00') },
        { name: 'Contoso Office', timeZone: 'Europe/London', businessHours: officeHours('09:00', '17:30') },
        {
          name: 'C_SRC Tailspin Facilities',
          timeZone: 'Europe/Vienna',
          businessHours: officeHours('07:00', '15:00'),
        },
      ])
      .returning({ id: locations.id });
    if (!hq) throw new Error('no location');
    const [contosoOffice, tailspinFacilities] = await locationIdsByName(tx, [
      'Contoso Office',
      'C_SRC Tailspin Facilities',
    ]);
    await tx.insert(locationHolidays).values([
      { locationId: hq.id, day: '2026-12-24', name: 'Heiligabend' },
      { locationId: hq.id, day: '2026-12-25', name: '1. Weihnachtstag' },
      { locationId: hq.id, day: '2026-12-26', name: '2. Weihnachtstag' },
      { locationId: contosoOffice, day: '2026-12-25', name: 'Christmas Day' },
      { locationId: contosoOffice, day: '2026-12-28', name: 'Boxing Day (substitute)' },
    ]);

    const departmentRows = await tx
      .insert(departments)
      .values([
        { name: 'Service Desk', description: 'First and second line support' },
        { name: 'Projects', description: 'Planned work and onboarding' },
        { name: 'C_SRC Facilities', description: 'Facilities requests of customers (external source)' },
      ])
      .returning({ id: departments.id, name: departments.name });
    const departmentId = (name: string) => departmentRows.find((row) => row.name === name)?.id ?? null;

    const roleRows = await tx
      .insert(roles)
      .values([
        { name: 'Technician' },
        { name: 'Senior Engineer' },
        { name: 'Dispatcher' },
        { name: 'Co-managed Staff' },
      ])
      .returning({ id: roles.id, name: roles.name });
    const roleId = (name: string) => {
      const id = roleRows.find((row) => row.name === name)?.id;
      if (id === undefined) throw new Error(`no role ${name}`);
      return id;
    };
    await tx.insert(roleRates).values([
      { roleId: roleId('Technician'), hourlyRate: '120.00', internalCost: '55.00' },
      { roleId: roleId('Senior Engineer'), hourlyRate: '165.00', internalCost: '78.00' },
      { roleId: roleId('Dispatcher'), hourlyRate: '90.00', internalCost: '42.00' },
      // Co-managing users' time is costed at 0 (SPEC §3).
      { roleId: roleId('Co-managed Staff'), hourlyRate: '0.00', internalCost: '0.00' },
    ]);

    const [consultantLevel, facilitiesLevel] = await tx
      .insert(securityLevels)
      .values(
        [
          [
            'Fabrikam Consultant',
            'External consultant of Fabrikam: tickets and notes of Fabrikam only, no devices.',
          ],
          ['C_SRC Facilities', 'Facilities staff (external source): their own requests, kept apart from IT.'],
        ].map(([name, description]) => {
          const template = levelId.template('co_managed_restricted');
          return {
            name: name ?? '',
            description,
            licenceType: 'co_managed' as const,
            permissions: template.permissions,
            flags: template.flags,
            copiedFromId: template.id,
          };
        }),
      )
      .returning({ id: securityLevels.id });
    if (!consultantLevel || !facilitiesLevel) throw new Error('no copied levels');

    const contact = async (
      companyId: number,
      firstName: string,
      lastName: string,
      email: string,
      title: string,
    ) => {
      const [row] = await tx
        .insert(contacts)
        .values({ companyId, firstName, lastName, email, title })
        .returning({ id: contacts.id });
      if (!row) throw new Error('no contact');
      return row.id;
    };
    const resource = async (values: {
      email: string;
      firstName: string;
      lastName: string;
      licenceType: LicenceType;
      securityLevelId: number;
      companyId: number;
      contactId?: number;
      departmentId?: number | null;
      locationId?: number | null;
      roleNames?: string[];
      withPassword?: boolean;
    }) => {
      const { roleNames = [], withPassword = true, ...rest } = values;
      const [row] = await tx
        .insert(resources)
        .values({ ...rest, passwordHash: withPassword ? passwordHash : null })
        .returning({ id: resources.id });
      if (!row) throw new Error('no resource');
      if (roleNames.length > 0) {
        await tx
          .insert(resourceRoles)
          .values(roleNames.map((name) => ({ resourceId: row.id, roleId: roleId(name) })));
      }
      return row.id;
    };

    const msp = {
      companyId: northwind,
      licenceType: 'full' as const,
      locationId: hq.id,
      departmentId: departmentId('Service Desk'),
    };
    await resource({
      ...msp,
      email: 'admin@northwind.example',
      firstName: 'Alex',
      lastName: 'Admin',
      securityLevelId: levelId.id('msp_administrator'),
      roleNames: ['Senior Engineer'],
    });
    const dispatch = await resource({
      ...msp,
      email: 'dispatch@northwind.example',
      firstName: 'Dana',
      lastName: 'Dispatch',
      securityLevelId: levelId.id('msp_technician'),
      roleNames: ['Dispatcher', 'Technician'],
    });
    const tech1 = await resource({
      ...msp,
      email: 'tech1@northwind.example',
      firstName: 'Tom',
      lastName: 'Becker',
      securityLevelId: levelId.id('msp_technician'),
      roleNames: ['Technician'],
    });
    const tech2 = await resource({
      ...msp,
      email: 'tech2@northwind.example',
      firstName: 'Tara',
      lastName: 'Novak',
      securityLevelId: levelId.id('msp_technician'),
      roleNames: ['Technician', 'Senior Engineer'],
    });
    await tx.insert(companyAccountTeam).values([
      { companyId: contoso, resourceId: tech1, role: 'Primary technician' },
      { companyId: contosoLogistics, resourceId: tech1, role: 'Primary technician' },
      { companyId: fabrikam, resourceId: tech2, role: 'Primary technician' },
      { companyId: tailspin, resourceId: tech2, role: 'Primary technician' },
      { companyId: litware, resourceId: dispatch, role: 'Account manager' },
    ]);
    const apiUser = await resource({
      ...msp,
      email: demoApiCredentials.username,
      firstName: 'Northwind',
      lastName: 'Integration',
      licenceType: 'api_only',
      securityLevelId: levelId.id('api_full'),
      withPassword: false,
    });
    await tx.insert(apiCredentials).values({
      resourceId: apiUser,
      username: demoApiCredentials.username,
      integrationCode: demoApiCredentials.integrationCode,
      secretHash: sha256(demoApiCredentials.secret),
    });

    const coManaged = { licenceType: 'co_managed' as const, roleNames: ['Co-managed Staff'] };
    const anna = await resource({
      ...coManaged,
      email: 'anna.it@contoso.example',
      firstName: 'Anna',
      lastName: 'Schmidt',
      securityLevelId: levelId.id('co_managed_help_desk'),
      companyId: contoso,
      contactId: await contact(contoso, 'Anna', 'Schmidt', 'anna.it@contoso.example', 'IT Lead'),
      locationId: contosoOffice,
    });
    const ben = await resource({
      ...coManaged,
      email: 'ben.it@contoso.example',
      firstName: 'Ben',
      lastName: 'Okafor',
      securityLevelId: levelId.id('co_managed_help_desk'),
      companyId: contoso,
      contactId: await contact(contoso, 'Ben', 'Okafor', 'ben.it@contoso.example', 'IT Administrator'),
      locationId: contosoOffice,
    });
    const consultant = await resource({
      ...coManaged,
      email: 'consultant@fabrikam.example',
      firstName: 'Clara',
      lastName: 'Weiss',
      securityLevelId: consultantLevel.id,
      companyId: fabrikam,
      contactId: await contact(
        fabrikam,
        'Clara',
        'Weiss',
        'consultant@fabrikam.example',
        'External network consultant',
      ),
    });
    const facilities = await resource({
      ...coManaged,
      email: 'facilities@tailspin.example',
      firstName: 'Felix',
      lastName: 'Gruber',
      securityLevelId: facilitiesLevel.id,
      companyId: tailspin,
      contactId: await contact(
        tailspin,
        'Felix',
        'Gruber',
        'facilities@tailspin.example',
        'Facilities Manager',
      ),
      departmentId: departmentId('C_SRC Facilities'),
      locationId: tailspinFacilities,
    });

    // Taskfire: Litware's IT on the internal-helpdesk licence, its time at the role of rate 0.
    // Ivo administers Litware's help desk (its users); Ida works it.
    for (const [email, firstName, lastName, title, level] of [
      ['it@litware.example', 'Ivo', 'Brandt', 'Head of IT', 'internal_helpdesk_administrator'],
      ['it2@litware.example', 'Ida', 'Vogel', 'IT Support', 'internal_helpdesk'],
    ] as const) {
      await resource({
        email,
        firstName,
        lastName,
        licenceType: 'internal_helpdesk',
        securityLevelId: levelId.id(level),
        companyId: litware,
        contactId: await contact(litware, firstName, lastName, email, title),
        roleNames: ['Co-managed Staff'],
      });
    }

    const [contosoTeam] = await tx
      .insert(coManagingTeams)
      .values({ name: 'Contoso Internal IT', description: "Contoso's own IT department" })
      .returning({ id: coManagingTeams.id });
    if (!contosoTeam) throw new Error('no team');
    await tx.insert(coManagingTeamMembers).values([
      { teamId: contosoTeam.id, resourceId: anna },
      { teamId: contosoTeam.id, resourceId: ben },
    ]);
    await tx.insert(coManagedAssociations).values([
      { companyId: contoso, teamId: contosoTeam.id, includeSubsidiaries: true },
      { companyId: contoso, resourceId: anna, includeSubsidiaries: true, isPrimary: true },
      { companyId: contoso, resourceId: ben, includeSubsidiaries: true },
      { companyId: fabrikam, resourceId: consultant, isPrimary: true },
      { companyId: tailspin, resourceId: facilities, isPrimary: true },
    ]);

    const portalUsers: [number, string, string, string][] = [
      [contoso, 'contoso', 'portal_manager', 'Paula'],
      [contosoLogistics, 'contoso-logistics', 'portal_basic', 'Lars'],
      [fabrikam, 'fabrikam', 'portal_advanced', 'Petra'],
      [tailspin, 'tailspin', 'portal_advanced', 'Theo'],
      [litware, 'litware', 'portal_basic', 'Lena'],
      [litwareRetail, 'litware-retail', 'portal_basic', 'Rita'],
    ];
    for (const [companyId, domain, systemKey, firstName] of portalUsers) {
      const email = `user@${domain}.example`;
      await resource({
        email,
        firstName,
        lastName: 'User',
        licenceType: 'portal',
        securityLevelId: levelId.id(systemKey),
        companyId,
        contactId: await contact(companyId, firstName, 'User', email, 'Employee'),
      });
    }
    await contact(litware, 'Leo', 'Fischer', 'leo.fischer@litware.example', 'Office Manager');
    await contact(fabrikam, 'Frank', 'Moser', 'frank.moser@fabrikam.example', 'CFO');
    await contact(
      contosoLogistics,
      'Lisa',
      'Brown',
      'lisa.brown@contoso-logistics.example',
      'Warehouse Lead',
    );

    // The demo MSP's own name and colour on the sign-in page and in the portal (#14).
    await tx.update(branding).set({ name: 'Northwind IT', accentColor: 'indigo' });
    await tx.update(activations).set({ enabled: true }).where(eq(activations.key, 'co_managed_help_desk'));
    await seedDemoTickets(tx);
    // Scenario 3 separated for real: the facilities level sees only tickets in the C_SRC Facilities
    // queue and category, not Tailspin's IT tickets (ACCESS-MODEL §2 ticket kinds).
    await tx
      .update(securityLevels)
      .set({
        ticketQueueIds: sql`ARRAY(SELECT q.id FROM queues q WHERE q.name = 'C_SRC Facilities')`,
        ticketCategoryIds: sql`ARRAY(SELECT c.id FROM ticket_categories c WHERE c.name = 'C_SRC Facilities')`,
      })
      .where(eq(securityLevels.id, facilitiesLevel.id));
    await seedDemoRequestTypes(tx);
    await seedDemoLiveDesk(tx);
  });
}

async function systemLevelIds(tx: Transaction) {
  const rows = await tx.select().from(securityLevels).where(eq(securityLevels.isSystem, true));
  const template = (systemKey: string) => {
    const row = rows.find((level) => level.systemKey === systemKey);
    if (!row) throw new Error(`system level ${systemKey} missing`);
    return row;
  };
  return { template, id: (systemKey: string) => template(systemKey).id };
}

async function locationIdsByName(tx: Transaction, names: [string, string]): Promise<[number, number]> {
  const rows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(inArray(locations.name, names));
  const idOf = (name: string) => {
    const id = rows.find((row) => row.name === name)?.id;
    if (id === undefined) throw new Error(`no location ${name}`);
    return id;
  };
  return [idOf(names[0]), idOf(names[1])];
}
