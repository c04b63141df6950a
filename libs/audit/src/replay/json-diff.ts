/** A structural difference between two JSON values, by JSONPath (`$.facts[0].kind`). */
export interface JsonDiff {
  added: Array<{ path: string; after: unknown }>;
  removed: Array<{ path: string; before: unknown }>;
  changed: Array<{ path: string; before: unknown; after: unknown }>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Walks both values: objects by key (union, sorted), arrays by index, anything else by value.
 * A member present on one side only is added/removed as a whole; a change of kind (object to
 * array, number to string) is one `changed` entry at that path.
 */
export function diffJson(before: unknown, after: unknown): JsonDiff {
  const diff: JsonDiff = { added: [], removed: [], changed: [] };
  walk(normalise(before), normalise(after), '$', diff);
  return diff;
}

function walk(a: Json | undefined, b: Json | undefined, path: string, diff: JsonDiff): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void diff.added.push({ path, after: b });
  if (b === undefined) return void diff.removed.push({ path, before: a });
  const ka = kind(a);
  if (ka !== kind(b)) return void diff.changed.push({ path, before: a, after: b });
  if (ka === 'array') {
    const x = a as Json[];
    const y = b as Json[];
    for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], `${path}[${i}]`, diff);
    return;
  }
  if (ka === 'object') {
    const x = a as Record<string, Json>;
    const y = b as Record<string, Json>;
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    for (const k of keys) walk(own(x, k), own(y, k), member(path, k), diff);
    return;
  }
  if (a !== b) diff.changed.push({ path, before: a, after: b });
}

function kind(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function own(o: Record<string, Json>, k: string): Json | undefined {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function member(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** States are plain data; a JSON round trip drops undefined members like the API response does. */
function normalise(value: unknown): Json | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Json);
}
