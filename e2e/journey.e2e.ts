import type { Page } from '@playwright/test';
import { choose, expect, screenshot, test } from './fixtures.ts';

/** Uses the side navigation; on a phone it sits behind the menu button. */
async function openNav(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation').getByRole('link', { name: label }).click();
}

async function searchTickets(page: Page, text: string): Promise<void> {
  await openNav(page, 'Tickets');
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
}

test('MSP technician hands a ticket to Contoso’s co-managing user and back; Fabrikam’s consultant sees none of it', async ({
  browsers,
}, testInfo) => {
  const device = testInfo.project.name;
  const title = `E2E ${device} printer on floor 3 ${Date.now()}`;

  // 1. The MSP technician creates the ticket and transfers it to co-managed.
  const tech = await browsers.signIn('tech1@northwind.example');
  await openNav(tech, 'New ticket');
  await choose(tech, 'Company', /^Contoso$/);
  await tech.getByRole('textbox', { name: /^Title/ }).fill(title);
  const description = tech.getByRole('textbox', { name: /^Description/ });
  if (await description.isVisible()) await description.fill('Paper jams in tray 2 since this morning.');
  const visible = tech.getByRole('checkbox', { name: 'Visible to co-managing users' });
  if (!(await visible.isChecked())) await visible.check();
  await screenshot(tech, `${device}-01-new-ticket`);
  await tech.getByRole('button', { name: 'Create ticket' }).click();
  await expect(tech.getByTestId('ticket-title')).toHaveText(title);
  const ticketUrl = new URL(tech.url()).pathname;
  const ticketNumber = (await tech.getByTestId('ticket-number').textContent()) ?? '';
  expect(ticketNumber).toMatch(/^T\d{8}\.\d{4}$/);

  await tech.getByRole('button', { name: 'Transfer to co-managed' }).click();
  await expect(tech.getByTestId('field-primaryResourceId')).toHaveText('Anna Schmidt');
  // …and puts it on Anna's worklist.
  await tech.getByRole('button', { name: 'Add to a colleague’s worklist' }).click();
  await choose(tech, 'Colleague', 'Anna Schmidt');
  await tech.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(tech.getByText('Added to the worklist.')).toBeVisible();
  await screenshot(tech, `${device}-02-ticket-transferred`);

  // 2. Anna (co-managing user at Contoso) sees it in her list and her worklist.
  const anna = await browsers.signIn('anna.it@contoso.example');
  await expect(anna.getByTestId('signed-in-as')).toHaveText(
    'Signed in as Anna Schmidt (co-managed: Contoso, Contoso Logistics)',
  );
  await searchTickets(anna, title);
  await expect(anna.getByTestId('ticket-row')).toHaveCount(1);
  await expect(anna.getByTestId('ticket-row')).toContainText(ticketNumber);
  await screenshot(anna, `${device}-03-co-managed-ticket-list`);

  await openNav(anna, 'Worklist');
  const item = anna.getByTestId('worklist-item').filter({ hasText: ticketNumber });
  await expect(item).toBeVisible();
  await screenshot(anna, `${device}-04-co-managed-worklist`);
  await item.getByRole('link', { name: ticketNumber }).click();
  await expect(anna.getByTestId('ticket-title')).toHaveText(title);

  // 3. She adds a note for the MSP and her own team, chosen explicitly.
  await anna
    .getByRole('textbox', { name: /^Note/ })
    .fill('Replaced the pick-up roller; please check the fuser.');
  await choose(anna, 'Who can read it', 'MSP and co-managing users');
  await anna.getByRole('button', { name: 'Add note' }).click();
  const note = anna.getByTestId('note').filter({ hasText: 'Replaced the pick-up roller' });
  await expect(note).toBeVisible();
  await expect(note.getByTestId('publish-level')).toHaveText('MSP and co-managing users');
  await screenshot(anna, `${device}-05-note-added`);

  // 4. She logs time with the stopwatch.
  await anna.getByRole('button', { name: 'Start stopwatch' }).click();
  await expect(anna.getByText(/Stopwatch running/)).toBeVisible();
  await anna.waitForTimeout(1_200);
  await anna
    .getByRole('button', { name: /Stop and log time/ })
    .first()
    .click();
  const dialog = anna.getByRole('dialog', { name: 'Log time' });
  await choose(anna, 'Work type', /.+/);
  await dialog.getByRole('textbox', { name: /^Summary/ }).fill('Roller swap on site');
  await dialog.getByRole('button', { name: 'Log time' }).click();
  await expect(anna.getByText(/h logged\./)).toBeVisible();
  await expect(anna.getByText(/Stopwatch running/)).toHaveCount(0);
  await anna.getByRole('tab', { name: 'Time' }).click();
  await expect(anna.getByTestId('time-entry').filter({ hasText: 'Roller swap on site' })).toBeVisible();
  await screenshot(anna, `${device}-06-time-logged`);

  // 5. …and escalates it back to the MSP.
  await anna.getByRole('button', { name: 'Escalate to MSP' }).click();
  await expect(anna.getByText('Escalated to the MSP.')).toBeVisible();
  await expect(anna.getByTestId('field-primaryResourceId')).not.toHaveText('Anna Schmidt');
  await screenshot(anna, `${device}-07-escalated`);

  // The technician sees her note, with who can read it.
  await tech.reload();
  await expect(tech.getByTestId('note').filter({ hasText: 'Replaced the pick-up roller' })).toBeVisible();
  await tech.getByRole('tab', { name: 'History' }).click();
  await expect(tech.getByText('Anna Schmidt escalated it to the MSP')).toBeVisible();
  await expect(tech.getByText('Tom Becker transferred it to co-managed')).toBeVisible();

  // 6. Fabrikam's consultant sees none of it: not in the list, not by URL.
  const consultant = await browsers.signIn('consultant@fabrikam.example');
  await searchTickets(consultant, title);
  await expect(consultant.getByText('No tickets match.')).toBeVisible();
  await expect(consultant.getByTestId('ticket-row')).toHaveCount(0);
  await consultant.goto('/worklist');
  await expect(consultant.getByRole('heading', { name: 'My worklist' })).toBeVisible();
  await expect(consultant.getByText(ticketNumber)).toHaveCount(0);
  await consultant.goto(ticketUrl);
  await expect(consultant.getByTestId('not-found')).toBeVisible();
  await expect(consultant.getByRole('heading', { name: 'Ticket not found' })).toBeVisible();
  await expect(consultant.getByText(title)).toHaveCount(0);
  await screenshot(consultant, `${device}-08-consultant-not-found`);
});
