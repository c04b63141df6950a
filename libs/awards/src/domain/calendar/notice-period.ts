import { DomainError } from '@jingsai/shared';
import { CHINA_MAINLAND_HOLIDAYS, HolidayCalendarData } from './china-holidays.data';
import { daysBetween, endOfShanghaiDay, isDateOnly, startOfShanghaiDay } from './date-only';
import { MAXIMUM_NOTICE_CALENDAR_DAYS, MAXIMUM_NOTICE_WORKING_DAYS } from '../catalogue/award-catalogue';
import { countWorkingDays, coversDates, nthWorkingDayFrom } from './working-day-calendar';

/** A public notice period (公示期): n working days, or fixed calendar dates (Lijiang: 2022-10-14 to 2022-10-19). */
export type NoticePeriod = { kind: 'working_days'; days: number } | { kind: 'calendar_days'; from: string; to: string };

export interface ResolvedNoticePeriod {
  startsOn: string;
  /** The last day of the notice, inclusive. */
  lastDay: string;
  /** 00:00 +08:00 of startsOn, as an ISO UTC instant. */
  startsAt: string;
  /** The end of the last day (24:00 Asia/Shanghai), as an ISO UTC instant. */
  endsAt: string;
  calendarDays: number;
  /**
   * Working days in the notice; null for a notice given by calendar dates in a year the holiday
   * calendar does not cover (it needs no working-day count, and is what an uncovered year is told to use).
   */
  workingDays: number | null;
}

function invalid(zh: string, en: string, field: string): DomainError {
  return DomainError.validation('NOTICE.INVALID_PERIOD', zh, en, { errors: [{ field, messageZh: zh, messageEn: en }] });
}

/**
 * Fixes the dates of a notice period starting on `startsOn`. The notice ends at the end of its
 * last day in Asia/Shanghai, so a notice whose last day is 2022-10-19 ends at 2022-10-19T16:00:00.000Z.
 */
export function resolveNoticePeriod(
  period: NoticePeriod,
  startsOn: string,
  calendar: HolidayCalendarData = CHINA_MAINLAND_HOLIDAYS,
): ResolvedNoticePeriod {
  if (!isDateOnly(startsOn)) throw invalid(`公示开始日期无效：${startsOn}`, `The notice start date is not a valid date: ${startsOn}`, 'startsOn');
  let lastDay: string;
  if (period.kind === 'working_days') {
    // Bounded before counting: the count walks the calendar day by day.
    if (!Number.isInteger(period.days) || period.days < 1 || period.days > MAXIMUM_NOTICE_WORKING_DAYS) {
      throw invalid(
        `公示期工作日天数应为 1 至 ${MAXIMUM_NOTICE_WORKING_DAYS} 的整数`,
        `The notice period must be a whole number of working days from 1 to ${MAXIMUM_NOTICE_WORKING_DAYS}`,
        'period.days',
      );
    }
    lastDay = nthWorkingDayFrom(startsOn, period.days, calendar);
  } else {
    if (!isDateOnly(period.from) || !isDateOnly(period.to)) {
      throw invalid('公示期起止日期应为 YYYY-MM-DD', 'The notice period needs from/to dates in YYYY-MM-DD form', 'period');
    }
    if (period.from !== startsOn) {
      throw invalid(`公示期开始日期（${period.from}）与 startsOn（${startsOn}）不一致`, `The period starts on ${period.from} but startsOn is ${startsOn}`, 'period.from');
    }
    if (daysBetween(period.from, period.to) < 0) throw invalid('公示期结束日期早于开始日期', 'The notice period ends before it starts', 'period.to');
    if (daysBetween(period.from, period.to) + 1 > MAXIMUM_NOTICE_CALENDAR_DAYS) {
      throw invalid(`公示期最长 ${MAXIMUM_NOTICE_CALENDAR_DAYS} 天`, `The notice period may last at most ${MAXIMUM_NOTICE_CALENDAR_DAYS} calendar days`, 'period.to');
    }
    lastDay = period.to;
  }
  return {
    startsOn,
    lastDay,
    startsAt: startOfShanghaiDay(startsOn),
    endsAt: endOfShanghaiDay(lastDay),
    calendarDays: daysBetween(startsOn, lastDay) + 1,
    workingDays: period.kind === 'calendar_days' && !coversDates(startsOn, lastDay, calendar) ? null : countWorkingDays(startsOn, lastDay, calendar),
  };
}
