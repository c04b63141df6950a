/**
 * Deterministic JSON: object keys sorted by code point, no whitespace, `undefined` members
 * dropped (as JSON.stringify does). The same value always gives the same bytes, which the
 * hash chain relies on. Written with plain loops: it runs for every event appended.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value);
}

function serialize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot canonicalise non-finite number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('cannot canonicalise a bigint; store it as a string');
    case 'object':
      if (Array.isArray(value)) return serializeArray(value);
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      return serializeObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`cannot canonicalise a ${typeof value}`);
  }
}

function serializeArray(items: unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const v = items[i];
    out += v === undefined || typeof v === 'function' ? 'null' : serialize(v);
  }
  return out + ']';
}

function serializeObject(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined || typeof v === 'function') continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(k) + ':' + serialize(v);
  }
  return out + '}';
}
