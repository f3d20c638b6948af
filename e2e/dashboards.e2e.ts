import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

test('an admin copies the service desk, adds a widget and publishes it; Anna reads it with her own figures', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example', { stayHome: true });
  await admin.getByRole('button', { name: 'Copy to my dashboards' }).click();
  const name = 'Desk overview (my copy)';
  await expect(admin.getByRole('heading', { name, level: 1 })).toBeVisible();
  await admin.getByRole('button', { name: 'Rename' }).click();
  const renamed = `Shared desk ${project}`;
  await admin.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(admin.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();

  // A widget of its own: open tickets by queue, as a table.
  await admin.getByRole('button', { name: 'Add widget' }).click();
  const editor = admin.getByRole('dialog', { name: 'Add widget' });
  await choose(admin, 'Count by', 'Queue');
  await editor.getByRole('textbox', { name: 'Title' }).fill('Open by queue');
  await editor.getByText('Table', { exact: true }).click();
  expect(await violations(admin)).toEqual([]);
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  const byQueue = admin.getByRole('region', { name: 'Open by queue' });
  await expect(byQueue.getByTestId('group-count').first()).toHaveText(/\d/);

  // Published to the co-managed level: read-only for Anna.
  await admin.getByRole('button', { name: 'Share' }).click();
  await choose(admin, 'Security levels', 'Co-managed Help Desk');
  await admin.keyboard.press('Escape');
  await admin.getByRole('button', { name: 'Publish' }).click();
  await expect(admin.getByRole('dialog')).toHaveCount(0);
  const adminTotal = Number(
    await admin.getByRole('region', { name: 'All open tickets' }).getByTestId('widget-count').textContent(),
  );

  const anna = await browsers.signIn('anna.it@contoso.example', { stayHome: true });
  await anna.getByRole('tab', { name: renamed }).click();
  await expect(anna.getByText(/Published .* read-only/)).toBeVisible();
  await expect(anna.getByRole('button', { name: 'Add widget' })).toHaveCount(0);
  const annaTotal = Number(
    await anna.getByRole('region', { name: 'All open tickets' }).getByTestId('widget-count').textContent(),
  );
  expect(annaTotal).toBeLessThan(adminTotal);
  // Her "by queue" figure drills into exactly her tickets.
  const annaQueue = anna.getByRole('region', { name: 'Open by queue' }).getByRole('row').first();
  const figure = Number(await annaQueue.getByTestId('group-count').textContent());
  await annaQueue.getByRole('button').click();
  const count = anna.getByTestId('ticket-count');
  await expect(count).toHaveText(/\d/);
  expect(Number((await count.textContent())?.replace(/\D/g, ''))).toBe(figure);
  await anna.goBack();
  expect(await violations(anna)).toEqual([]);
  await screenshot(anna, `dashboards-anna-${project}`);

  // The admin deletes it; Anna's tab goes with it.
  admin.once('dialog', (dialog) => void dialog.accept());
  await admin.getByRole('button', { name: 'Delete' }).click();
  await expect(admin.getByRole('tab', { name: renamed })).toHaveCount(0);
  await anna.reload();
  await expect(anna.getByRole('tab', { name: renamed })).toHaveCount(0);
});
