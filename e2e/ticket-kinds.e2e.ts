import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { violations } from './axe.ts';

// Scenario 3 in the browser (#12 item 5): the facilities manager at Tailspin works only the
// C_SRC Facilities set-up; Contoso's IT is never offered it.

interface TicketPage {
  items: { id: number; categoryId: number; companyId: number }[];
  nextCursor: string | null;
}

/** Every ticket id the page's session may read, open and complete, through the API. */
async function readableTickets(page: Page): Promise<TicketPage['items']> {
  const seen: TicketPage['items'] = [];
  for (const open of ['true', 'false']) {
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const body = (await (
        await page.request.get(`/api/v1/tickets?limit=200&open=${open}${query}`)
      ).json()) as TicketPage;
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor !== null);
  }
  return seen;
}

async function categoryOptions(page: Page): Promise<string[]> {
  await page.goto('/tickets/new');
  const box = page.getByRole('combobox', { name: /^Category/ });
  const options = page.getByRole('option');
  await expect(async () => {
    if (!(await options.first().isVisible())) await box.click();
    await expect(options.first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  return (await options.allTextContents()).map((text) => text.trim());
}

test('the facilities manager sees only C_SRC Facilities tickets and is offered only that set-up', async ({
  browsers,
}) => {
  const page = await browsers.signIn('facilities@tailspin.example');
  const categories = (await (await page.request.get('/api/v1/ticket-categories')).json()) as {
    items: { id: number; name: string }[];
  };
  expect(categories.items.map((category) => category.name)).toEqual(['C_SRC Facilities']);
  const readable = await readableTickets(page);
  expect(readable.length).toBeGreaterThan(0);
  const ids = new Set(readable.map((ticket) => ticket.id));

  // Every row the list shows is one of them.
  await page.goto('/tickets');
  const rows = page.getByTestId('ticket-row');
  await expect(rows.first()).toBeVisible();
  const hrefs = await rows
    .locator('a[href*="/tickets/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const shown = hrefs.map((href) => Number(/\/tickets\/(\d+)/.exec(href)?.[1])).filter(Number.isFinite);
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(ids.has(id)).toBe(true);

  // Tailspin's IT tickets are not found, as a missing one.
  const admin = await browsers.signIn('admin@northwind.example');
  const [facilitiesTicket] = readable;
  if (!facilitiesTicket) throw new Error('no facilities ticket');
  const tailspinIt = (await readableTickets(admin)).find(
    (ticket) =>
      !ids.has(ticket.id) &&
      ticket.companyId === facilitiesTicket.companyId &&
      ticket.categoryId !== facilitiesTicket.categoryId,
  );
  expect(tailspinIt).toBeDefined();
  await page.goto(`/tickets/${String(tailspinIt?.id)}`);
  await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();

  expect(await categoryOptions(page)).toEqual(['C_SRC Facilities']);
});

test("Contoso's IT is not offered the facilities category", async ({ browsers }) => {
  const page = await browsers.signIn('anna.it@contoso.example');
  const options = await categoryOptions(page);
  expect(options).toContain('Standard');
  expect(options).not.toContain('C_SRC Facilities');
});

test('the admin reads and sets the facilities restriction on the level screen, in plain words', async ({
  browsers,
}) => {
  const admin = await browsers.signIn('admin@northwind.example');
  await admin.goto('/admin/security-levels');
  await admin.getByRole('link', { name: 'C_SRC Facilities', exact: true }).click();
  const preview = admin.getByTestId('level-preview');
  await expect(preview).toContainText('Tickets are limited to the queue “C_SRC Facilities”.');
  await expect(preview).toContainText('Tickets are limited to the category “C_SRC Facilities”.');

  // Taking the category limit away shows in the preview at once; nothing is saved until Save.
  const categories = admin.getByRole('combobox', { name: 'Only tickets of these categories' });
  await expect(categories).toBeVisible();
  await categories.focus();
  await admin.keyboard.press('Backspace');
  await admin.keyboard.press('Escape');
  await expect(preview).not.toContainText('limited to the category');
  await expect(preview).toContainText('limited to the queue “C_SRC Facilities”');
  await admin.reload();
  await expect(admin.getByTestId('level-preview')).toContainText(
    'Tickets are limited to the category “C_SRC Facilities”.',
  );
  expect(await violations(admin)).toEqual([]);
});
