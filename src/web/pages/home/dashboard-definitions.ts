import type { Me } from '../../api/contract.ts';
import type { WidgetDefinition } from '../../api/report-contract.ts';
import type { MessageKey } from '../../i18n/en.ts';

/** Ticket list filters as the URL and the API spell them. */
export type TicketFilterParams = Record<string, string>;

/**
 * One widget of a dashboard: what it counts (the ticket list's filters) and how it shows it — the
 * server's own definition. A title is a message key (the system's dashboards) or the owner's text.
 */
export type Widget = WidgetDefinition;

export interface Dashboard {
  title: MessageKey;
  widgets: (Widget & { title: MessageKey })[];
}

const open = { open: 'true' };

const mspDesk: Dashboard = {
  title: 'home.desk.msp',
  widgets: [
    { kind: 'count', title: 'home.widget.myOpen', filters: { ...open, assignee: 'mine' } },
    { kind: 'count', title: 'home.widget.unassigned', filters: { ...open, primaryResourceId: 'none' } },
    { kind: 'count', title: 'home.widget.allOpen', filters: open },
    { kind: 'groups', title: 'home.widget.byStatus', groupBy: 'status', display: 'bar', filters: open },
    { kind: 'groups', title: 'home.widget.byPriority', groupBy: 'priority', display: 'donut', filters: open },
    { kind: 'trend', title: 'home.widget.trend', days: 30, filters: {} },
    { kind: 'sla', title: 'home.widget.sla', days: 30, filters: {} },
    { kind: 'groups', title: 'home.widget.byCompany', groupBy: 'company', display: 'table', filters: open },
    { kind: 'time', title: 'home.widget.timeByPerson', groupBy: 'resource', days: 7 },
    { kind: 'worklist', title: 'home.widget.worklist' },
    { kind: 'recent', title: 'home.widget.recent' },
  ],
};

const coManagedDesk: Dashboard = {
  title: 'home.desk.coManaged',
  widgets: [
    { kind: 'count', title: 'home.widget.myOpen', filters: { ...open, assignee: 'mine' } },
    { kind: 'count', title: 'home.widget.coManagedOpen', filters: { ...open, coManagedVisible: 'true' } },
    { kind: 'count', title: 'home.widget.allOpen', filters: open },
    { kind: 'groups', title: 'home.widget.byCompany', groupBy: 'company', display: 'bar', filters: open },
    { kind: 'groups', title: 'home.widget.byStatus', groupBy: 'status', display: 'donut', filters: open },
    { kind: 'trend', title: 'home.widget.trend', days: 30, filters: {} },
    { kind: 'sla', title: 'home.widget.sla', days: 30, filters: {} },
    { kind: 'groups', title: 'home.widget.byAssignee', groupBy: 'assignee', display: 'table', filters: open },
    { kind: 'time', title: 'home.widget.timeByPerson', groupBy: 'resource', days: 7 },
    { kind: 'worklist', title: 'home.widget.worklist' },
    { kind: 'recent', title: 'home.widget.recent' },
  ],
};

/**
 * The system's default dashboard for each kind of user in the agent app (saved, editable dashboards
 * build on these). End users and internal help desks work in the portal and never land here.
 */
export function defaultDashboardFor(me: Me): Dashboard {
  return me.licence === 'full' || me.licence === 'api_only' ? mspDesk : coManagedDesk;
}
