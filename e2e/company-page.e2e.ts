import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

interface Companies {
  items: { id: number; name: string }[];
}

test('the company page shows the work first, the account team beside it; an admin changes the team', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example');
  const companies = (await (await admin.request.get('/api/v1/companies?limit=200')).json()) as Companies;
  const idOf = (name: string) => companies.items.find((row) => row.name === name)?.id ?? 0;

  await admin.goto(`/companies/${idOf('Contoso')}`);
  const team = admin.getByRole('region', { name: 'Account team' });
  await expect(team).toContainText('Tom Becker');
  await expect(team).toContainText('Primary technician');
  const open = admin.getByRole('region', { name: 'Open tickets' });
  await expect(open.getByRole('link', { name: /^T\d{8}\.\d{4} · / }).first()).toBeVisible();
  await expect(
    admin.getByRole('region', { name: 'Recent activity' }).getByRole('link').first(),
  ).toBeVisible();
  expect(await violations(admin)).toEqual([]);
  await screenshot(admin, `company-page-work-${project}`);

  // Anna (co-managing, Contoso) reads the same team by name; a customer outside Contoso gets no page.
  const anna = await browsers.signIn('anna.it@contoso.example');
  await anna.goto(`/companies/${idOf('Contoso Logistics')}`);
  await expect(anna.getByRole('region', { name: 'Account team' })).toContainText('Tom Becker');
  await expect(anna.getByRole('button', { name: 'Edit account team' })).toHaveCount(0);

  // Each project edits its own company: desktop and phone share one database.
  const company = project === 'phone' ? 'Tailspin' : 'Litware';
  await admin.goto(`/companies/${idOf(company)}`);
  const edited = admin.getByRole('region', { name: 'Account team' });
  await expect(edited).toBeVisible();
  await admin.getByRole('button', { name: 'Edit account team' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Edit account team' });
  const rows = await dialog.getByRole('combobox', { name: /^Person \d+$/ }).count();
  await dialog.getByRole('button', { name: 'Add a person' }).click();
  await choose(admin, `Person ${rows + 1}`, 'Alex Admin');
  await dialog.getByRole('textbox', { name: `Role ${rows + 1}` }).fill(`Escalation (${project})`);
  expect(await violations(admin)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save team' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(edited).toContainText(`Alex Admin · Escalation (${project})`);
  await admin.reload();
  await expect(admin.getByRole('region', { name: 'Account team' })).toContainText(`Escalation (${project})`);

  // And back: remove the person again.
  await admin.getByRole('button', { name: 'Edit account team' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Remove Alex Admin' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Save team' }).click();
  await expect(admin.getByRole('region', { name: 'Account team' })).not.toContainText('Alex Admin');
});
