import { describe, expect, it } from 'vitest';
import {
  actions,
  type PermissionMatrix,
  type PermissionScope,
  securedObjects,
  securityLevelFlags,
  type SecurityLevelFlags,
} from '../../shared/access-vocabulary.ts';
import { type KindNames, type LevelForPreview, levelPreview, objectSentence } from './level-preview.ts';

function matrix(scope: PermissionScope): PermissionMatrix {
  return Object.fromEntries(
    securedObjects.map((object) => [object, Object.fromEntries(actions.map((action) => [action, scope]))]),
  ) as PermissionMatrix;
}

function flags(value: boolean): SecurityLevelFlags {
  return Object.fromEntries(securityLevelFlags.map((flag) => [flag, value])) as SecurityLevelFlags;
}

const base: LevelForPreview = { licenceType: 'full', permissions: matrix('none'), flags: flags(false) };

describe('level preview', () => {
  it('words every scope in English and German', () => {
    const level: LevelForPreview = {
      ...base,
      permissions: {
        ...matrix('none'),
        tickets: { view: 'all', add: 'my_companies', edit: 'my_companies', delete: 'none' },
        notes: { view: 'mine', add: 'none', edit: 'none', delete: 'none' },
      },
    };
    expect(objectSentence(level, 'tickets', 'en')).toBe(
      'Sees all tickets; creates and edits tickets of their companies; cannot delete tickets.',
    );
    expect(objectSentence(level, 'tickets', 'de')).toBe(
      'Sieht alle Tickets; erstellt und bearbeitet Tickets der eigenen Firmen; kann keine Tickets löschen.',
    );
    expect(objectSentence(level, 'notes', 'en')).toBe(
      'Sees their own notes; cannot create, edit or delete notes.',
    );
    expect(objectSentence(level, 'companies', 'en')).toBe('Cannot see, create, edit or delete companies.');
    const ownCompanies: LevelForPreview = {
      ...base,
      permissions: {
        ...matrix('none'),
        companies: { view: 'my_companies', add: 'none', edit: 'none', delete: 'none' },
      },
    };
    expect(objectSentence(ownCompanies, 'companies', 'en')).toBe(
      'Sees their companies; cannot create, edit or delete companies.',
    );
    expect(objectSentence(ownCompanies, 'companies', 'de')).toBe(
      'Sieht die eigenen Firmen; kann keine Firmen erstellen, bearbeiten oder löschen.',
    );
    expect(objectSentence(level, 'companies', 'de')).toBe(
      'Kann keine Firmen sehen, erstellen, bearbeiten oder löschen.',
    );
  });

  it('follows the matrix: removing a permission changes its sentence', () => {
    const level: LevelForPreview = { ...base, permissions: matrix('all') };
    const before = objectSentence(level, 'tickets', 'en');
    expect(before).toBe('Sees, creates, edits and deletes all tickets.');
    level.permissions.tickets.delete = 'none';
    expect(objectSentence(level, 'tickets', 'en')).toBe(
      'Sees, creates and edits all tickets; cannot delete tickets.',
    );
  });

  it('says that a co-managing user reads only what is published to them', () => {
    const level: LevelForPreview = {
      ...base,
      licenceType: 'co_managed',
      permissions: matrix('my_companies'),
    };
    expect(objectSentence(level, 'notes', 'en')).toMatch(/only what is published to co-managed users/);
    expect(objectSentence(level, 'tickets', 'en')).not.toMatch(/published/);
  });

  it('gives one sentence per object and per flag, each flag both ways, and the restriction', () => {
    for (const language of ['en', 'de'] as const) {
      const off = levelPreview(base, language);
      const on = levelPreview({ ...base, flags: flags(true) }, language);
      expect(off).toHaveLength(securedObjects.length + securityLevelFlags.length);
      const flagsOff = off.slice(securedObjects.length);
      const flagsOn = on.slice(securedObjects.length);
      flagsOn.forEach((sentence, index) => expect(sentence).not.toBe(flagsOff[index]));
      expect(new Set([...flagsOn, ...flagsOff]).size).toBe(2 * securityLevelFlags.length);
    }
    expect(levelPreview({ ...base, flags: { ...flags(false), viewInternalCost: true } }, 'en')).toContain(
      'Can see internal costs.',
    );
    const restricted = levelPreview(
      { ...base, ticketRestriction: { queueIds: [1], categoryIds: [2, 3] } },
      'en',
    );
    expect(restricted).toContain('Tickets are limited to 1 queue.');
    expect(restricted).toContain('Tickets are limited to 2 categories.');
    const names: KindNames = {
      queues: new Map([[1, 'C_SRC Facilities']]),
      categories: new Map([
        [2, 'C_SRC Building'],
        [3, 'C_SRC Cleaning'],
      ]),
    };
    const level = { ...base, ticketRestriction: { queueIds: [1], categoryIds: [2, 3] } };
    expect(levelPreview(level, 'en', names)).toEqual(
      expect.arrayContaining([
        'Tickets are limited to the queue “C_SRC Facilities”.',
        'Tickets are limited to the categories “C_SRC Building” and “C_SRC Cleaning”.',
      ]),
    );
    expect(levelPreview(level, 'de', names)).toContain(
      'Tickets sind auf die Queue „C_SRC Facilities“ beschränkt.',
    );
    // A name the caller does not know (another set-up's queue): the count, never a guess.
    const partly: KindNames = { queues: new Map(), categories: new Map([[2, 'C_SRC Building']]) };
    expect(levelPreview(level, 'en', partly)).toContain('Tickets are limited to 2 categories.');
  });
});
