import { expect, screenshot, test } from './fixtures.ts';

test('smoke: sign in and see the ticket list', async ({ browsers }, testInfo) => {
  const page = await browsers.signIn('tech1@northwind.example');
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  await screenshot(page, `${testInfo.project.name}-smoke-list`);
});
