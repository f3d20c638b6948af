import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { writeTogether } from '../../db/write-together.ts';
import { type AuditEntry, auditInsert } from '../audit/audit.writer.ts';
import { type DomainEvent, outboxInsert } from '../outbox/outbox.writer.ts';
import { automationWanted, runTicketAutomation, type TicketChange } from '../workflow/rules-engine.ts';

export interface TicketChangeRecord {
  /** Rows the change writes besides the audit row and the event (history, the activity timestamp). */
  writes?: readonly SQLWrapper[];
  audit: AuditEntry;
  event: DomainEvent;
  /** The change as the rules engine sees it; absent for changes no rule or SLA reacts to. */
  automation?: TicketChange;
  /** A condition read in the same statement, e.g. that the author can still see the ticket. */
  check?: SQL;
}

/**
 * What every ticket save writes besides the ticket itself — history or activity, the audit row, the
 * outbox event — in one statement that also asks whether a rule or SLA wants the change; then the
 * rules engine runs, in the same transaction, if one does. A save pays one round trip for all of it.
 */
export async function recordTicketChange(
  context: ActorContext,
  record: TicketChangeRecord,
): Promise<{ automationRan: boolean; checked: boolean }> {
  const [row] = await writeTogether(
    context.tx,
    [...(record.writes ?? []), auditInsert(context, record.audit), outboxInsert(context, record.event)],
    sql`SELECT ${record.automation ? automationWanted(record.automation) : sql`false`} AS automation,
               ${record.check ?? sql`true`} AS checked`,
  );
  const automationRan = row?.automation === true;
  if (record.automation) await runTicketAutomation(context, record.automation, automationRan);
  return { automationRan, checked: row?.checked === true };
}
