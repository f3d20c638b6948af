import { describe, expect, it } from 'vitest';
import { readableLine } from './readable-log.ts';

describe('readable log lines', () => {
  const time = new Date(2026, 11, 3, 9, 5, 7).getTime();

  it('shows a message with its time, and the level only when it is not plain info', () => {
    expect(readableLine(JSON.stringify({ level: 30, time, msg: 'ready' }))).toBe('09:05:07 ready');
    expect(readableLine(JSON.stringify({ level: 40, time, msg: 'slow' }))).toBe('09:05:07 WARN slow');
  });

  it('shows a request as method and path, and its answer as status and time', () => {
    expect(readableLine(JSON.stringify({ level: 30, time, req: { method: 'GET', url: '/api/v1/me' } }))).toBe(
      '09:05:07 GET /api/v1/me',
    );
    expect(
      readableLine(JSON.stringify({ level: 30, time, res: { statusCode: 200 }, responseTime: 12.4 })),
    ).toBe('09:05:07 → 200 in 12 ms');
  });

  it('keeps the stack of an error and passes other text through', () => {
    const line = readableLine(
      JSON.stringify({ level: 50, time, msg: 'boom', err: { stack: 'Error: boom\n  at x' } }),
    );
    expect(line).toBe('09:05:07 ERROR boom \nError: boom\n  at x');
    expect(readableLine('not json')).toBe('not json');
  });
});
