import { RecordedEvent } from '@jingsai/shared';

/** Filters shared by the stream history and the whole-log listing. Times compare `occurredAt`. */
export interface HistoryFilter {
  /** Actor userId. */
  actor?: string;
  types?: string[];
  /** Inclusive lower bound (ISO instant). */
  from?: string;
  /** Inclusive upper bound (ISO instant). */
  to?: string;
}

/**
 * A bound as people give it, in Beijing time where it names no offset: a date alone is the
 * whole day (from its first instant, to its last), a time without an offset is Beijing's. The
 * service's deadlines are Beijing dates; read as UTC, `to=2021-07-08` left out that day after 08:00.
 */
export function historyBound(value: string, end: boolean): number {
  const v = value.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T${end ? '23:59:59.999' : '00:00:00'}+08:00`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) return Date.parse(`${v}+08:00`);
  // Anything else must be a full instant with its offset; other ISO 8601 forms (week dates, hours alone, basic format) are NaN, refused by the caller.
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? Date.parse(v) : Number.NaN;
}

/** A predicate for the filter; time bounds are parsed once. */
export function matcher(filter: HistoryFilter): (event: RecordedEvent) => boolean {
  const from = filter.from === undefined ? -Infinity : historyBound(filter.from, false);
  const to = filter.to === undefined ? Infinity : historyBound(filter.to, true);
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  return (event) => {
    if (filter.actor !== undefined && event.metadata.actor?.userId !== filter.actor) return false;
    if (types && !types.has(event.type)) return false;
    if (from !== -Infinity || to !== Infinity) {
      const at = Date.parse(event.metadata.occurredAt);
      if (!(at >= from && at <= to)) return false;
    }
    return true;
  };
}
