import { isApiError } from './client.ts';

/**
 * The API's message for one field (`/name`, `/permissions/...`) of a refused save, if any: a
 * validation issue at that location, or a refusal that names the field (`details.field`, e.g. a
 * 409 for a taken name).
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.details.field === field) return error.message;
  if (!Array.isArray(error.details.issues)) return undefined;
  const issues = error.details.issues as { location?: string; message?: string }[];
  const found = issues.find((issue) => issue.location?.startsWith(`/${field}`));
  return found?.message;
}
