import type { Page } from '@playwright/test';
import { violations } from './axe.ts';
import { expect, screenshot, test } from './fixtures.ts';

interface Listed {
  items: { id: number; name: string; email?: string }[];
}

/** The API through the page's own session (cookie + CSRF token), for setting the scene. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
    post: async <T>(path: string, data: unknown) => {
      const answer = await page.request.post(path, { data, headers });
      expect(answer.status(), await answer.text()).toBeLessThan(300);
      return (await answer.json()) as T;
    },
    patch: (path: string, data: unknown) => page.request.patch(path, { data, headers }),
  };
}

test('the live desk: an assignment rings the technician’s bell, the ticket shows its SLA clocks', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example');
  const api = await apiAs(admin);
  const location = (await api.get<Listed>('/api/v1/locations?limit=1')).items[0]?.id ?? 0;
  const priorities = (await api.get<Listed>('/api/v1/ticket-priorities')).items;
  // A default SLA gives every new ticket its clocks: the demo's, or one made here (and retired after).
  const slas = await api.get<{ items: { id: number; isDefault: boolean; active: boolean }[] }>(
    '/api/v1/slas?limit=200',
  );
  const made = slas.items.some((row) => row.isDefault && row.active)
    ? null
    : await api.post<{ id: number }>('/api/v1/slas', {
        name: `Live desk SLA (${project})`,
        locationId: location,
        isDefault: true,
        objectives: priorities.map((priority) => ({
          priorityId: priority.id,
          firstResponseMinutes: 240,
          resolvedMinutes: 2400,
        })),
      });
  const template = await api.post<{ id: number }>('/api/v1/notification-templates', {
    name: `Live desk assigned (${project})`,
    eventType: 'ticket.assigned',
    subjectEn: 'Assigned to you: {{ticket.title}}',
    bodyEn: 'Ticket {{ticket.number}} is yours now.',
    recipients: { primary: true },
    sendInApp: true,
    sendEmail: false,
  });
  const companies = await api.get<Listed>('/api/v1/companies?limit=200');
  const resources = await api.get<Listed>('/api/v1/resources?limit=200');
  const tom = resources.items.find((row) => row.email === 'tech1@northwind.example')?.id ?? 0;
  const title = `Live desk check ${project} ${Date.now()}`;
  const ticket = await api.post<{ id: number; version: number }>('/api/v1/tickets', {
    title,
    companyId: companies.items.find((row) => row.name === 'Contoso')?.id,
  });
  const assigned = await api.patch(`/api/v1/tickets/${ticket.id}`, {
    primaryResourceId: tom,
    version: ticket.version,
  });
  expect(assigned.status(), await assigned.text()).toBe(200);

  // Tom's bell rings (the worker delivers in the background; the bell refreshes by itself).
  const technician = await browsers.signIn('tech1@northwind.example');
  const bell = technician.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/unread/, { timeout: 60_000 });
  await bell.click();
  const item = technician.getByTestId('notification').filter({ hasText: title }).first();
  await expect(item).toBeVisible();
  expect(await violations(technician)).toEqual([]);
  await item.click();
  await expect(technician.getByTestId('ticket-title')).toHaveText(title);

  // The ticket's clocks: first response and resolution, both running.
  const timers = technician.getByTestId('sla-timer');
  await expect(timers.filter({ hasText: /First response: due in/ })).toBeVisible();
  await expect(timers.filter({ hasText: /Resolved: due in/ })).toBeVisible();
  expect(await violations(technician)).toEqual([]);
  await screenshot(technician, `live-desk-${project}`);

  // Tidy up: the template and the SLA stop applying to the next journeys' tickets.
  expect((await api.patch(`/api/v1/notification-templates/${template.id}`, { active: false })).status()).toBe(
    200,
  );
  if (made)
    expect((await api.patch(`/api/v1/slas/${made.id}`, { isDefault: false, active: false })).status()).toBe(
      200,
    );
});

test('the list shows each ticket against its SLA, filters by it, and says when a ticket changed while you looked', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example');
  const api = await apiAs(admin);
  const contoso = (await api.get<Listed>('/api/v1/companies?limit=200')).items.find(
    (row) => row.name === 'Contoso',
  )?.id;
  const title = `Watched while open ${project} ${Date.now()}`;
  const ticket = await api.post<{ id: number; sla: { state: string } | null }>('/api/v1/tickets', {
    title,
    companyId: contoso,
  });
  // The demo's default SLA starts its clocks at once.
  expect(ticket.sla?.state).toBe('on_track');

  await admin.goto(`/tickets?companyId=${String(contoso)}&open=true`);
  const row = admin.getByTestId('ticket-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  if (project === 'desktop') await expect(row).toContainText('On track');
  // Only tickets that are on track, when filtered by it; the filter is the URL's and the API's.
  await admin.goto(`/tickets?companyId=${String(contoso)}&open=true&sla=on_track`);
  await expect(row).toBeVisible();
  await admin.goto(`/tickets?companyId=${String(contoso)}&open=true&sla=breached`);
  await expect(admin.getByTestId('ticket-count')).not.toHaveText('');
  await expect(row).toHaveCount(0);

  // A colleague answers on the ticket while the admin looks at the list: a notice, and the row marked.
  await admin.goto(`/tickets?companyId=${String(contoso)}&open=true`);
  await expect(row).toBeVisible();
  const technician = await browsers.signIn('tech1@northwind.example', { stayHome: true });
  await (
    await apiAs(technician)
  ).post(`/api/v1/tickets/${ticket.id}/notes`, { body: 'Looking into it.', publishLevel: 'all' });
  const notice = admin.getByTestId('changed-notice');
  await expect(notice).toContainText('changed since you opened it', { timeout: 45_000 });
  await expect(row).toContainText('Updated');
  expect(await violations(admin)).toEqual([]);
  await screenshot(admin, `list-changed-${project}`);
  await notice.getByRole('button', { name: 'Show changes' }).click();
  await expect(notice).toHaveCount(0);
  await expect(row).not.toContainText('Updated');
});
