import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { violations } from './axe.ts';
import { expect, screenshot, test } from './fixtures.ts';

/** The reset link of the newest reset mail to this address, from the server's mail folder. */
async function resetLinkFor(address: string): Promise<string> {
  const folder = process.env.TANDEM_E2E_MAIL_FOLDER ?? '';
  for (let waited = 0; waited < 10_000; waited += 200) {
    for (const name of readdirSync(folder).filter((file) => file.includes('reset'))) {
      const text = readFileSync(join(folder, name), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const link = /(http:\/\/\S+\/reset-password\?token=[A-Za-z0-9_%-]+)/.exec(text)?.[1];
      if (link && text.includes(`To: ${address}`)) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reset mail to ${address}`);
}

// #14: a customer's end user who forgot their password gets a link by mail, chooses a new one
// and signs in with it; the link then no longer works.
test('a forgotten password is reset by a link in the mail, once', async ({ browsers }, testInfo) => {
  const project = testInfo.project.name;
  // One account per browser project: the journey changes its password.
  const address = project === 'phone' ? 'user@fabrikam.example' : 'user@tailspin.example';
  const newPassword = `tandem reset ${project} 2026`;
  const page = await browsers.open();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  const form = page.getByRole('form', { name: 'Reset password' });
  await form.getByLabel(/^E-mail address/).fill(address);
  expect(await violations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText('a link is on its way');

  const link = await resetLinkFor(address);
  await page.goto(link);
  const reset = page.getByRole('form', { name: 'New password' });
  await reset.getByLabel(/^New password( \*)?$/).fill('short');
  await reset.getByLabel(/^New password again/).fill('short');
  await reset.getByRole('button', { name: 'Save the new password' }).click();
  await expect(reset.getByText(/The password is too short/)).toBeVisible();
  await reset.getByLabel(/^New password( \*)?$/).fill(newPassword);
  await reset.getByLabel(/^New password again/).fill(newPassword);
  await reset.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');
  expect(await violations(page)).toEqual([]);
  await screenshot(page, `password-reset-${project}`);

  // The link worked once.
  await page.goto(link);
  await page
    .getByRole('form', { name: 'New password' })
    .getByLabel(/^New password( \*)?$/)
    .fill(`${newPassword}!`);
  await page
    .getByRole('form', { name: 'New password' })
    .getByLabel(/^New password again/)
    .fill(`${newPassword}!`);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link is not valid any more');

  // And the new password signs in (a portal user: into the portal).
  const signedIn = await browsers.signIn(address, { password: newPassword });
  await expect(signedIn).toHaveURL(/\/portal$/);
});
