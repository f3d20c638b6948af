import { describe, expect, it } from 'vitest';
import { changedFields, mergedPatch, splitChanges } from './ticket-merge.ts';

const fields = ['title', 'priorityId', 'queueId', 'dueAt'] as const;
const base = { title: 'Printer jams', priorityId: 3, queueId: null, dueAt: null };

describe('merging a stale edit', () => {
  it('finds what the user changed', () => {
    expect(changedFields(fields, base, { ...base, title: 'Printer jams on floor 2', queueId: 4 })).toEqual({
      title: 'Printer jams on floor 2',
      queueId: 4,
    });
    expect(changedFields(fields, base, { ...base })).toEqual({});
  });

  it('splits the other side’s changes into contested and theirs only', () => {
    const mine = { title: 'Mine', queueId: 4 };
    const current = { title: 'Theirs', priorityId: 1, queueId: 4, dueAt: null };
    // queueId: both set it to 4 — no conflict; priority: only they changed it.
    expect(splitChanges(fields, base, mine, current)).toEqual({
      contested: ['title'],
      theirsOnly: ['priorityId'],
    });
  });

  it('keeps the user’s value unless they take the other side’s', () => {
    const mine = { title: 'Mine', queueId: 4 };
    expect(mergedPatch(mine, ['title'], {})).toEqual({ title: 'Mine', queueId: 4 });
    expect(mergedPatch(mine, ['title'], { title: 'theirs' })).toEqual({ queueId: 4 });
    // A choice on a field that is not contested changes nothing.
    expect(mergedPatch(mine, [], { queueId: 'theirs' })).toEqual({ title: 'Mine', queueId: 4 });
  });
});
