import type { Actor } from '../../access/actor.ts';
import { presentTicket } from '../ticket/ticket.presenter.ts';
import { worklistItemAbilities } from './worklist.policy.ts';
import type { WorklistEntry } from './worklist.repository.ts';
import type { WorklistItemResponse } from './worklist.schemas.ts';

export function presentWorklistItem(actor: Actor, entry: WorklistEntry): WorklistItemResponse {
  const ticket = presentTicket(actor, entry.ticket);
  return {
    ticketId: entry.ticketId,
    position: entry.position,
    addedAt: entry.addedAt.toISOString(),
    addedByResourceId: entry.addedByResourceId,
    ticket: {
      id: ticket.id,
      number: ticket.number,
      title: ticket.title,
      companyId: ticket.companyId,
      statusId: ticket.statusId,
      priorityId: ticket.priorityId,
      queueId: ticket.queueId,
      categoryId: ticket.categoryId,
      primaryResourceId: ticket.primaryResourceId,
      coManagedVisible: ticket.coManagedVisible,
      dueAt: ticket.dueAt,
      lastActivityAt: ticket.lastActivityAt,
      completedAt: ticket.completedAt,
      version: ticket.version,
      abilities: ticket.abilities,
    },
    abilities: worklistItemAbilities(),
  };
}
