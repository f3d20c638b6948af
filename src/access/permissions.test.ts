import { describe, expect, it } from 'vitest';
import { systemLevels } from '../modules/security-level/system-levels.ts';
import {
  actions,
  customerSideLicences,
  securedObjects,
  type SecuredObject,
} from '../shared/access-vocabulary.ts';
import type { Actor, CompanyReach } from './actor.ts';
import { allows } from './permissions.ts';

const msp = 1;
const myCompany = 10; // in the actor's "my companies" (and reach)
const otherCompany = 20; // in reach for MSP staff who see all companies, outside otherwise
const farCompany = 30; // outside every narrowed reach

function actorOn(systemKey: string, reach: CompanyReach, myCompanyIds: ReadonlySet<number>): Actor {
  const level = systemLevels.find((candidate) => candidate.systemKey === systemKey);
  if (!level) throw new Error(`no system level ${systemKey}`);
  return {
    resourceId: 7,
    impersonatorId: null,
    licence: level.licenceType,
    email: 'someone@example.com',
    displayName: 'Someone',
    locale: 'en',
    companyId: level.licenceType === 'full' || level.licenceType === 'api_only' ? msp : myCompany,
    contactId: null,
    securityLevel: {
      id: 1,
      name: level.name,
      permissions: level.permissions,
      flags: level.flags,
      portalTier: level.portalTier,
      ticketKinds: { queueIds: null, categoryIds: null },
    },
    reach,
    myCompanyIds,
    coManagedActivationOn: true,
  };
}

const mine = new Set([myCompany]);
const actors: Record<string, Actor> = {
  'full / Technician': actorOn('msp_technician', 'all', new Set([msp, myCompany])),
  'full / Account Manager': actorOn(
    'msp_account_manager',
    new Set([msp, myCompany]),
    new Set([msp, myCompany]),
  ),
  'co_managed / Help Desk': actorOn('co_managed_help_desk', mine, mine),
  'co_managed / Restricted': actorOn('co_managed_restricted', mine, mine),
  internal_helpdesk: actorOn('internal_helpdesk', mine, mine),
  'portal / Basic': actorOn('portal_basic', mine, mine),
  'portal / Manager': actorOn('portal_manager', mine, mine),
  'api_only / all companies': actorOn('api_full', 'all', new Set([msp])),
};

/**
 * Expected answers, written out by hand from the levels' intent. Each entry is
 * four groups for a row of [my company, another company, a far company, the
 * actor's own row]; each group is view/add/edit/delete, y = allowed.
 */
const expected: Record<string, Partial<Record<SecuredObject, string>>> = {
  'full / Technician': {
    tickets: 'yyy- yyy- yyy- yyyy',
    notes: 'yy-- yy-- yy-- yyyy',
    timeEntries: 'yy-- yy-- yy-- yyyy',
    attachments: 'yy-- yy-- yy-- yyyy',
    companies: 'y--- y--- y--- y---',
    contacts: 'yyy- yyy- yyy- yyy-',
    devices: 'y--- y--- y--- y---',
    dashboards: 'y--- y--- y--- yyyy',
    reports: 'y--- y--- y--- y---',
  },
  'full / Account Manager': {
    tickets: 'yyy- ---- ---- yyy-',
    notes: 'yy-- ---- ---- yyyy',
    timeEntries: 'yy-- ---- ---- yyyy',
    attachments: 'yy-- ---- ---- yyyy',
    companies: 'y-y- ---- ---- y-y-',
    contacts: 'yyyy ---- ---- yyyy',
    devices: 'y--- ---- ---- y---',
    dashboards: 'y--- ---- ---- yyyy',
    reports: 'y--- ---- ---- y---',
  },
  'co_managed / Help Desk': {
    tickets: 'yyy- ---- ---- yyy-',
    notes: 'yy-- ---- ---- yyyy',
    timeEntries: 'yy-- ---- ---- yyyy',
    attachments: 'yy-- ---- ---- yyyy',
    companies: 'y--- ---- ---- y---',
    contacts: 'yyy- ---- ---- yyy-',
    devices: 'y--- ---- ---- y---',
    dashboards: '---- ---- ---- yyyy',
    reports: 'y--- ---- ---- y---',
  },
  'co_managed / Restricted': {
    tickets: 'yy-- ---- ---- yyy-',
    notes: 'yy-- ---- ---- yyy-',
    timeEntries: '---- ---- ---- yyy-',
    attachments: 'yy-- ---- ---- yy--',
    companies: 'y--- ---- ---- y---',
    contacts: 'y--- ---- ---- y---',
  },
  internal_helpdesk: {
    tickets: 'yyy- ---- ---- yyy-',
    notes: 'yy-- ---- ---- yyy-',
    timeEntries: 'yy-- ---- ---- yyy-',
    attachments: 'yy-- ---- ---- yyy-',
    companies: 'y--- ---- ---- y---',
    contacts: 'yyy- ---- ---- yyy-',
  },
  'portal / Basic': {
    tickets: '---- ---- ---- yyy-',
    notes: '---- ---- ---- yy--',
    attachments: '---- ---- ---- yy--',
    companies: '---- ---- ---- y---',
    contacts: '---- ---- ---- y---',
  },
  'portal / Manager': {
    tickets: 'y--- ---- ---- yyy-',
    notes: 'y--- ---- ---- yy--',
    attachments: 'y--- ---- ---- yy--',
    companies: 'y--- ---- ---- y---',
    contacts: 'y--- ---- ---- y---',
  },
  'api_only / all companies': Object.fromEntries(
    securedObjects.map((object) => [object, 'yyyy yyyy yyyy yyyy']),
  ),
};

const rows = [
  { label: 'my company', companyId: myCompany, isMine: false },
  { label: 'another company', companyId: otherCompany, isMine: false },
  { label: 'a far company', companyId: farCompany, isMine: false },
  { label: 'own row', companyId: myCompany, isMine: true },
];

const cases = Object.entries(actors).flatMap(([actorLabel, actor]) =>
  securedObjects.flatMap((object) => {
    const groups = (expected[actorLabel]?.[object] ?? '---- ---- ---- ----').split(' ');
    return rows.flatMap((row, rowIndex) =>
      actions.map((action, actionIndex) => ({
        actorLabel,
        actor,
        object,
        action,
        row,
        allowed: groups[rowIndex]?.[actionIndex] === 'y',
      })),
    );
  }),
);

describe('policy matrix: every licence × object × action', () => {
  it('covers every licence type', () => {
    expect(new Set(Object.values(actors).map((actor) => actor.licence))).toEqual(
      new Set(['full', 'co_managed', 'internal_helpdesk', 'portal', 'api_only']),
    );
  });

  it.each(cases)(
    '$actorLabel: $action $object on $row.label → $allowed',
    ({ actor, object, action, row, allowed }) => {
      expect(allows(actor, object, action, { companyId: row.companyId, isMine: row.isMine })).toBe(allowed);
    },
  );
});

describe('system security levels', () => {
  it.each(systemLevels.filter((level) => customerSideLicences.includes(level.licenceType)))(
    '$name never carries an MSP-only flag',
    (level) => {
      expect(level.flags.admin).toBe(false);
      expect(level.flags.viewInternalCost).toBe(false);
    },
  );

  it('covers every object and action in every template', () => {
    for (const level of systemLevels) {
      expect(Object.keys(level.permissions).sort()).toEqual([...securedObjects].sort());
      for (const object of securedObjects)
        expect(Object.keys(level.permissions[object]).sort()).toEqual([...actions].sort());
    }
  });
});
