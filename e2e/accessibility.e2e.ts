import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the main screens pass axe’s WCAG A/AA checks', async ({ browsers }) => {
  const found: Record<string, Awaited<ReturnType<typeof violations>>> = {};
  const anonymous = await browsers.open();
  await anonymous.goto('/sign-in');
  await expect(anonymous.getByRole('button', { name: 'Sign in' })).toBeVisible();
  found['sign-in'] = await violations(anonymous);

  const page = await browsers.signIn('anna.it@contoso.example');
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  found['ticket list'] = await violations(page);

  await page.getByTestId('ticket-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('ticket-title')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add note' })).toBeVisible();
  found['ticket'] = await violations(page);

  await page.goto('/worklist');
  await expect(page.getByRole('heading', { name: 'My worklist' })).toBeVisible();
  found['worklist'] = await violations(page);

  await page.goto('/tickets/new');
  await expect(page.getByRole('heading', { name: 'New ticket' })).toBeVisible();
  found['new ticket'] = await violations(page);

  const admin = await browsers.signIn('admin@northwind.example');
  await admin.goto('/admin/explain');
  await expect(admin.getByRole('heading', { name: 'Access explainer' })).toBeVisible();
  found['access explainer'] = await violations(admin);

  await admin.goto('/admin/co-managed?view=person');
  await expect(admin.getByRole('heading', { name: 'Co-managed setup' })).toBeVisible();
  await expect(admin.getByRole('combobox', { name: 'Co-managing user' })).toBeVisible();
  found['co-managed setup'] = await violations(admin);

  await admin.goto('/admin');
  await expect(admin.getByRole('heading', { name: 'Incoming mail' })).toBeVisible();
  found['admin home'] = await violations(admin);

  await admin.goto('/admin/activations');
  await expect(admin.getByRole('switch', { name: 'Co-managed help desk' })).toBeVisible();
  found['admin activations'] = await violations(admin);

  await admin.goto('/admin/security-levels');
  await admin.getByRole('link', { name: 'Co-managed Help Desk', exact: true }).click();
  await expect(admin.getByRole('heading', { name: 'In plain words' })).toBeVisible();
  found['security level'] = await violations(admin);
  await admin.goto('/admin/security-levels');
  await expect(admin.getByRole('heading', { name: 'Security levels' })).toBeVisible();
  found['security levels'] = await violations(admin);

  expect(found).toEqual({
    'sign-in': [],
    'ticket list': [],
    ticket: [],
    worklist: [],
    'new ticket': [],
    'access explainer': [],
    'co-managed setup': [],
    'admin home': [],
    'admin activations': [],
    'security level': [],
    'security levels': [],
  });
});
