import type { WeeklyBusinessHours } from '../../db/schema/index.ts';

/** Opening hours, holidays and time zone of one location: the clock SLAs and idle rules count on. */
export interface BusinessCalendar {
  timeZone: string;
  hours: Partial<WeeklyBusinessHours>;
  /** Local dates (YYYY-MM-DD) on which the location is closed. */
  holidays: ReadonlySet<string>;
}

const weekdayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** Ten years of closed days is a calendar without opening hours, not a long weekend. */
const maxDays = 3660;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return parts;
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall clock in the zone shows this local time. Asked twice because
 * the offset at the guess may differ from the offset at the answer around a DST
 * change; a local time that does not exist (spring forward) lands just after the gap.
 */
export function zonedTimeToInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return second;
}

function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(new Date(instant), timeZone);
  return { year, month, day };
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The open intervals of one local date as instants [from, to), in order. */
function openIntervals(calendar: BusinessCalendar, date: LocalDate): [number, number][] {
  if (calendar.holidays.has(isoDate(date))) return [];
  const weekday = weekdayNames[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  const intervals = weekday === undefined ? [] : (calendar.hours[weekday] ?? []);
  return [...intervals]
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .map((interval) => [
      zonedTimeToInstant(date, minutesOf(interval.start), calendar.timeZone),
      zonedTimeToInstant(date, minutesOf(interval.end), calendar.timeZone),
    ]);
}

/** Whether the location is open at this instant. */
export function isWithinBusinessHours(calendar: BusinessCalendar, at: Date): boolean {
  const instant = at.getTime();
  return openIntervals(calendar, localDateOf(instant, calendar.timeZone)).some(
    ([from, to]) => from <= instant && instant < to,
  );
}

/**
 * The instant at which `seconds` of business time have passed since `start`;
 * null for a calendar that is never open. Zero seconds answers `start` itself.
 */
export function addBusinessSeconds(calendar: BusinessCalendar, start: Date, seconds: number): Date | null {
  if (seconds <= 0) return start;
  let remainingMs = seconds * 1000;
  const cursor = start.getTime();
  let date = localDateOf(cursor, calendar.timeZone);
  for (let day = 0; day < maxDays; day++, date = nextDate(date)) {
    for (const [from, to] of openIntervals(calendar, date)) {
      if (to <= cursor) continue;
      const begin = Math.max(from, cursor);
      const available = to - begin;
      if (remainingMs <= available) return new Date(begin + remainingMs);
      remainingMs -= available;
    }
  }
  return null;
}

/** Business seconds between two instants (0 when `end` is not after `start`). */
export function businessSecondsBetween(calendar: BusinessCalendar, start: Date, end: Date): number {
  const from = start.getTime();
  const until = end.getTime();
  if (until <= from) return 0;
  let total = 0;
  let date = localDateOf(from, calendar.timeZone);
  const lastDate = isoDate(localDateOf(until, calendar.timeZone));
  for (let day = 0; day < maxDays; day++, date = nextDate(date)) {
    for (const [open, close] of openIntervals(calendar, date)) {
      const overlap = Math.min(close, until) - Math.max(open, from);
      if (overlap > 0) total += overlap;
    }
    if (isoDate(date) >= lastDate) break;
  }
  return Math.floor(total / 1000);
}

/** "HH:MM" on the location's wall clock. */
export function localClock(calendar: BusinessCalendar, at: Date): string {
  const { hour, minute } = zonedParts(at, calendar.timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
