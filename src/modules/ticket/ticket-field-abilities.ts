import type { Actor } from '../../access/actor.ts';
import type { LicenceType } from '../../shared/access-vocabulary.ts';
import { AppError } from '../../lib/errors.ts';

/** The fields of a ticket a create or a save may set (the patch's own keys, besides `version`). */
export const ticketFieldNames = [
  'title',
  'description',
  'contactId',
  'statusId',
  'priorityId',
  'queueId',
  'categoryId',
  'issueTypeId',
  'subIssueTypeId',
  'sourceId',
  'dueAt',
  'estimatedHours',
  'primaryResourceId',
  'primaryRoleId',
  'secondaryResources',
  'coManagedVisible',
] as const;
export type TicketFieldName = (typeof ticketFieldNames)[number];

/**
 * Which fields each licence may change on a ticket it may edit (#14 item 3). A portal user
 * describes their request — what it is about, how urgent, what kind — and leaves running the desk
 * to the desk. Rules about values (hiding a ticket from yourself, a contact of another company)
 * stay with the save and answer 422 with their reason.
 */
const fieldsByLicence: Record<LicenceType, readonly TicketFieldName[]> = {
  full: ticketFieldNames,
  api_only: ticketFieldNames,
  co_managed: ticketFieldNames,
  // The customer's own IT runs its desk — who asked, what state, how urgent, who works it — and
  // leaves the MSP's queues, roles, sources and billing estimate to the MSP (Taskfire).
  internal_helpdesk: [
    'title',
    'description',
    'contactId',
    'statusId',
    'priorityId',
    'categoryId',
    'dueAt',
    'primaryResourceId',
    'secondaryResources',
  ],
  portal: ['title', 'description', 'priorityId', 'categoryId'],
};

/** The fields this actor may change on a ticket; none where they may not edit it at all. */
export function editableTicketFields(actor: Actor, mayEdit: boolean): TicketFieldName[] {
  return mayEdit ? [...fieldsByLicence[actor.licence]] : [];
}

const fieldWords: Record<TicketFieldName, string> = {
  title: 'title',
  description: 'description',
  contactId: 'contact',
  statusId: 'status',
  priorityId: 'priority',
  queueId: 'queue',
  categoryId: 'category',
  issueTypeId: 'issue type',
  subIssueTypeId: 'sub-issue type',
  sourceId: 'source',
  dueAt: 'due date',
  estimatedHours: 'estimated hours',
  primaryResourceId: 'primary resource',
  primaryRoleId: 'primary role',
  secondaryResources: 'secondary resources',
  coManagedVisible: 'visibility to co-managing users',
};

/**
 * 403 naming the fields the actor may not set, when any of `fields` is one of them: the same list
 * a ticket's `abilities.fields` shows, so the screen offers exactly what the API accepts.
 */
export function assertTicketFieldsAllowed(actor: Actor, fields: Iterable<string>): void {
  const allowed = new Set<string>(fieldsByLicence[actor.licence]);
  const refused = [...new Set(fields)].filter(
    (field): field is TicketFieldName =>
      (ticketFieldNames as readonly string[]).includes(field) && !allowed.has(field),
  );
  if (refused.length === 0) return;
  throw new AppError(
    'forbidden',
    `You cannot change the ${refused.map((field) => fieldWords[field]).join(', ')} of a ticket.`,
    {
      fields: refused,
    },
  );
}
