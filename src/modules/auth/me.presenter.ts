import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { canViewInternalCost, isAdmin } from '../../access/actor.ts';
import { companies } from '../../db/schema/index.ts';
import { mayAddAny } from '../../access/permissions.ts';
import { licenceTypes } from '../../shared/access-vocabulary.ts';
import { editableTicketFields, ticketFieldNames } from '../ticket/ticket-field-abilities.ts';

export const meSchema = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  licence: z.enum(licenceTypes),
  locale: z.string(),
  companyId: z.number(),
  contactId: z.number().nullable(),
  impersonatorId: z.number().nullable(),
  /** The administrator viewing the app as this person (read-only), by name; null otherwise. */
  viewingAs: z.object({ adminId: z.number(), adminName: z.string() }).nullable(),
  securityLevel: z.object({ id: z.number(), name: z.string() }),
  isAdmin: z.boolean(),
  canViewInternalCost: z.boolean(),
  /** An internal help desk's administrator: manages its users in the portal (Taskfire). */
  managesHelpdeskUsers: z.boolean(),
  /** `all`, or the companies this actor can reach (shown as "co-managed: Contoso, ..."). */
  reach: z.union([z.literal('all'), z.array(z.object({ id: z.number(), name: z.string() }))]),
  features: z.object({ coManagedHelpDesk: z.boolean() }),
  /** The fields this person may set on a new ticket (none: they may not create tickets). */
  newTicketFields: z.array(z.enum(ticketFieldNames)),
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meSchema>;

export async function presentMe(
  { tx, actor }: ActorContext,
  csrfToken: string | null,
  viewingAs: MeResponse['viewingAs'] = null,
): Promise<MeResponse> {
  const reach =
    actor.reach === 'all'
      ? ('all' as const)
      : actor.reach.size === 0
        ? []
        : await tx
            .select({ id: companies.id, name: companies.name })
            .from(companies)
            .where(inArray(companies.id, [...actor.reach]))
            .orderBy(companies.name);
  return {
    id: actor.resourceId,
    email: actor.email,
    displayName: actor.displayName,
    licence: actor.licence,
    locale: actor.locale,
    companyId: actor.companyId,
    contactId: actor.contactId,
    impersonatorId: actor.impersonatorId,
    viewingAs,
    securityLevel: { id: actor.securityLevel.id, name: actor.securityLevel.name },
    isAdmin: isAdmin(actor),
    managesHelpdeskUsers:
      actor.licence === 'internal_helpdesk' && actor.securityLevel.flags.manageHelpdeskUsers,
    canViewInternalCost: canViewInternalCost(actor),
    reach,
    // Customer-side actors are not told about MSP feature switches beyond what they use.
    features: { coManagedHelpDesk: actor.coManagedActivationOn },
    newTicketFields: editableTicketFields(actor, mayAddAny(actor, 'tickets')),
    csrfToken,
  };
}
