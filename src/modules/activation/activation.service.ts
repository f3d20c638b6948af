import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { notFound } from '../../lib/errors.ts';
import { type ActivationKey, activationKeys } from '../../shared/access-vocabulary.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { assertMaySwitchActivations } from './activation.policy.ts';
import { presentActivation } from './activation.presenter.ts';
import { findActivation, listActivationRows, setActivation } from './activation.repository.ts';
import {
  type ActivationInput,
  activationKeyFromUrl,
  type ActivationListQuery,
  type ActivationResponse,
} from './activation.schemas.ts';

const activationCursor = z.tuple([cursorPart.text]);

export async function listActivations(
  { tx }: ActorContext,
  query: ActivationListQuery,
): Promise<Page<ActivationResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, activationCursor)[0];
  const rows = await listActivationRows(tx, after, query.limit + 1);
  return toPage(
    rows.flatMap((row) => (isKnownKey(row.key) ? [{ ...row, key: row.key }] : [])),
    query.limit,
    (row) => [row.key],
    presentActivation,
  );
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
