import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type PublishLevel, publishLevels } from '../../shared/access-vocabulary.ts';
import { systemLevels } from '../security-level/system-levels.ts';
import { resolveDuration } from './time-entry-references.ts';
import {
  defaultPublishLevel,
  mayLogForOthers,
  mayLogTime,
  mayUsePublishLevel,
  timeEntryAbilities,
} from './time-entry.policy.ts';
import { presentTimeEntry } from './time-entry.presenter.ts';
import type { TimeEntryWithCost } from './time-entry.repository.ts';

const customerCompany = 10;

function actorOn(systemKey: string): Actor {
  const level = systemLevels.find((candidate) => candidate.systemKey === systemKey);
  if (!level) throw new Error(`no system level ${systemKey}`);
  return {
    resourceId: 7,
    impersonatorId: null,
    licence: level.licenceType,
    email: 'someone@example.com',
    displayName: 'Someone',
    locale: 'en',
    companyId: customerCompany,
    contactId: null,
    securityLevel: {
      id: 1,
      name: level.name,
      permissions: level.permissions,
      flags: level.flags,
      portalTier: level.portalTier,
      ticketKinds: { queueIds: null, categoryIds: null },
    },
    reach: 'all',
    myCompanyIds: new Set([customerCompany]),
    coManagedActivationOn: true,
  };
}

const administrator = actorOn('msp_administrator');
const technician = actorOn('msp_technician');
const accountManager = actorOn('msp_account_manager');
const coManaged = actorOn('co_managed_help_desk');
const restricted = actorOn('co_managed_restricted');
const internalHelpdesk = actorOn('internal_helpdesk');
const portal = actorOn('portal_manager');
const api = actorOn('api_full');

describe('publish levels a licence may give its time', () => {
  // internal, internal_and_co_managed, all, customer_internal; y = may use
  const expected: [string, Actor, string, PublishLevel | null][] = [
    ['full', technician, 'yyyy', 'internal'],
    ['api_only', api, 'yyyy', 'internal'],
    ['co_managed', coManaged, '-yyy', 'internal_and_co_managed'],
    ['internal_helpdesk', internalHelpdesk, '--yy', 'customer_internal'],
    ['portal', portal, '----', null],
  ];
  it.each(expected)('%s', (_licence, actor, usable, fallback) => {
    expect(publishLevels.map((level) => (mayUsePublishLevel(actor, level) ? 'y' : '-')).join('')).toBe(
      usable,
    );
    expect(mayLogTime(actor)).toBe(fallback !== null);
    if (fallback) expect(defaultPublishLevel(actor)).toBe(fallback);
  });
});

describe('who logs time for someone else', () => {
  it.each([
    ['administrator', administrator, true],
    ['technician (add: all)', technician, true],
    ['account manager (add: my companies)', accountManager, false],
    ['co-managing user', coManaged, false],
    ['portal user', portal, false],
  ] as const)('%s', (_name, actor, allowed) => {
    expect(mayLogForOthers(actor)).toBe(allowed);
  });
});

describe('abilities on an entry', () => {
  const own = { companyId: customerCompany, resourceId: 7 };
  const someoneElses = { companyId: customerCompany, resourceId: 8 };
  it.each([
    ['administrator', administrator, 'yyy', 'yyy'],
    ['technician', technician, 'yyy', 'y--'],
    ['co-managing user', coManaged, 'yyy', 'y--'],
    ['restricted co-managing user', restricted, 'yy-', '---'],
    ['portal user', portal, '---', '---'],
  ] as const)('%s: own entry %s, someone else’s %s', (_name, actor, ownExpected, otherExpected) => {
    const letters = (abilities: { view: boolean; edit: boolean; delete: boolean }) =>
      [abilities.view, abilities.edit, abilities.delete].map((allowed) => (allowed ? 'y' : '-')).join('');
    expect(letters(timeEntryAbilities(actor, own))).toBe(ownExpected);
    expect(letters(timeEntryAbilities(actor, someoneElses))).toBe(otherExpected);
  });
});

describe('the presenter', () => {
  const row: TimeEntryWithCost = {
    id: 1,
    ticketId: 2,
    companyId: customerCompany,
    resourceId: 7,
    resourceName: 'Dana Fischer',
    roleId: 3,
    workTypeId: 4,
    startedAt: null,
    endedAt: null,
    hours: '1.00',
    summary: 'Work',
    billable: true,
    publishLevel: 'all',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    cost: { hourlyRate: '120.00', internalCost: '55.00', billableAmount: '120.00' },
  };
  it.each([
    ['technician', technician, false],
    ['co-managing user', coManaged, false],
    ['portal user', portal, false],
    ['api user without the cost flag', api, false],
    ['account manager (cost flag)', accountManager, true],
    ['administrator', administrator, true],
  ] as const)('%s: money shown = %s, even if a cost row slipped through', (_name, actor, shown) => {
    const presented = presentTimeEntry(actor, row);
    expect('hourlyRate' in presented).toBe(shown);
    expect('internalCost' in presented).toBe(shown);
    expect('billableAmount' in presented).toBe(shown);
  });
});

describe('durations', () => {
  const at = (time: string) => new Date(`2026-03-02T${time}Z`);
  const noTimes = { startedAt: null, endedAt: null };
  it.each([
    ['times only', { startedAt: at('09:00:00'), endedAt: at('10:20:00') }, undefined, '1.33'],
    [
      'times and agreeing hours (rounded up)',
      { startedAt: at('09:00:00'), endedAt: at('10:20:00') },
      1.34,
      '1.34',
    ],
    ['hours only', noTimes, 0.5, '0.50'],
    ['exactly 24 hours', noTimes, 24, '24.00'],
  ] as const)('accepts %s', (_name, times, hours, expected) => {
    expect(resolveDuration(times, hours).hours).toBe(expected);
  });

  it.each([
    ['end before start', { startedAt: at('10:00:00'), endedAt: at('09:00:00') }, undefined, 'endedAt'],
    ['end equal to start', { startedAt: at('10:00:00'), endedAt: at('10:00:00') }, undefined, 'endedAt'],
    ['a few seconds', { startedAt: at('10:00:00'), endedAt: at('10:00:10') }, undefined, 'endedAt'],
    [
      'over 24 hours by times',
      { startedAt: at('00:00:00'), endedAt: new Date('2026-03-03T00:01:00Z') },
      undefined,
      'endedAt',
    ],
    ['over 24 hours', noTimes, 24.01, 'hours'],
    ['disagreeing hours', { startedAt: at('09:00:00'), endedAt: at('10:00:00') }, 1.5, 'hours'],
    ['nothing', noTimes, undefined, 'hours'],
  ] as const)('refuses %s with 422', (_name, times, hours, field) => {
    const attempt = () => resolveDuration(times, hours);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'unprocessable', details: { field } });
    }
  });
});
