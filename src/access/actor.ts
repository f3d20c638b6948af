import type {
  LicenceType,
  PermissionMatrix,
  PortalTier,
  SecurityLevelFlags,
} from '../shared/access-vocabulary.ts';

/** Companies an actor can reach: every company, or exactly these. */
export type CompanyReach = 'all' | ReadonlySet<number>;

/**
 * Ticket kinds (ACCESS-MODEL §2, scenario 3): the queues and categories a security level restricts
 * tickets to — both when both are set; null is no restriction on that side.
 */
export interface TicketKinds {
  queueIds: ReadonlySet<number> | null;
  categoryIds: ReadonlySet<number> | null;
}

export const anyTicketKind: TicketKinds = { queueIds: null, categoryIds: null };

/**
 * Who is acting, built once per request from the session or API credentials.
 * Everything the policies need is here, so they never query.
 */
export interface Actor {
  resourceId: number;
  /** The API user acting on behalf of `resourceId`, when impersonating. */
  impersonatorId: number | null;
  licence: LicenceType;
  email: string;
  displayName: string;
  locale: string;
  companyId: number;
  contactId: number | null;
  securityLevel: {
    id: number;
    name: string;
    permissions: PermissionMatrix;
    flags: SecurityLevelFlags;
    portalTier: PortalTier | null;
    /** The level's restriction to named queues and categories (narrowed by an impersonating API user's). */
    ticketKinds: TicketKinds;
  };
  reach: CompanyReach;
  /** "My companies" of the permission matrix: the account team for MSP staff, the reach for everyone else. */
  myCompanyIds: CompanyReach;
  coManagedActivationOn: boolean;
}

export function isMspActor(actor: Actor): boolean {
  return actor.licence === 'full' || actor.licence === 'api_only';
}

export function isAdmin(actor: Actor): boolean {
  return isMspActor(actor) && actor.securityLevel.flags.admin;
}

export function canViewInternalCost(actor: Actor): boolean {
  return isMspActor(actor) && actor.securityLevel.flags.viewInternalCost;
}

/** The MSP's priority of a ticket: portal users see it only when their level allows. */
export function seesPriority(actor: Actor): boolean {
  return actor.licence !== 'portal' || actor.securityLevel.flags.viewPriority;
}

export function reaches(reach: CompanyReach, companyId: number): boolean {
  return reach === 'all' || reach.has(companyId);
}
