import type { ActivationKey } from '../../shared/access-vocabulary.ts';
import type { ActivationRow } from './activation.repository.ts';
import { type ActivationResponse, urlKeyOf } from './activation.schemas.ts';

export function presentActivation(row: ActivationRow & { key: ActivationKey }): ActivationResponse {
  return { key: urlKeyOf(row.key), enabled: row.enabled, updatedAt: row.updatedAt.toISOString() };
}
