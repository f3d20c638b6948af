import { z } from 'zod';
import { pageQuery } from '../../lib/http-schemas.ts';

/** What became of a received mail (mail-intake.ts `IntakeOutcome`). */
export const incomingMailOutcomes = ['ticket_created', 'note_added', 'dropped', 'rejected'] as const;

export const incomingMailSchema = z.object({
  id: z.number(),
  channel: z.string(),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  subject: z.string().nullable(),
  sizeBytes: z.number(),
  outcome: z.string(),
  /** Why a mail was dropped or rejected, in English (the intake's own words). */
  reason: z.string().nullable(),
  ticketId: z.number().nullable(),
  /** The number of the ticket the mail created or was added to, while that ticket exists. */
  ticketNumber: z.string().nullable(),
  noteId: z.number().nullable(),
  receivedAt: z.string(),
});

export const incomingMailListQuery = z.strictObject(pageQuery);
