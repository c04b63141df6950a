import autocannon from 'autocannon';

/** One request of a load mix. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Status → a sample body of an unexpected answer, to say why. */
  samples: Record<string, string>;
}

/**
 * autocannon against `url`, each request produced by `next()` (so a mix can vary bodies and
 * tokens per request). Latencies in ms.
 */
export async function load(url: string, next: () => LoadRequest, options: { connections?: number; seconds: number }): Promise<LoadResult> {
  const samples: Record<string, string> = {};
  const result = await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          return {
            ...req,
            method: r.method,
            path: r.path,
            headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
            body: r.body === undefined ? undefined : JSON.stringify(r.body),
          };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && !samples[status]) samples[status] = body.slice(0, 400);
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(s.count);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: Object.values(statusCodes).reduce((a, b) => a + b, 0),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    samples,
  };
}
