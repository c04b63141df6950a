import { DomainError } from '@jingsai/shared';
import { CHINA_MAINLAND_HOLIDAYS, HolidayCalendarData } from './china-holidays.data';
import { addDays, dayOfWeek, isDateOnly, toEpochDay, yearOf } from './date-only';

interface CompiledCalendar {
  years: Set<number>;
  holidays: Map<string, string>;
  workingWeekends: Set<string>;
}

// Calendars are plain data (so they can travel on commands); compile each one once.
const compiled = new WeakMap<HolidayCalendarData, CompiledCalendar>();

function compile(data: HolidayCalendarData): CompiledCalendar {
  const cached = compiled.get(data);
  if (cached) return cached;
  const result: CompiledCalendar = { years: new Set(), holidays: new Map(), workingWeekends: new Set() };
  for (const y of data.years) {
    result.years.add(y.year);
    for (const span of y.holidays) {
      for (let d = span.from; toEpochDay(d) <= toEpochDay(span.to); d = addDays(d, 1)) result.holidays.set(d, span.name);
    }
    for (const d of y.adjustedWorkingDays) result.workingWeekends.add(d);
  }
  compiled.set(data, result);
  return result;
}

function requireDate(date: string, field: string): void {
  if (!isDateOnly(date)) {
    throw DomainError.validation('CALENDAR.INVALID_DATE', `${field} 不是有效日期（应为 YYYY-MM-DD）：${date}`, `${field} is not a valid YYYY-MM-DD date: ${date}`, {
      errors: [{ field, messageZh: '应为 YYYY-MM-DD', messageEn: 'expected YYYY-MM-DD' }],
    });
  }
}

function requireCovered(cal: CompiledCalendar, data: HolidayCalendarData, date: string): void {
  if (!cal.years.has(yearOf(date))) {
    const covered = [...cal.years].sort();
    throw DomainError.unprocessable(
      'CALENDAR.YEAR_NOT_COVERED',
      `节假日日历“${data.name}”未包含 ${yearOf(date)} 年的放假安排，无法计算工作日；请系统管理员通过 HOLIDAY_CALENDAR_FILE 补充该年的放假安排。`,
      `The holiday calendar "${data.id}" has no data for ${yearOf(date)}, so working days cannot be counted; an operator adds that year's holidays with HOLIDAY_CALENDAR_FILE.`,
      { year: yearOf(date), coveredYears: covered },
    );
  }
}

/** Whether the calendar has the holiday arrangement of every year from `from` to `to`. */
export function coversDates(from: string, to: string, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): boolean {
  requireDate(from, 'from');
  requireDate(to, 'to');
  const cal = compile(calendar);
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!cal.years.has(y)) return false;
  return true;
}

/** The years from `from` to `to` whose holiday arrangement the calendar lacks. */
export function uncoveredYears(from: string, to: string, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): number[] {
  requireDate(from, 'from');
  requireDate(to, 'to');
  const cal = compile(calendar);
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!cal.years.has(y)) out.push(y);
  return out;
}

/**
 * The working days from `from` to `to` that are known: those in the years the calendar covers.
 * A day of another year is not counted, so the figure is never more than the true one.
 */
export function countKnownWorkingDays(from: string, to: string, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): number {
  requireDate(from, 'from');
  requireDate(to, 'to');
  const cal = compile(calendar);
  let count = 0;
  for (let d = from; toEpochDay(d) <= toEpochDay(to); d = addDays(d, 1)) if (cal.years.has(yearOf(d)) && isWorkingDay(d, calendar)) count++;
  return count;
}

/** Whether a date is a working day: Monday–Friday unless a public holiday, or an adjusted working weekend (调休上班). */
export function isWorkingDay(date: string, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): boolean {
  requireDate(date, 'date');
  const cal = compile(calendar);
  requireCovered(cal, calendar, date);
  if (cal.workingWeekends.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** The holiday name for a date, or null. */
export function holidayName(date: string, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): string | null {
  return compile(calendar).holidays.get(date) ?? null;
}

/**
 * The date n working days after `startDate` (the start itself is not counted; n = 0 returns it).
 * Refuses a date in a year the calendar does not cover.
 */
export function addWorkingDays(startDate: string, n: number, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): string {
  requireDate(startDate, 'startDate');
  if (!Number.isInteger(n) || n < 0) {
    throw DomainError.validation('CALENDAR.INVALID_DAYS', `工作日天数应为非负整数：${n}`, `The number of working days must be a non-negative integer: ${n}`);
  }
  let date = startDate;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/** The n-th working day of a period that starts on `startsOn` (counted when it is a working day itself). */
export function nthWorkingDayFrom(startsOn: string, n: number, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): string {
  requireDate(startsOn, 'startsOn');
  if (!Number.isInteger(n) || n < 1) {
    throw DomainError.validation('CALENDAR.INVALID_DAYS', `工作日天数应为正整数：${n}`, `The number of working days must be a positive integer: ${n}`);
  }
  return isWorkingDay(startsOn, calendar) ? addWorkingDays(startsOn, n - 1, calendar) : addWorkingDays(startsOn, n, calendar);
}

/** Working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function countWorkingDays(from: string, to: string, calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS): number {
  requireDate(from, 'from');
  requireDate(to, 'to');
  let count = 0;
  for (let d = from; toEpochDay(d) <= toEpochDay(to); d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}
