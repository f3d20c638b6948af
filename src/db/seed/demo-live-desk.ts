import { inArray } from 'drizzle-orm';
import type { Transaction } from '../database.ts';
import {
  dashboardShares,
  dashboards,
  locations,
  notificationTemplates,
  resources,
  securityLevels,
  slaDefinitions,
  ticketPriorities,
} from '../schema/index.ts';
import { seedDemoRules } from './demo-automation.ts';
import { seedDemoIncomingMail } from './demo-incoming-mail.ts';

/** Business minutes per priority: first response, resolved. */
const standardSupport: Record<string, [number, number]> = {
  Critical: [30, 240],
  High: [60, 480],
  Medium: [240, 1440],
  Low: [480, 2400],
};

/**
 * A desk that is alive (#13): a default SLA with clocks on the recent open tickets, notification
 * templates an MSP really sends (English and German), two workflow rules at work
 * (`demo-automation.ts`), the shared "Service desk" dashboard and Anna's own "Contoso IT" tab,
 * each with the time logged. The clocks of the recent open tickets start in the server
 * (src/server/demo-clocks.ts): the SLA clock is module code, below which the seed stays.
 */
export async function seedDemoLiveDesk(tx: Transaction): Promise<void> {
  const [location] = await tx.select({ id: locations.id }).from(locations).orderBy(locations.id).limit(1);
  const priorities = await tx
    .select({ id: ticketPriorities.id, name: ticketPriorities.name })
    .from(ticketPriorities);
  if (!location) return;
  await tx.insert(slaDefinitions).values({
    name: 'Standard support',
    description: 'Business hours of Northwind IT; paused while waiting for the customer.',
    locationId: location.id,
    isDefault: true,
    objectives: priorities.flatMap((priority) => {
      const minutes = standardSupport[priority.name];
      return minutes
        ? [{ priorityId: priority.id, firstResponseMinutes: minutes[0], resolvedMinutes: minutes[1] }]
        : [];
    }),
  });

  await tx.insert(notificationTemplates).values([
    {
      name: 'Assigned to you',
      eventType: 'ticket.assigned',
      subjectEn: 'Assigned to you: {{ticket.title}}',
      bodyEn: 'Ticket {{ticket.number}} ({{ticket.priority}}) is yours now.',
      subjectDe: 'Ihnen zugewiesen: {{ticket.title}}',
      bodyDe: 'Ticket {{ticket.number}} ({{ticket.priority}}) liegt jetzt bei Ihnen.',
      recipients: { primary: true },
      sendEmail: true,
      sendInApp: true,
    },
    {
      name: 'A note for you',
      eventType: 'ticket.note_added',
      subjectEn: 'New note on {{ticket.title}}',
      bodyEn: 'Ticket {{ticket.number}} has a new note.',
      subjectDe: 'Neue Notiz zu {{ticket.title}}',
      bodyDe: 'Ticket {{ticket.number}} hat eine neue Notiz.',
      recipients: { primary: true, secondaries: true },
      sendEmail: false,
      sendInApp: true,
    },
    {
      name: 'SLA at risk',
      eventType: 'ticket.sla_approaching',
      subjectEn: 'SLA at risk: {{ticket.title}}',
      bodyEn: 'Ticket {{ticket.number}} is close to missing its SLA.',
      subjectDe: 'SLA gefährdet: {{ticket.title}}',
      bodyDe: 'Ticket {{ticket.number}} droht sein SLA zu verfehlen.',
      recipients: { primary: true, queueMembers: true },
      sendEmail: true,
      sendInApp: true,
    },
  ]);

  const people = await tx
    .select({ id: resources.id, email: resources.email })
    .from(resources)
    .where(inArray(resources.email, ['admin@northwind.example', 'anna.it@contoso.example']));
  const idOf = (email: string) => people.find((row) => row.email === email)?.id;
  const levels = await tx
    .select({ id: securityLevels.id })
    .from(securityLevels)
    .where(inArray(securityLevels.systemKey, ['msp_technician', 'co_managed_help_desk']));
  const admin = idOf('admin@northwind.example');
  const anna = idOf('anna.it@contoso.example');
  if (admin === undefined || anna === undefined) return;
  const open = { open: 'true' };
  const [desk] = await tx
    .insert(dashboards)
    .values({
      resourceId: admin,
      name: 'Service desk',
      widgets: [
        { kind: 'count', title: 'Open tickets', filters: open },
        { kind: 'count', title: 'Open and unassigned', filters: { ...open, primaryResourceId: 'none' } },
        { kind: 'count', title: 'Mine', filters: { ...open, assignee: 'mine' } },
        { kind: 'groups', title: 'Open by queue', groupBy: 'queue', display: 'bar', filters: open },
        { kind: 'sla', title: 'SLA performance, 30 days', days: 30, filters: {} },
        { kind: 'trend', title: 'Open tickets, 30 days', days: 30, filters: {} },
        { kind: 'time', title: 'Time by work type, 30 days', groupBy: 'workType', days: 30 },
      ],
    })
    .returning({ id: dashboards.id });
  if (desk) {
    await tx
      .insert(dashboardShares)
      .values(levels.map((level) => ({ dashboardId: desk.id, securityLevelId: level.id })));
  }
  await tx.insert(dashboards).values({
    resourceId: anna,
    name: 'Contoso IT',
    widgets: [
      { kind: 'count', title: 'Assigned to me', filters: { ...open, assignee: 'mine' } },
      { kind: 'groups', title: 'Open by company', groupBy: 'company', display: 'bar', filters: open },
      { kind: 'groups', title: 'Open by category', groupBy: 'category', display: 'donut', filters: open },
      { kind: 'time', title: 'Time on our tickets, 14 days', groupBy: 'resource', days: 14 },
      { kind: 'recent', title: 'Recent activity' },
    ],
  });
  await seedDemoRules(tx);
  await seedDemoIncomingMail(tx);
}
