import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and leaves array order alone', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 0, y: 1 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,{"y":1,"z":0}]},"b":1}');
  });

  it('gives the same bytes for equal values built in a different key order', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: null } })).toBe(canonicalJson({ y: { q: null, p: true }, x: 1 }));
  });

  it('drops undefined members and functions as JSON.stringify does, and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: 2, f: () => 1 })).toBe('{"b":2}');
    expect(canonicalJson([1, undefined, 3])).toBe('[1,null,3]');
  });

  it('escapes strings like JSON and keeps non-ASCII text as is', () => {
    expect(canonicalJson({ s: 'say "竞赛"\n' })).toBe('{"s":"say \\"竞赛\\"\\n"}');
  });

  it('writes dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2021-03-01T08:00:00Z') })).toBe('{"at":"2021-03-01T08:00:00.000Z"}');
  });

  it('round-trips through JSON.parse to the same bytes', () => {
    const value = { n: -0.5, big: 1e21, list: [{ b: 'x', a: [] }], empty: {} };
    expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
  });

  it('refuses values JSON cannot represent faithfully', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });
});
