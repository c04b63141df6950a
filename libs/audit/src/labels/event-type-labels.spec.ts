import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eventTypeLabel, eventTypeLabels } from './event-type-labels';

const LIBS = join(__dirname, '..', '..', '..');

/** Event type names declared in the contexts' domain code (`DomainEvent<'X', …>` and awards' `E<'X', …>`). */
function declaredEventTypes(): string[] {
  const types = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !/spec\.ts$/.test(name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:DomainEvent|E)<\s*'([A-Za-z]+)'/g)) types.add(m[1]!);
      }
    }
  };
  for (const lib of readdirSync(LIBS)) {
    const domain = join(LIBS, lib, 'src', 'domain');
    if (lib !== 'audit' && statSync(join(LIBS, lib)).isDirectory() && exists(domain)) walk(domain);
  }
  return [...types].sort();
}

function exists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

describe('event type labels', () => {
  it('label every event type the domain code declares (add the missing ones to event-type-labels.ts)', () => {
    const declared = declaredEventTypes();
    expect(declared).toEqual(expect.arrayContaining(['OrganizationRegistered', 'ProjectSubmitted', 'CampaignCreated', 'HonourConferred']));
    expect(declared.filter((t) => !eventTypeLabel(t).known)).toEqual([]);
  });

  it('fall back to the raw type name for an unknown type', () => {
    expect(eventTypeLabel('SomethingNew')).toEqual({ zh: 'SomethingNew', en: 'SomethingNew', known: false });
    expect(eventTypeLabel('toString').known).toBe(false);
  });

  it('list labels sorted by type, each with both languages', () => {
    const all = eventTypeLabels();
    expect(all.map((l) => l.type)).toEqual([...all.map((l) => l.type)].sort());
    for (const l of all) expect(l.zh && l.en).toBeTruthy();
  });
});
