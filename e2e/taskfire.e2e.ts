import { violations } from './axe.ts';
import { apiAs, choose, expect, screenshot, test } from './fixtures.ts';

// #14 item 4: Litware's own IT runs its desk in the portal (Taskfire): it assigns a request to a
// colleague, logs time, writes a note its end user never reads, and escalates to the MSP — whose
// dispatcher finds the request in the escalation queue.
test('Litware’s IT assigns a request to Ida, logs time, notes it internally and escalates it to the MSP', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const subject = `The label printer in the store room prints blank labels (${project})`;
  const requester = await browsers.signIn('user@litware.example');
  const request = await (
    await apiAs(requester)
  ).post<{ id: number }>('/api/v1/tickets', {
    title: subject,
    description: 'Since the new roll went in.',
  });

  const it = await browsers.signIn('it@litware.example');
  await expect(it).toHaveURL(/\/portal$/);
  await expect(it.getByRole('heading', { name: 'Your company’s desk', level: 1 })).toBeVisible();
  // The segmented control's radios are drawn by their labels.
  await it.locator('label', { hasText: /^Unassigned$/ }).click();
  await expect(it.getByRole('radio', { name: 'Unassigned' })).toBeChecked();
  await expect(it.getByRole('link', { name: subject })).toBeVisible();
  expect(await violations(it)).toEqual([]);
  await screenshot(it, `taskfire-desk-${project}`);
  await it.getByRole('link', { name: subject }).click();
  await expect(it.getByRole('heading', { name: subject, level: 1 })).toBeVisible();
  // The desk's fields, none of the MSP's: no queue picker, no visibility switch, no stopwatch.
  const work = it.getByRole('form', { name: 'Work on it' });
  await expect(work.getByText('Lena User')).toBeVisible();
  await expect(work.getByRole('combobox', { name: 'Queue' })).toHaveCount(0);
  await expect(it.getByText(/co-managing users/i)).toHaveCount(0);
  await choose(it, 'Status', 'In Progress');
  await choose(it, 'Assigned to', 'Ida Vogel');
  await work.getByRole('button', { name: 'Save' }).click();
  await expect(it.getByText('Saved.')).toBeVisible();

  // A note for their IT and the MSP only (the default), and their time.
  const noteText = `Ordered a new print head; the requester need not know the price (${project}).`;
  await it.getByRole('textbox', { name: 'Add a note' }).fill(noteText);
  await it.getByRole('button', { name: 'Add note' }).click();
  await expect(it.getByTestId('portal-reply').filter({ hasText: noteText })).toContainText('Internal');
  const time = it.getByRole('form', { name: 'Time' });
  await choose(it, 'Kind of work', 'Remote Support');
  await time.getByRole('textbox', { name: 'What you did' }).fill('Cleaned the print head, tested a roll');
  await time.getByRole('button', { name: 'Log time' }).click();
  await expect(time.getByText(/Logged so far: 0[.,]50 h/)).toBeVisible();
  expect(await violations(it)).toEqual([]);
  await screenshot(it, `taskfire-request-${project}`);

  // Escalated: into the MSP's queue, and Ida steps back.
  await it.getByRole('button', { name: 'Escalate to your service provider' }).click();
  await expect(it.getByText('Escalated to your service provider.')).toBeVisible();
  await expect(work.getByText('MSP Escalations')).toBeVisible();
  await expect(work.getByRole('combobox', { name: 'Assigned to' })).toHaveValue('Nobody yet');

  // The requester reads neither the internal note nor the time.
  await requester.goto(`/portal/requests/${request.id}`);
  await expect(requester.getByRole('heading', { name: subject, level: 1 })).toBeVisible();
  await expect(requester.getByText(noteText)).toHaveCount(0);
  await expect(requester.getByRole('form', { name: 'Time' })).toHaveCount(0);

  // The MSP's dispatcher finds it in the escalation queue of the agent app.
  const dispatcher = await browsers.signIn('dispatch@northwind.example');
  const queues = await (
    await apiAs(dispatcher)
  ).get<{ items: { id: number; name: string }[] }>('/api/v1/queues');
  const escalations = queues.items.find((queue) => queue.name === 'MSP Escalations');
  await dispatcher.goto(`/tickets?queueId=${escalations?.id}`);
  await expect(dispatcher.getByText(subject)).toBeVisible();
});

test('Litware’s IT sees its shop’s requests; the shop’s end user never sees the parent’s', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const shop = await browsers.signIn('user@litware-retail.example');
  const subject = `Till 3 does not open the cash drawer (${project})`;
  const shopRequest = await (await apiAs(shop)).post<{ id: number }>('/api/v1/tickets', { title: subject });
  const parentRequest = await (
    await apiAs(await browsers.signIn('user@litware.example'))
  ).post<{
    id: number;
  }>('/api/v1/tickets', { title: `Office request (${project})` });

  const it = await browsers.signIn('it2@litware.example');
  await it.goto(`/portal/requests/${shopRequest.id}`);
  await expect(it.getByRole('heading', { name: subject, level: 1 })).toBeVisible();
  await expect(it.getByText('Litware Retail')).toBeVisible();

  await shop.goto(`/portal/requests/${parentRequest.id}`);
  await expect(shop.getByRole('heading', { name: 'Request not found' })).toBeVisible();
  // An agent address leads the internal help desk into the portal too.
  await it.goto('/tickets');
  await expect(it).toHaveURL(/\/portal$/);
  expect(await violations(it)).toEqual([]);
});

test('Litware’s desk speaks German, and names the rule that escalates by itself', async ({
  browsers,
}, testInfo) => {
  const it = await browsers.signIn('it2@litware.example', { locale: 'de' });
  await expect(it.getByRole('heading', { name: 'Helpdesk Ihres Unternehmens', level: 1 })).toBeVisible();
  await expect(
    it
      .getByRole('region', { name: 'Automatisch an Ihren Dienstleister' })
      .getByText('Litware: nobody on it for 2 business hours'),
  ).toBeVisible();
  await expect(it.getByRole('radio', { name: 'Nicht zugewiesen' })).toBeAttached();
  expect(await violations(it)).toEqual([]);
  await screenshot(it, `taskfire-desk-de-${testInfo.project.name}`);
});

test('Litware’s help-desk administrator makes Ida an administrator and back; Ida has no team page', async ({
  browsers,
}, testInfo) => {
  const it = await browsers.signIn('it@litware.example');
  await it.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(it.getByRole('heading', { name: 'Your help desk’s team', level: 1 })).toBeVisible();
  // Their own row is not theirs to change.
  await expect(it.getByRole('switch', { name: 'Ivo Brandt active' })).toBeDisabled();
  await choose(it, 'Role of Ida Vogel', 'Administrator');
  await expect(it.getByText('Ida Vogel saved.')).toBeVisible();
  expect(await violations(it)).toEqual([]);
  await screenshot(it, `taskfire-team-${testInfo.project.name}`);
  await choose(it, 'Role of Ida Vogel', 'Resource');
  await expect(it.getByRole('combobox', { name: 'Role of Ida Vogel' })).toHaveValue('Resource');

  const ida = await browsers.signIn('it2@litware.example');
  await expect(ida.getByRole('link', { name: 'Team', exact: true })).toHaveCount(0);
  await ida.goto('/portal/team');
  await expect(ida.getByRole('heading', { name: 'Your help desk’s team' })).toHaveCount(0);
});
