import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

// #14 item 2: the admin defines a request type for one customer on the generic configuration
// screens; that customer's end user asks through it, and its form asks what the admin set. (Not
// Fabrikam or Tailspin: the password-reset journey changes their end users' passwords.)
test('the admin adds a Contoso Logistics request type; its end user asks through it', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const typeName = `Forklift terminal (${project} ${Date.now().toString(36)})`;
  const admin = await browsers.signIn('admin@northwind.example');
  await admin.goto('/admin/config/request-types');
  await expect(admin.getByRole('heading', { name: 'Request types', level: 1 })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Till or card terminal' })).toBeVisible();
  await admin.getByRole('link', { name: 'Add' }).click();
  await admin.getByRole('textbox', { name: 'Name' }).fill(typeName);
  await admin
    .getByRole('textbox', { name: 'Description' })
    .fill('The terminals on the forklifts in the warehouse.');
  await choose(admin, 'Offered to', 'Contoso Logistics');
  await choose(admin, 'Ticket category', 'Standard');
  await choose(admin, 'Details', 'Required');
  await admin
    .getByRole('textbox', { name: 'Details start with' })
    .fill('Which forklift? What does the screen say?');
  expect(await violations(admin)).toEqual([]);
  await screenshot(admin, `request-type-form-${project}`);
  await admin.getByRole('button', { name: 'Create' }).click();
  await expect(admin.getByRole('heading', { name: typeName, level: 1 })).toBeVisible();

  const user = await browsers.signIn('user@contoso-logistics.example');
  await user.goto('/portal/new');
  const form = user.getByRole('form', { name: 'New request' });
  await form.getByRole('radio', { name: new RegExp(typeName.replace(/[()]/g, '\\$&')) }).click();
  const details = form.getByRole('textbox', { name: 'Details' });
  await expect(details).toHaveValue('Which forklift? What does the screen say?');
  // Required details: emptied, the form cannot be sent.
  await details.fill('');
  await form.getByRole('textbox', { name: 'Subject' }).fill(`Forklift 7 terminal is frozen (${project})`);
  await expect(form.getByRole('button', { name: 'Send request' })).toBeDisabled();
  await details.fill('Forklift 7, the screen shows a spinning wheel.');
  expect(await violations(user)).toEqual([]);
  await screenshot(user, `portal-new-request-${project}`);
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(
    user.getByRole('heading', { name: `Forklift 7 terminal is frozen (${project})` }),
  ).toBeVisible();

  // Another customer's end user is not offered it.
  const other = await browsers.signIn('user@litware.example');
  await other.goto('/portal/new');
  await expect(other.getByRole('radio', { name: /Something does not work/ })).toBeVisible();
  await expect(other.getByRole('radio', { name: /Forklift terminal/ })).toHaveCount(0);
});
