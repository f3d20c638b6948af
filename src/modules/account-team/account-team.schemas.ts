import { z } from 'zod';
import { entityId } from '../../lib/http-schemas.ts';

export const accountTeamMemberSchema = z.object({
  resourceId: z.number(),
  /** Name only (ACCESS-MODEL §2 People): no e-mail, phone or rate for whoever reads the company. */
  name: z.string(),
  role: z.string().nullable().describe('What the person does for the company, e.g. "Primary technician"'),
});

export const accountTeamSchema = z.object({ items: z.array(accountTeamMemberSchema) });

export const accountTeamInput = z.strictObject({
  members: z
    .array(
      z.strictObject({
        resourceId: entityId,
        role: z.string().trim().max(100).nullable().optional(),
      }),
    )
    .max(50)
    .describe('The whole team: who is not listed leaves it'),
});

export type AccountTeamInput = z.infer<typeof accountTeamInput>;
export type AccountTeamResponse = z.infer<typeof accountTeamSchema>;
