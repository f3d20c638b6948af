import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { AutomationConfig } from '../../lib/config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per delivery, so a retried job sends the same Message-ID and loops are recognisable. */
  messageId: string;
}

export interface MailTransport {
  kind: 'smtp' | 'folder';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The domain of Message-IDs: the sender's, as mail servers expect. */
export function mailDomainOf(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'tandem.localhost';
}

/** Marks Tandem's own mail; incoming mail carrying it is a loop and is dropped. */
export const ownMailHeader = 'X-Tandem-Mail';

function headersOf(message: MailMessage) {
  return {
    // RFC 3834: automatic mail, so well-behaved auto-responders stay quiet.
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
    [ownMailHeader]: '1',
    'X-Tandem-Message': message.messageId,
  };
}

/**
 * SMTP (nodemailer) when SMTP_URL is set; otherwise every mail is written as an
 * .eml file into the mail folder, and the admin API lists it — so the embedded
 * default runs without a mail server and nothing is lost.
 */
export function createMailTransport(config: AutomationConfig): MailTransport {
  const from = config.mailFrom;
  if (config.smtpUrl) {
    const smtp = nodemailer.createTransport(config.smtpUrl);
    return {
      kind: 'smtp',
      async send(message) {
        await smtp.sendMail({ from, replyTo: from, ...message, headers: headersOf(message) });
      },
      close: () => {
        smtp.close();
      },
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'folder',
    async send(message) {
      const info = await stream.sendMail({ from, replyTo: from, ...message, headers: headersOf(message) });
      const bytes = info.message as unknown as Buffer;
      await mkdir(config.mailFolder, { recursive: true });
      const fileName = `${message.messageId.replace(/[^A-Za-z0-9.-]/g, '_')}.eml`;
      const target = path.join(config.mailFolder, fileName);
      await writeFile(`${target}.partial`, bytes);
      await rename(`${target}.partial`, target);
    },
    close: () => undefined,
  };
}
