import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** WCAG 2.1 A/AA rules axe can check automatically: labels, names, contrast, landmarks, ARIA. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
}

test('the main screens pass axe’s WCAG A/AA checks', async ({ browsers }) => {
  const found: Record<string, Awaited<ReturnType<typeof violations>>> = {};
  const anonymous = await browsers.open();
  await anonymous.goto('/sign-in');
  await expect(anonymous.getByRole('button', { name: 'Sign in' })).toBeVisible();
  found['sign-in'] = await violations(anonymous);

  const page = await browsers.signIn('anna.it@contoso.example');
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  found['ticket list'] = await violations(page);

  await page.getByTestId('ticket-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('ticket-title')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add note' })).toBeVisible();
  found['ticket'] = await violations(page);

  await page.goto('/worklist');
  await expect(page.getByRole('heading', { name: 'My worklist' })).toBeVisible();
  found['worklist'] = await violations(page);

  await page.goto('/tickets/new');
  await expect(page.getByRole('heading', { name: 'New ticket' })).toBeVisible();
  found['new ticket'] = await violations(page);

  expect(found).toEqual({ 'sign-in': [], 'ticket list': [], ticket: [], worklist: [], 'new ticket': [] });
});
