import type { Actor } from '../../access/actor.ts';
import { forbidden } from '../../lib/errors.ts';

/** Fields only staff working the desk set; portal users describe their request, nothing more. */
const staffOnlyFields = [
  'statusId',
  'queueId',
  'sourceId',
  'issueTypeId',
  'subIssueTypeId',
  'dueAt',
  'estimatedHours',
  'primaryResourceId',
  'primaryRoleId',
  'secondaryResources',
  'coManagedVisible',
  'contactId',
] as const;

export function assertPortalFields(actor: Actor, input: Partial<Record<string, unknown>>): void {
  if (actor.licence !== 'portal') return;
  const refused = staffOnlyFields.filter((field) => input[field] !== undefined);
  if (refused.length > 0) throw forbidden(`Portal users cannot set: ${refused.join(', ')}.`);
}
