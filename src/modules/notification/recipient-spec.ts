import { z } from 'zod';
import { entityId } from '../../lib/http-schemas.ts';

/** Who gets a notification, relative to the ticket it is about. */
export const recipientSpec = z.strictObject({
  primary: z.boolean().default(false),
  secondaries: z.boolean().default(false),
  queueMembers: z.boolean().default(false),
  /** The ticket's contact (by mail; in-app too if they have a portal login). */
  contact: z.boolean().default(false),
  /** The co-managing users who reach the ticket's company. */
  coManagingTeam: z.boolean().default(false),
  resourceIds: z.array(entityId).max(100).default([]),
});
export type RecipientSpec = z.infer<typeof recipientSpec>;

export type Recipient = { resourceId: number } | { contactId: number };

export function recipientKey(recipient: Recipient): string {
  return 'resourceId' in recipient ? `r${recipient.resourceId}` : `c${recipient.contactId}`;
}
