import { and, eq, sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { loadActor } from '../../access/actor-loader.ts';
import { type ActorContext, runAsActor } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { type Database, queryRows } from '../../db/database.ts';
import { companies, incomingMail, queues, ticketSources } from '../../db/schema/index.ts';
import type { BlobStorage } from '../../lib/storage/blob-storage.ts';
import type { WorkerLog } from '../../lib/worker-log.ts';
import { uploadAttachment } from '../attachment/attachment.service.ts';
import { addNote } from '../note/note.service.ts';
import { createTicket } from '../ticket/ticket-create.service.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { loadAutomationActor } from '../workflow/automation-actor.ts';
import { dropReason, ticketNumberIn } from './mail-loop-guard.ts';
import { findSender, replyPublishLevel, type Sender } from './mail-senders.ts';

export interface MailIntakeDeps {
  db: Database;
  storage: BlobStorage;
  log: WorkerLog;
  maxMailBytes: number;
  maxAttachmentBytes: number;
  triageQueueName: string;
}

export type IntakeOutcome =
  | { outcome: 'ticket_created'; ticketId: number }
  | { outcome: 'note_added'; ticketId: number; noteId: number }
  | { outcome: 'dropped'; reason: string }
  | { outcome: 'rejected'; reason: string };

const maxDescription = 30_000;

/**
 * One received mail, from the SMTP listener or IMAP: a new ticket for a known
 * contact's company (or the triage queue), or a note on the ticket whose number
 * the subject holds. Everything it writes — ticket or note, attachments, rules
 * fired by the save — is one transaction; attachment files written before it are
 * removed if it fails. Every mail, taken or not, is logged in incoming_mail.
 */
export async function takeInMail(
  deps: MailIntakeDeps,
  raw: Buffer,
  channel: 'smtp' | 'imap',
  envelopeSender: string | null,
): Promise<IntakeOutcome> {
  const log = async (parsed: ParsedMail | null, result: IntakeOutcome) => {
    await deps.db.insert(incomingMail).values({
      channel,
      messageId: parsed?.messageId ?? null,
      fromAddress: parsed?.from?.value[0]?.address ?? envelopeSender,
      subject: parsed?.subject?.slice(0, 500) ?? null,
      sizeBytes: raw.length,
      outcome: result.outcome,
      reason: 'reason' in result ? result.reason : null,
      ticketId: 'ticketId' in result ? result.ticketId : null,
      noteId: 'noteId' in result ? result.noteId : null,
    });
    if (result.outcome === 'dropped' || result.outcome === 'rejected') {
      deps.log.warn(
        { channel, messageId: parsed?.messageId, reason: result.reason },
        `incoming mail ${result.outcome}`,
      );
    }
    return result;
  };

  if (raw.length > deps.maxMailBytes)
    return log(null, { outcome: 'rejected', reason: 'The message is too large.' });
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    return log(null, {
      outcome: 'rejected',
      reason: `Malformed message: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!mail.from && mail.headers.size === 0)
    return log(mail, { outcome: 'rejected', reason: 'Malformed message: no headers.' });
  const dropped = dropReason(mail, envelopeSender);
  if (dropped) return log(mail, { outcome: 'dropped', reason: dropped });
  if (mail.messageId && (await seenBefore(deps.db, mail.messageId))) {
    return log(mail, { outcome: 'dropped', reason: 'repeated Message-ID' });
  }
  const tooLarge = mail.attachments.find((attachment) => attachment.size > deps.maxAttachmentBytes);
  if (tooLarge) {
    return log(mail, {
      outcome: 'rejected',
      reason: `The attachment ${tooLarge.filename ?? '(unnamed)'} is larger than the limit.`,
    });
  }

  const written: string[] = [];
  const storage: BlobStorage = {
    put: async (key, bytes) => {
      written.push(key);
      await deps.storage.put(key, bytes);
    },
    get: (key) => deps.storage.get(key),
    delete: (key) => deps.storage.delete(key),
  };
  try {
    const result = await file(deps, storage, mail);
    return await log(mail, result);
  } catch (error) {
    for (const key of written) await deps.storage.delete(key).catch(() => undefined);
    deps.log.error({ err: error, messageId: mail.messageId }, 'incoming mail could not be filed');
    await log(mail, {
      outcome: 'rejected',
      reason: `Could not be filed: ${error instanceof Error ? error.message : String(error)}`,
    }).catch(() => undefined);
    throw error;
  }
}

async function seenBefore(db: Database, messageId: string): Promise<boolean> {
  const [row] = await queryRows(
    db,
    sql`SELECT 1 FROM incoming_mail WHERE message_id = ${messageId} AND outcome IN ('ticket_created', 'note_added') LIMIT 1`,
  );
  return row !== undefined;
}

async function file(deps: MailIntakeDeps, storage: BlobStorage, mail: ParsedMail): Promise<IntakeOutcome> {
  const address = mail.from?.value[0]?.address ?? '';
  const sender = await findSender(deps.db, address);
  const automation = await loadAutomationActor(deps.db);
  if (!automation) throw new Error('no MSP company yet: mail cannot be filed');
  const body = (mail.text ?? '').trim().slice(0, maxDescription) || '(no text)';

  const number = ticketNumberIn(mail.subject);
  if (number !== null) {
    const reply = await replyAsNote(deps, storage, mail, sender, automation, number, body);
    if (reply) return reply;
  }
  const actor = automation;
  return runAsActor(deps.db, actor, async (context) => {
    const [email] = await context.tx
      .select({ id: ticketSources.id })
      .from(ticketSources)
      .where(eq(ticketSources.systemKey, 'email'));
    const known =
      sender.kind === 'contact' ||
      (sender.kind === 'resource' && sender.contactId !== null && sender.licence !== 'full');
    const companyId = known ? (sender as { companyId: number }).companyId : await mspCompanyId(context);
    const contactId =
      sender.kind === 'contact' ? sender.contactId : sender.kind === 'resource' ? sender.contactId : null;
    const ticket = await createTicket(context, {
      companyId,
      title: (mail.subject ?? '').trim().slice(0, 255) || `Mail from ${address}`,
      description: body,
      contactId: known ? contactId : null,
      ...(email ? { sourceId: email.id } : {}),
      ...(known ? {} : { queueId: await triageQueueId(context, deps.triageQueueName) }),
    });
    await attach(context, storage, ticket.id, mail, null, known ? 'all' : 'internal');
    return { outcome: 'ticket_created', ticketId: ticket.id };
  });
}

/** A reply, if the ticket exists and the sender may write on it; null to file the mail as a new ticket instead. */
async function replyAsNote(
  deps: MailIntakeDeps,
  storage: BlobStorage,
  mail: ParsedMail,
  sender: Sender,
  automation: Actor,
  number: string,
  body: string,
): Promise<IntakeOutcome | null> {
  if (sender.kind === 'unknown') return null;
  // A person with a login writes as themselves, so their own access decides; a contact without one
  // writes through the automation resource, on tickets of their own company only.
  const actor =
    sender.kind === 'resource' ? await loadActor(deps.db, sender.resourceId).catch(() => null) : automation;
  if (!actor) return null;
  return runAsActor(deps.db, actor, async (context) => {
    const [found] = await queryRows(
      context.tx,
      sql`SELECT id, company_id FROM tickets WHERE number = ${number}`,
    );
    if (!found) return null;
    const ticketId = Number(found.id);
    if (sender.kind === 'contact' && Number(found.company_id) !== sender.companyId) return null;
    if (!(await getVisibleTicket(context, ticketId).catch(() => null))) return null;
    const publishLevel = replyPublishLevel(sender);
    const note = await addNote(context, ticketId, {
      title: `Mail from ${mail.from?.value[0]?.address ?? 'unknown'}`.slice(0, 200),
      body,
      publishLevel,
    });
    await attach(context, storage, ticketId, mail, note.id, publishLevel);
    return { outcome: 'note_added', ticketId, noteId: note.id };
  });
}

async function attach(
  context: ActorContext,
  storage: BlobStorage,
  ticketId: number,
  mail: ParsedMail,
  noteId: number | null,
  publishLevel: PublishLevel,
): Promise<void> {
  for (const attachment of mail.attachments) {
    if (attachment.size === 0) continue;
    await uploadAttachment(
      // Same transaction as the ticket or note: all of the mail lands, or none of it.
      { actor: context.actor, storage, inTransaction: (work) => work(context) },
      ticketId,
      {
        claimedFileName: attachment.filename,
        bytes: attachment.content,
        fields: { publishLevel, ...(noteId === null ? {} : { noteId }) },
      },
    );
  }
}

async function mspCompanyId(context: ActorContext): Promise<number> {
  const [msp] = await context.tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.companyType, 'msp'))
    .orderBy(companies.id)
    .limit(1);
  if (!msp) throw new Error('no MSP company');
  return msp.id;
}

/** Mail from unknown senders lands in this queue (made on first use), inside the MSP's own company. */
async function triageQueueId(context: ActorContext, name: string): Promise<number> {
  const [existing] = await context.tx
    .select({ id: queues.id })
    .from(queues)
    .where(and(sql`lower(${queues.name}) = lower(${name})`));
  if (existing) return existing.id;
  const [created] = await context.tx
    .insert(queues)
    .values({ name, description: 'Mail from unknown senders, to be sorted' })
    .returning({ id: queues.id });
  if (!created) throw new Error('the triage queue could not be created');
  return created.id;
}
