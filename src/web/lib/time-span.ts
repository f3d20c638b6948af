/** Minutes as "45 min", "3 h 10 min", "2 d 4 h" (the sign is dropped: the caller says "ago" or "in"). */
export function timeSpan(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const hours = Math.floor((m % 1440) / 60);
  return `${Math.floor(m / 1440)} d${hours ? ` ${hours} h` : ''}`;
}
