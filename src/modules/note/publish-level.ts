import type { Actor } from '../../access/actor.ts';
import { AppError } from '../../lib/errors.ts';
import {
  type LicenceType,
  licenceTypes,
  type PublishLevel,
  publishLevels,
  readablePublishLevels,
} from '../../shared/access-vocabulary.ts';

/** Says exactly who sees an entry of each level (ACCESS-MODEL §2). */
export const publishLevelLabels: Record<PublishLevel, string> = {
  internal: 'Internal — MSP staff only',
  internal_and_co_managed: 'MSP and co-managing users',
  all: "Everyone incl. the customer's portal users",
  customer_internal: "MSP and the customer's IT (not end users)",
};

/**
 * The levels each licence may write: ones it can read, and that suit it — the
 * customer's internal helpdesk never writes for the MSP's co-managing circle,
 * and a portal user only writes what everyone on the ticket sees.
 */
export const writablePublishLevels: Record<LicenceType, readonly PublishLevel[]> = {
  full: publishLevels,
  api_only: publishLevels,
  co_managed: ['internal_and_co_managed', 'all', 'customer_internal'],
  internal_helpdesk: ['all', 'customer_internal'],
  portal: ['all'],
};

export function readablePublishLevelsOf(actor: Actor): PublishLevel[] {
  return [...readablePublishLevels[actor.licence]];
}

/** 422 `unprocessable` naming the levels the actor may use. */
export function assertWritablePublishLevel(actor: Actor, level: PublishLevel): void {
  const allowed = writablePublishLevels[actor.licence];
  if (!allowed.includes(level) || !readablePublishLevels[actor.licence].includes(level)) {
    throw new AppError(
      'unprocessable',
      `You cannot publish at the level "${level}". Choose one of: ${allowed.join(', ')}.`,
      { field: 'publishLevel', allowed },
    );
  }
}

/** Whether everyone who can read `level` can also read `other` (an attachment never reaches further than its note). */
export function isNoWiderThan(level: PublishLevel, other: PublishLevel): boolean {
  return licenceTypes.every(
    (licence) =>
      !readablePublishLevels[licence].includes(level) || readablePublishLevels[licence].includes(other),
  );
}
