import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../database.ts';
import { incomingMail } from '../schema/index.ts';

/**
 * What the mail intake would have logged for the demo (Administration → Incoming mail): the
 * latest tickets that came in by e-mail from a contact, an out-of-office answer dropped by the
 * loop guard, and an oversized scan refused — each with the reason the intake
 * (`src/modules/mail/mail-intake.ts`) gives.
 */
export async function seedDemoIncomingMail(tx: Transaction): Promise<void> {
  const byMail = await queryRows(
    tx,
    sql`SELECT t.id, t.title, t.created_at, c.email
          FROM tickets t
          JOIN ticket_sources s ON s.id = t.source_id AND s.system_key = 'email'
          JOIN contacts c ON c.id = t.contact_id
         WHERE c.email IS NOT NULL
         ORDER BY t.created_at DESC, t.id DESC
         LIMIT 5`,
  );
  const rows = byMail.map((ticket) => ({
    channel: 'smtp',
    messageId: `<demo.${String(ticket.id)}@mail.example>`,
    fromAddress: String(ticket.email),
    subject: String(ticket.title),
    sizeBytes: 2400 + String(ticket.title).length * 40,
    outcome: 'ticket_created',
    ticketId: Number(ticket.id),
    receivedAt: new Date(String(ticket.created_at)),
  }));
  const [latest] = byMail;
  if (!latest) return;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const log = [
    ...rows,
    {
      channel: 'smtp',
      messageId: `<demo.ooo.${String(latest.id)}@mail.example>`,
      fromAddress: String(latest.email),
      subject: 'Automatic reply: Out of office',
      sizeBytes: 1800,
      outcome: 'dropped',
      reason: 'automatic mail (Auto-Submitted: auto-replied)',
      receivedAt: minutesAgo(50),
    },
    {
      channel: 'imap',
      messageId: `<demo.scan.${String(latest.id)}@mail.example>`,
      fromAddress: 'scanner@contoso.example',
      subject: 'Scanned document (600 dpi)',
      sizeBytes: 48_000_000,
      outcome: 'rejected',
      reason: 'The message is too large.',
      receivedAt: minutesAgo(200),
    },
  ];
  // The intake logs as mail arrives: ids in the order of receipt, as the screen lists them.
  log.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  await tx.insert(incomingMail).values(log);
}
