import { diffJson } from './json-diff';

describe('diffJson', () => {
  it('reports nothing for equal values built in another key order', () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names added, removed and changed members by path', () => {
    const before = { status: 'registered', name: '旧名', facts: [{ kind: 'a' }], region: 'x' };
    const after = { status: 'registered', name: '新名', facts: [{ kind: 'a' }, { kind: 'b' }], industry: '化工' };
    expect(diffJson(before, after)).toEqual({
      added: [{ path: '$.facts[1]', after: { kind: 'b' } }, { path: '$.industry', after: '化工' }],
      removed: [{ path: '$.region', before: 'x' }],
      changed: [{ path: '$.name', before: '旧名', after: '新名' }],
    });
  });

  it('treats a change of kind as one change and quotes unusual keys', () => {
    expect(diffJson({ 'a-b': [1], n: null }, { 'a-b': { 0: 1 }, n: 0 }).changed).toEqual([
      { path: '$["a-b"]', before: [1], after: { 0: 1 } },
      { path: '$.n', before: null, after: 0 },
    ]);
  });

  it('diffs from an initial state to the first one as changed members', () => {
    expect(diffJson({ status: 'unregistered' }, { status: 'registered', orgId: 'o' })).toEqual({
      added: [{ path: '$.orgId', after: 'o' }],
      removed: [],
      changed: [{ path: '$.status', before: 'unregistered', after: 'registered' }],
    });
  });
});
