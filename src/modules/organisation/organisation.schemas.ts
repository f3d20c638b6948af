import { z } from 'zod';
import { cursorPart } from '../../lib/cursor.ts';
import { pageQuery } from '../../lib/http-schemas.ts';

// Pieces shared by the department, location and role APIs.

export const configurationName = z.string().trim().min(1).max(200);

/** Lists of configuration are ordered by name, so the cursor is the last (name, id). */
export const nameCursor = z.tuple([cursorPart.text, cursorPart.id]);

export const organisationListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(200).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

export function atLeastOneField(patch: object): boolean {
  return Object.keys(patch).length > 0;
}
export const atLeastOneFieldMessage = 'Send at least one field to change.';
