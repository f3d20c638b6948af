import type { Actor } from '../../access/actor.ts';
import { isMspActor } from '../../access/actor.ts';
import { forbidden } from '../../lib/errors.ts';

/** The level's "create dashboards" flag (co-managing users get it where the MSP allows it). */
export function mayCreateDashboards(actor: Actor): boolean {
  return actor.securityLevel.flags.createDashboards;
}

/** Publishing needs "share dashboards"; to levels and departments only for MSP staff. */
export function mayShareDashboards(actor: Actor): boolean {
  return actor.securityLevel.flags.createDashboards && actor.securityLevel.flags.shareDashboards;
}

export function assertMayCreate(actor: Actor): void {
  if (!mayCreateDashboards(actor)) throw forbidden('Your security level does not let you create dashboards.');
}

export function assertMayShare(actor: Actor, toGroups: boolean): void {
  if (!mayShareDashboards(actor)) throw forbidden('Your security level does not let you share dashboards.');
  if (toGroups && !isMspActor(actor)) {
    throw forbidden(
      'Only MSP staff publish dashboards to security levels or departments; share with people instead.',
    );
  }
}
