/** Sizes of the generated MSP for a number of tickets (ISSUE 4: 1,000,000 tickets is the full desk). */
export function worldSize(tickets: number) {
  const scale = tickets / 1_000_000;
  return {
    tickets,
    companies: Math.max(50, Math.round(5_000 * Math.min(1, scale * 10))),
    contacts: Math.max(500, Math.round(50_000 * Math.min(1, scale * 10))),
    mspStaff: 200,
    coManagingUsers: 500,
    notesPerTicket: 3,
    timeEntriesPerTicket: 1,
  };
}

/** Logins the benchmark signs in with; every password is the demo password. */
export const benchActors = {
  technician: 'bench.tech@northwind.example',
  coManaged: 'bench.comanaged@customer.example',
  portalManager: 'bench.portal@customer.example',
} as const;

export type BenchActor = keyof typeof benchActors;

/** A word in exactly 0.1 % of tickets, for the full-text scenario. */
export const rareWord = 'quetzal';
