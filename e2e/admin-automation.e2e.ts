import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { violations } from './axe.ts';
import { choose, expect, screenshot, test } from './fixtures.ts';

// Automation in the browser (#12 item 7): a workflow rule's test run and run log, a notification
// template's preview for a ticket and a recipient, a webhook's "send test" to a receiver this test
// starts and its delivery log. Names are unique per project run.

async function expectNoViolations(page: Page) {
  expect(await violations(page)).toEqual([]);
}

/** Picks the first ticket the picker offers, by keyboard (works alike on a phone); answers its title. */
async function pickTicket(page: Page): Promise<string> {
  const box = page.getByRole('combobox', { name: 'Ticket', exact: true });
  await box.focus();
  // The options load after the page: try again until the first one is taken.
  await expect(async () => {
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(box).not.toHaveValue('', { timeout: 2_000 });
  }).toPass();
  const label = await box.inputValue();
  return label.split(' · ').slice(1).join(' · ');
}

test('the admin tests a rule, previews a template and sends a test webhook', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const stamp = `${project} ${Date.now().toString(36)}`;
  const received: string[] = [];
  const receiver = createServer((request, response) => {
    received.push(String(request.headers['x-tandem-event']));
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const page = await browsers.signIn('admin@northwind.example');

  try {
    // A rule of its own: made in the editor, then tried on a ticket and its (empty) run log read.
    await page.goto('/admin/automation/rules');
    await expect(page.getByRole('heading', { name: 'Workflow rules', level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('link', { name: 'New rule' }).click();
    const rule = `Rule ${stamp}`;
    await page.getByRole('textbox', { name: 'Name' }).fill(rule);
    // Built from pickers, no JSON: "Company is not empty", then "Set fields: visible to co-managed".
    await page.getByRole('button', { name: 'Add a condition' }).click();
    await choose(page, 'Condition 1: field', /^Company$/);
    await choose(page, 'Condition 1: comparison', 'is not empty');
    await expect(page.getByRole('combobox', { name: 'Condition 1: value' })).toHaveCount(0);
    // Without an action the API refuses the rule, and says so at the actions.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(
      page.getByRole('region', { name: 'Actions' }).getByText(/at least 1|too small/i),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Add an action' }).click();
    await choose(page, 'Action 1', 'Set fields');
    // By keyboard: the first option is "Yes" (the list sits low on a phone's screen).
    const visibleToCoManaged = page.getByRole('combobox', { name: 'Visible to co-managing users' });
    await visibleToCoManaged.focus();
    await visibleToCoManaged.press('ArrowDown');
    await visibleToCoManaged.press('Enter');
    await expect(visibleToCoManaged).toHaveValue('Yes');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: rule, level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Condition 1: comparison' })).toHaveValue('is not empty');
    await expect(page.getByRole('combobox', { name: 'Visible to co-managing users' })).toHaveValue('Yes');
    await pickTicket(page);
    await page.getByRole('button', { name: 'Run the test' }).click();
    await expect(page.getByText('The rule would act on this ticket.')).toBeVisible();
    await expect(page.getByText('set coManagedVisible')).toBeVisible();
    await expect(page.getByText('The rule has not run yet.')).toBeVisible();
    await expectNoViolations(page);
    await screenshot(page, `admin-automation-rule-${project}`);

    // A demo rule reads as it was seeded: "Priority is High", and its note among the actions.
    await page.goto('/admin/automation/rules');
    await page.getByRole('link', { name: 'Quiet High tickets become Critical' }).click();
    await expect(page.getByRole('combobox', { name: 'Condition 1: value' })).toHaveValue('High');
    await expect(page.getByRole('spinbutton', { name: 'Business hours without an update' })).toHaveValue('4');
    await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue(
      /raised from High to Critical/,
    );
    await expectNoViolations(page);
    await screenshot(page, `admin-automation-demo-rule-${project}`);

    // A demo template, previewed for a ticket as the admin would receive it.

    await page.goto('/admin/automation/templates');
    await expect(page.getByRole('heading', { name: 'Notification templates', level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('link', { name: 'Assigned to you' }).click();
    await expect(page.getByRole('heading', { name: 'Assigned to you', level: 1 })).toBeVisible();
    const title = await pickTicket(page);
    const recipient = page.getByRole('combobox', { name: 'Recipient' });
    await recipient.fill('Alex Admin');
    await expect(async () => {
      await recipient.press('ArrowDown');
      await recipient.press('Enter');
      await expect(page.getByRole('button', { name: 'Show the preview' })).toBeEnabled({ timeout: 2_000 });
    }).toPass();
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await expect(page.getByText(`Subject: Assigned to you: ${title}`, { exact: false })).toBeVisible();
    await expectNoViolations(page);
    await screenshot(page, `admin-automation-preview-${project}`);

    // A webhook to the receiver: send test, see its answer and the delivery in the log.
    await page.goto('/admin/automation/webhooks');
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('link', { name: 'New webhook' }).click();
    const hook = `Hook ${stamp}`;
    await page.getByRole('textbox', { name: 'Name' }).fill(hook);
    await page.getByRole('textbox', { name: 'URL' }).fill(receiverUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: hook, level: 1 })).toBeVisible();
    await expect(page.getByText(/^whsec_/)).toBeVisible();
    await page.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByText(/The receiver answered 204 in \d+ ms\./)).toBeVisible();
    const log = page.getByRole('table', { name: 'Delivery log' });
    await expect(log.getByRole('row').filter({ hasText: 'ping' })).toContainText('succeeded');
    expect(received).toEqual(['ping']);
    await expectNoViolations(page);
    await screenshot(page, `admin-automation-webhook-${project}`);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
