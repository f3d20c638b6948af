import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { choose, expect, screenshot, test } from './fixtures.ts';

const password = 'carla sets up contoso';

interface Me {
  csrfToken: string;
}
interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

/** The API through the page's own session (cookie + CSRF token), for setting the scene. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as Me;
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
    post: (path: string, data: unknown) => page.request.post(path, { data, headers }),
  };
}

test('an admin makes a Contoso contact a co-managing user with subsidiaries; the warnings list shows and clears a warning', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example');
  const api = await apiAs(admin);
  const companies = await api.get<Page_<{ id: number; name: string }>>('/api/v1/companies?limit=200');
  const idOf = (name: string) => companies.items.find((row) => row.name === name)?.id ?? 0;
  const levels = await api.get<Page_<{ id: number; systemKey: string | null }>>(
    '/api/v1/security-levels?limit=200',
  );
  const level = levels.items.find((row) => row.systemKey === 'co_managed_help_desk');
  const email = `carla.${project}@contoso.example`;
  const lastName = `Setup${project === 'phone' ? 'Phone' : 'Desk'}`;
  const contact = await api.post('/api/v1/contacts', {
    companyId: idOf('Contoso'),
    firstName: 'Carla',
    lastName,
    email,
  });
  expect(contact.status()).toBe(201);
  const contactId = ((await contact.json()) as { id: number }).id;
  const enabled = await api.post(`/api/v1/contacts/${contactId}/co-managed-access`, {
    securityLevelId: level?.id ?? 0,
    password,
    companies: [{ companyId: idOf('Contoso'), includeSubsidiaries: true }],
  });
  expect(enabled.status(), await enabled.text()).toBe(201);
  const resourceId = ((await enabled.json()) as { resource: { id: number } }).resource.id;

  // The new co-managing user sees exactly the tickets of Contoso and Contoso Logistics.
  const carla = await browsers.open();
  await carla.goto('/sign-in');
  await carla.getByLabel(/^E-mail address/).fill(email);
  await carla.getByLabel(/^Password/).fill(password);
  await carla.getByRole('button', { name: 'Sign in' }).click();
  // She lands on her dashboard: by company, exactly her two companies.
  const byCompany = carla.getByRole('region', { name: 'Open tickets by company' });
  await expect(byCompany.getByRole('button', { name: 'Contoso', exact: true })).toBeVisible();
  await expect(byCompany.getByRole('table').getByRole('button')).toHaveCount(2);
  await carla.goto('/tickets');
  await expect(carla.getByTestId('ticket-row').first()).toBeVisible();
  const tickets = await (await apiAs(carla)).get<Page_<{ companyId: number }>>('/api/v1/tickets?limit=200');
  expect(new Set(tickets.items.map((row) => row.companyId))).toEqual(
    new Set([idOf('Contoso'), idOf('Contoso Logistics')]),
  );

  // By person: her grant, with subsidiaries; removing it raises a warning naming her.
  const name = `Carla ${lastName}`;
  const warning = admin.getByText(`${name} is a co-managing user without any company.`);
  await admin.goto(`/admin/co-managed?view=person&person=${resourceId}`);
  await expect(admin.getByRole('heading', { name: 'Co-managed setup' })).toBeVisible();
  const grants = admin.getByRole('table');
  await expect(grants.getByRole('row', { name: /Contoso/ })).toContainText('Yes');
  await expect(warning).toHaveCount(0);
  await grants.getByRole('button', { name: 'Remove' }).click();
  await expect(warning).toBeVisible();
  await screenshot(admin, `co-managed-setup-warning-${project}`);
  const axe = await new AxeBuilder({ page: admin }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(
    axe.violations.map((row) => ({ rule: row.id, targets: row.nodes.map((node) => node.target.join(' ')) })),
  ).toEqual([]);

  // Granting a company again clears it.
  await choose(admin, 'Add a company', 'Contoso');
  await admin.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(warning).toHaveCount(0);
  await expect(admin.getByRole('table').getByRole('row', { name: /Contoso/ })).toBeVisible();

  // By company: the primary is marked.
  await admin.goto(`/admin/co-managed?view=company&company=${idOf('Contoso')}`);
  await expect(admin.getByRole('table').getByText('Primary', { exact: true })).toHaveCount(1);
  await screenshot(admin, `co-managed-setup-company-${project}`);

  // The company page: contacts by name, the subsidiary, the co-managing users with the primary.
  await admin.goto(`/companies/${idOf('Contoso')}`);
  await expect(admin.getByRole('heading', { name: 'Contoso', exact: true })).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Contacts' })).toContainText(name);
  await expect(admin.getByRole('region', { name: 'Subsidiaries' })).toContainText('Contoso Logistics');
  const coManaging = admin.getByRole('region', { name: 'Co-managing users and teams' });
  await expect(coManaging.getByText('Anna Schmidt')).toBeVisible();
  await expect(coManaging.getByText('Primary', { exact: true })).toHaveCount(1);
  await screenshot(admin, `company-page-${project}`);

  // A portal user of Contoso never meets the company page (or any agent page): the portal opens.
  const portal = await browsers.signIn('user@contoso.example');
  await portal.goto(`/companies/${idOf('Contoso')}`);
  await expect(portal).toHaveURL(/\/portal$/);
  await expect(portal.getByRole('region', { name: 'Co-managing users and teams' })).toHaveCount(0);
});
