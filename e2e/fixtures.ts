import { type BrowserContext, chromium, expect, type Page, test as base } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const demoPassword = 'tandem-demo';
export const artifacts = join(import.meta.dirname, '..', 'test-artifacts', 'screenshots');
mkdirSync(artifacts, { recursive: true });

/** Debian's Chromium as the machine notes say: no download, a fresh profile per user, quiet on the network. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browsers {
  /** A separate browser profile (own cookies) signed in as this demo user through the sign-in page. */
  /**
   * Signs in and opens the ticket list, where most journeys start (everyone lands on their
   * dashboard first: `stayHome` keeps the page there).
   */
  signIn(
    email: string,
    options?: { locale?: 'en' | 'de'; password?: string; stayHome?: boolean },
  ): Promise<Page>;
  /** A separate browser profile, not signed in. */
  open(): Promise<Page>;
}

export const test = base.extend<{ browsers: Browsers; baseUrl: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  baseUrl: async ({}, use) => {
    const url = process.env.TANDEM_E2E_URL;
    if (!url) throw new Error('TANDEM_E2E_URL is not set: run through e2e/playwright.config.ts');
    await use(url);
  },
  browsers: async ({ baseUrl, viewport, isMobile, hasTouch }, use) => {
    const contexts: { context: BrowserContext; dir: string }[] = [];
    const open = async (locale: 'en' | 'de' = 'en') => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-profile-'));
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
        baseURL: baseUrl,
        viewport,
        isMobile,
        hasTouch,
        locale: locale === 'de' ? 'de-DE' : 'en-GB',
        timezoneId: 'Europe/Berlin',
      });
      contexts.push({ context, dir });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript((chosen) => {
        if (!localStorage.getItem('tandem.locale')) localStorage.setItem('tandem.locale', chosen);
      }, locale);
      return page;
    };
    await use({
      open: () => open(),
      async signIn(email, options = {}) {
        const page = await open(options.locale);
        await page.goto('/sign-in');
        const german = options.locale === 'de';
        await page.getByLabel(german ? /^E-Mail-Adresse/ : /^E-mail address/).fill(email);
        await page.getByLabel(german ? /^Passwort/ : /^Password/).fill(options.password ?? demoPassword);
        await page.getByRole('button', { name: german ? 'Anmelden' : 'Sign in' }).click();
        // A customer's end user lands in the portal and stays there; everyone else on their dashboard.
        await expect(page.getByTestId('signed-in-as').or(page.getByTestId('portal-frame'))).toBeVisible();
        if (await page.getByTestId('portal-frame').isVisible()) return page;
        await page.waitForURL(/\/home$/);
        if (!options.stayHome) await page.goto('/tickets');
        return page;
      },
    });
    for (const { context, dir } of contexts) {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** Picks an option of a Mantine Select (or MultiSelect) by its label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  const choice = page.getByRole('option', { name: option }).first();
  // The options may still be loading when the list opens: open it again until the option is there.
  await expect(async () => {
    if (!(await choice.isVisible())) await box.click();
    await choice.click({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
}

/** The API through the page's own session (cookie + CSRF token), for setting the scene. */
export async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
    /** A create: answers the created row, and fails the test unless it was created. */
    post: async <T = unknown>(path: string, data: unknown) => {
      const response = await page.request.post(path, { data, headers });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as T;
    },
    /** A change: fails the test unless it was saved. */
    patch: async (path: string, data: unknown) => {
      const response = await page.request.patch(path, { data, headers });
      expect(response.status(), await response.text()).toBe(200);
    },
  };
}
