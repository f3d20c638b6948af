import type { Actor } from '../../access/actor.ts';
import { isAdmin } from '../../access/actor.ts';
import type { Abilities } from '../../access/permissions.ts';

// Ticket configuration belongs to no company: every signed-in actor reads the names (working a
// ticket needs them), only administrators change it (ACCESS-MODEL §2 "Configuration").
// RLS on these tables enforces the same split (migration 0003).

/** `protectedReason` set: the row is part of the system and cannot be deleted. */
export function ticketConfigAbilities(actor: Actor, protectedReason: string | null): Abilities {
  const admin = isAdmin(actor);
  return { view: true, edit: admin, delete: admin && protectedReason === null };
}
