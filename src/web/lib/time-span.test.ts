import { describe, expect, it } from 'vitest';
import { timeSpan } from './time-span.ts';

describe('timeSpan', () => {
  it('says minutes, hours and days the short way, whatever the sign', () => {
    expect(timeSpan(0)).toBe('0 min');
    expect(timeSpan(45.4)).toBe('45 min');
    expect(timeSpan(-45)).toBe('45 min');
    expect(timeSpan(60)).toBe('1 h');
    expect(timeSpan(190)).toBe('3 h 10 min');
    expect(timeSpan(1440)).toBe('1 d');
    expect(timeSpan(2 * 1440 + 4 * 60 + 30)).toBe('2 d 4 h');
  });
});
