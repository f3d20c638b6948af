import { describe, expect, it } from 'vitest';
import { actions, securedObjects, securityLevelFlags } from '../../shared/access-vocabulary.ts';
import { type SystemLevel, systemLevels } from './system-levels.ts';

/** Columns padded to their widest cell, so the table reads as one. */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) => cell.padEnd(widths[index] ?? 0))
        .join(' ')
        .trimEnd(),
    )
    .join('\n');
}

function permissionTable(levels: SystemLevel[]): string {
  return table(
    levels.flatMap((level) =>
      securedObjects.map((object) => [
        level.systemKey,
        object,
        ...actions.map((action) => level.permissions[object][action]),
      ]),
    ),
  );
}

function levelTable(levels: SystemLevel[]): string {
  return table(
    levels.map((level) => {
      const flags = securityLevelFlags.filter((flag) => level.flags[flag]);
      return [level.systemKey, level.licenceType, level.portalTier ?? '-', flags.join(',') || '-'];
    }),
  );
}

/*
 * Every system template's full matrix as it was when templates started to derive their
 * permissions from per-object defaults: the refactoring must not change a single scope. A
 * deliberate change to a template edits this table in the same commit.
 */
// system key, object, then the scope of view, add, edit, delete
const expectedPermissions = `
msp_administrator               tickets     all          all          all          all
msp_administrator               notes       all          all          all          all
msp_administrator               timeEntries all          all          all          all
msp_administrator               attachments all          all          all          all
msp_administrator               companies   all          all          all          all
msp_administrator               contacts    all          all          all          all
msp_administrator               devices     all          all          all          all
msp_administrator               dashboards  all          all          all          all
msp_administrator               reports     all          all          all          all
msp_technician                  tickets     all          all          all          mine
msp_technician                  notes       all          all          mine         mine
msp_technician                  timeEntries all          all          mine         mine
msp_technician                  attachments all          all          mine         mine
msp_technician                  companies   all          none         none         none
msp_technician                  contacts    all          all          all          none
msp_technician                  devices     all          none         none         none
msp_technician                  dashboards  all          mine         mine         mine
msp_technician                  reports     all          none         none         none
msp_account_manager             tickets     my_companies my_companies my_companies none
msp_account_manager             notes       my_companies my_companies mine         mine
msp_account_manager             timeEntries my_companies my_companies mine         mine
msp_account_manager             attachments my_companies my_companies mine         mine
msp_account_manager             companies   my_companies none         my_companies none
msp_account_manager             contacts    my_companies my_companies my_companies my_companies
msp_account_manager             devices     my_companies none         none         none
msp_account_manager             dashboards  my_companies mine         mine         mine
msp_account_manager             reports     my_companies none         none         none
co_managed_help_desk            tickets     my_companies my_companies my_companies none
co_managed_help_desk            notes       my_companies my_companies mine         mine
co_managed_help_desk            timeEntries my_companies my_companies mine         mine
co_managed_help_desk            attachments my_companies my_companies mine         mine
co_managed_help_desk            companies   my_companies none         none         none
co_managed_help_desk            contacts    my_companies my_companies my_companies none
co_managed_help_desk            devices     my_companies none         none         none
co_managed_help_desk            dashboards  mine         mine         mine         mine
co_managed_help_desk            reports     my_companies none         none         none
co_managed_restricted           tickets     my_companies my_companies mine         none
co_managed_restricted           notes       my_companies my_companies mine         none
co_managed_restricted           timeEntries mine         mine         mine         none
co_managed_restricted           attachments my_companies my_companies none         none
co_managed_restricted           companies   my_companies none         none         none
co_managed_restricted           contacts    my_companies none         none         none
co_managed_restricted           devices     none         none         none         none
co_managed_restricted           dashboards  none         none         none         none
co_managed_restricted           reports     none         none         none         none
internal_helpdesk               tickets     my_companies my_companies my_companies none
internal_helpdesk               notes       my_companies my_companies mine         none
internal_helpdesk               timeEntries my_companies my_companies mine         none
internal_helpdesk               attachments my_companies my_companies mine         none
internal_helpdesk               companies   my_companies none         none         none
internal_helpdesk               contacts    my_companies my_companies my_companies none
internal_helpdesk               devices     none         none         none         none
internal_helpdesk               dashboards  none         none         none         none
internal_helpdesk               reports     none         none         none         none
internal_helpdesk_administrator tickets     my_companies my_companies my_companies none
internal_helpdesk_administrator notes       my_companies my_companies mine         none
internal_helpdesk_administrator timeEntries my_companies my_companies mine         none
internal_helpdesk_administrator attachments my_companies my_companies mine         none
internal_helpdesk_administrator companies   my_companies none         none         none
internal_helpdesk_administrator contacts    my_companies my_companies my_companies none
internal_helpdesk_administrator devices     none         none         none         none
internal_helpdesk_administrator dashboards  none         none         none         none
internal_helpdesk_administrator reports     none         none         none         none
portal_basic                    tickets     mine         mine         mine         none
portal_basic                    notes       mine         mine         none         none
portal_basic                    timeEntries none         none         none         none
portal_basic                    attachments mine         mine         none         none
portal_basic                    companies   mine         none         none         none
portal_basic                    contacts    mine         none         none         none
portal_basic                    devices     none         none         none         none
portal_basic                    dashboards  none         none         none         none
portal_basic                    reports     none         none         none         none
portal_advanced                 tickets     my_companies mine         mine         none
portal_advanced                 notes       my_companies mine         none         none
portal_advanced                 timeEntries none         none         none         none
portal_advanced                 attachments my_companies mine         none         none
portal_advanced                 companies   mine         none         none         none
portal_advanced                 contacts    my_companies none         none         none
portal_advanced                 devices     none         none         none         none
portal_advanced                 dashboards  none         none         none         none
portal_advanced                 reports     none         none         none         none
portal_manager                  tickets     my_companies mine         mine         none
portal_manager                  notes       my_companies mine         none         none
portal_manager                  timeEntries none         none         none         none
portal_manager                  attachments my_companies mine         none         none
portal_manager                  companies   my_companies none         none         none
portal_manager                  contacts    my_companies none         none         none
portal_manager                  devices     none         none         none         none
portal_manager                  dashboards  none         none         none         none
portal_manager                  reports     none         none         none         none
api_full                        tickets     all          all          all          all
api_full                        notes       all          all          all          all
api_full                        timeEntries all          all          all          all
api_full                        attachments all          all          all          all
api_full                        companies   all          all          all          all
api_full                        contacts    all          all          all          all
api_full                        devices     all          all          all          all
api_full                        dashboards  all          all          all          all
api_full                        reports     all          all          all          all
api_administrator               tickets     all          all          all          all
api_administrator               notes       all          all          all          all
api_administrator               timeEntries all          all          all          all
api_administrator               attachments all          all          all          all
api_administrator               companies   all          all          all          all
api_administrator               contacts    all          all          all          all
api_administrator               devices     all          all          all          all
api_administrator               dashboards  all          all          all          all
api_administrator               reports     all          all          all          all
`;

// system key, licence, portal tier, flags
const expectedLevels = `
msp_administrator               full              -        admin,viewInternalCost,createDashboards,shareDashboards,useLiveLinks,mobileAccess,requireTwoFactor
msp_technician                  full              -        createDashboards,useLiveLinks,mobileAccess
msp_account_manager             full              -        viewInternalCost,createDashboards,mobileAccess
co_managed_help_desk            co_managed        -        createDashboards,useLiveLinks,mobileAccess
co_managed_restricted           co_managed        -        mobileAccess
internal_helpdesk               internal_helpdesk -        mobileAccess
internal_helpdesk_administrator internal_helpdesk -        mobileAccess,manageHelpdeskUsers
portal_basic                    portal            basic    -
portal_advanced                 portal            advanced -
portal_manager                  portal            manager  viewPriority
api_full                        api_only          -        -
api_administrator               api_only          -        admin,viewInternalCost
`;

describe('system level templates', () => {
  it('grant exactly the pinned view / add / edit / delete scopes', () => {
    expect(permissionTable(systemLevels)).toBe(expectedPermissions.trim());
  });

  it('keep their licence, portal tier and flags', () => {
    expect(levelTable(systemLevels)).toBe(expectedLevels.trim());
  });
});
