import { ReadModelDatabase } from '@jingsai/event-store';
import { AdjustableClock } from '@jingsai/shared';
import { QueryCache, ifNoneMatch } from './query-cache';

describe('QueryCache', () => {
  const readDb = { changeStamp: () => '1.1' } as unknown as ReadModelDatabase;
  const unit = { userId: 'u-1', name: '张伟', roles: ['unit'], orgId: 'ent-a' };

  it('counts the URL it is keyed by against its size: long queries with tiny answers cannot outgrow it', () => {
    const cache = new QueryCache(readDb, new AdjustableClock('2021-07-01T09:00:00+08:00', { frozen: true }), { megabytes: 1 });
    const pad = 'x'.repeat(15_000);
    const first = cache.keyOf(`/api/v1/board?campaignId=${pad}0`, unit)!;
    const empty = { body: Buffer.from('{"items":[],"total":0,"limit":50,"offset":0}'), etag: '"e"', validUntilMs: Infinity };
    cache.set(first, empty);
    for (let i = 1; i < 300; i++) cache.set(cache.keyOf(`/api/v1/board?campaignId=${pad}${i}`, unit)!, empty);
    // 300 keys of 15,000 characters are 4.5 M characters: far past 1 MB, so the oldest went.
    expect(cache.get(first)).toBeUndefined();
    expect(cache.get(cache.keyOf(`/api/v1/board?campaignId=${pad}299`, unit)!)).toBeDefined();
  });

  it('keeps callers apart whatever characters their ids and names hold', () => {
    const cache = new QueryCache(readDb, new AdjustableClock('2021-07-01T09:00:00+08:00', { frozen: true }), { megabytes: 1 });
    const admin = cache.keyOf('/api/v1/board', { userId: 'u', name: 'unit|n', roles: ['admin'], orgId: 'o' });
    const other = cache.keyOf('/api/v1/board', { userId: 'u|o', name: 'n', roles: ['unit'], orgId: 'admin' });
    expect(admin).not.toBe(other);
  });

  it('keeps an answer until the instant its handler said it stops being true, across seconds; not past it', () => {
    // A clock that runs by itself (nobody moves it by hand).
    let nowMs = Date.parse('2021-07-01T09:00:00+08:00');
    const cache = new QueryCache(readDb, { now: () => new Date(nowMs) }, { megabytes: 1 });
    const key = cache.keyOf('/api/v1/supervision/overdue', unit)!;
    cache.set(key, { body: Buffer.from('{}'), etag: '"a"', validUntilMs: Date.parse('2021-07-02T00:00:00+08:00') });
    nowMs += 3_600_000;
    // An hour later: the same key, the same answer.
    expect(cache.keyOf('/api/v1/supervision/overdue', unit)).toBe(key);
    expect(cache.get(key)).toBeDefined();
    nowMs = Date.parse('2021-07-02T00:00:00+08:00');
    expect(cache.get(key)).toBeUndefined();
  });

  it('keeps nothing when given no room', () => {
    const cache = new QueryCache(readDb, new AdjustableClock(), { megabytes: 0 });
    expect(cache.keyOf('/api/v1/board', unit)).toBeNull();
  });
});

describe('ifNoneMatch', () => {
  it('matches the tag itself, its weak form, a list that names it, and *', () => {
    expect(ifNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('"x", W/"abc" ', '"abc"')).toBe(true);
    expect(ifNoneMatch('*', '"abc"')).toBe(true);
  });

  it('does not match another tag, a tag without quotes, or no header', () => {
    expect(ifNoneMatch('"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatch('abc', '"abc"')).toBe(false);
    expect(ifNoneMatch(undefined, '"abc"')).toBe(false);
  });
});
