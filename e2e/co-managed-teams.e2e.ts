import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

// Co-managing teams from the screen (#12 item 3, "by team"): an admin creates a team (a second
// of the same name is refused at the field), gives it a member by name, renames it, and deletes it
// after reading what deleting does; axe at each step.

test('an admin creates a co-managing team, adds Anna, renames it and deletes it', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const name = `Contoso Night Shift ${project} ${Date.now()}`;
  const page = await browsers.signIn('admin@northwind.example');
  await page.goto('/admin/co-managed?view=team');
  await page.getByRole('button', { name: 'New team' }).click();
  const creating = page.getByRole('region', { name: 'A new co-managing team' });
  // An empty name is the API's to refuse, at the field; nothing is created.
  await creating.getByRole('textbox', { name: 'Team name' }).fill('   ');
  await creating.getByRole('button', { name: 'Create team' }).click();
  await expect(creating.getByRole('textbox', { name: 'Team name' })).toHaveAttribute('aria-invalid', 'true');
  await creating.getByRole('textbox', { name: 'Team name' }).fill(name);
  await creating.getByRole('textbox', { name: 'What the team does' }).fill('Evening cover for Contoso.');
  await creating.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveValue(name);
  expect(await violations(page)).toEqual([]);

  // Team names are unique: a second team of this name is refused at the name field, in words.
  await page.getByRole('button', { name: 'New team' }).click();
  await creating.getByRole('textbox', { name: 'Team name' }).fill(name);
  await creating.getByRole('button', { name: 'Create team' }).click();
  await expect(creating.getByText('Another team already has this name.')).toBeVisible();
  await expect(creating.getByRole('textbox', { name: 'Team name' })).toHaveAttribute('aria-invalid', 'true');
  await creating.getByRole('button', { name: 'Cancel' }).click();
  await expect(creating).toHaveCount(0);

  await choose(page, 'Members', 'Anna Schmidt');
  await page.getByRole('button', { name: 'Save members' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  const members = page.getByRole('region', { name: 'Members' });
  await expect(members.getByText('Anna Schmidt')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await screenshot(page, `co-managed-team-${project}`);

  const details = page.getByRole('region', { name: 'Team details' });
  await details.getByRole('textbox', { name: 'Team name' }).fill(`${name} (renamed)`);
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveValue(`${name} (renamed)`);

  await page.getByRole('button', { name: 'Delete team' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Its members keep their own grants');
  expect(await violations(page)).toEqual([]);
  await confirm.getByRole('button', { name: `Delete ${name} (renamed)` }).click();
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveValue('');
  await page.getByRole('combobox', { name: 'Team' }).click();
  await expect(page.getByRole('option', { name: `${name} (renamed)` })).toHaveCount(0);
});
