const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The years a date in this domain can fall in: organisations' records go back decades, campaigns
 * run for years ahead, and nothing is dated in year 1 or 9999 (such a date once slipped past a
 * window check as 10000-01-01 in Beijing time, and threw in date arithmetic).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one, though Date.parse rolls it over), in 1900–2199. */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
}

/**
 * An ISO-8601 instant whose every field is real: a calendar date, hours 00–23, minutes and
 * seconds 00–59 (any fraction of a second, as the competitions' calendar always took), an
 * offset within ±14:00. `offset: 'required'` refuses a time without a zone.
 */
export function isRealIsoInstant(v: unknown, options: { offset: 'required' | 'optional' } = { offset: 'required' }): v is string {
  if (typeof v !== 'string') return false;
  const m = INSTANT.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (!isCalendarDate(`${y}-${mo}-${d}`)) return false;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return false;
  if (zone === undefined) return options.offset === 'optional';
  if (zone !== 'Z') {
    const hh = Number(zone.slice(1, 3));
    const mm = Number(zone.slice(-2));
    if (mm > 59 || hh * 60 + mm > 14 * 60) return false;
  }
  const ms = Date.parse(v.replace(' ', 'T'));
  if (!Number.isFinite(ms)) return false;
  // Its Beijing day in the years a date may fall in (a zone can carry 9999-12-31 into the year 10000).
  const beijingYear = new Date(ms + BEIJING_OFFSET_MS).getUTCFullYear();
  return beijingYear >= EARLIEST_YEAR && beijingYear <= LATEST_YEAR;
}

/**
 * The first millisecond after a deadline. A deadline written to the second (`…T23:59:59+08:00`,
 * as notices and forms write one) holds through that whole second, so a submission at 23:59:59.3
 * is in time (review 40 #1: it was refused, and barred from awards for good). A deadline at an
 * exact Beijing midnight (`…T00:00:00+08:00`) names the end of the day before (it reads as
 * "24:00" of that day), so it ends at that instant (review 42 #2).
 */
export function deadlineEndMs(deadline: string): number {
  const ms = Date.parse(deadline);
  if ((ms + BEIJING_OFFSET_MS) % 86_400_000 === 0) return ms;
  return Math.floor(ms / 1000) * 1000 + 1000;
}

/** Whether a deadline (see {@link deadlineEndMs}) has passed at `at`. */
export function deadlinePassed(at: string, deadline: string): boolean {
  return Date.parse(at) >= deadlineEndMs(deadline);
}
