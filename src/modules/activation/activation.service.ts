import type { ActorContext } from '../../access/actor-transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { type ActivationKey, activationKeys } from '../../shared/access-vocabulary.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { assertMaySwitchActivations } from './activation.policy.ts';
import { presentActivation } from './activation.presenter.ts';
import { findActivation, listActivationRows, setActivation } from './activation.repository.ts';
import { type ActivationInput, activationKeyFromUrl, type ActivationResponse } from './activation.schemas.ts';

export async function listActivations({ tx }: ActorContext): Promise<{ items: ActivationResponse[] }> {
  const rows = await listActivationRows(tx);
  // Rows for switches this version no longer knows are not offered.
  return {
    items: rows.flatMap((row) => (isKnownKey(row.key) ? [presentActivation({ ...row, key: row.key })] : [])),
  };
}

export async function switchActivation(
  context: ActorContext,
  unverifiedKey: string,
  input: ActivationInput,
): Promise<ActivationResponse> {
  assertMaySwitchActivations(context.actor);
  const key = activationKeyFromUrl(unverifiedKey);
  const before = key === null ? undefined : await findActivation(context.tx, key);
  if (key === null || !before) throw notFound('Activation');
  // Idempotent: sending the current state changes nothing and writes no audit entry.
  if (before.enabled === input.enabled) return presentActivation({ ...before, key });
  const after = await setActivation(context.tx, key, input.enabled, context.actor.resourceId);
  if (!after) throw notFound('Activation');
  await recordAudit(context, {
    action: input.enabled ? 'enable' : 'disable',
    entityType: 'activation',
    entityId: key,
    before,
    after,
  });
  return presentActivation({ ...after, key });
}

function isKnownKey(key: string): key is ActivationKey {
  return (activationKeys as readonly string[]).includes(key);
}
