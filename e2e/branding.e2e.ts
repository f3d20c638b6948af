import { violations } from './axe.ts';
import { apiAs, expect, screenshot, test } from './fixtures.ts';

// A 1×1 PNG: a real image the server sniffs as one.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

// #14: the MSP brands Tandem — its name, colour and logo on the sign-in page and in the portal.
test('the admin sets the name, colour and logo; the sign-in page and the portal show them', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const admin = await browsers.signIn('admin@northwind.example');
  await admin.goto('/admin/branding');
  await expect(admin.getByRole('heading', { name: 'Branding', level: 1 })).toBeVisible();
  const name = `Northwind Care ${project}`;
  await admin.getByRole('textbox', { name: 'Name' }).fill(name);
  await admin.getByRole('radio', { name: 'Violet' }).check();
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText('Branding saved.')).toBeVisible();
  await admin
    .locator('input[type="file"]')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(admin.getByRole('img', { name: 'Your logo' })).toBeVisible();
  expect(await violations(admin)).toEqual([]);
  await screenshot(admin, `admin-branding-${project}`);

  try {
    const visitor = await browsers.open();
    await visitor.goto('/sign-in');
    await expect(visitor.getByRole('heading', { name: `${name} · Sign in` })).toBeVisible();
    await expect(visitor.getByRole('img', { name })).toBeVisible();
    expect(await violations(visitor)).toEqual([]);

    const user = await browsers.signIn('user@contoso-logistics.example');
    await expect(user.getByTestId('portal-frame').getByRole('img', { name })).toBeVisible();
    // The accent colour reaches the theme: the primary button is violet.
    const button = user.getByRole('link', { name: 'New request' }).last();
    await expect(button).toHaveCSS('background-color', 'rgb(103, 65, 217)');
  } finally {
    // The demo's own branding again, for the journeys after this one.
    await (
      await apiAs(admin)
    ).patch('/api/v1/branding', { name: 'Northwind IT', accentColor: 'indigo', logo: null });
  }
});
