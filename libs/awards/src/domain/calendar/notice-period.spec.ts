import { DomainError } from '@jingsai/shared';
import { resolveNoticePeriod } from './notice-period';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('public notice periods (公示期)', () => {
  it('resolves the Lijiang calendar-day notice 2022-10-14 to 2022-10-19, ending at 24:00 Beijing time', () => {
    expect(resolveNoticePeriod({ kind: 'calendar_days', from: '2022-10-14', to: '2022-10-19' }, '2022-10-14')).toEqual({
      startsOn: '2022-10-14',
      lastDay: '2022-10-19',
      startsAt: '2022-10-13T16:00:00.000Z',
      endsAt: '2022-10-19T16:00:00.000Z',
      calendarDays: 6,
      workingDays: 4, // Fri 14, Mon 17, Tue 18, Wed 19
    });
  });

  it('resolves five working days across the 2024 National Day holiday', () => {
    const r = resolveNoticePeriod({ kind: 'working_days', days: 5 }, '2024-09-27');
    expect(r.lastDay).toBe('2024-10-09'); // 27, 29 (adjusted Sunday), 30, 8, 9
    expect(r.endsAt).toBe('2024-10-09T16:00:00.000Z');
    expect(r.workingDays).toBe(5);
    expect(r.calendarDays).toBe(13);
  });

  it('refuses more than 60 working days at once, without walking the calendar', () => {
    for (const days of [61, 100_000_000, 1e20]) {
      const e = refusal(() => resolveNoticePeriod({ kind: 'working_days', days }, '2024-09-27'));
      expect(e).toMatchObject({ code: 'NOTICE.INVALID_PERIOD', kind: 'validation', details: { errors: [{ field: 'period.days', messageEn: expect.stringContaining('from 1 to 60') }] } });
    }
    expect(resolveNoticePeriod({ kind: 'working_days', days: 60 }, '2024-09-27').workingDays).toBe(60);
  });

  it('refuses a calendar period longer than 90 days', () => {
    expect(refusal(() => resolveNoticePeriod({ kind: 'calendar_days', from: '2022-10-14', to: '2026-10-13' }, '2022-10-14'))).toMatchObject({
      code: 'NOTICE.INVALID_PERIOD',
      details: { errors: [{ field: 'period.to' }] },
    });
  });

  it('resolves a calendar-day notice in a year the holiday calendar does not cover, with no working-day count', () => {
    // The built-in calendar ends in 2026: a working-day notice in 2027 is refused; one by dates resolves, and the round's minimum decides (award-round.decide-notice).
    expect(refusal(() => resolveNoticePeriod({ kind: 'working_days', days: 5 }, '2027-03-01')).code).toBe('CALENDAR.YEAR_NOT_COVERED');
    expect(resolveNoticePeriod({ kind: 'calendar_days', from: '2027-03-01', to: '2027-03-07' }, '2027-03-01')).toEqual({
      startsOn: '2027-03-01',
      lastDay: '2027-03-07',
      startsAt: '2027-02-28T16:00:00.000Z',
      endsAt: '2027-03-07T16:00:00.000Z',
      calendarDays: 7,
      workingDays: null,
    });
  });

  it('refuses a calendar period that does not start on startsOn', () => {
    expect(refusal(() => resolveNoticePeriod({ kind: 'calendar_days', from: '2022-10-14', to: '2022-10-19' }, '2022-10-15')).code).toBe('NOTICE.INVALID_PERIOD');
  });

  it('refuses a calendar period that ends before it starts', () => {
    expect(refusal(() => resolveNoticePeriod({ kind: 'calendar_days', from: '2022-10-14', to: '2022-10-13' }, '2022-10-14')).code).toBe('NOTICE.INVALID_PERIOD');
  });

  it('refuses malformed dates and non-positive day counts', () => {
    expect(refusal(() => resolveNoticePeriod({ kind: 'working_days', days: 0 }, '2024-10-08')).code).toBe('NOTICE.INVALID_PERIOD');
    expect(refusal(() => resolveNoticePeriod({ kind: 'working_days', days: 5 }, '2024/10/08')).code).toBe('NOTICE.INVALID_PERIOD');
    expect(refusal(() => resolveNoticePeriod({ kind: 'calendar_days', from: 'x', to: '2022-10-19' }, 'x')).code).toBe('NOTICE.INVALID_PERIOD');
  });
});
