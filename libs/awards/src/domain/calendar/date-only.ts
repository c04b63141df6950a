/**
 * Arithmetic on calendar dates written 'YYYY-MM-DD'. Dates are civil dates in China; they are
 * mapped to UTC midnights only to count days, never to read a clock.
 */
import { isRealIsoInstant } from '@jingsai/shared';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2023-02-29). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  return fromEpochDay(toEpochDay(value)) === value;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. */
export function toEpochDay(date: string): number {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The same day n years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = yearOf(date) + years;
  // Past the four-digit calendar (a window of thousands of years, from a rule set stored before they were capped): the end of it, never a throw.
  if (!Number.isFinite(y) || y > 9999) return '9999-12-31';
  if (y < 1) return '0001-01-01';
  const md = date.slice(5);
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return isDateOnly(candidate) ? candidate : `${String(y).padStart(4, '0')}-02-28`;
}

/** The Asia/Shanghai (+08:00, no DST) calendar date of an ISO instant; a date passes through. */
export function shanghaiDateOf(instantOrDate: string): string {
  if (isDateOnly(instantOrDate)) return instantOrDate;
  const ms = Date.parse(instantOrDate);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${instantOrDate}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai day begins (00:00 +08:00), as an ISO UTC string. */
export function startOfShanghaiDay(date: string): string {
  return new Date(toEpochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS).toISOString();
}

/** The instant a Shanghai day ends, i.e. the next day begins (24:00 +08:00), as an ISO UTC string. */
export function endOfShanghaiDay(date: string): string {
  return startOfShanghaiDay(addDays(date, 1));
}

/** Milliseconds of an ISO instant, for comparing instants written with different offsets. */
export function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${instant}`);
  return ms;
}

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && isRealIsoInstant(value, { offset: 'optional' });
}
