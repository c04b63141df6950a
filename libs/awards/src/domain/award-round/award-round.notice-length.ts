import { DomainError } from '@jingsai/shared';
import { HolidayCalendarData } from '../calendar/china-holidays.data';
import { NoticePeriod, ResolvedNoticePeriod } from '../calendar/notice-period';
import { countKnownWorkingDays, uncoveredYears } from '../calendar/working-day-calendar';
import { RoundConfig } from './award-round.state';

/**
 * A notice as long as the round asks, the round's or a level's alike: by dates, held to the
 * round's minimum in calendar days where it sets one; otherwise its only minimum is in working
 * days, and the dates must hold that many (6 days over National Day with 1 working day are not 5).
 * `field` prefixes the fields a refusal names (`notice.` for a level's notice).
 */
export function requireNoticeLength(round: RoundConfig, period: NoticePeriod, resolved: ResolvedNoticePeriod, calendar?: HolidayCalendarData, field = ''): void {
  const calendarMinimum = round.minimumNoticeCalendarDays;
  if (period.kind === 'calendar_days' && calendarMinimum !== undefined && resolved.calendarDays < calendarMinimum) {
    throw DomainError.unprocessable(
      'AWARD.NOTICE_TOO_SHORT',
      `公示期（${resolved.startsOn} 至 ${resolved.lastDay}）仅 ${resolved.calendarDays} 天，本轮要求按自然日公示不少于 ${calendarMinimum} 天。`,
      `The notice (${resolved.startsOn} to ${resolved.lastDay}) lasts ${resolved.calendarDays} day(s); this round needs at least ${calendarMinimum} calendar days.`,
      { calendarDays: resolved.calendarDays, minimumDays: calendarMinimum, lastDay: resolved.lastDay, errors: [{ field: `${field}period.to`, messageZh: `公示期应不少于 ${calendarMinimum} 天`, messageEn: `at least ${calendarMinimum} calendar days` }] },
    );
  }
  // By dates reaching into a year the holiday calendar lacks, with no calendar minimum: accepted only
  // when the known days already hold the minimum (2026-12-21 to 2027-01-04 has 9 working days in
  // 2026); never guessed, since 7 days over New Year may hold 4 (2026-12-27 to 2027-01-02).
  if (period.kind === 'calendar_days' && calendarMinimum === undefined && resolved.workingDays === null) {
    const known = countKnownWorkingDays(resolved.startsOn, resolved.lastDay, calendar);
    if (known < round.minimumNoticeWorkingDays) throw workingDaysUnknown(resolved, known, round.minimumNoticeWorkingDays, uncoveredYears(resolved.startsOn, resolved.lastDay, calendar));
  }
  // By dates with no calendar minimum: counted in working days where the holiday calendar covers the
  // year (none at all is the refusal below, which says why); by working days, always.
  const shortOfWorkingDays =
    period.kind === 'working_days'
      ? (resolved.workingDays ?? 0) < round.minimumNoticeWorkingDays
      : round.minimumNoticeCalendarDays === undefined && resolved.workingDays !== null && resolved.workingDays > 0 && resolved.workingDays < round.minimumNoticeWorkingDays;
  if (shortOfWorkingDays) {
    throw DomainError.unprocessable(
      'AWARD.NOTICE_TOO_SHORT',
      `公示期（${resolved.startsOn} 至 ${resolved.lastDay}）仅含 ${resolved.workingDays} 个工作日，本轮要求不少于 ${round.minimumNoticeWorkingDays} 个工作日。`,
      `The notice (${resolved.startsOn} to ${resolved.lastDay}) has ${resolved.workingDays} working day(s); this round needs at least ${round.minimumNoticeWorkingDays}.`,
      {
        workingDays: resolved.workingDays, minimumWorkingDays: round.minimumNoticeWorkingDays, lastDay: resolved.lastDay,
        // The field a form marks: the count asked for, or the last date of a period by dates.
        errors: [{ field: `${field}${period.kind === 'working_days' ? 'period.days' : 'period.to'}`, messageZh: `应不少于 ${round.minimumNoticeWorkingDays} 个工作日`, messageEn: `at least ${round.minimumNoticeWorkingDays} working days` }],
      },
    );
  }
  // Given by dates, a notice still needs a working day in it: one over a whole holiday (National Day, 10-01 to 10-05) is seen by no office.
  if (period.kind === 'calendar_days' && resolved.workingDays === 0) {
    throw DomainError.unprocessable(
      'AWARD.NOTICE_WITHOUT_WORKING_DAYS',
      `公示期（${resolved.startsOn} 至 ${resolved.lastDay}）全部为法定节假日或休息日，没有工作日，请调整公示期。`,
      `The notice (${resolved.startsOn} to ${resolved.lastDay}) falls wholly on holidays and rest days; give it working days.`,
      { calendarDays: resolved.calendarDays, workingDays: 0, lastDay: resolved.lastDay },
    );
  }
}

function workingDaysUnknown(p: { startsOn: string; lastDay: string }, known: number, minimum: number, years: number[]): DomainError {
  const y = years.join('、');
  const where = years[0] === Number(p.startsOn.slice(0, 4)) ? `在 ${y} 年内` : `跨入 ${y} 年`;
  return DomainError.unprocessable(
    'CALENDAR.YEAR_NOT_COVERED',
    `公示期（${p.startsOn} 至 ${p.lastDay}）${where}，节假日日历尚无该年的放假安排，无法确认公示期含足 ${minimum} 个工作日（已知的工作日仅 ${known} 个）。` +
      `请调整公示期，或请系统管理员通过 HOLIDAY_CALENDAR_FILE 补充 ${y} 年的放假安排后再公示；按自然日公示的评选轮次，可在创建时设定最少公示天数（minimumNoticeCalendarDays）。`,
    `The notice (${p.startsOn} to ${p.lastDay}) ${where.startsWith('在') ? 'falls in' : 'runs into'} ${years.join(', ')}, which the holiday calendar does not cover, so it cannot be shown to hold ${minimum} working days (${known} known). ` +
      'Change the period, or have an operator add that year with HOLIDAY_CALENDAR_FILE; a round that takes notices by dates is created with minimumNoticeCalendarDays.',
    { years, knownWorkingDays: known, minimumWorkingDays: minimum, lastDay: p.lastDay },
  );
}
