/** The reports' periods: whole UTC days, today included, as the trend and the SLA figures count them. */
export const dayMs = 86_400_000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Midnight UTC at the start of a window of `days` days that ends today. */
export function windowStart(days: number, now = new Date()): Date {
  const today = new Date(`${isoDay(now)}T00:00:00Z`);
  return new Date(today.getTime() - (days - 1) * dayMs);
}
