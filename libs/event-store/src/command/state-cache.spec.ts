import { StateCache } from './state-cache';

describe('StateCache', () => {
  const owner = {};

  it('forgets the least recently used stream beyond its capacity', () => {
    const cache = new StateCache(2);
    cache.set('a', owner, 'A', 0);
    cache.set('b', owner, 'B', 0);
    cache.get('a', owner);
    cache.set('c', owner, 'C', 0);
    expect([cache.get('a', owner)?.state, cache.get('b', owner), cache.get('c', owner)?.state]).toEqual(['A', undefined, 'C']);
  });

  describe('when the states behind it were folded from more events than it may hold', () => {
    it('forgets the oldest streams until the events fit, keeping a single long stream', () => {
      const cache = new StateCache(100, 10);
      cache.set('a', owner, 'A', 3); // 4 events
      cache.set('b', owner, 'B', 3); // 8
      cache.set('c', owner, 'C', 2); // 11: a goes
      expect(cache.get('a', owner)).toBeUndefined();
      expect(cache.size).toEqual({ streams: 2, events: 7 });
      cache.set('long', owner, 'L', 49);
      expect(cache.size).toEqual({ streams: 1, events: 50 });
      expect(cache.get('long', owner)?.revision).toBe(49);
    });

    it('counts a stream once when its newer state replaces the older', () => {
      const cache = new StateCache(100, 10);
      cache.set('a', owner, 'A0', 3);
      cache.set('a', owner, 'A1', 5);
      expect(cache.size).toEqual({ streams: 1, events: 6 });
    });
  });
});
