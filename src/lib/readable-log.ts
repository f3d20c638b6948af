import { Writable } from 'node:stream';

/**
 * Log lines for a person at a terminal: `npm start` on a laptop prints "12:03:04 GET /api/v1/tickets
 * 200 12 ms" instead of pino's JSON. Production keeps JSON for its log pipeline (LOG_FORMAT=json).
 */
export function readableLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') out.write(`${readableLine(line)}\n`);
      }
      done();
    },
  });
}

const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: '',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

/** One pino JSON line as text; anything that is not JSON passes through unchanged. */
export function readableLine(line: string): string {
  let record: LogRecord;
  try {
    record = JSON.parse(line) as LogRecord;
  } catch {
    return line;
  }
  const time = new Date(record.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = levelNames[record.level ?? 30] ?? '';
  const parts = [time, level.toUpperCase()];
  if (record.req) parts.push(`${record.req.method ?? ''} ${record.req.url ?? ''}`);
  else if (record.res)
    parts.push(`→ ${record.res.statusCode ?? ''} in ${Math.round(record.responseTime ?? 0)} ms`);
  else parts.push(record.msg ?? '');
  if (record.err?.stack && (record.level ?? 30) >= 50) parts.push(`\n${record.err.stack}`);
  return parts.filter((part) => part !== '').join(' ');
}
