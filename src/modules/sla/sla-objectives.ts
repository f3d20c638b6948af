import { z } from 'zod';
import { entityId } from '../../lib/http-schemas.ts';

export const slaObjectiveKinds = ['first_response', 'resolution_plan', 'resolved'] as const;
export type SlaObjectiveKind = (typeof slaObjectiveKinds)[number];

const minutes = z.number().int().min(1).max(525_600).nullable().optional();

/** Business minutes per objective for one priority; a missing objective is not tracked. */
export const slaObjective = z.strictObject({
  priorityId: entityId,
  firstResponseMinutes: minutes,
  resolutionPlanMinutes: minutes,
  resolvedMinutes: minutes,
});
export type SlaObjective = z.infer<typeof slaObjective>;

export const slaObjectives = z
  .array(slaObjective)
  .min(1)
  .max(50)
  .refine(
    (list) => new Set(list.map((entry) => entry.priorityId)).size === list.length,
    'each priority may be listed only once',
  );

export function minutesFor(objective: SlaObjective | undefined, kind: SlaObjectiveKind): number | null {
  if (!objective) return null;
  switch (kind) {
    case 'first_response':
      return objective.firstResponseMinutes ?? null;
    case 'resolution_plan':
      return objective.resolutionPlanMinutes ?? null;
    case 'resolved':
      return objective.resolvedMinutes ?? null;
  }
}
