/**
 * The merge after a 409: what the user changed, what someone else changed
 * meanwhile, and the patch that results from the user's choices. Pure, so it
 * is tested without a browser.
 */

type Values<F extends string> = Record<F, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the user changed, with their new values. */
export function changedFields<F extends string>(
  fields: readonly F[],
  base: Values<F>,
  edited: Values<F>,
): Partial<Values<F>> {
  const patch: Partial<Values<F>> = {};
  for (const field of fields) if (!same(base[field], edited[field])) patch[field] = edited[field];
  return patch;
}

export interface ChangeSplit<F extends string> {
  /** Both sides changed it, to different values: the user decides. */
  contested: F[];
  /** Only the other side changed it: their value stays. */
  theirsOnly: F[];
}

export function splitChanges<F extends string>(
  fields: readonly F[],
  base: Values<F>,
  mine: Partial<Values<F>>,
  current: Values<F>,
): ChangeSplit<F> {
  const changedByThem = fields.filter((field) => !same(base[field], current[field]));
  return {
    contested: changedByThem.filter((field) => field in mine && !same(mine[field], current[field])),
    theirsOnly: changedByThem.filter((field) => !(field in mine)),
  };
}

/** The user's changes, minus the contested ones where they took the other side's value. */
export function mergedPatch<F extends string>(
  mine: Partial<Values<F>>,
  contested: readonly F[],
  choices: Partial<Record<F, 'mine' | 'theirs'>>,
): Partial<Values<F>> {
  const patch: Partial<Values<F>> = {};
  for (const field of Object.keys(mine) as F[]) {
    if (contested.includes(field) && (choices[field] ?? 'mine') === 'theirs') continue;
    patch[field] = mine[field];
  }
  return patch;
}
