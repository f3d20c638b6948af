import type { FieldRuleKey, Ticket, TicketCategory } from '../../api/contract.ts';
import type { MessageKey } from '../../i18n/en.ts';

/** The fields a user edits in place; each maps to a category field rule where one exists. */
export const editableFields = [
  'title',
  'statusId',
  'priorityId',
  'queueId',
  'categoryId',
  'contactId',
  'issueTypeId',
  'subIssueTypeId',
  'dueAt',
  'estimatedHours',
  'primaryResourceId',
  'secondaryResources',
  'coManagedVisible',
  'description',
] as const;
export type EditableField = (typeof editableFields)[number];
/** The fields as a save sends them: secondary resources without the names the ticket shows. */
export type EditableValues = Omit<Pick<Ticket, EditableField>, 'secondaryResources'> & {
  secondaryResources: { resourceId: number; roleId: number | null }[];
};

export const fieldLabels: Record<EditableField, MessageKey> = {
  title: 'newTicket.ticketTitle',
  statusId: 'column.status',
  priorityId: 'column.priority',
  queueId: 'tickets.queue',
  categoryId: 'ticket.category',
  contactId: 'ticket.contact',
  issueTypeId: 'ticket.issueType',
  subIssueTypeId: 'ticket.subIssueType',
  dueAt: 'ticket.dueAt',
  estimatedHours: 'ticket.estimatedHours',
  primaryResourceId: 'ticket.primaryResource',
  secondaryResources: 'ticket.secondaryResources',
  coManagedVisible: 'ticket.coManagedVisible',
  description: 'ticket.description',
};

export function isEditableField(field: string): field is EditableField {
  return (editableFields as readonly string[]).includes(field);
}

/** The label of an editable ticket field, or null for another field (history names any field). */
export function fieldLabelKey(field: string): MessageKey | null {
  return isEditableField(field) ? fieldLabels[field] : null;
}

/** Which category rule governs a field; fields without one always show and are optional. */
const ruleKeys: Partial<Record<EditableField | 'sourceId', FieldRuleKey>> = {
  sourceId: 'source',
  priorityId: 'priority',
  queueId: 'queue',
  contactId: 'contact',
  issueTypeId: 'issueType',
  subIssueTypeId: 'subIssueType',
  dueAt: 'dueAt',
  estimatedHours: 'estimatedHours',
  primaryResourceId: 'primaryResource',
  description: 'description',
};

export function fieldRule(category: TicketCategory | undefined, field: EditableField | 'sourceId') {
  const key = ruleKeys[field];
  const rule = key ? category?.fieldRules[key] : undefined;
  return { visible: rule?.visible ?? true, required: rule?.required ?? false };
}

/** The editable part of a ticket: what an edit starts from and what a conflict compares. */
export function editableValuesOf(ticket: Ticket): EditableValues {
  const values = Object.fromEntries(
    editableFields.map((field) => [field, ticket[field]]),
  ) as unknown as EditableValues;
  return {
    ...values,
    secondaryResources: ticket.secondaryResources.map(({ resourceId, roleId }) => ({ resourceId, roleId })),
  };
}
