import { describe, expect, it } from 'vitest';
import {
  addBusinessSeconds,
  type BusinessCalendar,
  businessSecondsBetween,
  isWithinBusinessHours,
  localClock,
} from './business-calendar.ts';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = {
  monday: nineToFive,
  tuesday: nineToFive,
  wednesday: nineToFive,
  thursday: nineToFive,
  friday: nineToFive,
};
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  hours: weekdays,
  holidays: new Set(['2026-12-24', '2026-12-25', '2026-12-26']),
};
const newYork: BusinessCalendar = { timeZone: 'America/New_York', hours: weekdays, holidays: new Set() };
const utc: BusinessCalendar = { timeZone: 'UTC', hours: weekdays, holidays: new Set() };
const hour = 3600;

describe('addBusinessSeconds', () => {
  // 2026-11-27 is a Friday; Berlin is UTC+1 in winter, New York UTC-5.
  it.each([
    ['inside hours, same day', utc, '2026-11-25T10:00:00Z', 2 * hour, '2026-11-25T12:00:00.000Z'],
    ['before opening starts at opening', utc, '2026-11-25T06:00:00Z', 1 * hour, '2026-11-25T10:00:00.000Z'],
    [
      'after closing rolls to next morning',
      utc,
      '2026-11-25T18:00:00Z',
      1 * hour,
      '2026-11-26T10:00:00.000Z',
    ],
    ['Friday afternoon over the weekend', utc, '2026-11-27T15:00:00Z', 4 * hour, '2026-11-30T11:00:00.000Z'],
    ['Saturday start waits for Monday', utc, '2026-11-28T12:00:00Z', 30 * 60, '2026-11-30T09:30:00.000Z'],
    [
      'exactly the whole day ends at closing',
      utc,
      '2026-11-25T09:00:00Z',
      8 * hour,
      '2026-11-25T17:00:00.000Z',
    ],
    ['Berlin local hours in UTC', berlin, '2026-11-25T08:00:00Z', 1 * hour, '2026-11-25T09:00:00.000Z'],
    ['Berlin skips Christmas holidays', berlin, '2026-12-23T15:00:00Z', 2 * hour, '2026-12-28T09:00:00.000Z'],
    ['New York is five hours behind', newYork, '2026-11-25T13:00:00Z', 1 * hour, '2026-11-25T15:00:00.000Z'],
    [
      'over the US DST change (8 Mar 2026)',
      newYork,
      '2026-03-06T21:30:00Z',
      1 * hour,
      '2026-03-09T13:30:00.000Z',
    ],
    [
      'over the EU DST change (29 Mar 2026)',
      berlin,
      '2026-03-27T15:00:00Z',
      2 * hour,
      '2026-03-30T08:00:00.000Z',
    ],
    ['zero seconds is the start itself', utc, '2026-11-28T12:00:00Z', 0, '2026-11-28T12:00:00.000Z'],
  ])('%s', (_name, calendar, start, seconds, expected) => {
    expect(addBusinessSeconds(calendar, new Date(start), seconds)?.toISOString()).toBe(expected);
  });

  it('answers null for a calendar that is never open', () => {
    expect(
      addBusinessSeconds({ timeZone: 'UTC', hours: {}, holidays: new Set() }, new Date(), 60),
    ).toBeNull();
  });

  it('counts split days (lunch break) and whole days ending at 24:00', () => {
    const split: BusinessCalendar = {
      timeZone: 'UTC',
      hours: {
        monday: [
          { start: '13:00', end: '17:00' },
          { start: '08:00', end: '12:00' },
        ],
        tuesday: [{ start: '00:00', end: '24:00' }],
      },
      holidays: new Set(),
    };
    expect(addBusinessSeconds(split, new Date('2026-11-30T11:00:00Z'), 2 * hour)?.toISOString()).toBe(
      '2026-11-30T14:00:00.000Z',
    );
    expect(addBusinessSeconds(split, new Date('2026-11-30T16:00:00Z'), 3 * hour)?.toISOString()).toBe(
      '2026-12-01T02:00:00.000Z',
    );
  });
});

describe('businessSecondsBetween', () => {
  it.each([
    ['within one day', utc, '2026-11-25T10:00:00Z', '2026-11-25T12:30:00Z', 2.5 * hour],
    ['over a night', utc, '2026-11-25T16:00:00Z', '2026-11-26T10:00:00Z', 2 * hour],
    ['over a weekend', utc, '2026-11-27T16:00:00Z', '2026-11-30T10:00:00Z', 2 * hour],
    ['all outside hours', utc, '2026-11-28T08:00:00Z', '2026-11-29T20:00:00Z', 0],
    ['end before start', utc, '2026-11-26T10:00:00Z', '2026-11-25T10:00:00Z', 0],
    ['over Berlin holidays', berlin, '2026-12-23T15:00:00Z', '2026-12-28T09:00:00Z', 2 * hour],
  ])('%s', (_name, calendar, start, end, expected) => {
    expect(businessSecondsBetween(calendar, new Date(start), new Date(end))).toBe(expected);
  });

  it('is the inverse of addBusinessSeconds', () => {
    const start = new Date('2026-11-27T14:17:00Z');
    for (const seconds of [60, 3 * hour, 11 * hour, 40 * hour]) {
      const end = addBusinessSeconds(berlin, start, seconds);
      expect(end && businessSecondsBetween(berlin, start, end)).toBe(seconds);
    }
  });
});

describe('wall clock', () => {
  it('reads business hours and time of day in the location zone', () => {
    const at = new Date('2026-11-25T16:30:00Z');
    expect(localClock(berlin, at)).toBe('17:30');
    expect(isWithinBusinessHours(berlin, at)).toBe(false);
    expect(isWithinBusinessHours(utc, at)).toBe(true);
    expect(isWithinBusinessHours(newYork, at)).toBe(true);
  });
});
