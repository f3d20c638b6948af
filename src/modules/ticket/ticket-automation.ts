import type { SQL } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { DomainEventType } from '../outbox/outbox.writer.ts';

/** A change to a ticket, as a save reports it to whatever automates tickets. */
export interface TicketChange {
  eventType: DomainEventType;
  ticketId: number;
  changedFields?: readonly string[];
  notePublishLevel?: string;
}

/**
 * The port through which every ticket save reaches automation (workflow rules, SLA clocks). The ticket
 * module declares it and calls it; the composition roots — `buildApp`, `startWorker` — plug the rules
 * engine in. A rule's action is itself a ticket save, so the engine calls the ticket services: this port
 * is what keeps that one call back from becoming an import circle.
 */
export interface TicketAutomation {
  /** A SQL expression answering whether any rule or SLA wants the change, read with the save's writes. */
  wanted(change: TicketChange): SQL;
  /** Runs what wants the change, in the save's transaction; `wanted` is the answer read above. */
  run(context: ActorContext, change: TicketChange, wanted: boolean): Promise<void>;
}

let plugged: TicketAutomation | undefined;

export function plugTicketAutomation(automation: TicketAutomation): void {
  plugged = automation;
}

export function ticketAutomation(): TicketAutomation {
  // Loud rather than silent: a process that saves tickets without automation would skip rules and SLAs.
  if (!plugged) throw new Error('No ticket automation is plugged in: call plugTicketAutomation at start-up.');
  return plugged;
}
