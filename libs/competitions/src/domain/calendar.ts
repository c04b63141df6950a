import { isCalendarDate, isRealIsoInstant } from '@jingsai/shared';

/** Deadlines are read in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO-8601 instant with a real date, a time and an offset (`2021-07-22T16:00:00Z`, `…+08:00`). */
export function isIsoInstant(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && isRealIsoInstant(v);
}

/** A real calendar date written YYYY-MM-DD, in the years a date may fall in (shared isCalendarDate): for input. */
export function isIsoDate(v: unknown): v is string {
  return isCalendarDate(v);
}

/**
 * A real calendar date written YYYY-MM-DD, whatever its year: for dates read back from stored
 * events, which were accepted before the input range existed and must read as they did then
 * (review 42 #5: a rebuild would otherwise derive other periods than the rows it stored).
 */
export function isDateText(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
}

/** Compare instants by time, not by text, so `+08:00` and `Z` forms compare correctly. */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

/** When a deadline has passed: shared with award eligibility, so the two agree (`@jingsai/shared`). */
export { deadlineEndMs, deadlinePassed } from '@jingsai/shared';

/**
 * Beijing wall time for messages users read (`2021-07-22 18:00`, seconds only when not zero).
 * Exact midnight reads as the end of the previous day (`2021-07-22 24:00`), as notices write
 * deadlines ("7月22日前").
 */
export function beijingTime(instant: string): string {
  const ms = Date.parse(instant) + BEIJING_OFFSET_MS;
  const iso = new Date(ms).toISOString();
  // Only the exact midnight is the end of the previous day: 00:00:01 is already the next day.
  if (iso.slice(11, 23) === '00:00:00.000') return `${new Date(ms - 1).toISOString().slice(0, 10)} 24:00`;
  const seconds = iso.slice(17, 19) === '00' ? '' : `:${iso.slice(17, 19)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds}`;
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant: "today" for a command's `at`. */
export function beijingDate(instant: string): string {
  return new Date(Date.parse(instant) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A date `days` later (or earlier, if negative) than a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant a date ends in Beijing (the next day's 00:00 +08:00): a deadline "by 10 October"
 * has passed from this moment. The scheduler uses it as the due instant of a dated deadline.
 */
export function endOfBeijingDay(date: string): string {
  return `${addDays(date, 1)}T00:00:00+08:00`;
}
