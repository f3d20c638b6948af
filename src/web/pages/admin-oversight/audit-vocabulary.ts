import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { adminOversightEn } from '../../i18n/areas/admin-oversight.en.ts';

/** Actions and object types the server writes, each with its words; anything newer is shown as spelled. */
function known(prefix: string) {
  return new Set(
    Object.keys(adminOversightEn)
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length)),
  );
}

const actions = known('oversight.action.');
const entityTypes = known('oversight.entity.');

/** The object types offered in the filter, by their words. */
export const auditEntityTypes = [...entityTypes];

function spelled(code: string): string {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionWords(t: Translate, action: string): string {
  return actions.has(action) ? t(`oversight.action.${action}` as MessageKey) : spelled(action);
}

export function entityTypeWords(t: Translate, entityType: string): string {
  return entityTypes.has(entityType)
    ? t(`oversight.entity.${entityType}` as MessageKey)
    : spelled(entityType);
}

/** The configuration screens' slug of each ticket-configuration object type (`/admin/config/$kind/$id`). */
export const configKindOf: Readonly<Record<string, string>> = {
  ticket_status: 'ticket-statuses',
  ticket_priority: 'ticket-priorities',
  queue: 'queues',
  ticket_category: 'ticket-categories',
  issue_type: 'issue-types',
  work_type: 'work-types',
  note_type: 'note-types',
  ticket_source: 'ticket-sources',
};
