import {
  type LicenceType,
  type PermissionMatrix,
  type PermissionScope,
  type PortalTier,
  type SecuredObject,
  type SecurityLevelFlags,
  securedObjects,
} from '../../shared/access-vocabulary.ts';

/** view / add / edit / delete scopes for one object. */
function grant(view: PermissionScope, add = view, edit = add, remove = edit) {
  return { view, add, edit, delete: remove };
}

const nothing = grant('none');

function matrix(granted: Partial<Record<SecuredObject, ReturnType<typeof grant>>>): PermissionMatrix {
  return Object.fromEntries(
    securedObjects.map((object) => [object, granted[object] ?? nothing]),
  ) as PermissionMatrix;
}

const noFlags: SecurityLevelFlags = {
  admin: false,
  viewInternalCost: false,
  createDashboards: false,
  shareDashboards: false,
  useLiveLinks: false,
  mobileAccess: false,
};

export interface SystemLevel {
  systemKey: string;
  name: string;
  description: string;
  licenceType: LicenceType;
  permissions: PermissionMatrix;
  flags: SecurityLevelFlags;
  portalTier: PortalTier | null;
}

const everything = matrix(Object.fromEntries(securedObjects.map((object) => [object, grant('all')])));

/**
 * Read-only templates, kept up to date on every start. Admins copy them to
 * make their own. No customer-side template carries an MSP-only flag.
 */
export const systemLevels: SystemLevel[] = [
  {
    systemKey: 'msp_administrator',
    name: 'Administrator',
    description: 'MSP staff with every permission and the admin areas.',
    licenceType: 'full',
    permissions: everything,
    flags: {
      ...noFlags,
      admin: true,
      viewInternalCost: true,
      createDashboards: true,
      shareDashboards: true,
      useLiveLinks: true,
      mobileAccess: true,
    },
    portalTier: null,
  },
  {
    systemKey: 'msp_technician',
    name: 'Technician',
    description: 'MSP staff working tickets for every customer; no admin areas, no internal cost.',
    licenceType: 'full',
    permissions: matrix({
      tickets: grant('all', 'all', 'all', 'mine'),
      notes: grant('all', 'all', 'mine'),
      timeEntries: grant('all', 'all', 'mine'),
      attachments: grant('all', 'all', 'mine'),
      companies: grant('all', 'none'),
      contacts: grant('all', 'all', 'all', 'none'),
      devices: grant('all', 'none'),
      dashboards: grant('all', 'mine'),
      reports: grant('all', 'none'),
    }),
    flags: { ...noFlags, createDashboards: true, useLiveLinks: true, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'msp_account_manager',
    name: 'Account Manager (my companies)',
    description: 'MSP staff limited to the companies whose account team they are on.',
    licenceType: 'full',
    permissions: matrix({
      tickets: grant('my_companies', 'my_companies', 'my_companies', 'none'),
      notes: grant('my_companies', 'my_companies', 'mine'),
      timeEntries: grant('my_companies', 'my_companies', 'mine'),
      attachments: grant('my_companies', 'my_companies', 'mine'),
      companies: grant('my_companies', 'none', 'my_companies', 'none'),
      contacts: grant('my_companies'),
      devices: grant('my_companies', 'none'),
      dashboards: grant('my_companies', 'mine'),
      reports: grant('my_companies', 'none'),
    }),
    flags: { ...noFlags, viewInternalCost: true, createDashboards: true, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'co_managed_help_desk',
    name: 'Co-managed Help Desk',
    description: "A customer's internal IT: works tickets, notes, time and devices of their companies.",
    licenceType: 'co_managed',
    permissions: matrix({
      tickets: grant('my_companies', 'my_companies', 'my_companies', 'none'),
      notes: grant('my_companies', 'my_companies', 'mine', 'mine'),
      timeEntries: grant('my_companies', 'my_companies', 'mine', 'mine'),
      attachments: grant('my_companies', 'my_companies', 'mine', 'mine'),
      companies: grant('my_companies', 'none'),
      contacts: grant('my_companies', 'my_companies', 'my_companies', 'none'),
      devices: grant('my_companies', 'none'),
      dashboards: grant('mine'),
      reports: grant('my_companies', 'none'),
    }),
    flags: { ...noFlags, createDashboards: true, useLiveLinks: true, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'co_managed_restricted',
    name: 'Co-managed Help Desk (Restricted)',
    description:
      'External consultants and non-IT staff: tickets and notes only, no devices, nothing deleted.',
    licenceType: 'co_managed',
    permissions: matrix({
      tickets: grant('my_companies', 'my_companies', 'mine', 'none'),
      notes: grant('my_companies', 'my_companies', 'mine', 'none'),
      timeEntries: grant('mine', 'mine', 'mine', 'none'),
      attachments: grant('my_companies', 'my_companies', 'none'),
      companies: grant('my_companies', 'none'),
      contacts: grant('my_companies', 'none'),
    }),
    flags: { ...noFlags, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'internal_helpdesk',
    name: 'Internal Helpdesk',
    description: "Customer IT on the lighter portal: their own company's help desk.",
    licenceType: 'internal_helpdesk',
    permissions: matrix({
      tickets: grant('my_companies', 'my_companies', 'my_companies', 'none'),
      notes: grant('my_companies', 'my_companies', 'mine', 'none'),
      timeEntries: grant('my_companies', 'my_companies', 'mine', 'none'),
      attachments: grant('my_companies', 'my_companies', 'mine', 'none'),
      companies: grant('my_companies', 'none'),
      contacts: grant('my_companies', 'my_companies', 'my_companies', 'none'),
    }),
    flags: { ...noFlags, mobileAccess: true },
    portalTier: null,
  },
  ...(
    [
      ['portal_basic', 'Portal Basic', 'basic', 'mine'],
      ['portal_advanced', 'Portal Advanced', 'advanced', 'my_companies'],
      ['portal_manager', 'Portal Manager', 'manager', 'my_companies'],
    ] as const
  ).map(([systemKey, name, tier, ticketScope]): SystemLevel => ({
    systemKey,
    name,
    description: `Client portal, ${tier}: ${
      tier === 'basic'
        ? 'their own requests'
        : tier === 'advanced'
          ? "their company's requests"
          : 'their company and its subsidiaries'
    }.`,
    licenceType: 'portal',
    permissions: matrix({
      tickets: grant(ticketScope, 'mine', 'mine', 'none'),
      notes: grant(ticketScope, 'mine', 'none'),
      attachments: grant(ticketScope, 'mine', 'none'),
      companies: grant(tier === 'manager' ? 'my_companies' : 'mine', 'none'),
      contacts: grant(tier === 'basic' ? 'mine' : 'my_companies', 'none'),
    }),
    flags: noFlags,
    portalTier: tier,
  })),
  {
    systemKey: 'api_full',
    name: 'API User (all companies)',
    description: 'Integrations acting for the MSP across every company; no admin areas.',
    licenceType: 'api_only',
    permissions: matrix({
      ...Object.fromEntries(securedObjects.map((object) => [object, grant('all')])),
    }),
    flags: noFlags,
    portalTier: null,
  },
  {
    systemKey: 'api_administrator',
    name: 'API User (administrator)',
    description: 'Integrations that also manage configuration and access.',
    licenceType: 'api_only',
    permissions: everything,
    flags: { ...noFlags, admin: true, viewInternalCost: true },
    portalTier: null,
  },
];
