import { eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queues } from '../../db/schema/index.ts';
import { emitTicketEvent } from '../outbox/outbox.writer.ts';
import { addNote } from '../note/note.service.ts';
import { applySla } from '../sla/sla-clock.ts';
import { escalateToMsp, transferToCoManaged } from '../ticket/ticket-handoff.service.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import { updateTicket } from '../ticket/ticket-update.service.ts';
import type { RuleAction } from './rule-definition.ts';

/** The run log and the test run name what an action did, never a bare id (ACCESS-MODEL §2 People). */
async function queueName({ tx }: ActorContext, id: number): Promise<string> {
  const [queue] = await tx.select({ name: queues.name }).from(queues).where(eq(queues.id, id));
  return queue?.name ?? `#${id}`;
}

/**
 * Applies one action through the same services a person uses — validation,
 * history, audit and outbox included — as the automation resource. Notifications
 * and webhooks only go to the outbox: the worker sends them after the commit.
 * Answers what was done, for the rule's run log and the test run.
 */
export async function applyRuleAction(
  context: ActorContext,
  ticketId: number,
  action: RuleAction,
  ruleId: number,
): Promise<string> {
  switch (action.type) {
    case 'set_fields': {
      const ticket = await getVisibleTicket(context, ticketId);
      await updateTicket(context, ticketId, action.fields, ticket.version);
      return `set ${Object.keys(action.fields).join(', ')}`;
    }
    case 'assign': {
      const ticket = await getVisibleTicket(context, ticketId);
      const patch = {
        ...(action.primaryResourceId === undefined ? {} : { primaryResourceId: action.primaryResourceId }),
        ...(action.queueId === undefined ? {} : { queueId: action.queueId }),
      };
      const updated = await updateTicket(context, ticketId, patch, ticket.version);
      const named = await getVisibleTicket(context, updated.id);
      return `assigned ${[
        action.primaryResourceId === undefined ? null : `to ${named.primaryResourceName ?? '–'}`,
        action.queueId === undefined ? null : `to queue ${await queueName(context, action.queueId)}`,
      ]
        .filter(Boolean)
        .join(' and ')}`;
    }
    case 'transfer_to_co_managed': {
      const ticket = await transferToCoManaged(context, ticketId, { resourceId: action.resourceId });
      const named = await getVisibleTicket(context, ticket.id);
      return `transferred to co-managing user ${named.primaryResourceName ?? '–'}`;
    }
    case 'escalate_to_msp': {
      const ticket = await escalateToMsp(context, ticketId, { queueId: action.queueId });
      return `escalated to MSP queue ${ticket.queueId === null ? '–' : await queueName(context, ticket.queueId)}`;
    }
    case 'add_note': {
      const note = await addNote(context, ticketId, {
        body: action.body,
        publishLevel: action.publishLevel,
        ...(action.title === undefined ? {} : { title: action.title }),
      });
      return `added note ${note.id} (${action.publishLevel})`;
    }
    case 'apply_sla':
      await applySla(context, ticketId, action.slaId);
      return `applied SLA ${action.slaId}`;
    case 'notify': {
      const ticket = await getVisibleTicket(context, ticketId);
      await emitTicketEvent(
        context,
        'automation.notify',
        { ticketId, companyId: ticket.companyId },
        { number: ticket.number, ruleId, templateId: action.templateId, recipients: action.recipients },
      );
      return `queued notification with template ${action.templateId}`;
    }
    case 'call_webhook': {
      const ticket = await getVisibleTicket(context, ticketId);
      await emitTicketEvent(
        context,
        'automation.webhook',
        { ticketId, companyId: ticket.companyId },
        { number: ticket.number, ruleId, subscriptionId: action.subscriptionId },
      );
      return `queued webhook ${action.subscriptionId}`;
    }
  }
}
