import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { type Abilities, allows, type RowFacts, scopeOf } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { timeEntries } from '../../db/schema/index.ts';
import {
  type LicenceType,
  type PublishLevel,
  publishLevels,
  readablePublishLevels,
} from '../../shared/access-vocabulary.ts';
import { ticketOfRowVisible } from '../ticket/ticket.policy.ts';

const never = sql`false`;

/**
 * The one predicate for time entries, lists and single rows alike: a publish
 * level the actor reads, the level's time-entry view scope, and a ticket the
 * actor sees (ACCESS-MODEL §2; the time_entries RLS policy says the same).
 */
export function timeEntryScope(actor: Actor): SQL {
  return (
    and(
      inArray(timeEntries.publishLevel, [...readablePublishLevels[actor.licence]]),
      viewScope(actor, 'timeEntries', {
        companyId: timeEntries.companyId,
        isMine: eq(timeEntries.resourceId, actor.resourceId),
      }),
      ticketOfRowVisible(actor, timeEntries),
    ) ?? never
  );
}

/** Publish levels each licence may give its own time entries; portal users log no time. */
const usableByLicence: Record<LicenceType, readonly PublishLevel[]> = {
  full: publishLevels,
  api_only: publishLevels,
  co_managed: ['internal_and_co_managed', 'all', 'customer_internal'],
  internal_helpdesk: ['all', 'customer_internal'],
  portal: [],
};

export function usablePublishLevels(actor: Actor): readonly PublishLevel[] {
  return usableByLicence[actor.licence];
}

export function mayUsePublishLevel(actor: Actor, level: PublishLevel): boolean {
  return usableByLicence[actor.licence].includes(level);
}

export function defaultPublishLevel(actor: Actor): PublishLevel {
  switch (actor.licence) {
    case 'full':
    case 'api_only':
      return 'internal';
    case 'co_managed':
      return 'internal_and_co_managed';
    case 'internal_helpdesk':
    case 'portal':
      return 'customer_internal';
  }
}

export function mayLogTime(actor: Actor): boolean {
  return actor.licence !== 'portal';
}

/** Logging (or moving) time for someone else: MSP staff whose level adds time entries for all. */
export function mayLogForOthers(actor: Actor): boolean {
  return isMspActor(actor) && scopeOf(actor, 'timeEntries', 'add') === 'all';
}

/** "Mine" for a time entry: the actor is the person whose time it is. */
export function timeEntryFacts(actor: Actor, entry: { companyId: number; resourceId: number }): RowFacts {
  return { companyId: entry.companyId, isMine: entry.resourceId === actor.resourceId };
}

/**
 * What the actor may do with one entry. Besides the matrix, only MSP staff
 * change other people's time (the time_entries_change RLS policy agrees).
 */
export function timeEntryAbilities(
  actor: Actor,
  entry: { companyId: number; resourceId: number },
): Abilities {
  const facts = timeEntryFacts(actor, entry);
  const changes = mayLogTime(actor) && (isMspActor(actor) || facts.isMine);
  return {
    view: allows(actor, 'timeEntries', 'view', facts),
    edit: changes && allows(actor, 'timeEntries', 'edit', facts),
    delete: changes && allows(actor, 'timeEntries', 'delete', facts),
  };
}
