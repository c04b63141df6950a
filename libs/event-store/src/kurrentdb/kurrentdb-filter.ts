import { eventTypeFilter, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import { EventFilter } from '../event-store.port';
import { ResolvedKurrentDbOptions } from './kurrentdb-options';

/*
 * KurrentDB filters $all on ONE thing per request: stream-name prefixes/regex OR event-type
 * prefixes/regex. So the server gets the more selective one and the rest is checked here:
 * - event types requested without stream prefixes: server filters on the exact types (regex),
 *   the client checks our categories;
 * - otherwise: server filters on stream prefixes (the caller's, else our categories), the client
 *   checks the event types.
 * Either way the client also drops system events ($-prefixed types, e.g. `$>` links and
 * `$metadata`) and system streams, and the stream prefixes are always inside our namespace.
 */

export type ServerFilter = { on: 'streamName'; prefixes: string[] } | { on: 'eventType'; regex: string };

/** What the server is asked to filter on for a read or subscription. */
export function buildServerFilter(filter: EventFilter | undefined, options: ResolvedKurrentDbOptions): ServerFilter {
  const eventTypes = filter?.eventTypes;
  const prefixes = filter?.streamPrefixes;
  if (eventTypes && eventTypes.length > 0 && !(prefixes && prefixes.length > 0)) {
    return { on: 'eventType', regex: exactAlternatives(eventTypes) };
  }
  const logical = prefixes && prefixes.length > 0 ? prefixes : options.streamPrefixes;
  return { on: 'streamName', prefixes: unique(logical.map((p) => options.namespace + p)) };
}

/** The server filter in the client's shape. */
export function toClientFilter(filter: ServerFilter): Filter {
  return filter.on === 'streamName'
    ? streamNameFilter({ prefixes: filter.prefixes })
    : eventTypeFilter({ regex: filter.regex });
}

/**
 * The client-side check, applied to every event the server returns. `streamName` is the name
 * inside KurrentDB (with the namespace).
 */
export function acceptsEvent(
  streamName: string,
  eventType: string,
  filter: EventFilter | undefined,
  options: ResolvedKurrentDbOptions,
): boolean {
  if (eventType.startsWith('$') || streamName.startsWith('$')) return false;
  if (!streamName.startsWith(options.namespace)) return false;
  const streamId = streamName.slice(options.namespace.length);
  if (!options.streamPrefixes.some((p) => streamId.startsWith(p))) return false;
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((p) => streamId.startsWith(p))) return false;
  const types = filter?.eventTypes;
  if (types && types.length > 0 && !types.includes(eventType)) return false;
  return true;
}

/** `^(?:A|B)$` with regex metacharacters escaped: matches exactly these types. */
export function exactAlternatives(values: string[]): string {
  return `^(?:${unique(values).map(escapeRegex).join('|')})$`;
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
