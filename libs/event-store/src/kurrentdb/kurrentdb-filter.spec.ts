import { acceptsEvent, buildServerFilter, exactAlternatives, toClientFilter } from './kurrentdb-filter';
import { DEFAULT_STREAM_PREFIXES, resolveOptions } from './kurrentdb-options';

const defaults = resolveOptions({});
const namespaced = resolveOptions({ namespace: 'run42_' });

describe('KurrentDB filter building', () => {
  it('filters the server on our six categories by default', () => {
    expect(buildServerFilter(undefined, defaults)).toEqual({ on: 'streamName', prefixes: [...DEFAULT_STREAM_PREFIXES] });
    expect(DEFAULT_STREAM_PREFIXES).toEqual(['organization-', 'campaign-', 'ranking-', 'project-', 'awardRound-', 'ruleSet-']);
  });

  it("uses the caller's stream prefixes, inside the namespace", () => {
    expect(buildServerFilter({ streamPrefixes: ['project-'] }, namespaced)).toEqual({ on: 'streamName', prefixes: ['run42_project-'] });
    expect(buildServerFilter(undefined, namespaced)).toEqual({
      on: 'streamName',
      prefixes: DEFAULT_STREAM_PREFIXES.map((p) => `run42_${p}`),
    });
  });

  it('filters the server on exact event types when only types are asked for', () => {
    expect(buildServerFilter({ eventTypes: ['ProjectSubmitted', 'ProjectDrafted'] }, defaults)).toEqual({
      on: 'eventType',
      regex: '^(?:ProjectSubmitted|ProjectDrafted)$',
    });
  });

  it('prefers stream prefixes when both are asked for (types are then checked client-side)', () => {
    expect(buildServerFilter({ streamPrefixes: ['project-'], eventTypes: ['ProjectSubmitted'] }, defaults)).toEqual({
      on: 'streamName',
      prefixes: ['project-'],
    });
  });

  it('escapes regex metacharacters in event types', () => {
    const regex = new RegExp(exactAlternatives(['a.b', 'c+d']));
    expect(regex.test('a.b')).toBe(true);
    expect(regex.test('axb')).toBe(false);
    expect(regex.test('c+d')).toBe(true);
    expect(regex.test('a.bc')).toBe(false);
  });

  it("produces the client's filter objects", () => {
    expect(toClientFilter({ on: 'streamName', prefixes: ['project-'] })).toMatchObject({ filterOn: 'streamName', prefixes: ['project-'] });
    expect(toClientFilter({ on: 'eventType', regex: '^(?:A)$' })).toMatchObject({ filterOn: 'eventType', regex: '^(?:A)$' });
  });
});

describe('KurrentDB client-side event check', () => {
  it('accepts our events and excludes system events and system streams', () => {
    expect(acceptsEvent('project-1', 'ProjectSubmitted', undefined, defaults)).toBe(true);
    expect(acceptsEvent('project-1', '$>', undefined, defaults)).toBe(false);
    expect(acceptsEvent('$$project-1', '$metadata', undefined, defaults)).toBe(false);
    expect(acceptsEvent('$ce-project', 'ProjectSubmitted', undefined, defaults)).toBe(false);
  });

  it('excludes streams outside our categories and outside the namespace', () => {
    expect(acceptsEvent('billing-1', 'InvoiceSent', undefined, defaults)).toBe(false);
    expect(acceptsEvent('run42_project-1', 'ProjectSubmitted', undefined, namespaced)).toBe(true);
    expect(acceptsEvent('project-1', 'ProjectSubmitted', undefined, namespaced)).toBe(false);
    expect(acceptsEvent('run7_project-1', 'ProjectSubmitted', undefined, namespaced)).toBe(false);
  });

  it("applies the caller's prefixes and event types", () => {
    const filter = { streamPrefixes: ['project-'], eventTypes: ['ProjectSubmitted'] };
    expect(acceptsEvent('project-1', 'ProjectSubmitted', filter, defaults)).toBe(true);
    expect(acceptsEvent('project-1', 'ProjectDrafted', filter, defaults)).toBe(false);
    expect(acceptsEvent('campaign-1', 'ProjectSubmitted', filter, defaults)).toBe(false);
  });

  it('treats empty lists as no restriction', () => {
    expect(acceptsEvent('campaign-1', 'CampaignPublished', { streamPrefixes: [], eventTypes: [] }, defaults)).toBe(true);
  });
});

describe('KurrentDB options', () => {
  it('refuses a namespace inside the system streams and an empty category list', () => {
    expect(() => resolveOptions({ namespace: '$x' })).toThrow(/must not start/);
    expect(() => resolveOptions({ streamPrefixes: [] })).toThrow(/at least one/);
  });
});
