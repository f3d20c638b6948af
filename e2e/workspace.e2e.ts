import type { Page } from '@playwright/test';
import { choose, expect, screenshot, test } from './fixtures.ts';

interface Me {
  csrfToken: string;
}

/** The API through the page's own session (cookie + CSRF token), for setting the scene. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as Me;
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
    post: async <T>(path: string, data: unknown) =>
      (await (await page.request.post(path, { data, headers })).json()) as T,
    patch: (path: string, data: unknown) => page.request.patch(path, { data, headers }),
  };
}

test('sign-in explains a wrong password', async ({ browsers }) => {
  const page = await browsers.open();
  await page.goto('/tickets');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel(/^E-mail address/).fill('tech1@northwind.example');
  await page.getByLabel(/^Password/).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-mail address or password is wrong.');

  // After five failures the address is locked for a while, and the page says so. An address no
  // journey signs in with: an unknown one counts the same (the lock tells no one which exist).
  const alert = page.getByRole('alert');
  await page.getByLabel(/^E-mail address/).fill('locked-out@litware.example');
  for (let attempt = 0; attempt < 6; attempt++) {
    const answered = page.waitForResponse('**/api/v1/auth/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    if ((await answered).status() === 429) break;
  }
  await expect(alert).toHaveText(
    /Too many failed attempts\. This sign-in is locked; try again in \d+ minutes\./,
  );
});

test('German and English, switchable, with localised dates', async ({ browsers }, testInfo) => {
  const page = await browsers.signIn('tech2@northwind.example', { locale: 'de' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('signed-in-as')).toHaveText(/^Angemeldet als /);
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
  await expect(page.getByTestId('ticket-count')).toHaveText(/^[\d.]+ Tickets$/);
  await expect(page.getByTestId('ticket-row').first()).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await screenshot(page, `${testInfo.project.name}-09-german-ticket-list`);
  await page.getByTestId('ticket-row').first().getByRole('link').first().click();
  await expect(page.getByRole('tab', { name: 'Notizen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notiz hinzufügen' })).toBeVisible();
  await screenshot(page, `${testInfo.project.name}-09-german-ticket`);
  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('signed-in-as')).toHaveText(/^Signed in as /);
  await expect(page.getByTestId('ticket-title')).toBeVisible();
  await page.goto('/tickets');
  await expect(page.getByTestId('ticket-row').first()).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
});

test('global search finds tickets and companies (Ctrl+K)', async ({ browsers }) => {
  const page = await browsers.signIn('dispatch@northwind.example');
  await page.getByTestId('open-search').click();
  await page.getByRole('textbox', { name: 'Search' }).last().fill('Contoso');
  // Anchored: a ticket such as "… licence true-up: Contoso Logistics" names the company too.
  const company = page.getByRole('button', { name: /^Contoso Logistics/ });
  await expect(company).toBeVisible();
  await company.click();
  await expect(page.getByRole('heading', { name: 'Contoso Logistics' })).toBeVisible();
});

test('a stale edit shows what changed and merges', async ({ browsers }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the same form; one run is enough');
  const page = await browsers.signIn('tech1@northwind.example');
  const api = await apiAs(page);
  const contoso = (
    await api.get<{ items: { id: number; name: string }[] }>('/api/v1/companies?q=Contoso')
  ).items.find((company) => company.name === 'Contoso');
  const ticket = await api.post<{ id: number; version: number }>('/api/v1/tickets', {
    title: 'Monitor flickers',
    companyId: contoso?.id,
  });
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page
    .getByRole('form', { name: 'Edit' })
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('Monitor flickers on desk 12');

  // Meanwhile a colleague renames it and raises the priority.
  const priorities = await api.get<{ items: { id: number; name: string }[] }>('/api/v1/ticket-priorities');
  const critical = priorities.items.find((priority) => priority.name === 'Critical');
  const theirs = await api.patch(`/api/v1/tickets/${ticket.id}`, {
    title: 'Monitor flickers (HDMI cable?)',
    priorityId: critical?.id,
    version: ticket.version,
  });
  expect(theirs.status()).toBe(200);

  await page.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: 'Someone else changed this ticket' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Monitor flickers (HDMI cable?)');
  await expect(dialog).toContainText('Critical');
  await screenshot(page, `${testInfo.project.name}-10-edit-conflict`);
  await dialog.getByRole('button', { name: 'Save merged ticket' }).click();
  await expect(page.getByTestId('ticket-title')).toHaveText('Monitor flickers on desk 12');
  await expect(page.getByTestId('field-priorityId')).toHaveText('Critical');

  // Inline edit of more fields: the issue type narrows the sub-issue types; a secondary resource.
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit' });
  await choose(page, 'Issue type', 'Hardware');
  await choose(page, 'Sub-issue type', 'Monitor');
  await form.getByRole('combobox', { name: 'Secondary resources' }).click();
  await page.getByRole('option', { name: 'Dana Dispatch' }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('field-subIssueTypeId')).toHaveText('Monitor');
  await expect(page.getByTestId('field-secondaryResources')).toHaveText('Dana Dispatch');
});

test('attachments: drop a file with an explicit publish level, preview the image', async ({
  browsers,
}, testInfo) => {
  const page = await browsers.signIn('tech1@northwind.example');
  const api = await apiAs(page);
  const contoso = (
    await api.get<{ items: { id: number; name: string }[] }>('/api/v1/companies?q=Contoso')
  ).items.find((company) => company.name === 'Contoso');
  const ticket = await api.post<{ id: number }>('/api/v1/tickets', {
    title: 'Screenshot of the error',
    companyId: contoso?.id,
  });
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByRole('tab', { name: 'Attachments' }).click();
  await choose(page, 'Who can read it', 'MSP and co-managing users');
  // A 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'error.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('error.png uploaded.')).toBeVisible();
  await page.getByRole('button', { name: 'error.png', exact: true }).click();
  await expect(
    page.getByRole('dialog', { name: 'error.png' }).getByRole('img', { name: 'error.png' }),
  ).toBeVisible();
  await screenshot(page, `${testInfo.project.name}-11-attachment-preview`);
  await page.keyboard.press('Escape');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete error.png' }).click();
  await expect(page.getByText('No attachments.')).toBeVisible();
});

test('saved views and bulk status change on the ticket list', async ({ browsers }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'bulk actions are hidden on a phone');
  const page = await browsers.signIn('dispatch@northwind.example');
  const api = await apiAs(page);
  const contoso = (
    await api.get<{ items: { id: number; name: string }[] }>('/api/v1/companies?q=Contoso')
  ).items.find((company) => company.name === 'Contoso');
  const marker = `Bulk ${Date.now()}`;
  for (const suffix of ['one', 'two']) {
    await api.post('/api/v1/tickets', { title: `${marker} ${suffix}`, companyId: contoso?.id });
  }
  await page.getByRole('searchbox', { name: 'Search' }).fill(marker);
  await expect(page.getByTestId('ticket-row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: /^Name of the view/ }).fill(`View ${marker}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText(`View “View ${marker}” saved.`)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  await choose(page, 'Saved views', `View ${marker}`);
  await expect(page.getByTestId('ticket-row')).toHaveCount(2);

  await page.getByRole('checkbox', { name: 'Select all loaded tickets' }).check();
  await expect(page.getByTestId('bulk-actions')).toContainText('2 selected');
  await page.getByTestId('bulk-actions').getByRole('combobox', { name: 'Set status' }).click();
  await page.getByRole('option', { name: 'In Progress' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('2 tickets changed.')).toBeVisible();
  await expect(page.getByTestId('ticket-row').filter({ hasText: 'In Progress' })).toHaveCount(2);
  await screenshot(page, `${testInfo.project.name}-12-saved-view-bulk`);
});

test('signing out; a deep link after sign-in returns to where the user wanted to go', async ({
  browsers,
}) => {
  const page = await browsers.signIn('ben.it@contoso.example');
  await page.getByRole('button', { name: /Account|Ben Okafor/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.goto('/worklist');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel(/^E-mail address/).fill('ben.it@contoso.example');
  await page.getByLabel(/^Password/).fill('tandem-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My worklist' })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('co-managed: Contoso, Contoso Logistics');
});
