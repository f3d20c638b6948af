import type { Page } from '@playwright/test';
import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

// People and organisation in the browser (#12 item 7): companies searched, a department created
// after its taken name is refused at the field, users listed by name with their level's name; axe
// on each list and form; a technician gets Not found. Names are unique per project run.

async function expectNoViolations(page: Page) {
  expect(await violations(page)).toEqual([]);
}

test('the admin searches companies, creates a department after a field error, and reads users with their level', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const page = await browsers.signIn('admin@northwind.example');

  await page.goto('/admin/companies');
  await expect(page.getByRole('heading', { name: 'Companies', level: 1 })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Contoso');
  await expect(page.getByRole('link', { name: 'Contoso Logistics' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fabrikam', exact: false })).toHaveCount(0);
  await expectNoViolations(page);
  await screenshot(page, `admin-people-companies-${project}`);

  await page.goto('/admin/departments');
  await expect(page.getByRole('heading', { name: 'Departments', level: 1 })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('link', { name: 'New department' }).click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Projects');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('A department with this name already exists.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);
  const unique = `Field Team ${project} ${Date.now()}`;
  await name.fill(unique);
  await page.getByRole('button', { name: 'Add C_SRC' }).click();
  await expect(name).toHaveValue(`C_SRC ${unique}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `C_SRC ${unique}`, level: 1 })).toBeVisible();
  await page.goto('/admin/departments');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(unique);
  await expect(page.getByRole('link', { name: `C_SRC ${unique}` })).toBeVisible();

  // A location's hours: a refused interval is shown at its day and nothing is saved; then fixed.
  await page.goto('/admin/locations');
  await expectNoViolations(page);
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Contoso');
  await page.getByRole('link', { name: 'Contoso Office' }).click();
  await expect(page.getByRole('heading', { name: 'Contoso Office', level: 1 })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Open on Saturday' }).check();
  const [start, end] = project === 'phone' ? ['10:00', '13:00'] : ['09:00', '12:00'];
  await page.getByLabel('Saturday from').fill(end);
  await page.getByLabel('Saturday to').fill(start);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'start must be before end' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel('Saturday from').fill(start);
  await page.getByLabel('Saturday to').fill(end);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Saturday from')).toHaveValue(start);
  await expect(page.getByLabel('Saturday to')).toHaveValue(end);
  await screenshot(page, `admin-people-location-${project}`);

  await page.goto('/admin/roles');
  await expect(page.getByRole('heading', { name: 'Roles', level: 1 })).toBeVisible();
  await expect(page.getByText('Co-managed Staff').first()).toBeVisible();
  await expectNoViolations(page);

  // Contacts: one without an account offers the co-managed access wizard, one with an account does not.
  await page.goto('/admin/contacts');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Frank');
  await expect(page.getByRole('link', { name: 'Enable co-managed access for Frank Moser' })).toHaveAttribute(
    'href',
    /\/admin\/co-managed\/enable\/\d+$/,
  );
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Anna');
  // The search is debounced: wait for Anna's row alone.
  await expect(page.getByText('Has an account')).toHaveCount(1);
  await expect(page.getByText('Anna Schmidt')).toBeVisible();
  await expect(page.getByRole('link', { name: /Enable co-managed access for Anna/ })).toHaveCount(0);
  await expectNoViolations(page);

  await page.goto('/admin/resources');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Anna');
  await expect(page.getByText('Anna Schmidt')).toBeVisible();
  await expect(page.getByText('Co-managed Help Desk').first()).toBeVisible();
  await expectNoViolations(page);
  await screenshot(page, `admin-people-resources-${project}`);

  // An administrator cannot switch themselves off (the last one: 409 last_admin; else 422): the
  // API's reason shows at the switch, nothing is saved.
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('admin@northwind');
  await page.getByRole('link', { name: 'Alex Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Alex Admin', level: 1 })).toBeVisible();
  await page.getByRole('switch', { name: 'Active' }).click({ force: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByText(/would leave no active administrator|take your own administrator access away/),
  ).toBeVisible();
  await expectNoViolations(page);
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Active' })).toBeChecked();
});

test('the admin adds a company group and a subsidiary, a contact there, and a role whose amounts the API checks', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const stamp = `${project} ${Date.now()}`;
  const page = await browsers.signIn('admin@northwind.example');

  // A group of its own first (so no other journey's companies change), then a shop under it with
  // co-management on: each form saves, then opens as the new company.
  await page.goto('/admin/companies');
  await page.getByRole('link', { name: 'New company' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(`Retail Group ${stamp}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `Retail Group ${stamp}`, level: 1 })).toBeVisible();
  await page.goto('/admin/companies');
  await page.getByRole('link', { name: 'New company' }).click();
  await expect(page.getByRole('heading', { name: 'New company', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(`Retail Shop ${stamp}`);
  await choose(page, 'Parent company', `Retail Group ${stamp}`);
  await page.getByRole('switch', { name: /Co-management enabled/ }).click({ force: true });
  await page.getByRole('textbox', { name: /Country/ }).fill('d1');
  await page.getByRole('button', { name: 'Save' }).click();
  // "D1" is no ISO 3166-1 alpha-2 code: the API's reason shows at the field, nothing is saved.
  await expect(page.getByRole('textbox', { name: /Country/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'New company', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: /Country/ }).fill('de');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `Retail Shop ${stamp}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Parent company' })).toHaveValue(`Retail Group ${stamp}`);
  await expectNoViolations(page);
  await screenshot(page, `admin-people-company-form-${project}`);

  // Switching co-management off says what it does before the save.
  await page.getByRole('switch', { name: /Co-management enabled/ }).click({ force: true });
  await expect(page.getByText(/loses access to it at their next request/)).toBeVisible();
  await page.getByRole('switch', { name: /Co-management enabled/ }).click({ force: true });
  await expect(page.getByText(/loses access to it at their next request/)).toHaveCount(0);

  // A contact of the new company; afterwards the company is shown, not offered for a move.
  await page.goto('/admin/contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await choose(page, 'Company', `Retail Shop ${stamp}`);
  await page.getByRole('textbox', { name: 'First name' }).fill('Rita');
  await page.getByRole('textbox', { name: 'Last name' }).fill(`Retail ${project}`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill('not an address');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true');
  await page
    .getByRole('textbox', { name: 'E-mail' })
    .fill(`rita.${project}.${Date.now()}@contoso-retail.example`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `Rita Retail ${project}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue(`Retail Shop ${stamp}`);
  await expect(
    page.getByRole('link', { name: `Enable co-managed access for Rita Retail ${project}` }),
  ).toBeVisible();
  await expectNoViolations(page);

  // A role: one amount alone is refused at the other one; both together save.
  await page.goto('/admin/roles');
  await page.getByRole('link', { name: 'New role' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(`Field Engineer ${stamp}`);
  await page.getByRole('textbox', { name: /Hourly rate/ }).fill('135.00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Send hourlyRate and internalCost together, or neither.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Internal cost/ })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: /Internal cost/ }).fill('62.50');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `Field Engineer ${stamp}`, level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: /Internal cost/ })).toHaveValue('62.50');
  await expectNoViolations(page);
  await screenshot(page, `admin-people-role-form-${project}`);
});

test('the admin creates a technician account; a weak password is refused at its field; the technician signs in', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const email = `tara.${project}.${Date.now()}@northwind.example`;
  const password = `tara works the ${project} desk`;
  const page = await browsers.signIn('admin@northwind.example');
  await page.goto('/admin/resources');
  await page.getByRole('link', { name: 'New user' }).click();
  await expect(page.getByRole('heading', { name: 'New user', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'First name' }).fill('Tara');
  await page.getByRole('textbox', { name: 'Last name' }).fill(`Tech ${project}`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Password', { exact: false }).first().fill('short');
  await choose(page, 'Security level', /^Technician$/);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/The password is too short/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New user', level: 1 })).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel('Password', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `Tara Tech ${project}`, level: 1 })).toBeVisible();
  await screenshot(page, `admin-people-new-user-${project}`);

  const tara = await browsers.signIn(email, { password });
  await expect(tara.getByText('Signed in as Tara Tech', { exact: false }).first()).toBeVisible();
});

test('a technician gets Not found at the admin people screens', async ({ browsers }) => {
  const page = await browsers.signIn('tech1@northwind.example');
  for (const path of [
    '/admin/companies',
    '/admin/resources',
    '/admin/departments',
    '/admin/locations',
    '/admin/contacts',
    '/admin/contacts/new',
    '/admin/companies/new',
    '/admin/roles/new',
    '/admin/resources/new',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
});
