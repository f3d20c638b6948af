/** The little the worker needs from a logger; fastify's pino logger fits, and so does `consoleLog`. */
export interface WorkerLog {
  info(object: unknown, message?: string): void;
  warn(object: unknown, message?: string): void;
  error(object: unknown, message?: string): void;
}

function line(level: string) {
  return (object: unknown, message?: string) => {
    const fields = object instanceof Error ? { err: object.message } : (object as Record<string, unknown>);
    const error = fields.err instanceof Error ? { err: fields.err.message } : {};
    process.stdout.write(
      `${JSON.stringify({ level, time: Date.now(), ...fields, ...error, msg: message })}\n`,
    );
  };
}

/** JSON lines on stdout, as pino writes them, for `npm run worker`. */
export const consoleLog: WorkerLog = { info: line('info'), warn: line('warn'), error: line('error') };

/** For tests that want quiet. */
export const silentLog: WorkerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
