import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { TestApp, TestResponse } from './test-app';

/** The response of a step that must succeed (any 2xx), or a failure that shows what came back instead. */
export async function succeeded<R extends { status: number; body: any }>(request: Promise<R>): Promise<R> {
  const res = await request;
  if (res.status >= 300) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** The response, or a failure that shows what came back instead of the status a step needs. */
export function expectStatus(res: TestResponse, status = 200): TestResponse {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/**
 * Requests by named caller that read their own writes: every query waits (minPosition) for the
 * read models to hold the latest position a command answered with. `app` is a getter because
 * suites start their TestApp in beforeAll.
 */
export function readYourWrites(app: () => TestApp, tokens: Record<string, string>) {
  let last = 0;
  return {
    post: async (url: string, body: unknown, who: string) => {
      const res = await app().post(url, body, tokens[who]);
      if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
      return res;
    },
    get: (url: string, who: string) => app().get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, tokens[who]),
    head: () => app().app.get<EventStore>(EVENT_STORE).headPosition(),
    /** A position written without HTTP (straight through the repository) that later reads must see. */
    saw: (position: number) => void (last = Math.max(last, position)),
  };
}
