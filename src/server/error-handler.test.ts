import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, toAppError } from './error-handler.ts';

// What node-postgres and drizzle throw while PostgreSQL restarts, fails over or refuses connections
// (seen in test/reliability/database-restart.test.ts), and errors that only look similar.
const unavailable: [string, unknown][] = [
  [
    'connection refused',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  ],
  [
    'refused on every address (AggregateError)',
    new AggregateError(
      [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })],
      '',
    ),
  ],
  ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  [
    'admin shutdown (57P01)',
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
  ],
  ['starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
  ['connection failure (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
  [
    'too many connections (53300)',
    Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
  ],
  ['terminated', new Error('Connection terminated unexpectedly')],
  ['pool timeout', new Error('timeout exceeded when trying to connect')],
  ['closed client', new Error('Client was closed and is not queryable')],
  [
    'wrapped by drizzle',
    Object.assign(new Error('Failed query: select 1'), {
      cause: new Error('Connection terminated unexpectedly'),
    }),
  ],
];

const available: [string, unknown][] = [
  ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
  ['syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
  ['plain error', new Error('something else')],
  ['not an object', 'Connection terminated'],
];

describe('database errors', () => {
  it.each(unavailable)('%s is 503 service_unavailable with Retry-After', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const appError = toAppError(error);
    expect(appError.code).toBe('service_unavailable');
    expect(appError.details).toEqual({ retryAfterSeconds: 5 });
  });

  it.each(available)('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(toAppError(error).code).not.toBe('service_unavailable');
  });
});
