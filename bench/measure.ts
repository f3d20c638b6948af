import autocannon from 'autocannon';

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  errors: number;
}

export function summarise(latencies: number[], seconds: number, errors: number): Latency {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
  return {
    samples: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    throughput: sorted.length / seconds,
    errors,
  };
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Drives the API over loopback with autocannon; latency per response, from its own clock. */
export async function loadTest(
  url: string,
  request: HttpRequest,
  connections: number,
  seconds: number,
): Promise<Latency> {
  const latencies: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: url + request.path,
        method: request.method,
        headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        ...(request.body ? { body: request.body } : {}),
        connections,
        duration: seconds,
      },
      (error: unknown) => {
        if (error) reject(error instanceof Error ? error : new Error('autocannon failed'));
        else resolve();
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 400) errors += 1;
      else latencies.push(responseTime);
    });
  });
  return summarise(latencies, seconds, errors);
}

/** Runs `work` from `connections` concurrent loops for `seconds`. */
export async function loop(
  work: () => Promise<void>,
  connections: number,
  seconds: number,
): Promise<Latency> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await work();
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return summarise(latencies, seconds, errors);
}
