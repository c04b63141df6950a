import { DomainError } from '@jingsai/shared';
import { CHINA_MAINLAND_HOLIDAYS, HolidayCalendarData } from './china-holidays.data';
import { addDays, addYears, dayOfWeek, endOfShanghaiDay, isDateOnly, shanghaiDateOf, startOfShanghaiDay } from './date-only';
import { validateHolidayCalendar } from './holiday-calendar.validate';
import { addWorkingDays, countWorkingDays, holidayName, isWorkingDay, nthWorkingDayFrom } from './working-day-calendar';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('date-only arithmetic', () => {
  it('accepts only real calendar dates', () => {
    expect(isDateOnly('2024-02-29')).toBe(true);
    expect(isDateOnly('2023-02-29')).toBe(false);
    expect(isDateOnly('2024-2-9')).toBe(false);
  });
  it('adds days and years, clamping 29 February', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addYears('2019-06-01', 3)).toBe('2022-06-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    // Past the four-digit calendar: its last day, not a throw into a request (review 41 #3).
    expect(addYears('2022-01-10', 7979)).toBe('9999-12-31');
    expect(addYears('2022-01-10', 1e29)).toBe('9999-12-31');
  });
  it('knows the weekday (2024-10-12 was a Saturday)', () => {
    expect(dayOfWeek('2024-10-12')).toBe(6);
    expect(dayOfWeek('2024-09-29')).toBe(0);
  });
  it('maps instants to the Asia/Shanghai date and back', () => {
    expect(shanghaiDateOf('2022-10-19T16:30:00Z')).toBe('2022-10-20');
    expect(shanghaiDateOf('2022-10-19T15:59:59Z')).toBe('2022-10-19');
    expect(shanghaiDateOf('2022-10-19')).toBe('2022-10-19');
    expect(startOfShanghaiDay('2022-10-14')).toBe('2022-10-13T16:00:00.000Z');
    expect(endOfShanghaiDay('2022-10-19')).toBe('2022-10-19T16:00:00.000Z');
  });
});

describe('the mainland China working-day calendar', () => {
  it('passes its own data validation (adjusted working days fall on weekends)', () => {
    expect(validateHolidayCalendar(CHINA_MAINLAND_HOLIDAYS)).toEqual([]);
  });

  it('covers 2021 to 2026', () => {
    expect(CHINA_MAINLAND_HOLIDAYS.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('treats the 2024 National Day holiday as days off and its adjusted weekends as working days', () => {
    expect(holidayName('2024-10-03')).toBe('国庆节');
    expect(isWorkingDay('2024-10-03')).toBe(false);
    expect(isWorkingDay('2024-09-29')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2024-10-12')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2024-10-13')).toBe(false); // ordinary Sunday
    expect(countWorkingDays('2024-10-01', '2024-10-07')).toBe(0);
  });

  it('adds working days across the 2024 National Day holiday', () => {
    // Fri 27 Sep → Sun 29 Sep (worked) → Mon 30 Sep → (1–7 Oct off) → Tue 8 Oct
    expect(addWorkingDays('2024-09-27', 1)).toBe('2024-09-29');
    expect(addWorkingDays('2024-09-27', 2)).toBe('2024-09-30');
    expect(addWorkingDays('2024-09-27', 3)).toBe('2024-10-08');
    expect(addWorkingDays('2024-09-30', 1)).toBe('2024-10-08');
  });

  it('counts an adjusted working Saturday (2024-10-12) inside a five-working-day period', () => {
    expect(nthWorkingDayFrom('2024-10-08', 5)).toBe('2024-10-12');
    expect(addWorkingDays('2024-10-08', 4)).toBe('2024-10-12');
  });

  it('starts counting at the next working day when the period opens on a holiday', () => {
    expect(nthWorkingDayFrom('2024-10-03', 1)).toBe('2024-10-08');
  });

  it('handles the 2022 National Day holiday with its two adjusted weekend days', () => {
    expect(addWorkingDays('2022-09-30', 1)).toBe('2022-10-08');
    expect(addWorkingDays('2022-09-30', 2)).toBe('2022-10-09');
    expect(addWorkingDays('2022-09-30', 3)).toBe('2022-10-10');
  });

  it('adds zero working days as the start date itself', () => {
    expect(addWorkingDays('2024-10-05', 0)).toBe('2024-10-05');
  });

  it('refuses a negative number of days', () => {
    expect(refusal(() => addWorkingDays('2024-10-05', -1)).code).toBe('CALENDAR.INVALID_DAYS');
    expect(refusal(() => nthWorkingDayFrom('2024-10-05', 0)).code).toBe('CALENDAR.INVALID_DAYS');
  });

  it('refuses an invalid date', () => {
    expect(refusal(() => addWorkingDays('2024-13-01', 1)).code).toBe('CALENDAR.INVALID_DATE');
  });

  it('refuses to guess a year the calendar does not cover', () => {
    const e = refusal(() => addWorkingDays('2026-12-30', 3));
    expect(e.code).toBe('CALENDAR.YEAR_NOT_COVERED');
    expect(e.details).toMatchObject({ year: 2027 });
  });

  it('lets an operator add a year as data', () => {
    const extended: HolidayCalendarData = {
      ...CHINA_MAINLAND_HOLIDAYS,
      years: [...CHINA_MAINLAND_HOLIDAYS.years, { year: 2027, source: 'test', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], adjustedWorkingDays: [] }],
    };
    expect(addWorkingDays('2026-12-31', 1, extended)).toBe('2027-01-04');
  });
});

describe('validating operator-entered calendar data', () => {
  it('reports each problem with its field', () => {
    const bad: HolidayCalendarData = {
      id: 'x',
      name: 'x',
      years: [
        { year: 2030, source: 's', holidays: [{ name: 'a', from: '2030-05-05', to: '2030-05-01' }, { name: 'b', from: '2030-13-01', to: '2030-13-02' }], adjustedWorkingDays: ['2030-05-06'] },
        { year: 2030, source: 's', holidays: [{ name: 'c', from: '2035-01-01', to: '2035-01-01' }], adjustedWorkingDays: ['x'] },
      ],
    };
    expect(validateHolidayCalendar(bad).map((p) => p.field)).toEqual([
      'years[0].holidays[0]',
      'years[0].holidays[1]',
      'years[0].adjustedWorkingDays[0]',
      'years[1].year',
      'years[1].holidays[0]',
      'years[1].adjustedWorkingDays[0]',
    ]);
  });
});
