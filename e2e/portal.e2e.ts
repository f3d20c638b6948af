import { violations } from './axe.ts';
import { apiAs, expect, screenshot, test } from './fixtures.ts';

// #14: a customer's end user works in the portal — their requests, the replies they may read (never
// an internal or a co-managed note), their own replies — and never meets the agent app or another
// company's request.
test('a Contoso end user sends a request, reads the public reply but not the internal note, replies, and stays in the portal', async ({
  browsers,
}, testInfo) => {
  const project = testInfo.project.name;
  const user = await browsers.signIn('user@contoso.example');
  await expect(user).toHaveURL(/\/portal$/);
  await expect(user.getByRole('heading', { name: 'Your requests', level: 1 })).toBeVisible();
  await expect(user.getByRole('button', { name: /stopwatch/i })).toHaveCount(0);
  expect(await violations(user)).toEqual([]);
  await screenshot(user, `portal-requests-${project}`);

  // A new request: subject and details, nothing of the desk.
  await user.getByRole('link', { name: 'New request' }).first().click();
  const form = user.getByRole('form', { name: 'New request' });
  // First what kind: the request type decides where it lands and what the form asks.
  await expect(form.getByRole('button', { name: 'Send request' })).toBeDisabled();
  await form.getByRole('radio', { name: /Something does not work/ }).click();
  await expect(form.getByRole('textbox', { name: 'Details' })).toHaveValue(/What does not work\?/);
  // The type asks how urgent it is, starting at its own priority.
  await expect(form.getByRole('combobox', { name: 'How urgent is it?' })).toHaveValue('Medium');
  const subject = `Badge reader at the side door refuses my card (${project})`;
  await form.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await form.getByRole('textbox', { name: 'Details' }).fill('Since this morning; the front door works.');
  expect(await violations(user)).toEqual([]);
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(user.getByRole('heading', { name: subject, level: 1 })).toBeVisible();
  await expect(user.getByText('Not assigned yet')).toBeVisible();
  await expect(user.getByText('Since this morning; the front door works.')).toBeVisible();
  const requestUrl = user.url();
  const requestId = Number(/\/portal\/requests\/(\d+)$/.exec(requestUrl)?.[1]);
  expect(requestId).toBeGreaterThan(0);

  // The desk answers: one reply for everyone, one internal note.
  const tech = await browsers.signIn('tech1@northwind.example');
  const desk = await apiAs(tech);
  await desk.post(`/api/v1/tickets/${requestId}/notes`, {
    body: 'We are resetting the reader now; please try again in ten minutes.',
    publishLevel: 'all',
  });
  await desk.post(`/api/v1/tickets/${requestId}/notes`, {
    body: 'Internal: the reader firmware is outdated, replace next week.',
    publishLevel: 'internal',
  });
  await desk.post(`/api/v1/tickets/${requestId}/notes`, {
    body: 'For Contoso IT: please check the badge in your access system.',
    publishLevel: 'internal_and_co_managed',
  });

  await user.reload();
  const replies = user.getByTestId('portal-reply');
  await expect(replies).toHaveCount(1);
  await expect(replies.first()).toContainText('please try again in ten minutes');
  await expect(user.getByText(/reader firmware is outdated/)).toHaveCount(0);
  await expect(user.getByText(/check the badge in your access system/)).toHaveCount(0);

  // Their reply, for everyone on the request.
  await user.getByRole('textbox', { name: 'Your reply' }).fill('Works again, thank you.');
  await user.getByRole('button', { name: 'Send reply' }).click();
  await expect(replies).toHaveCount(2);
  expect(await violations(user)).toEqual([]);
  await screenshot(user, `portal-request-${project}`);

  // Solved: they close it, and may reopen it.
  await user.getByRole('button', { name: 'Close request' }).click();
  await expect(user.getByText('Request closed. Reopen it if the problem comes back.')).toBeVisible();
  await expect(user.getByRole('button', { name: 'Reopen request' })).toBeVisible();
  await user.getByRole('button', { name: 'Reopen request' }).click();
  await expect(user.getByRole('button', { name: 'Close request' })).toBeVisible();

  // Their own account's security, in the portal's frame.
  await user.getByRole('button', { name: 'Account' }).click();
  await user.getByRole('menuitem', { name: 'Security and two-factor sign-in' }).click();
  await expect(user).toHaveURL(/\/portal\/account$/);
  await expect(user.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expect(user.getByTestId('portal-frame')).toBeVisible();
  await expect(user.getByRole('menu')).toHaveCount(0);
  expect(await violations(user)).toEqual([]);

  // Agent addresses lead into the portal; another company's request is "not found".
  await user.goto('/tickets');
  await expect(user).toHaveURL(/\/portal$/);
  await user.goto(`/tickets/${requestId}`);
  await expect(user).toHaveURL(new RegExp(`/portal/requests/${requestId}$`));
  const admin = await browsers.signIn('admin@northwind.example');
  const fabrikam = (
    await (await apiAs(admin)).get<{ items: { id: number; name: string }[] }>('/api/v1/companies?limit=200')
  ).items.find((company) => company.name === 'Fabrikam');
  const foreign = (
    await (
      await apiAs(admin)
    ).get<{ items: { id: number }[] }>(`/api/v1/tickets?companyId=${fabrikam?.id}&limit=1`)
  ).items[0];
  expect(foreign).toBeDefined();
  await user.goto(`/portal/requests/${foreign?.id}`);
  await expect(user.getByRole('heading', { name: 'Request not found' })).toBeVisible();
});

test('the portal speaks German', async ({ browsers }) => {
  const user = await browsers.signIn('user@contoso.example', { locale: 'de' });
  await expect(user.getByRole('heading', { name: 'Ihre Anfragen', level: 1 })).toBeVisible();
  await user.getByRole('link', { name: 'Neue Anfrage' }).first().click();
  await expect(
    user.getByRole('form', { name: 'Neue Anfrage' }).getByRole('textbox', { name: 'Betreff' }),
  ).toBeVisible();
  expect(await violations(user)).toEqual([]);
});
