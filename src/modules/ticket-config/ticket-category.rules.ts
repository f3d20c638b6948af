import type { ActorContext } from '../../access/actor-transaction.ts';
import { type CategoryDefaults, type CategoryFieldRules, ticketFields } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { type CategoryDefaultKey, findDefaultTarget } from './ticket-category.repository.ts';

// Rules a category must satisfy beyond its shape. They answer 404 (an id that does not exist) or
// 422 (a combination that cannot work) with `details.field`, so the form can point at the field.

const defaultLabels: Record<CategoryDefaultKey, string> = {
  statusId: 'status',
  priorityId: 'priority',
  queueId: 'queue',
  sourceId: 'source',
  issueTypeId: 'issue type',
  subIssueTypeId: 'sub-issue type',
};

export function assertFieldRulesConsistent(rules: CategoryFieldRules): void {
  for (const field of ticketFields) {
    const rule = rules[field];
    if (rule?.required && !rule.visible) {
      throw new AppError('unprocessable', `The field "${field}" cannot be required while it is hidden.`, {
        field: `fieldRules.${field}`,
      });
    }
  }
}

export async function assertDefaultsUsable({ tx }: ActorContext, defaults: CategoryDefaults): Promise<void> {
  for (const key of Object.keys(defaultLabels) as CategoryDefaultKey[]) {
    const id = defaults[key];
    if (id === undefined) continue;
    const field = `defaults.${key}`;
    const target = await findDefaultTarget(tx, key, id);
    if (!target) {
      throw new AppError('not_found', `The default ${defaultLabels[key]} does not exist.`, { field });
    }
    if (!target.active) {
      throw new AppError('unprocessable', `The default ${defaultLabels[key]} is inactive.`, { field });
    }
    if (key === 'subIssueTypeId' && target.issueTypeId !== defaults.issueTypeId) {
      throw new AppError(
        'unprocessable',
        'The default sub-issue type must belong to the default issue type; set that issue type too.',
        { field },
      );
    }
  }
}
