import type { Locator, Page } from '@playwright/test';
import { violations } from './axe.ts';
import { expect, screenshot, test } from './fixtures.ts';

/** The list's own count line ("12 tickets" / "1 ticket") as a number. */
async function listCount(page: Page): Promise<number> {
  const text = page.getByTestId('ticket-count');
  await expect(text).toHaveText(/\d/);
  return Number((await text.textContent())?.replace(/\D/g, ''));
}

async function figure(widget: Locator): Promise<number> {
  const count = widget.getByTestId('widget-count');
  await expect(count).toHaveText(/\d/);
  return Number((await count.textContent())?.replace(/\D/g, ''));
}

test('everyone lands on their dashboard; each figure drills into exactly the tickets it counted', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example', { stayHome: true });
  await expect(admin).toHaveURL(/\/home$/);
  await expect(admin.getByRole('heading', { name: 'Desk overview', level: 1 })).toBeVisible();
  const allOpen = admin.getByRole('region', { name: 'All open tickets' });
  const adminOpen = await figure(allOpen);
  await expect(
    admin.getByRole('region', { name: 'Open tickets, last 30 days' }).getByRole('link'),
  ).toBeVisible();
  expect(await violations(admin)).toEqual([]);
  await screenshot(admin, `home-admin-${project}`);

  // A group of "by status": its figure is the list's count with that status.
  const byStatus = admin.getByRole('region', { name: 'Open tickets by status' });
  const firstGroup = byStatus.getByRole('row').first();
  const groupCount = Number(await firstGroup.getByTestId('group-count').textContent());
  await firstGroup.getByRole('button').click();
  await expect(admin).toHaveURL(/\/tickets\?.*statusId=/);
  expect(await listCount(admin)).toBe(groupCount);

  // "Open and unassigned" drills in with a filter the panel has no field for: shown as a chip.
  await admin.goto('/home');
  const unassigned = admin.getByRole('region', { name: 'Open and unassigned' });
  const unassignedCount = await figure(unassigned);
  await unassigned.getByRole('link').click();
  await expect(admin.getByRole('group', { name: 'Also filtered by' })).toContainText('Unassigned');
  expect(await listCount(admin)).toBe(unassignedCount);

  // An SLA figure (one objective in one state) drills into the list with both filters as chips.
  await admin.goto('/home');
  const sla = admin.getByRole('region', { name: 'SLA performance, last 30 days' });
  const slaLink = sla.getByRole('link', { name: /list these tickets$/ }).first();
  await expect(slaLink).toBeVisible();
  const slaCount = Number(await slaLink.textContent());
  await slaLink.click();
  const chips = admin.getByRole('group', { name: 'Also filtered by' });
  await expect(chips).toContainText('Created since');
  await expect(chips).toContainText('SLA ');
  expect(await listCount(admin)).toBe(slaCount);

  // Anna's dashboard counts Contoso's and Contoso Logistics' tickets only.
  const anna = await browsers.signIn('anna.it@contoso.example', { stayHome: true });
  await expect(anna.getByRole('heading', { name: 'Your co-managed desk', level: 1 })).toBeVisible();
  const byCompany = anna.getByRole('region', { name: 'Open tickets by company' }).getByRole('table');
  await expect(byCompany.getByRole('button')).toHaveCount(2);
  expect((await byCompany.getByRole('button').allTextContents()).sort()).toEqual([
    'Contoso',
    'Contoso Logistics',
  ]);
  const annaOpen = await figure(anna.getByRole('region', { name: 'All open tickets' }));
  expect(annaOpen).toBeLessThan(adminOpen);
  expect(await violations(anna)).toEqual([]);
  await screenshot(anna, `home-anna-${project}`);

  // A portal user lands in the portal with their requests; German on request.
  const portal = await browsers.signIn('user@contoso.example', { stayHome: true, locale: 'de' });
  await expect(portal).toHaveURL(/\/portal$/);
  await expect(portal.getByRole('heading', { name: 'Ihre Anfragen', level: 1 })).toBeVisible();
  await expect(portal.getByTestId('portal-request').first()).toBeVisible();
  expect(await violations(portal)).toEqual([]);
});
