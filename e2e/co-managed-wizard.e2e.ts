import type { Page } from '@playwright/test';
import { violations } from './axe.ts';
import { expect, screenshot, test } from './fixtures.ts';

interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

/** The API through the page's own session (cookie + CSRF token), for setting the scene and checking it. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const get = async <T>(path: string) => {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  };
  return {
    get,
    /** Every page of a cursor list. */
    all: async <T>(path: string) => {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const joiner = path.includes('?') ? '&' : '?';
        const page: Page_<T> = await get<Page_<T>>(
          `${path}${joiner}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    post: (path: string, data: unknown) =>
      page.request.post(path, { data, headers: { 'x-csrf-token': me.csrfToken } }),
  };
}

async function noViolations(page: Page) {
  expect(await violations(page)).toEqual([]);
}

test('an admin enables co-managed access for a Contoso contact with the wizard; the new user sees exactly Contoso and its subsidiary', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example', { stayHome: true });
  const api = await apiAs(admin);

  // The co-managed help desk must be on: the demo has it on; switch it on if a journey left it off.
  await admin.goto('/admin/activations');
  const activation = admin.getByRole('switch', { name: 'Co-managed help desk' });
  await expect(activation).toBeVisible();
  if (!(await activation.isChecked())) await activation.click();
  await expect(activation).toBeChecked();

  const companies = await api.all<{ id: number; name: string }>('/api/v1/companies');
  const idOf = (name: string) => companies.find((row) => row.name === name)?.id ?? 0;
  // A retry makes its own contact: the first attempt's Wanda is still there.
  const suffix = `${project === 'phone' ? 'Phone' : 'Desk'}${testInfo.retry ? String(testInfo.retry) : ''}`;
  const email = `wanda.${project}.${Date.now()}@contoso.example`;
  const name = `Wanda Wizard${suffix}`;
  const created = await api.post('/api/v1/contacts', {
    companyId: idOf('Contoso'),
    firstName: 'Wanda',
    lastName: `Wizard${suffix}`,
    email,
  });
  expect(created.status(), await created.text()).toBe(201);

  // From the contacts list: her row offers the wizard.
  await admin.goto('/admin/contacts');
  await admin.getByRole('searchbox', { name: 'Search by name' }).fill(`Wizard${suffix}`);
  await admin.getByRole('link', { name: `Enable co-managed access for ${name}` }).click();
  await expect(admin).toHaveURL(/\/admin\/co-managed\/enable\/\d+$/);

  // Step 1: the person by name and company, the licence in plain words, the level with its preview.
  await expect(admin.getByRole('heading', { name: 'Enable co-managed access' })).toBeVisible();
  await expect(admin.getByTestId('wizard-person')).toHaveText(name);
  await expect(admin.getByText('Contact at Contoso')).toBeVisible();
  await expect(admin.getByText(/only at the companies you grant/)).toBeVisible();
  await expect(admin.getByRole('combobox', { name: 'Security level' })).toHaveValue('Co-managed Help Desk');
  await expect(admin.getByTestId('level-preview')).toBeVisible();
  await screenshot(admin, `co-managed-wizard-level-${project}`);
  await noViolations(admin);
  await admin.getByRole('button', { name: 'Next' }).click();

  // Step 2: her own company Contoso is offered first, with its subsidiaries (named), not as primary.
  await expect(admin.getByRole('heading', { name: 'Companies' })).toBeVisible();
  const contoso = admin.getByTestId('wizard-company');
  await expect(contoso).toHaveCount(1);
  await expect(contoso).toContainText('Contoso');
  await expect(contoso).toContainText('Today: Contoso Logistics.');
  await expect(contoso.getByRole('checkbox', { name: 'Include subsidiaries' })).toBeChecked();
  await expect(contoso.getByRole('checkbox', { name: /^Primary co-managing user/ })).not.toBeChecked();
  await screenshot(admin, `co-managed-wizard-companies-${project}`);
  await noViolations(admin);
  await admin.getByRole('button', { name: 'Next' }).click();

  // Step 3: a password too short first — the review refuses it with the reason and leads back to it.
  await expect(admin.getByRole('heading', { name: 'Sign-in and hours' })).toBeVisible();
  await expect(admin.getByRole('textbox', { name: 'Sign-in e-mail address' })).toHaveValue(email);
  const password = admin.getByLabel('Password', { exact: true });
  await password.fill('too short');
  await noViolations(admin);
  await admin.getByRole('button', { name: 'Next' }).click();
  const refusals = admin.getByTestId('wizard-refusals');
  await expect(refusals).toContainText('The password is too short: use at least 12 characters.');
  await expect(admin.getByRole('button', { name: 'Enable access' })).toBeDisabled();
  await noViolations(admin);
  await refusals.getByRole('button', { name: 'Change' }).click();
  await expect(admin.getByRole('heading', { name: 'Sign-in and hours' })).toBeVisible();
  await expect(admin.getByText('The password is too short: use at least 12 characters.')).toBeVisible();
  const secret = `wanda learns the ${project} wizard`;
  await password.fill(secret);
  await screenshot(admin, `co-managed-wizard-sign-in-${project}`);
  await admin.getByRole('button', { name: 'Next' }).click();

  // Step 4: the dry run — Contoso chosen, Contoso Logistics as its subsidiary, Anna stays primary.
  await expect(admin.getByTestId('wizard-ready')).toBeVisible();
  const reached = admin.getByTestId('reached-company');
  await expect(reached).toHaveCount(2);
  await expect(reached.filter({ hasText: 'Contoso Logistics' })).toContainText('Subsidiary of Contoso');
  await expect(reached.first()).toContainText('Contoso');
  await expect(reached.first()).toContainText('Chosen by you');
  await expect(reached.first()).toContainText('Anna Schmidt');
  await expect(admin.getByText(`Signs in as ${email} with the password you entered.`)).toBeVisible();
  await screenshot(admin, `co-managed-wizard-review-${project}`);
  await noViolations(admin);
  await admin.getByRole('button', { name: 'Enable access' }).click();

  // Saved: the co-managed setup opens on her, with the notification.
  await expect(admin.getByText(`Co-managed access enabled for ${name}.`)).toBeVisible();
  // The router writes a string search value as JSON: person=%2221%22 is "21".
  await expect(admin).toHaveURL(/\/admin\/co-managed\?view=person&person=%22\d+%22$/);
  await expect(admin.getByRole('combobox', { name: 'Co-managing user' })).toHaveValue(name);
  await expect(admin.getByRole('table').getByRole('row', { name: /Contoso/ })).toContainText('Yes');
  const resourceId = Number(JSON.parse(new URL(admin.url()).searchParams.get('person') ?? 'null'));
  const resource = await api.get<{ contactId: number; licenceType: string }>(
    `/api/v1/resources/${resourceId}`,
  );
  expect(resource.licenceType).toBe('co_managed');

  // The contacts list now says she has an account.
  await admin.goto('/admin/contacts');
  await admin.getByRole('searchbox', { name: 'Search by name' }).fill(`Wizard${suffix}`);
  // Only her row is left once the search applies, and it says so.
  await expect(admin.getByText('Has an account')).toHaveCount(1);
  await expect(admin.getByRole('link', { name: `Enable co-managed access for ${name}` })).toHaveCount(0);

  // She signs in and sees exactly the co-managed-visible tickets of Contoso and Contoso Logistics.
  const wanda = await browsers.signIn(email, { password: secret });
  await expect(wanda.getByTestId('ticket-row').first()).toBeVisible();
  const hers = await (await apiAs(wanda)).all<{ id: number; companyId: number }>('/api/v1/tickets');
  const expected = await api.all<{ id: number }>(
    `/api/v1/tickets?companyId=${idOf('Contoso')},${idOf('Contoso Logistics')}&coManagedVisible=true`,
  );
  expect(new Set(hers.map((row) => row.companyId))).toEqual(
    new Set([idOf('Contoso'), idOf('Contoso Logistics')]),
  );
  expect(hers.map((row) => row.id).sort((a, b) => a - b)).toEqual(
    expected.map((row) => row.id).sort((a, b) => a - b),
  );
});
