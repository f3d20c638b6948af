import { completeFlags, completeMatrix } from './permissions.ts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, queryRows } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';
import { licenceTypes, portalTiers } from '../shared/access-vocabulary.ts';
import type { PermissionMatrix, SecurityLevelFlags } from '../shared/access-vocabulary.ts';
import type { Actor, CompanyReach } from './actor.ts';

const actorRow = z.object({
  id: z.number(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  locale: z.string(),
  active: z.boolean(),
  licence_type: z.enum(licenceTypes),
  company_id: z.number(),
  contact_id: z.number().nullable(),
  level_id: z.number(),
  level_name: z.string(),
  permissions: z.custom<PermissionMatrix>((value) => typeof value === 'object' && value !== null),
  flags: z.custom<SecurityLevelFlags>((value) => typeof value === 'object' && value !== null),
  portal_tier: z.enum(portalTiers).nullable(),
  ticket_queue_ids: z.array(z.number()).nullable(),
  ticket_category_ids: z.array(z.number()).nullable(),
  reach: z.array(z.number()).nullable(),
  account_team: z.array(z.number()),
  co_managed_on: z.boolean(),
});

/**
 * Builds the actor for a resource, in the system context (before any actor
 * exists). Reach comes from `tandem_resource_reach`, the same function the
 * RLS policies use, so the application filter and RLS cannot disagree on it.
 */
export async function loadActor(
  db: Executor,
  resourceId: number,
  impersonatorId: number | null = null,
): Promise<Actor> {
  const actor = await loadOne(db, resourceId);
  if (impersonatorId === null) return actor;
  const impersonator = await loadOne(db, impersonatorId);
  return {
    ...actor,
    impersonatorId,
    reach: intersect(actor.reach, impersonator.reach),
    myCompanyIds: intersect(actor.myCompanyIds, impersonator.reach),
    securityLevel: {
      ...actor.securityLevel,
      flags: {
        ...actor.securityLevel.flags,
        admin: actor.securityLevel.flags.admin && impersonator.securityLevel.flags.admin,
        viewInternalCost:
          actor.securityLevel.flags.viewInternalCost && impersonator.securityLevel.flags.viewInternalCost,
      },
      ticketKinds: {
        queueIds: narrower(
          actor.securityLevel.ticketKinds.queueIds,
          impersonator.securityLevel.ticketKinds.queueIds,
        ),
        categoryIds: narrower(
          actor.securityLevel.ticketKinds.categoryIds,
          impersonator.securityLevel.ticketKinds.categoryIds,
        ),
      },
    },
  };
}

async function loadOne(db: Executor, resourceId: number): Promise<Actor> {
  const [found] = await queryRows(
    db,
    sql`
    SELECT r.id, r.email, r.first_name, r.last_name, r.locale, r.active, r.licence_type, r.company_id, r.contact_id,
           l.id AS level_id, l.name AS level_name, l.permissions, l.flags, l.portal_tier,
           l.ticket_queue_ids, l.ticket_category_ids,
           tandem_resource_reach(r.id) AS reach,
           ARRAY(SELECT t.company_id FROM company_account_team t WHERE t.resource_id = r.id) AS account_team,
           coalesce((SELECT a.enabled FROM activations a WHERE a.key = 'co_managed_help_desk'), false) AS co_managed_on
      FROM resources r JOIN security_levels l ON l.id = r.security_level_id
     WHERE r.id = ${resourceId}`,
  );
  if (!found) throw new AppError('unauthenticated', 'Your session has ended. Please sign in again.');
  const row = actorRow.parse(found);
  if (!row.active) throw new AppError('unauthenticated', 'This account is inactive. Ask your administrator.');
  if (row.licence_type === 'co_managed' && !row.co_managed_on) throw coManagedDisabled();

  const reach: CompanyReach = row.reach === null ? 'all' : new Set(row.reach);
  const isMsp = row.licence_type === 'full' || row.licence_type === 'api_only';
  return {
    resourceId: row.id,
    impersonatorId: null,
    licence: row.licence_type,
    email: row.email,
    displayName: `${row.first_name} ${row.last_name}`,
    locale: row.locale,
    companyId: row.company_id,
    contactId: row.contact_id,
    securityLevel: {
      id: row.level_id,
      name: row.level_name,
      permissions: completeMatrix(row.permissions),
      flags: completeFlags(row.flags),
      portalTier: row.portal_tier,
      ticketKinds: {
        queueIds: row.ticket_queue_ids === null ? null : new Set(row.ticket_queue_ids),
        categoryIds: row.ticket_category_ids === null ? null : new Set(row.ticket_category_ids),
      },
    },
    reach,
    myCompanyIds: isMsp ? new Set([row.company_id, ...row.account_team]) : reach,
    coManagedActivationOn: row.co_managed_on,
  };
}

export function coManagedDisabled(): AppError {
  return new AppError(
    'co_managed_disabled',
    'Co-managed access is switched off by your service provider. Ask them to switch it back on.',
  );
}

/** Two restrictions at once: null is none (as `tandem_actor_ticket_kind_ids` in SQL). */
function narrower(a: ReadonlySet<number> | null, b: ReadonlySet<number> | null): ReadonlySet<number> | null {
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((id) => b.has(id)));
}

function intersect(a: CompanyReach, b: CompanyReach): CompanyReach {
  if (a === 'all') return b;
  if (b === 'all') return a;
  return new Set([...a].filter((id) => b.has(id)));
}
