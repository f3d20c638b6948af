import { describe, expect, it } from 'vitest';
import { actorWith as actor, matrix, myCompany, otherCompany, refusal } from '../../test/actors.ts';
import type { Action, SecuredObject } from '../shared/access-vocabulary.ts';
import type { Actor } from './actor.ts';
import { authorize, type AuthorizeOptions, refuseUnless, requireAdmin } from './authorize.ts';
import type { RowFacts } from './permissions.ts';

const technician = actor(
  'full',
  false,
  matrix({
    tickets: { view: 'all', add: 'all', edit: 'my_companies' },
    timeEntries: { view: 'all', edit: 'mine', delete: 'mine' },
    companies: { view: 'all' },
  }),
);
const admin = actor('full', true, matrix({ tickets: { view: 'all' } }));
const coManagedEditor = actor(
  'co_managed',
  false,
  matrix({ companies: { view: 'all', add: 'all', edit: 'all' } }),
);
const customerWithAdminFlag = actor('co_managed', true, matrix({ tickets: { view: 'all' } }));

const inMyCompany = { companyId: myCompany, isMine: false };
const inOtherCompany = { companyId: otherCompany, isMine: false };
const myOwnRow = { companyId: otherCompany, isMine: true };

describe('authorize', () => {
  type Case = [string, Actor, SecuredObject, Action, RowFacts | undefined, AuthorizeOptions, string | null];
  const cases: Case[] = [
    ['a scope of all, any row in reach', technician, 'tickets', 'view', inOtherCompany, {}, null],
    ['my companies, a row in one', technician, 'tickets', 'edit', inMyCompany, {}, null],
    [
      'my companies, a row outside them',
      technician,
      'tickets',
      'edit',
      inOtherCompany,
      {},
      'Your security level does not allow editing this ticket.',
    ],
    ['mine, my own row', technician, 'timeEntries', 'delete', myOwnRow, {}, null],
    [
      "mine, someone else's row",
      technician,
      'timeEntries',
      'delete',
      inMyCompany,
      {},
      'Your security level does not allow deleting this time entry.',
    ],
    [
      'none, an add for a company',
      technician,
      'contacts',
      'add',
      inMyCompany,
      {},
      'Your security level does not allow adding contacts for this company.',
    ],
    ['without a row: any scope but none', technician, 'tickets', 'add', undefined, {}, null],
    [
      'without a row: none',
      technician,
      'companies',
      'add',
      undefined,
      {},
      'Your security level does not allow adding companies.',
    ],
    [
      'a reason passed in replaces the built one',
      technician,
      'notes',
      'add',
      inMyCompany,
      { reason: 'No notes on this ticket.' },
      'No notes on this ticket.',
    ],
    [
      'a reason passed in is unused when allowed',
      technician,
      'tickets',
      'add',
      inMyCompany,
      { reason: 'Unused.' },
      null,
    ],
    ['MSP only, MSP staff', technician, 'tickets', 'edit', inMyCompany, { mspOnly: true }, null],
    ['without MSP only, a customer-side actor', coManagedEditor, 'companies', 'edit', inMyCompany, {}, null],
    [
      'MSP only, a customer-side actor the matrix allows',
      coManagedEditor,
      'companies',
      'edit',
      inMyCompany,
      { mspOnly: true },
      'Your security level does not allow editing this company.',
    ],
    [
      'MSP only, without a row',
      coManagedEditor,
      'companies',
      'add',
      undefined,
      { mspOnly: true },
      'Your security level does not allow adding companies.',
    ],
  ];
  it.each(cases)('%s', (_name, who, object, action, facts, options, expected) => {
    expect(
      refusal(() => {
        authorize(who, object, action, facts, options);
      }),
    ).toBe(expected);
  });
});

describe('refuseUnless', () => {
  const cases: [string, boolean, SecuredObject, Action, string | undefined, string | null][] = [
    ['a decision that allows', true, 'contacts', 'edit', undefined, null],
    [
      'a refusal, with the reason built for a row',
      false,
      'contacts',
      'edit',
      undefined,
      'Your security level does not allow editing this contact.',
    ],
    [
      'a refusal of an add',
      false,
      'contacts',
      'add',
      undefined,
      'Your security level does not allow adding contacts for this company.',
    ],
    [
      'a refusal with a reason passed in',
      false,
      'notes',
      'delete',
      'Only your own notes.',
      'Only your own notes.',
    ],
  ];
  it.each(cases)('%s', (_name, allowed, object, action, reason, expected) => {
    expect(
      refusal(() => {
        refuseUnless(allowed, object, action, reason);
      }),
    ).toBe(expected);
  });
});

describe('requireAdmin', () => {
  const cases: [string, Actor, string | null][] = [
    ['an MSP administrator', admin, null],
    [
      'MSP staff without the flag',
      technician,
      'Only administrators can manage SLAs. Ask your administrator.',
    ],
    [
      'a customer-side licence, even with the flag',
      customerWithAdminFlag,
      'Only administrators can manage SLAs. Ask your administrator.',
    ],
  ];
  it.each(cases)('%s', (_name, who, expected) => {
    expect(
      refusal(() => {
        requireAdmin(who, 'manage SLAs');
      }),
    ).toBe(expected);
  });
});
