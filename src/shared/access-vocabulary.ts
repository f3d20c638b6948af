/**
 * The words of the access model (ACCESS-MODEL.md), shared by the database
 * schema, the policies, the API schemas and the web UI.
 */

export const licenceTypes = ['full', 'co_managed', 'internal_helpdesk', 'portal', 'api_only'] as const;
export type LicenceType = (typeof licenceTypes)[number];

/** `msp` is the service provider's own company: reachable by `full` actors only. */
export const companyTypes = ['customer', 'prospect', 'vendor', 'partner', 'msp'] as const;
export type CompanyType = (typeof companyTypes)[number];

/** How an internal-helpdesk (Taskfire-style) company family shares data; set on the top parent. */
export const internalHelpdeskSharingModes = [
  'none',
  'all_share_with_all',
  'subsidiaries_share_with_parent',
] as const;
export type InternalHelpdeskSharingMode = (typeof internalHelpdeskSharingModes)[number];

/** Basic: own tickets; Advanced: own company; Manager: own company and its subsidiaries. */
export const portalTiers = ['basic', 'advanced', 'manager'] as const;
export type PortalTier = (typeof portalTiers)[number];

export const securedObjects = [
  'tickets',
  'notes',
  'timeEntries',
  'attachments',
  'companies',
  'contacts',
  'devices',
  'dashboards',
  'reports',
] as const;
export type SecuredObject = (typeof securedObjects)[number];

export const actions = ['view', 'add', 'edit', 'delete'] as const;
export type Action = (typeof actions)[number];

/** `my_companies`: account-team companies for MSP staff, the granted companies for everyone else. */
export const permissionScopes = ['all', 'my_companies', 'mine', 'none'] as const;
export type PermissionScope = (typeof permissionScopes)[number];

export type PermissionMatrix = Record<SecuredObject, Record<Action, PermissionScope>>;

export const securityLevelFlags = [
  'admin',
  'viewInternalCost',
  'createDashboards',
  'shareDashboards',
  'useLiveLinks',
  'mobileAccess',
  /** Sign-in needs a second factor (TOTP); people without one must set it up before anything else. */
  'requireTwoFactor',
  /**
   * An internal help desk's administrator (Taskfire): switches their own company's internal-helpdesk
   * users on and off and between Resource and Administrator. Who holds the licence stays the MSP's call.
   */
  'manageHelpdeskUsers',
  /**
   * A portal user sees the MSP's priority of the requests they read (#14 item 2); without it the
   * priority is left out of every answer to them. Everyone else always sees it.
   */
  'viewPriority',
] as const;
export type SecurityLevelFlag = (typeof securityLevelFlags)[number];
export type SecurityLevelFlags = Record<SecurityLevelFlag, boolean>;

/** Licences that only ever act inside a customer's grant; they may never hold MSP-only flags. */
export const customerSideLicences: readonly LicenceType[] = ['co_managed', 'internal_helpdesk', 'portal'];

/**
 * Who works in the portal rather than the agent app: a customer's end users, and the customer's
 * own IT on the internal-helpdesk licence (Taskfire), whose desk is the portal's lighter face.
 */
export function usesPortal(licence: LicenceType): boolean {
  return licence === 'portal' || licence === 'internal_helpdesk';
}

export const activationKeys = ['co_managed_help_desk'] as const;
export type ActivationKey = (typeof activationKeys)[number];

/**
 * Who may read a note, attachment or time entry (ACCESS-MODEL §2).
 * `customer_internal`: written by the customer's own IT, hidden from their end users.
 */
export const publishLevels = ['internal', 'internal_and_co_managed', 'all', 'customer_internal'] as const;
export type PublishLevel = (typeof publishLevels)[number];

/** The publish levels each licence may read; an impersonating API user reads as the impersonated resource. */
export const readablePublishLevels: Record<LicenceType, readonly PublishLevel[]> = {
  full: publishLevels,
  api_only: publishLevels,
  co_managed: ['internal_and_co_managed', 'all', 'customer_internal'],
  internal_helpdesk: ['all', 'customer_internal'],
  portal: ['all'],
};

/**
 * The MSP's accent colours: Mantine palettes whose shade 8 keeps WCAG AA text contrast on white
 * and on their own lightest shade, so a brand colour can never fail the accessibility check.
 */
export const brandColors = ['blue', 'indigo', 'violet', 'grape', 'pink', 'dark'] as const;
export type BrandColor = (typeof brandColors)[number];

/** How a request type's form treats a field: not asked, asked, or asked and required. */
export const requestFieldModes = ['hidden', 'optional', 'required'] as const;
export type RequestFieldMode = (typeof requestFieldModes)[number];

export const statusMeanings = ['new', 'in_progress', 'waiting_customer', 'complete'] as const;
export type StatusMeaning = (typeof statusMeanings)[number];

export const ticketSourceKeys = ['portal', 'email', 'insourced', 'phone', 'web'] as const;

/**
 * Where a ticket stands against its SLA (src/modules/ticket/ticket-sla-state.ts defines each):
 * the list's column and filter and the reports share these words.
 */
export const slaStates = ['breached', 'at_risk', 'paused', 'on_track', 'met', 'none'] as const;
export type SlaState = (typeof slaStates)[number];
/** Where one objective of a ticket's SLA stands: the SLA performance report's columns. */
export const slaTargetStates = ['met', 'breached', 'atRisk', 'running', 'paused'] as const;
export type SlaTargetState = (typeof slaTargetStates)[number];
