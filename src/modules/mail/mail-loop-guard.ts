import type { ParsedMail } from 'mailparser';
import { ownMailHeader } from '../notification/mail-transport.ts';

/**
 * Why a mail must not become a ticket or a note, or null when it may: answering
 * automatic mail feeds loops (two auto-responders, or Tandem talking to itself),
 * and a bounce is a delivery report, not a request. Dropped mail is logged.
 */
export function dropReason(mail: ParsedMail, envelopeSender: string | null): string | null {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : value === undefined ? null : 'present';
  };
  if (mail.headers.has(ownMailHeader.toLowerCase())) return 'sent by Tandem itself (loop)';
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== null && autoSubmitted !== 'no')
    return `automatic mail (Auto-Submitted: ${autoSubmitted})`;
  const precedence = header('precedence');
  if (precedence !== null && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return `bulk or automatic mail (Precedence: ${precedence})`;
  }
  if (header('x-autoreply') !== null || header('x-autorespond') !== null) return 'auto-reply';
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (envelopeSender === '' || /^(mailer-daemon|postmaster)@/.test(from)) return 'bounce';
  const contentType = mail.headers.get('content-type');
  if (typeof contentType === 'object' && 'value' in contentType && contentType.value === 'multipart/report')
    return 'bounce (delivery report)';
  if (!from) return 'no sender address';
  return null;
}

/** Ticket numbers as Tandem writes them (T20261128.0042) anywhere in a subject. */
export function ticketNumberIn(subject: string | undefined): string | null {
  return /\bT\d{8}\.\d{4,}\b/.exec(subject ?? '')?.[0] ?? null;
}
