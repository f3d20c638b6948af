import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { replyPublishLevel } from './mail-senders.ts';
import { dropReason, ticketNumberIn } from './mail-loop-guard.ts';

const mail = (headers: string) =>
  simpleParser(
    `From: Leo <leo@litware.example>\r\nTo: helpdesk@northwind.example\r\nSubject: Hi\r\n${headers}\r\nBody\r\n`,
  );

describe('incoming mail loop guard', () => {
  it.each([
    ['', 'leo@litware.example', null],
    ['Auto-Submitted: no\r\n', 'leo@litware.example', null],
    [
      'Auto-Submitted: auto-replied\r\n',
      'leo@litware.example',
      'automatic mail (Auto-Submitted: auto-replied)',
    ],
    ['Precedence: bulk\r\n', 'leo@litware.example', 'bulk or automatic mail (Precedence: bulk)'],
    ['Precedence: list\r\n', 'leo@litware.example', 'bulk or automatic mail (Precedence: list)'],
    ['X-Autoreply: yes\r\n', 'leo@litware.example', 'auto-reply'],
    ['X-Tandem-Mail: 1\r\n', 'leo@litware.example', 'sent by Tandem itself (loop)'],
    ['', '', 'bounce'],
    [
      'Content-Type: multipart/report; report-type=delivery-status; boundary=x\r\n',
      'leo@litware.example',
      'bounce (delivery report)',
    ],
  ])('%j from <%s> → %s', async (headers, envelope, reason) => {
    expect(dropReason(await mail(headers), envelope)).toBe(reason);
  });

  it('finds ticket numbers anywhere in a subject', () => {
    expect(ticketNumberIn('Re: [T20261128.0042] Printer')).toBe('T20261128.0042');
    expect(ticketNumberIn('AW: T20261128.12345')).toBe('T20261128.12345');
    expect(ticketNumberIn('Invoice 20261128.0042')).toBeNull();
    expect(ticketNumberIn(undefined)).toBeNull();
  });

  it('never widens who reads a reply', () => {
    const resource = (licence: 'full' | 'co_managed' | 'internal_helpdesk' | 'portal' | 'api_only') =>
      replyPublishLevel({ kind: 'resource', resourceId: 1, licence, contactId: null, companyId: 1 });
    expect(resource('full')).toBe('internal');
    expect(resource('api_only')).toBe('internal');
    expect(resource('co_managed')).toBe('internal_and_co_managed');
    expect(resource('internal_helpdesk')).toBe('customer_internal');
    expect(resource('portal')).toBe('all');
    expect(replyPublishLevel({ kind: 'contact', contactId: 1, companyId: 1 })).toBe('all');
  });
});
