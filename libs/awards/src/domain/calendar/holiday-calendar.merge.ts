import { CHINA_MAINLAND_HOLIDAYS, HolidayCalendarData, HolidayYear } from './china-holidays.data';
import { CalendarProblem, validateHolidayCalendar } from './holiday-calendar.validate';

/**
 * The built-in calendar with an operator's years added: each year the State Council publishes
 * (usually in November for the next year) can be loaded without a new release. A year the
 * operator lists replaces the built-in one. Returns every problem instead when the years are
 * not well formed.
 */
export function withOperatorYears(
  years: unknown,
  base: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS,
): { calendar: HolidayCalendarData; problems: [] } | { calendar: null; problems: CalendarProblem[] } {
  const shape = shapeProblems(years);
  if (shape.length) return { calendar: null, problems: shape };
  const added = years as HolidayYear[];
  const problems = validateHolidayCalendar({ id: 'operator', name: 'operator', years: added });
  if (problems.length) return { calendar: null, problems };
  const replaced = new Set(added.map((y) => y.year));
  const merged = [...base.years.filter((y) => !replaced.has(y.year)), ...added].sort((a, b) => a.year - b.year);
  return { calendar: { ...base, years: merged }, problems: [] };
}

function shapeProblems(years: unknown): CalendarProblem[] {
  if (!Array.isArray(years)) return [{ field: 'years', messageZh: '应为年份数组', messageEn: 'must be an array of years' }];
  const problems: CalendarProblem[] = [];
  const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
  years.forEach((y: any, i) => {
    const at = `years[${i}]`;
    if (y === null || typeof y !== 'object') return void problems.push({ field: at, messageZh: '应为对象', messageEn: 'must be an object' });
    if (!Number.isInteger(y.year) || y.year < 2000 || y.year > 2100) problems.push({ field: `${at}.year`, messageZh: '应为 2000–2100 的年份', messageEn: 'must be a year from 2000 to 2100' });
    if (!isText(y.source)) problems.push({ field: `${at}.source`, messageZh: '请注明放假安排通知的出处', messageEn: 'must name the notice the dates come from' });
    if (!Array.isArray(y.holidays) || !y.holidays.every((h: any) => h && isText(h.name) && typeof h.from === 'string' && typeof h.to === 'string')) {
      problems.push({ field: `${at}.holidays`, messageZh: '应为 {name, from, to} 的数组', messageEn: 'must be an array of {name, from, to}' });
    }
    if (!Array.isArray(y.adjustedWorkingDays) || !y.adjustedWorkingDays.every((d: unknown) => typeof d === 'string')) {
      problems.push({ field: `${at}.adjustedWorkingDays`, messageZh: '应为日期数组（可为空）', messageEn: 'must be an array of dates (may be empty)' });
    }
  });
  return problems;
}
