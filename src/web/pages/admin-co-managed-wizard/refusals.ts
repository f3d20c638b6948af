import { fieldError } from '../../api/field-errors.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { en } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { EnableAccessBody, EnableAccessRefusal } from './wizard-api.ts';

/** The company a refusal's field names (`companies/1/companyId`), as an index into the body's list. */
export function companyIndex(field: string | null): number | null {
  const match = /^companies\/(\d+)/.exec(field ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * A refusal in the reader's language, worded from its stable reason (the API's message is English
 * and stays the fallback for a reason this screen does not know yet).
 */
export function refusalText(
  t: Translate,
  refusal: EnableAccessRefusal,
  body: EnableAccessBody,
  companyName: (id: number) => string,
): string {
  const key = `wizard.refusal.${refusal.reason}`;
  if (!(key in en)) return refusal.message;
  const index = companyIndex(refusal.field);
  const companyId = index === null ? undefined : body.companies?.[index]?.companyId;
  return t(key as MessageKey, { company: companyId === undefined ? '—' : companyName(companyId) });
}

/**
 * What to show at one field: the save's refusal or validation issue there (`fieldError`), else the
 * dry run's refusal naming it. `field` is the API's spelling: `password`, `companies/0/companyId`.
 */
export function errorAt(
  field: string,
  sources: { saveError: unknown; previewError: unknown; refusals: EnableAccessRefusal[] },
  word: (refusal: EnableAccessRefusal) => string,
): string | undefined {
  const refusal = sources.refusals.find((row) => row.field === field);
  if (refusal) return word(refusal);
  return fieldError(sources.saveError, field) ?? fieldError(sources.previewError, field);
}
