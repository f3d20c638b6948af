import { violations } from './axe.ts';
import { expect, screenshot, test } from './fixtures.ts';

// #14 item 3: the edit form offers exactly the fields the reader may change. A Contoso end user
// describes their request (title, description, priority, category) and meets no desk control.
test('a portal user edits only what their request is about, and a new request asks only that', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = await browsers.signIn('user@contoso.example');

  await page.goto('/tickets/new');
  const form = page.getByRole('form', { name: 'New ticket' });
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeVisible();
  await expect(form.getByRole('checkbox', { name: 'Visible to co-managing users' })).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: 'Queue' })).toHaveCount(0);
  const title = `Scanner on floor 3 is offline (${project})`;
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = page.getByRole('form', { name: 'Edit' });
  await expect(editor.getByRole('textbox', { name: 'Title' })).toBeVisible();
  for (const deskField of ['Status', 'Queue', 'Primary resource', 'Secondary resources', 'Contact']) {
    await expect(editor.getByRole('textbox', { name: deskField, exact: true })).toHaveCount(0);
  }
  await expect(editor.getByRole('checkbox', { name: 'Visible to co-managing users' })).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await screenshot(page, `field-abilities-portal-${project}`);

  await editor.getByRole('textbox', { name: 'Title' }).fill(`${title}, since Monday`);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Ticket saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `${title}, since Monday`, level: 1 })).toBeVisible();
});
