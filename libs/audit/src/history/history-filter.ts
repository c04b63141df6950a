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

/** A predicate for the filter; time bounds are parsed once. */
export function matcher(filter: HistoryFilter): (event: RecordedEvent) => boolean {
  const from = filter.from === undefined ? -Infinity : Date.parse(filter.from);
  const to = filter.to === undefined ? Infinity : Date.parse(filter.to);
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
