import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';

interface Listed {
  items: { id: number; name: string }[];
}
interface TicketLine {
  id: number;
  version: number;
  abilities: { edit: boolean };
}

/** The API through the page's own session (cookie + CSRF token), for setting the scene. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
    post: async <T>(path: string, data: unknown) =>
      (await (await page.request.post(path, { data, headers })).json()) as T,
    patch: (path: string, data: unknown) => page.request.patch(path, { data, headers }),
  };
}

test('an admin copies a level and removes a permission; the person on it loses it at their next request', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const password = 'a level change test password';
  const admin = await browsers.signIn('admin@northwind.example');
  const api = await apiAs(admin);

  // The scene: a new co-managing user at Contoso on the system level (unique per project run).
  const companies = await api.get<Listed>('/api/v1/companies?limit=200');
  const contoso = companies.items.find((row) => row.name === 'Contoso')?.id ?? 0;
  const levels = await api.get<Listed>('/api/v1/security-levels');
  const systemLevel = levels.items.find((row) => row.name === 'Co-managed Help Desk')?.id ?? 0;
  const email = `level.${project}.${Date.now()}@contoso.example`;
  const contact = await api.post<{ id: number }>('/api/v1/contacts', {
    companyId: contoso,
    firstName: 'Lena',
    lastName: `Level ${project}`,
    email,
  });
  const enabled = await api.post<{ resource: { id: number } }>(
    `/api/v1/contacts/${contact.id}/co-managed-access`,
    {
      securityLevelId: systemLevel,
      password,
      companies: [{ companyId: contoso, includeSubsidiaries: true }],
    },
  );
  const resourceId = enabled.resource.id;

  const lena = await browsers.signIn(email, { password });
  const lenaApi = await apiAs(lena);
  const [ticket] = (
    await lenaApi.get<{ items: TicketLine[] }>(`/api/v1/tickets?companyId=${contoso}&open=true&limit=1`)
  ).items;
  expect(ticket?.abilities.edit).toBe(true);
  await lena.goto(`/tickets/${ticket?.id ?? 0}`);
  const editDetails = lena.getByRole('button', { name: 'Edit', exact: true });
  await expect(editDetails).toBeVisible();

  // The admin copies the system level in the screens and takes "Tickets: Edit" away.
  await admin.goto('/admin/security-levels');
  await admin.getByRole('link', { name: 'Co-managed Help Desk', exact: true }).click();
  await admin.getByRole('button', { name: 'Copy to change' }).click();
  await expect(admin.getByRole('heading', { name: 'Co-managed Help Desk (copy)' })).toBeVisible();
  await admin.getByRole('combobox', { name: 'Tickets: Edit' }).selectOption('none');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText('Saved.')).toBeVisible();
  const copyId = Number(new URL(admin.url()).pathname.split('/').at(-1));
  expect((await api.patch(`/api/v1/resources/${resourceId}`, { securityLevelId: copyId })).status()).toBe(
    200,
  );

  // Lena's next request already answers with the new level: no sign-out, no cache to wait for.
  await lena.reload();
  await expect(lena.getByTestId('ticket-title')).toBeVisible();
  await expect(lena.getByRole('heading', { name: 'Details' })).toBeVisible();
  await expect(editDetails).toHaveCount(0);
  const after = await lenaApi.get<TicketLine>(`/api/v1/tickets/${ticket?.id ?? 0}`);
  expect(after.abilities.edit).toBe(false);
  const refused = await lenaApi.patch(`/api/v1/tickets/${ticket?.id ?? 0}`, {
    title: 'Not allowed any more',
    version: after.version,
  });
  expect([403, 404]).toContain(refused.status());
  await screenshot(lena, `level-change-after-${project}`);

  // Tidy up: Lena leaves (deactivated), the copy goes.
  expect(
    (
      await api.patch(`/api/v1/resources/${resourceId}`, { active: false, securityLevelId: systemLevel })
    ).status(),
  ).toBe(200);
  await admin.reload();
  await admin.getByRole('button', { name: 'Delete' }).click();
  await expect(admin.getByRole('link', { name: 'Co-managed Help Desk (copy)' })).toHaveCount(0);
});
