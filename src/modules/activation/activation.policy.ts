import type { Actor } from '../../access/actor.ts';
import { requireAdmin } from '../../access/authorize.ts';

// Every signed-in actor may read the switches (RLS activations_read allows it; the UI shows
// features by them); flipping one changes who can work at all, so only administrators may.

export function assertMaySwitchActivations(actor: Actor): void {
  requireAdmin(actor, 'switch features on or off');
}
