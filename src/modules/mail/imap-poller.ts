import { ImapFlow } from 'imapflow';
import { takeInMail, type MailIntakeDeps } from './mail-intake.ts';

export interface ImapPoller {
  pollNow(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Optional IMAP polling (TANDEM_IMAP_URL=imaps://user:password@host[:port]/INBOX):
 * unseen messages go through the same intake as the SMTP listener and are
 * flagged seen once filed, dropped or refused — a failure of ours leaves the
 * message unseen for the next poll.
 */
export function startImapPoller(deps: MailIntakeDeps, url: string, pollSeconds: number): ImapPoller {
  const parsed = new URL(url);
  const mailbox = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX';
  const pollNow = async () => {
    const client = new ImapFlow({
      host: parsed.hostname,
      port: Number(parsed.port || (parsed.protocol === 'imaps:' ? 993 : 143)),
      secure: parsed.protocol === 'imaps:',
      auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
      logger: false,
    });
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const unseen = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of unseen) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await takeInMail(deps, message.source, 'imap', null);
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            taken += 1;
          } catch (error) {
            deps.log.error({ err: error, uid }, 'IMAP message not filed; it stays unseen');
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return taken;
  };
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = pollNow()
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'IMAP poll failed');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollSeconds * 1000);
      });
  };
  let timer = setTimeout(tick, 1000);
  return {
    pollNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
