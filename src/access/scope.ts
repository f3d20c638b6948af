import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SecuredObject } from '../shared/access-vocabulary.ts';
import type { Actor, CompanyReach } from './actor.ts';
import { scopeOf } from './permissions.ts';

const always = sql`true`;
const never = sql`false`;

export function inReach(companyId: PgColumn, reach: CompanyReach): SQL {
  if (reach === 'all') return always;
  return reach.size === 0 ? never : inArray(companyId, [...reach]);
}

/** The companies in both reaches. */
function bothReaches(first: CompanyReach, second: CompanyReach): CompanyReach {
  if (first === 'all') return second;
  if (second === 'all') return first;
  return new Set([...first].filter((id) => second.has(id)));
}

/**
 * The one predicate of what an actor may see of an object type: reach,
 * narrowed by the security level's view scope. Lists, counts, search and
 * single-row reads all use it, so they cannot drift apart.
 */
export function viewScope(
  actor: Actor,
  object: SecuredObject,
  columns: { companyId: PgColumn; isMine: SQL },
): SQL {
  const inActorReach = inReach(columns.companyId, actor.reach);
  const scope = scopeOf(actor, object, 'view');
  switch (scope) {
    case 'none':
      return never;
    case 'all':
      return inActorReach;
    case 'my_companies':
      // One list, not two: for customer-side actors "my companies" is the reach itself, and two
      // IN tests on one column make PostgreSQL multiply their selectivities (it then guessed 2,000
      // of Anna's 121,000 tickets and chose a nested loop over all of them).
      return inReach(columns.companyId, bothReaches(actor.reach, actor.myCompanyIds));
    case 'mine':
      return and(inActorReach, columns.isMine) ?? never;
  }
}
