import type { Page } from '@playwright/test';
import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

// Audit log and incoming mail in the browser (#12 item 7): a co-managing user's change is found by
// person and company, named and marked co-managed, with its ticket; the demo's mail log shows what
// the intake did with each message and why; both in German too; axe on each.

async function expectNoViolations(page: Page) {
  expect(await violations(page)).toEqual([]);
}

interface Listed {
  items: { id: number; number: string; companyId: number }[];
}

test('the admin finds a co-managing user’s note in the audit log, then reads the incoming mail', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;

  // Anna (Contoso IT, co-managing) writes a note on a Contoso ticket through her own session.
  const anna = await browsers.signIn('anna.it@contoso.example');
  const me = (await (await anna.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const companies = (await (await anna.request.get('/api/v1/companies?q=Contoso&limit=20')).json()) as {
    items: { id: number; name: string }[];
  };
  const contoso = companies.items.find((company) => company.name === 'Contoso');
  expect(contoso).toBeDefined();
  const tickets = (await (
    await anna.request.get(`/api/v1/tickets?companyId=${contoso?.id}&limit=1`)
  ).json()) as Listed;
  const ticket = tickets.items[0];
  expect(ticket).toBeDefined();
  const noted = await anna.request.post(`/api/v1/tickets/${ticket?.id}/notes`, {
    data: { body: `Checked on site (${project})`, publishLevel: 'all' },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(noted.status()).toBe(201);

  const page = await browsers.signIn('admin@northwind.example');
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await choose(page, 'Person', 'Anna Schmidt');
  await choose(page, 'Company', /^Contoso$/);
  // The newest entry first: Anna's note, marked co-managed, on its ticket, at Contoso.
  const entries = page
    .getByRole(project === 'phone' ? 'listitem' : 'row')
    .filter({ hasText: 'Anna Schmidt' });
  const newest = entries.first();
  await expect(newest).toContainText('Co-managed');
  await expect(newest).toContainText(ticket?.number ?? 'no ticket');
  await expect(newest).toContainText('Contoso');
  await expect(page).toHaveURL(/companyId=/);
  await expectNoViolations(page);
  await screenshot(page, `admin-audit-${project}`);

  // A range that ends before it starts is refused at the field, and the list is left as it was.
  await page.getByLabel('From').fill('2026-05-10');
  await page.getByLabel('To').fill('2026-05-01');
  await expect(page.getByText('“To” must not be before “From”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/companyId=/);

  await page.goto('/admin/incoming-mail');
  await expect(page.getByRole('heading', { name: 'Incoming mail', level: 1 })).toBeVisible();
  await expect(page.getByText('Automatic reply: Out of office')).toBeVisible();
  await expect(page.getByText('Not taken (automatic mail)').first()).toBeVisible();
  await expect(page.getByText('The message is too large.')).toBeVisible();
  await expect(page.getByText('Opened a ticket').first()).toBeVisible();
  await expectNoViolations(page);
  await screenshot(page, `admin-incoming-mail-${project}`);

  // German: the same screens in the reader's language.
  const german = await browsers.signIn('admin@northwind.example', { locale: 'de' });
  await german.goto('/admin/audit');
  await expect(german.getByRole('heading', { name: 'Änderungsprotokoll', level: 1 })).toBeVisible();
  await expectNoViolations(german);
  await screenshot(german, `admin-audit-de-${project}`);
  await german.goto('/admin/incoming-mail');
  await expect(german.getByRole('heading', { name: 'Eingehende E-Mails', level: 1 })).toBeVisible();
  await expectNoViolations(german);
  await screenshot(german, `admin-incoming-mail-de-${project}`);
});
