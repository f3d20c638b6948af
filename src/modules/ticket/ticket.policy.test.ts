import { describe, expect, it } from 'vitest';
import { actorWith, matrix, myCompany, otherCompany, refusal } from '../../../test/actors.ts';
import type { Actor } from '../../access/actor.ts';
import { assertMayChangeNote } from '../note/note.policy.ts';
import {
  assertMayAddToTicket,
  assertMayDeleteTicket,
  assertMayEditTicket,
  assertMayTakeStep,
  type TicketVisibilityFacts,
  ticketVisibleTo,
} from './ticket.policy.ts';
import type { TicketWithSecondaries } from './ticket.repository.ts';

/** Only what the policies read of a ticket; the rest of the row does not decide anything. */
function ticketIn(companyId: number, secondaryResourceIds: number[] = []): TicketWithSecondaries {
  return {
    companyId,
    primaryResourceId: null,
    createdByResourceId: null,
    contactId: null,
    secondaryResources: secondaryResourceIds.map((resourceId) => ({ resourceId, roleId: null })),
  } as unknown as TicketWithSecondaries;
}

const deskWork = {
  tickets: { view: 'all', add: 'all', edit: 'my_companies', delete: 'mine' },
  notes: { view: 'all', add: 'my_companies', edit: 'all', delete: 'mine' },
  attachments: { view: 'all', add: 'mine' },
} as const;
const technician = actorWith('full', false, matrix(deskWork));
const coManaging = actorWith('co_managed', false, matrix(deskWork));
const portal = actorWith('portal', false, matrix(deskWork));

const inMyCompany = ticketIn(myCompany);
const inOtherCompany = ticketIn(otherCompany);
const mineAsSecondary = ticketIn(otherCompany, [7]);

describe('ticket policy refusals', () => {
  const cases: [string, () => void, string | null][] = [
    [
      'edit, in my companies',
      () => {
        assertMayEditTicket(technician, inMyCompany);
      },
      null,
    ],
    [
      'edit, outside my companies',
      () => {
        assertMayEditTicket(technician, inOtherCompany);
      },
      'Your security level does not allow editing this ticket.',
    ],
    [
      'delete my own ticket as MSP staff',
      () => {
        assertMayDeleteTicket(technician, mineAsSecondary);
      },
      null,
    ],
    [
      'delete as a customer-side user, even where the level allows it',
      () => {
        assertMayDeleteTicket(coManaging, mineAsSecondary);
      },
      'Your security level does not allow deleting this ticket.',
    ],
    [
      'add a note in my companies',
      () => {
        assertMayAddToTicket(technician, inMyCompany, 'notes');
      },
      null,
    ],
    [
      'add a note elsewhere',
      () => {
        assertMayAddToTicket(technician, inOtherCompany, 'notes');
      },
      'Your security level does not allow adding notes to this ticket.',
    ],
    [
      'add an attachment to a ticket not mine',
      () => {
        assertMayAddToTicket(technician, inMyCompany, 'attachments');
      },
      'Your security level does not allow adding attachments to this ticket.',
    ],
    [
      'escalate as co-managing staff',
      () => {
        assertMayTakeStep(coManaging, inMyCompany, 'escalateToMsp');
      },
      null,
    ],
    [
      'escalate as a portal user',
      () => {
        assertMayTakeStep(portal, inMyCompany, 'escalateToMsp');
      },
      'You cannot escalate this ticket to the MSP.',
    ],
    [
      'transfer without the right to edit',
      () => {
        assertMayTakeStep(technician, inOtherCompany, 'transferToCoManaged');
      },
      'You cannot transfer this ticket to co-managed staff.',
    ],
  ];
  it.each(cases)('%s', (_name, check, expected) => {
    expect(refusal(check)).toBe(expected);
  });
});

describe('note change refusals', () => {
  const someoneElses = { companyId: myCompany, createdByResourceId: 99 };
  const mine = { companyId: myCompany, createdByResourceId: 7 };
  const cases: [
    string,
    Actor,
    { companyId: number; createdByResourceId: number },
    'edit' | 'delete',
    string | null,
  ][] = [
    ["MSP staff edit someone else's note", technician, someoneElses, 'edit', null],
    [
      "MSP staff delete someone else's note without the scope",
      technician,
      someoneElses,
      'delete',
      'Your security level does not allow you to delete this note.',
    ],
    [
      "a customer-side user edits someone else's note",
      coManaging,
      someoneElses,
      'edit',
      'You can only edit notes you wrote, if your security level allows it.',
    ],
    ['a customer-side user edits their own note', coManaging, mine, 'edit', null],
  ];
  it.each(cases)('%s', (_name, actor, note, action, expected) => {
    expect(
      refusal(() => {
        assertMayChangeNote(actor, note, action);
      }),
    ).toBe(expected);
  });
});

// The in-memory twin of ticketScope decides who hears of a deleted ticket (webhooks of ticket.deleted).
describe('ticketVisibleTo', () => {
  const seesAll = matrix({ tickets: { view: 'all' } });
  const facts = (overrides: Partial<TicketVisibilityFacts> = {}): TicketVisibilityFacts => ({
    companyId: myCompany,
    primaryResourceId: null,
    createdByResourceId: null,
    contactId: null,
    secondaryResourceIds: [],
    coManagedVisible: false,
    ...overrides,
  });
  const portal = (tier: 'basic' | 'advanced'): Actor => {
    const actor = actorWith('portal', false, seesAll);
    return { ...actor, contactId: 55, securityLevel: { ...actor.securityLevel, portalTier: tier } };
  };

  it.each([
    ['an MSP technician, any ticket in reach', actorWith('full', false, seesAll), facts(), true],
    ['nobody outside reach', actorWith('full', false, seesAll), facts({ companyId: 99 }), false],
    ['a level that sees no tickets', actorWith('full', false, matrix({})), facts(), false],
    [
      'a level that sees only my companies, elsewhere',
      actorWith('full', false, matrix({ tickets: { view: 'my_companies' } })),
      facts({ companyId: otherCompany }),
      false,
    ],
    ['a co-managing user, an MSP-internal ticket', actorWith('co_managed', false, seesAll), facts(), false],
    [
      'a co-managing user, an MSP-internal ticket they work',
      actorWith('co_managed', false, seesAll),
      facts({ secondaryResourceIds: [7] }),
      true,
    ],
    [
      'a co-managing user, a visible ticket',
      actorWith('co_managed', false, seesAll),
      facts({ coManagedVisible: true }),
      true,
    ],
    ['customer IT, an MSP-internal ticket', actorWith('internal_helpdesk', false, seesAll), facts(), false],
    ['an Advanced portal user, an MSP-internal ticket', portal('advanced'), facts(), false],
    [
      'an Advanced portal user, their own MSP-internal ticket',
      portal('advanced'),
      facts({ contactId: 55 }),
      true,
    ],
    [
      'a Basic portal user, a visible ticket not theirs',
      portal('basic'),
      facts({ coManagedVisible: true }),
      false,
    ],
  ] as const)('%s → %s', (_case, actor, ticket, expected) => {
    expect(ticketVisibleTo(actor, ticket)).toBe(expected);
  });
});
