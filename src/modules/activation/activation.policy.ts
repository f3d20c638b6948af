import { type Actor, isAdmin } from '../../access/actor.ts';
import { forbidden } from '../../lib/errors.ts';

// Every signed-in actor may read the switches (RLS activations_read allows it; the UI shows
// features by them); flipping one changes who can work at all, so only administrators may.

export function assertMaySwitchActivations(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw forbidden('Only administrators switch features on or off. Ask your administrator.');
  }
}
