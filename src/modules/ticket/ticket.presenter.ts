import { type Actor, seesPriority } from '../../access/actor.ts';
import type { NamedTicket } from './ticket.repository.ts';
import { ticketAbilities } from './ticket.policy.ts';
import type { TicketResponse } from './ticket.schemas.ts';
import { activityKeyOf } from './ticket-activity.ts';

export function presentTicket(actor: Actor, row: NamedTicket): TicketResponse {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    companyId: row.companyId,
    contactId: row.contactId,
    statusId: row.statusId,
    // Left out for a portal user whose level does not show the MSP's priority.
    priorityId: seesPriority(actor) ? row.priorityId : null,
    queueId: row.queueId,
    categoryId: row.categoryId,
    issueTypeId: row.issueTypeId,
    subIssueTypeId: row.subIssueTypeId,
    sourceId: row.sourceId,
    requestTypeId: row.requestTypeId,
    dueAt: row.dueAt?.toISOString() ?? null,
    estimatedHours: row.estimatedHours,
    primaryResourceId: row.primaryResourceId,
    primaryResourceName: row.primaryResourceName,
    primaryRoleId: row.primaryRoleId,
    secondaryResources: row.secondaryResources,
    coManagedVisible: row.coManagedVisible,
    version: row.version,
    createdByResourceId: row.createdByResourceId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // The reader's own last activity: hidden changes do not move it.
    lastActivityAt: row[activityKeyOf(actor)].toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    sla: row.sla && {
      state: row.sla.state,
      dueAt: row.sla.dueAt === null ? null : new Date(row.sla.dueAt).toISOString(),
    },
    abilities: ticketAbilities(actor, {
      ...row,
      secondaryResourceIds: row.secondaryResources.map((secondary) => secondary.resourceId),
    }),
  };
}
