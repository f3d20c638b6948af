import { inArray } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { resources } from '../db/schema/index.ts';
import { demoLogins } from '../db/seed/demo-logins.ts';
import { demoPassword } from '../db/seed/demo-seed.ts';

/**
 * What someone who just ran `npm start` needs: where to sign in and, while the demo accounts
 * exist, which logins to try. Printed once, to the terminal, beside the log.
 */
export async function startBanner(db: Database, url: string): Promise<string> {
  const present = await db
    .select({ email: resources.email })
    .from(resources)
    .where(
      inArray(
        resources.email,
        demoLogins.map((login) => login.email),
      ),
    );
  const emails = new Set(present.map((row) => row.email));
  const logins = demoLogins.filter((login) => emails.has(login.email));
  const lines = [``, `  Tandem is ready: sign in at ${url}`];
  if (logins.length > 0) {
    const width = Math.max(...logins.map((login) => login.email.length));
    lines.push(`  Demo logins (password ${demoPassword}):`);
    for (const login of logins) lines.push(`    ${login.email.padEnd(width)}  ${login.who}`);
    lines.push(`  More in README.md; API documentation at ${url}api/docs`);
  }
  return `${lines.join('\n')}\n`;
}
