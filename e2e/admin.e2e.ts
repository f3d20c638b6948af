import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';

/** Opens the menu on a phone (the navbar is behind the burger there). */
async function openMenu(page: Page) {
  const burger = page.getByRole('button', { name: 'Menu' });
  if (await burger.isVisible()) await burger.click();
}

test('the admin sees the health home, switches co-management off and on, and edits a copied level', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = await browsers.signIn('admin@northwind.example');
  await openMenu(page);
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Co-managed help desk' })).toBeVisible();
  await expect(page.getByText(/On: \d+ active co-managing users/)).toBeVisible();
  await screenshot(page, `admin-home-${project}`);

  await page.getByRole('link', { name: 'Open Activations' }).click();
  const toggle = page.getByRole('switch', { name: 'Co-managed help desk' });
  await expect(toggle).toBeChecked();
  await toggle.click({ force: true });
  const dialog = page.getByRole('dialog', { name: 'Switch the co-managed help desk off?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/active co-managing users lose access now/)).toBeVisible();
  await expect(dialog.getByText('Anna Schmidt')).toBeVisible();
  await expect(dialog.getByText(/Nothing is deleted/)).toBeVisible();
  await screenshot(page, `admin-activations-confirm-${project}`);
  await dialog.getByRole('button', { name: 'Switch off' }).click();
  await expect(dialog).toBeHidden();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await toggle.click({ force: true });
  await expect(toggle).toBeChecked();

  await page.goto('/admin/security-levels');
  await expect(page.getByRole('heading', { name: 'Security levels' })).toBeVisible();
  await screenshot(page, `admin-levels-${project}`);
  await page.getByRole('link', { name: 'Co-managed Help Desk', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Co-managed Help Desk', level: 1 })).toBeVisible();
  await expect(page.getByText('read-only', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Devices: View' })).toBeDisabled();
  await page.getByRole('button', { name: 'Copy to change' }).click();
  await expect(page.getByRole('heading', { name: 'Co-managed Help Desk (copy)' })).toBeVisible();

  const preview = page.getByTestId('level-preview');
  const devices = preview.getByRole('listitem').filter({ hasText: /devices/ });
  await expect(devices).not.toContainText(/cannot see/i);
  await page.getByRole('combobox', { name: 'Devices: View' }).selectOption('none');
  await expect(devices).toContainText(/cannot see/i);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Devices: View' })).toHaveValue('none');
  await expect(preview.getByRole('listitem').filter({ hasText: /devices/ })).toContainText(/cannot see/i);
  await screenshot(page, `admin-level-${project}`);

  // An unused copy can go; the next run (the other project) copies afresh.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Security levels' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Co-managed Help Desk (copy)' })).toHaveCount(0);
});

test('a technician has no Administration entry and gets Not found at /admin', async ({ browsers }) => {
  const page = await browsers.signIn('tech1@northwind.example');
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'Tickets' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  for (const path of ['/admin', '/admin/activations', '/admin/security-levels']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
});
