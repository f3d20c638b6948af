/** A small HTTP client for the fault and soak runs: the API over loopback, as a browser would use it. */

export interface Session {
  cookie: string;
  'x-csrf-token': string;
}

export interface Answer {
  status: number;
  /** 0 when no answer came (connection refused or reset, timeout). */
  body: unknown;
  milliseconds: number;
  retryAfter: string | null;
  error: string | null;
}

export async function call(
  url: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { session?: Session; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url + path, {
      method,
      headers: {
        ...(options.session ?? {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      body,
      milliseconds: performance.now() - started,
      retryAfter: response.headers.get('retry-after'),
      error: null,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      status: 0,
      body: null,
      milliseconds: performance.now() - started,
      retryAfter: null,
      error: cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)),
    };
  }
}

export async function signIn(url: string, email: string, password = 'tandem-demo'): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = /tandem_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, 'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken };
}

export function percentile(sorted: readonly number[], quantile: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
}
