import type { Page } from '@playwright/test';
import { violations } from './axe.ts';
import { expect, screenshot, test } from './fixtures.ts';

// Ticket configuration in the browser (#12 item 7): the generic list and form show the API's field
// error next to the field and save once fixed, a system status is protected with its reason, and a
// category's field layout makes the new-ticket form require a field. Names are unique per run.

async function expectNoViolations(page: Page) {
  expect(await violations(page)).toEqual([]);
}

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the admin configures statuses and a category field layout', async ({ browsers }, testInfo) => {
  const project = testInfo.project.name;
  const stamp = `${project} ${Date.now().toString(36)}`;
  const page = await browsers.signIn('admin@northwind.example');

  await page.goto('/admin/config');
  await expect(page.getByRole('heading', { name: 'Ticket configuration', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Statuses' }).click();
  await expect(page.getByRole('heading', { name: 'Statuses', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'In Progress', exact: true })).toBeVisible();
  await expectNoViolations(page);
  await screenshot(page, `admin-config-statuses-${project}`);

  // A duplicate name: the API's 409 is shown next to the name field, and nothing is created.
  await page.getByRole('link', { name: 'Add' }).click();
  await expect(page.getByRole('heading', { name: 'New: Statuses', level: 1 })).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('In Progress');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('A ticket status named "In Progress" already exists.')).toBeVisible();
  await expectNoViolations(page);
  await screenshot(page, `admin-config-status-duplicate-${project}`);
  await name.fill(`Review ${stamp}`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: `Review ${stamp}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible();

  // A system status: no delete, and the reason in words.
  await page.getByRole('link', { name: 'Back to Statuses' }).click();
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New', level: 1 })).toBeVisible();
  await expect(page.getByText(/A system status cannot be deleted/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Active' })).toBeDisabled();

  // A category of its own (others' journeys keep the demo's), then its field layout.
  const category = `Layout ${stamp}`;
  await page.goto('/admin/config/ticket-categories/new');
  await page.getByRole('textbox', { name: 'Name' }).fill(category);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: category, level: 1 })).toBeVisible();
  const required = page.getByRole('checkbox', { name: 'Estimated hours: required' });
  await expect(required).not.toBeChecked();
  await required.check();
  await expect(page.getByRole('checkbox', { name: 'Estimated hours: shown' })).toBeChecked();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`“${category}” saved.`).last()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Estimated hours: required' })).toBeChecked();
  await screenshot(page, `admin-config-category-layout-${project}`);

  // The new-ticket form now requires the field for that category.
  await page.goto('/tickets/new');
  await expect(page.getByRole('heading', { name: 'New ticket', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Estimated hours' })).not.toHaveAttribute('required');
  await choose(page, 'Category', category);
  await expect(page.getByRole('textbox', { name: 'Estimated hours' })).toHaveAttribute('required');

  // Unused, so it can go: deleting asks first.
  await page.goto('/admin/config/ticket-categories');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(stamp);
  await page.getByRole('link', { name: category }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${category}”?` });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Categories', level: 1 })).toBeVisible();
});

test('queues, set-up work types, sub-issue types and an SLA, in English and German', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const stamp = `${project} ${Date.now().toString(36)}`;
  const page = await browsers.signIn('admin@northwind.example');

  // Queue members are picked by name.
  await page.goto('/admin/config/queues/new');
  await page.getByRole('textbox', { name: 'Name' }).fill(`Desk ${stamp}`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: `Desk ${stamp}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Queue members' })).toBeVisible();
  // By keyboard: on the phone the list opens below the fold, where a click cannot reach it.
  const picker = page.getByRole('combobox', { name: 'Members' });
  await picker.fill('Alex Admin');
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save members' }).click();
  await expect(page.getByText('Members saved.')).toBeVisible();
  await page.reload();
  const members = page.getByRole('heading', { name: 'Queue members' }).locator('..');
  await expect(members.getByText('Alex Admin', { exact: true })).toBeVisible();
  await expectNoViolations(page);

  // A work type for the facilities set-up: the name field suggests the C_SRC prefix.
  await page.goto('/admin/config/work-types/new');
  await choose(page, 'Belongs to the set-up of', 'C_SRC Facilities');
  await page.getByRole('textbox', { name: 'Name' }).fill(`Gardening ${stamp}`);
  await page.getByRole('button', { name: 'Add C_SRC' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(`C_SRC Gardening ${stamp}`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: `C_SRC Gardening ${stamp}`, level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Work types' }).click();
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(stamp);
  await expect(page.getByRole('link', { name: 'C_SRC Facilities Work' })).toHaveCount(0);
  // Exactly the new one once the search has applied (before, the list still shows the others).
  await expect(page.getByText('Whoever is offered “C_SRC Facilities”')).toHaveCount(1);

  // The set-up's issue type with its sub-issue types.
  await page.goto('/admin/config/issue-types');
  await page.getByRole('link', { name: 'C_SRC Building', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Name of “Heating”' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New sub-issue type' }).fill(`Windows ${stamp}`);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('textbox', { name: `Name of “Windows ${stamp}”` })).toBeVisible();
  await expectNoViolations(page);
  await screenshot(page, `admin-config-issue-type-${project}`);
  // Tickets use it: the delete is refused with the API's reason, and it stays.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const refusal = page.getByRole('dialog', { name: 'Delete “C_SRC Building”?' });
  await refusal.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(refusal.getByRole('alert')).toContainText('still used by tickets');
  await refusal.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'C_SRC Building', level: 1 })).toBeVisible();

  // An SLA: without objectives the API's message shows under them; with one it saves.
  await page.goto('/admin/config/slas/new');
  await page.getByRole('textbox', { name: 'Name' }).fill(`Gold ${stamp}`);
  await choose(page, 'Business hours of', 'Northwind HQ');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /expected array to have >=1 items|at least/i }),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'High' }).check();
  await page.getByRole('textbox', { name: 'First response for High, in minutes' }).fill('60');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: `Gold ${stamp}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'First response for High, in minutes' })).toHaveValue(
    '60 min',
  );
  await expectNoViolations(page);
  await screenshot(page, `admin-config-sla-${project}`);

  // German.
  const german = await browsers.signIn('admin@northwind.example', { locale: 'de' });
  await german.goto('/admin/config/ticket-categories');
  await expect(german.getByRole('heading', { name: 'Kategorien', level: 1 })).toBeVisible();
  await german.getByRole('link', { name: 'C_SRC Facilities', exact: true }).click();
  await expect(german.getByRole('heading', { name: 'Feldlayout' })).toBeVisible();
  await expect(german.getByText('Für ein Set-up reserviert').first()).toBeVisible();
  await expectNoViolations(german);
  await screenshot(german, `admin-config-category-de-${project}`);
});
