import { isApiError } from '../../api/client.ts';
import { fieldError } from '../../api/field-errors.ts';

/**
 * The API's message for one field of a refused save: a validation issue at `/field…` (400), or a
 * refusal that names the field in `details.field` (409 "a status named … already exists", 422).
 * The kit's `fieldError` covers the first only; a duplicate name belongs next to the name too.
 */
export function configFieldError(error: unknown, field: string): string | undefined {
  const issue = fieldError(error, field);
  if (issue !== undefined) return issue;
  if (!isApiError(error)) return undefined;
  const named = error.details.field;
  return typeof named === 'string' && (named === field || named.startsWith(`${field}.`))
    ? error.message
    : undefined;
}

/** Whether some field shows the refusal, so the whole-form alert need not repeat it. */
export function isFieldRefusal(error: unknown, fields: readonly string[]): boolean {
  return fields.some((field) => configFieldError(error, field) !== undefined);
}
