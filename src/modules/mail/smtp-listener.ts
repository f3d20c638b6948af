import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { takeInMail, type MailIntakeDeps } from './mail-intake.ts';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The built-in SMTP listener for incoming mail (no relaying: every message is
 * for Tandem). Oversized mail is refused at DATA (552); malformed mail and
 * huge attachments are refused permanently (550/552); loops and auto-replies
 * are accepted and dropped, so no auto-responder gets an answer to answer; a
 * failure of ours is temporary (451), so the sender tries again.
 */
export async function startSmtpListener(
  deps: MailIntakeDeps,
  { port, host }: { port: number; host: string },
): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: 'tandem',
    banner: 'Tandem helpdesk',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: deps.maxMailBytes,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => {
        callback(error);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          deps.log.warn({ remote: session.remoteAddress }, 'incoming mail refused: too large');
          callback(smtpError('Message too large', 552));
          return;
        }
        const envelopeSender = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
        takeInMail(deps, Buffer.concat(chunks), 'smtp', envelopeSender).then(
          (result) => {
            if (result.outcome === 'rejected')
              callback(smtpError(result.reason, result.reason.includes('larger') ? 552 : 550));
            else
              callback(
                null,
                result.outcome === 'dropped' ? 'Accepted' : `Filed on ticket ${result.ticketId}`,
              );
          },
          (error: unknown) => {
            deps.log.error({ err: error }, 'incoming mail failed');
            callback(smtpError('Temporary failure, try again later', 451));
          },
        );
      });
    },
  });
  server.on('error', (error) => {
    deps.log.error({ err: error }, 'SMTP listener error');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
