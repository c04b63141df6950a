import { HolidayCalendarData } from './china-holidays.data';
import { dayOfWeek, isDateOnly, toEpochDay, yearOf } from './date-only';

export interface CalendarProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

/**
 * Checks calendar data an operator typed in: real dates, spans in order and near their year,
 * adjusted working days on a weekend, no year listed twice. Returns every problem found.
 */
export function validateHolidayCalendar(data: HolidayCalendarData): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<number>();
  data.years.forEach((y, i) => {
    const at = `years[${i}]`;
    if (seen.has(y.year)) problems.push({ field: `${at}.year`, messageZh: `${y.year} 年重复`, messageEn: `year ${y.year} is listed twice` });
    seen.add(y.year);
    y.holidays.forEach((span, j) => {
      const f = `${at}.holidays[${j}]`;
      if (!isDateOnly(span.from) || !isDateOnly(span.to)) {
        problems.push({ field: f, messageZh: '起止日期应为 YYYY-MM-DD', messageEn: 'from/to must be YYYY-MM-DD dates' });
        return;
      }
      if (toEpochDay(span.to) < toEpochDay(span.from)) problems.push({ field: f, messageZh: '结束日期早于开始日期', messageEn: 'to is before from' });
      if (Math.abs(yearOf(span.from) - y.year) > 1 || Math.abs(yearOf(span.to) - y.year) > 1) {
        problems.push({ field: f, messageZh: `日期不属于 ${y.year} 年前后`, messageEn: `dates are not around ${y.year}` });
      }
    });
    y.adjustedWorkingDays.forEach((d, j) => {
      const f = `${at}.adjustedWorkingDays[${j}]`;
      if (!isDateOnly(d)) problems.push({ field: f, messageZh: '应为 YYYY-MM-DD', messageEn: 'must be a YYYY-MM-DD date' });
      else if (dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) {
        problems.push({ field: f, messageZh: `${d} 不是周末，无需调休上班`, messageEn: `${d} is not a weekend day, so it cannot be an adjusted working day` });
      }
    });
  });
  return problems;
}
