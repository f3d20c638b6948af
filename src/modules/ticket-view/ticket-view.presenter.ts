import { ticketViewAbilities } from './ticket-view.policy.ts';
import type { TicketViewRow } from './ticket-view.repository.ts';
import type { TicketViewResponse } from './ticket-view.schemas.ts';

export function presentTicketView(row: TicketViewRow): TicketViewResponse {
  return {
    id: row.id,
    name: row.name,
    filters: Object.fromEntries(
      Object.entries(row.filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    createdAt: row.createdAt.toISOString(),
    abilities: ticketViewAbilities(),
  };
}
