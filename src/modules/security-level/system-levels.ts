import {
  type LicenceType,
  type PermissionMatrix,
  type PermissionScope,
  type PortalTier,
  type SecuredObject,
  type SecurityLevelFlags,
  securedObjects,
} from '../../shared/access-vocabulary.ts';

/**
 * A scope as a template default states it: a permission scope, or `breadth` — the template's own
 * breadth, so one default serves a technician (every company) and an account manager (their
 * companies) alike.
 */
type TemplateScope = PermissionScope | 'breadth';
const breadth = 'breadth';

interface TemplateGrant {
  view: TemplateScope;
  add: TemplateScope;
  edit: TemplateScope;
  delete: TemplateScope;
}

/** view / add / edit / delete scopes for one object; each action defaults to the one before. */
function grant(view: TemplateScope, add = view, edit = add, remove = edit): TemplateGrant {
  return { view, add, edit, delete: remove };
}

const nothing = grant('none');

/**
 * What a system template of each licence grants on each object unless it says otherwise. A new
 * secured object needs one row here — the compiler asks for it — and no template changes:
 * administrators get it anyway, narrow templates that grant only what they list do not.
 */
const licenceDefaults: Record<SecuredObject, Record<LicenceType, TemplateGrant>> = {
  tickets: {
    full: grant(breadth, breadth, breadth, 'mine'),
    co_managed: grant(breadth, breadth, breadth, 'none'),
    internal_helpdesk: grant(breadth, breadth, breadth, 'none'),
    portal: grant(breadth, 'mine', 'mine', 'none'),
    api_only: grant(breadth),
  },
  notes: {
    full: grant(breadth, breadth, 'mine'),
    co_managed: grant(breadth, breadth, 'mine'),
    internal_helpdesk: grant(breadth, breadth, 'mine', 'none'),
    portal: grant(breadth, 'mine', 'none'),
    api_only: grant(breadth),
  },
  timeEntries: {
    full: grant(breadth, breadth, 'mine'),
    co_managed: grant(breadth, breadth, 'mine'),
    internal_helpdesk: grant(breadth, breadth, 'mine', 'none'),
    portal: nothing,
    api_only: grant(breadth),
  },
  attachments: {
    full: grant(breadth, breadth, 'mine'),
    co_managed: grant(breadth, breadth, 'mine'),
    internal_helpdesk: grant(breadth, breadth, 'mine', 'none'),
    portal: grant(breadth, 'mine', 'none'),
    api_only: grant(breadth),
  },
  companies: {
    full: grant(breadth, 'none'),
    co_managed: grant(breadth, 'none'),
    internal_helpdesk: grant(breadth, 'none'),
    portal: grant('mine', 'none'),
    api_only: grant(breadth),
  },
  contacts: {
    full: grant(breadth, breadth, breadth, 'none'),
    co_managed: grant(breadth, breadth, breadth, 'none'),
    internal_helpdesk: grant(breadth, breadth, breadth, 'none'),
    portal: grant(breadth, 'none'),
    api_only: grant(breadth),
  },
  devices: {
    full: grant(breadth, 'none'),
    co_managed: grant(breadth, 'none'),
    internal_helpdesk: nothing,
    portal: nothing,
    api_only: grant(breadth),
  },
  dashboards: {
    full: grant(breadth, 'mine'),
    co_managed: grant('mine'),
    internal_helpdesk: nothing,
    portal: nothing,
    api_only: grant(breadth),
  },
  reports: {
    full: grant(breadth, 'none'),
    co_managed: grant(breadth, 'none'),
    internal_helpdesk: nothing,
    portal: nothing,
    api_only: grant(breadth),
  },
};

const noFlags: SecurityLevelFlags = {
  admin: false,
  viewInternalCost: false,
  createDashboards: false,
  shareDashboards: false,
  useLiveLinks: false,
  mobileAccess: false,
  requireTwoFactor: false,
  manageHelpdeskUsers: false,
  viewPriority: false,
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

type Grants =
  /** `all` on every object, every action: administrators. */
  | { kind: 'everything' }
  /** The licence's defaults at this breadth, except where listed. */
  | {
      kind: 'licence defaults';
      breadth: PermissionScope;
      except?: Partial<Record<SecuredObject, TemplateGrant>>;
    }
  /** Only what is listed, `none` for every other object (and every object added later). */
  | { kind: 'only'; breadth: PermissionScope; listed: Partial<Record<SecuredObject, TemplateGrant>> };

interface Template extends Omit<SystemLevel, 'permissions'> {
  grants: Grants;
}

function permissionsOf(grants: Grants, licence: LicenceType): PermissionMatrix {
  const stated = (object: SecuredObject): TemplateGrant => {
    switch (grants.kind) {
      case 'everything':
        return grant('all');
      case 'licence defaults':
        return grants.except?.[object] ?? licenceDefaults[object][licence];
      case 'only':
        return grants.listed[object] ?? nothing;
    }
  };
  const resolve = (scope: TemplateScope): PermissionScope =>
    scope !== breadth ? scope : grants.kind === 'everything' ? 'all' : grants.breadth;
  return Object.fromEntries(
    securedObjects.map((object) => {
      const scopes = stated(object);
      return [
        object,
        {
          view: resolve(scopes.view),
          add: resolve(scopes.add),
          edit: resolve(scopes.edit),
          delete: resolve(scopes.delete),
        },
      ];
    }),
  ) as PermissionMatrix;
}

const portalTemplates = (
  [
    ['portal_basic', 'Portal Basic', 'basic', 'mine', 'their own requests'],
    ['portal_advanced', 'Portal Advanced', 'advanced', 'my_companies', "their company's requests"],
    ['portal_manager', 'Portal Manager', 'manager', 'my_companies', 'their company and its subsidiaries'],
  ] as const
).map(([systemKey, name, tier, ticketScope, sees]): Template => ({
  systemKey,
  name,
  description: `Client portal, ${tier}: ${sees}.`,
  licenceType: 'portal',
  grants: {
    kind: 'licence defaults',
    breadth: ticketScope,
    // A manager sees the subsidiaries too; the others only their own company.
    except: tier === 'manager' ? { companies: grant('my_companies', 'none') } : {},
  },
  // A manager follows how the MSP rates their company's requests; the others see their own words.
  flags: { ...noFlags, viewPriority: tier === 'manager' },
  portalTier: tier,
}));

const templates: Template[] = [
  {
    systemKey: 'msp_administrator',
    name: 'Administrator',
    description: 'MSP staff with every permission and the admin areas.',
    licenceType: 'full',
    grants: { kind: 'everything' },
    flags: {
      ...noFlags,
      admin: true,
      viewInternalCost: true,
      createDashboards: true,
      shareDashboards: true,
      useLiveLinks: true,
      mobileAccess: true,
      // A fresh install's administrators sign in with a second factor. The switch is the install's
      // to keep (ensureSystemData leaves it as it is), and the demo seed turns it off.
      requireTwoFactor: true,
    },
    portalTier: null,
  },
  {
    systemKey: 'msp_technician',
    name: 'Technician',
    description: 'MSP staff working tickets for every customer; no admin areas, no internal cost.',
    licenceType: 'full',
    grants: { kind: 'licence defaults', breadth: 'all' },
    flags: { ...noFlags, createDashboards: true, useLiveLinks: true, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'msp_account_manager',
    name: 'Account Manager (my companies)',
    description: 'MSP staff limited to the companies whose account team they are on.',
    licenceType: 'full',
    grants: {
      kind: 'licence defaults',
      breadth: 'my_companies',
      except: {
        tickets: grant(breadth, breadth, breadth, 'none'),
        companies: grant(breadth, 'none', breadth, 'none'),
        contacts: grant(breadth),
      },
    },
    flags: { ...noFlags, viewInternalCost: true, createDashboards: true, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'co_managed_help_desk',
    name: 'Co-managed Help Desk',
    description: "A customer's internal IT: works tickets, notes, time and devices of their companies.",
    licenceType: 'co_managed',
    grants: { kind: 'licence defaults', breadth: 'my_companies' },
    flags: { ...noFlags, createDashboards: true, useLiveLinks: true, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'co_managed_restricted',
    name: 'Co-managed Help Desk (Restricted)',
    description:
      'External consultants and non-IT staff: tickets and notes only, no devices, nothing deleted.',
    licenceType: 'co_managed',
    grants: {
      kind: 'only',
      breadth: 'my_companies',
      listed: {
        tickets: grant(breadth, breadth, 'mine', 'none'),
        notes: grant(breadth, breadth, 'mine', 'none'),
        timeEntries: grant('mine', 'mine', 'mine', 'none'),
        attachments: grant(breadth, breadth, 'none'),
        companies: grant(breadth, 'none'),
        contacts: grant(breadth, 'none'),
      },
    },
    flags: { ...noFlags, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'internal_helpdesk',
    name: 'Internal Helpdesk (Resource)',
    description: "Customer IT on the lighter portal: their own company's help desk.",
    licenceType: 'internal_helpdesk',
    grants: { kind: 'licence defaults', breadth: 'my_companies' },
    flags: { ...noFlags, mobileAccess: true },
    portalTier: null,
  },
  {
    systemKey: 'internal_helpdesk_administrator',
    name: 'Internal Helpdesk (Administrator)',
    description:
      "Customer IT on the lighter portal who also manage their own help desk's users (on, off, Resource or Administrator).",
    licenceType: 'internal_helpdesk',
    grants: { kind: 'licence defaults', breadth: 'my_companies' },
    flags: { ...noFlags, mobileAccess: true, manageHelpdeskUsers: true },
    portalTier: null,
  },
  ...portalTemplates,
  {
    systemKey: 'api_full',
    name: 'API User (all companies)',
    description: 'Integrations acting for the MSP across every company; no admin areas.',
    licenceType: 'api_only',
    grants: { kind: 'licence defaults', breadth: 'all' },
    flags: noFlags,
    portalTier: null,
  },
  {
    systemKey: 'api_administrator',
    name: 'API User (administrator)',
    description: 'Integrations that also manage configuration and access.',
    licenceType: 'api_only',
    grants: { kind: 'everything' },
    flags: { ...noFlags, admin: true, viewInternalCost: true },
    portalTier: null,
  },
];

/**
 * Read-only templates, kept up to date on every start. Admins copy them to
 * make their own. No customer-side template carries an MSP-only flag.
 */
export const systemLevels: SystemLevel[] = templates.map(({ grants, ...level }) => ({
  ...level,
  permissions: permissionsOf(grants, level.licenceType),
}));
