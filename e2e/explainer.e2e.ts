import type { Page } from '@playwright/test';
import { choose, expect, screenshot, test } from './fixtures.ts';

interface Me {
  id: number;
  csrfToken: string;
  displayName: string;
  viewingAs: { adminName: string } | null;
}
interface Page_<T> {
  items: T[];
}

const getJson = async <T>(page: Page, path: string) => (await (await page.request.get(path)).json()) as T;

test('the admin explains Anna on a Fabrikam ticket, views the app as Anna read-only, and comes back', async ({
  browsers,
}, testInfo) => {
  const page = await browsers.signIn('admin@northwind.example');
  const [fabrikam] = (
    await getJson<Page_<{ id: number; name: string }>>(page, '/api/v1/companies?q=Fabrikam')
  ).items;
  if (!fabrikam) throw new Error('no Fabrikam in the demo');
  const [ticket] = (
    await getJson<Page_<{ id: number; number: string }>>(
      page,
      `/api/v1/tickets?companyId=${fabrikam.id}&limit=1`,
    )
  ).items;
  if (!ticket) throw new Error('no Fabrikam ticket in the demo');

  await page.goto('/admin/explain');
  await expect(page.getByRole('heading', { name: 'Access explainer' })).toBeVisible();
  await choose(page, 'Person', 'Anna Schmidt');
  await page.getByTestId('explain-id').fill(ticket.number);
  await page.getByRole('button', { name: 'Explain' }).click();
  const answer = page.getByTestId('explain-answer');
  await expect(answer).toContainText('For Anna Schmidt');
  await expect(answer).toContainText('Can view: no');
  await expect(page.getByTestId('reason-no_association')).toHaveText(
    'They have no association with Fabrikam.',
  );
  await screenshot(page, `${testInfo.project.name}-explainer`);

  await page.getByRole('button', { name: 'View as this person' }).click();
  const banner = page.getByTestId('view-as-banner');
  await expect(banner).toContainText('Viewing as Anna Schmidt — read-only.');
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  const me = await getJson<Me>(page, '/api/v1/me');
  expect([me.displayName, me.viewingAs?.adminName]).toEqual(['Anna Schmidt', 'Alex Admin']);
  // Anna's list: no Fabrikam ticket in it.
  const listed = await getJson<Page_<{ companyId: number }>>(page, '/api/v1/tickets?limit=200');
  expect(listed.items.length).toBeGreaterThan(0);
  expect(listed.items.some((row) => row.companyId === fabrikam.id)).toBe(false);
  await screenshot(page, `${testInfo.project.name}-view-as-list`);

  // A save is refused, and the page says so.
  await page.getByTestId('ticket-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('ticket-title')).toBeVisible();
  await expect(banner).toBeVisible();
  const [first] = listed.items as unknown as { id: number; version: number }[];
  const save = await page.request.patch(`/api/v1/tickets/${String(first?.id)}`, {
    data: { title: 'Changed while viewing as', version: first?.version },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(save.status()).toBe(403);
  expect(((await save.json()) as { error: { code: string } }).error.code).toBe('read_only_view');
  const form = page.getByRole('form', { name: 'Add note' });
  await form.getByRole('textbox', { name: /^Note/ }).fill('Not while viewing as');
  await choose(page, /^Who can read it/, /MSP and co-managing users/);
  await form.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText(/viewing the app as someone else: it is read-only/).first()).toBeVisible();
  await screenshot(page, `${testInfo.project.name}-view-as-refused`);

  await banner.getByRole('button', { name: 'Back to my account' }).click();
  await expect(page.getByRole('heading', { name: 'Access explainer' })).toBeVisible();
  await expect(page.getByTestId('view-as-banner')).toHaveCount(0);
  await expect(page.getByTestId('signed-in-as')).toHaveText(/Signed in as Alex Admin/);
});
