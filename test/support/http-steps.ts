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

/**
 * The Jiujiang tree the award tests run on, registered by `admin`: the province 江西省总工会 (jx), the
 * city committee (jj) and the county committee of 浔阳区 (xy) under it.
 */
export async function registerJiujiangTree(post: (url: string, body: unknown, who: string) => Promise<TestResponse>): Promise<void> {
  expectStatus(await post('/api/v1/organizations', { orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' }, 'admin'), 201);
  expectStatus(await post('/api/v1/organizations', { orgId: 'jj', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city', parentId: 'jx' }, 'admin'), 201);
  expectStatus(await post('/api/v1/organizations', { orgId: 'xy', name: '浔阳区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' }, 'admin'), 201);
}
