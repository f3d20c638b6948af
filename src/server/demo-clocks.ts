import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { slaDefinitions, tickets } from '../db/schema/index.ts';
import { applySla } from '../modules/sla/sla-clock.ts';
import { loadAutomationActor } from '../modules/workflow/automation-actor.ts';

/**
 * The demo's SLA clocks: the default SLA on the open tickets of the last ten days, counted from
 * their creation by the SLA module itself (some running, some at risk, some breached).
 */
export async function startDemoSlaClocks(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const actor = await loadAutomationActor(tx);
    const [sla] = await tx
      .select({ id: slaDefinitions.id })
      .from(slaDefinitions)
      .where(and(eq(slaDefinitions.isDefault, true), eq(slaDefinitions.active, true)));
    if (!actor || !sla) return;
    const recent = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(isNull(tickets.completedAt), gte(tickets.createdAt, new Date(Date.now() - 10 * 86_400_000))))
      .orderBy(desc(tickets.createdAt))
      .limit(60);
    for (const ticket of recent) await applySla({ tx, actor }, ticket.id, sla.id);
  });
}
