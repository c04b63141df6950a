import { isCalendarDate } from '@jingsai/shared';
/** Competition deadlines and incident dates are Beijing dates (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A real calendar date written YYYY-MM-DD, in the years a date may fall in (shared isCalendarDate). */
export function isIsoDate(v: unknown): v is string {
  return isCalendarDate(v);
}

/** The Beijing calendar date (YYYY-MM-DD) of an ISO instant. */
export function beijingDateOf(instant: string): string {
  return new Date(Date.parse(instant) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
