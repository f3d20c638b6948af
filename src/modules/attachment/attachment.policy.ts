import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { type Abilities, allows, type RowFacts } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { attachments, tickets } from '../../db/schema/index.ts';
import { readablePublishLevelsOf } from '../note/publish-level.ts';
import { ticketIsMine, ticketScope } from '../ticket/ticket.policy.ts';

/**
 * The one predicate for attachments — lists, metadata and downloads (mirrored
 * by the attachments RLS policy): the ticket is visible, the publish level is
 * readable, and the security level's attachment scope holds.
 */
export function attachmentScope(actor: Actor): SQL {
  return (
    and(
      sql`${attachments.ticketId} IN (SELECT ${tickets.id} FROM ${tickets} WHERE ${ticketScope(actor)})`,
      inArray(attachments.publishLevel, readablePublishLevelsOf(actor)),
      viewScope(actor, 'attachments', {
        companyId: attachments.companyId,
        isMine:
          or(
            eq(attachments.createdByResourceId, actor.resourceId),
            sql`${attachments.ticketId} IN (SELECT ${tickets.id} FROM ${tickets} WHERE ${ticketIsMine(actor)})`,
          ) ?? sql`false`,
      }),
    ) ?? sql`false`
  );
}

export interface AttachmentFactsInput {
  companyId: number;
  createdByResourceId: number | null;
}

function attachmentFacts(actor: Actor, attachment: AttachmentFactsInput): RowFacts {
  return { companyId: attachment.companyId, isMine: attachment.createdByResourceId === actor.resourceId };
}

/**
 * Abilities of an attachment the actor can already see. Stored files are not
 * edited (upload a new one); customer-side actors remove only their own.
 */
export function attachmentAbilities(actor: Actor, attachment: AttachmentFactsInput): Abilities {
  const facts = attachmentFacts(actor, attachment);
  return {
    view: true,
    edit: false,
    delete: allows(actor, 'attachments', 'delete', facts) && (isMspActor(actor) || facts.isMine),
  };
}
