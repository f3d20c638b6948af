import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { type Actor, reaches } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { resources, securityLevels } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { deleteAllSessionsOf } from '../auth/session.repository.ts';
import type { ResourceAccess } from './resource.service.ts';

/** The two system levels of an internal help desk, as its administrator names them. */
export const helpdeskRoles = ['resource', 'administrator'] as const;
export type HelpdeskRole = (typeof helpdeskRoles)[number];
const systemKeyOf: Record<HelpdeskRole, string> = {
  resource: 'internal_helpdesk',
  administrator: 'internal_helpdesk_administrator',
};

export const helpdeskMemberSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  companyId: z.number(),
  active: z.boolean(),
  /** Null: a level the MSP made for this person, which only the MSP changes. */
  role: z.enum(helpdeskRoles).nullable(),
});
export type HelpdeskMember = z.infer<typeof helpdeskMemberSchema>;

export const helpdeskTeamSchema = z.object({ items: z.array(helpdeskMemberSchema) });

export const helpdeskMemberPatch = z
  .strictObject({ active: z.boolean().optional(), role: z.enum(helpdeskRoles).optional() })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type HelpdeskMemberPatch = z.infer<typeof helpdeskMemberPatch>;

/**
 * Taskfire's administrator (#14 item 4): manages their own company's internal-helpdesk users within
 * what the MSP allowed — on or off, Resource or Administrator — and nobody else. The
 * `resources_helpdesk_team` policy holds the database to the same.
 */
function assertManagesHelpdeskUsers(actor: Actor): void {
  if (actor.licence !== 'internal_helpdesk' || !actor.securityLevel.flags.manageHelpdeskUsers) {
    throw forbidden("Only an internal help desk's administrators manage its users.");
  }
}

/** The system levels' ids by role, read as the system: levels are not the actor's to list. */
async function helpdeskLevelIds(system: Database): Promise<Map<HelpdeskRole, number>> {
  const rows = await system
    .select({ id: securityLevels.id, systemKey: securityLevels.systemKey })
    .from(securityLevels)
    .where(inArray(securityLevels.systemKey, Object.values(systemKeyOf)));
  return new Map(
    helpdeskRoles.flatMap((role) => {
      const id = rows.find((row) => row.systemKey === systemKeyOf[role])?.id;
      return id === undefined ? [] : [[role, id] as const];
    }),
  );
}

const memberColumns = {
  id: resources.id,
  firstName: resources.firstName,
  lastName: resources.lastName,
  email: resources.email,
  companyId: resources.companyId,
  active: resources.active,
  securityLevelId: resources.securityLevelId,
};

function present(
  row: {
    id: number;
    firstName: string;
    lastName: string;
    email: string;
    companyId: number;
    active: boolean;
    securityLevelId: number;
  },
  levels: Map<HelpdeskRole, number>,
): HelpdeskMember {
  return {
    id: row.id,
    name: `${row.firstName} ${row.lastName}`,
    email: row.email,
    companyId: row.companyId,
    active: row.active,
    role: helpdeskRoles.find((role) => levels.get(role) === row.securityLevelId) ?? null,
  };
}

/** The internal-helpdesk users of the companies the administrator reaches, by name. */
export async function listHelpdeskTeam(access: ResourceAccess): Promise<{ items: HelpdeskMember[] }> {
  const levels = await helpdeskLevelIds(access.system);
  return access.asActor(async ({ tx, actor }) => {
    assertManagesHelpdeskUsers(actor);
    const rows = await tx
      .select(memberColumns)
      .from(resources)
      .where(eq(resources.licenceType, 'internal_helpdesk'))
      .orderBy(asc(resources.lastName), asc(resources.firstName), asc(resources.id));
    return {
      items: rows.filter((row) => reaches(actor.reach, row.companyId)).map((row) => present(row, levels)),
    };
  });
}

/** On or off, Resource or Administrator; switching someone off ends their sessions. */
export async function changeHelpdeskMember(
  access: ResourceAccess,
  id: number,
  patch: HelpdeskMemberPatch,
): Promise<HelpdeskMember> {
  const levels = await helpdeskLevelIds(access.system);
  const outcome = await access.asActor(async (context: ActorContext) => {
    const { tx, actor } = context;
    assertManagesHelpdeskUsers(actor);
    const [before] = await tx
      .select(memberColumns)
      .from(resources)
      .where(and(eq(resources.id, id), eq(resources.licenceType, 'internal_helpdesk')));
    // Someone who is not one of theirs is as unknown as a missing id.
    if (!before || !reaches(actor.reach, before.companyId)) throw notFound('User');
    if (id === actor.resourceId) {
      throw new AppError('unprocessable', 'You cannot switch yourself off or change your own role.', {
        field: patch.active === undefined ? 'role' : 'active',
      });
    }
    const securityLevelId = patch.role === undefined ? undefined : levels.get(patch.role);
    if (patch.role !== undefined && securityLevelId === undefined) {
      throw new AppError('unprocessable', `The ${patch.role} level is missing; ask your service provider.`, {
        field: 'role',
      });
    }
    const [after] = await tx
      .update(resources)
      .set({
        ...(patch.active === undefined ? {} : { active: patch.active }),
        ...(securityLevelId === undefined ? {} : { securityLevelId }),
      })
      .where(eq(resources.id, id))
      .returning(memberColumns);
    if (!after) throw notFound('User');
    await recordAudit(context, { action: 'update', entityType: 'resource', entityId: id, before, after });
    return { member: present(after, levels), endSessions: before.active && !after.active };
  });
  if (outcome.endSessions) await deleteAllSessionsOf(access.system, id);
  return outcome.member;
}
