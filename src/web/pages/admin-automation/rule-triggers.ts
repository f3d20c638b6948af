import type { ruleTriggers } from '../../../modules/workflow/rule-definition.ts';

/** The rule events, as the API's ruleTriggers (rule-definition.ts) lists them. */
const list = [
  'ticket_created',
  'ticket_edited',
  'note_added',
  'status_changed',
  'assigned',
  'handed_off',
  'sla_approaching',
  'sla_breached',
  'no_update',
] as const;

/** The same list as the server's: a missing or extra event fails tsc -p src/web. */
export const triggers: (typeof ruleTriggers)[number][] extends (typeof list)[number][]
  ? (typeof list)[number][] extends (typeof ruleTriggers)[number][]
    ? typeof list
    : never
  : never = list;
