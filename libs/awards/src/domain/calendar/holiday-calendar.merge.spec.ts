import { CHINA_MAINLAND_HOLIDAYS } from './china-holidays.data';
import { withOperatorYears } from './holiday-calendar.merge';
import { resolveNoticePeriod } from './notice-period';

// Made-up dates for a test calendar year (2099), not a published arrangement.
const testYear = {
  year: 2099,
  source: '测试用放假安排',
  holidays: [{ name: '测试假日', from: '2099-03-11', to: '2099-03-13' }],
  adjustedWorkingDays: ['2099-03-14'],
};

describe('operator holiday years (HOLIDAY_CALENDAR_FILE)', () => {
  it('counts a notice over an added year, skipping its holidays and working its adjusted weekend', () => {
    expect(() => resolveNoticePeriod({ kind: 'working_days', days: 5 }, '2099-03-09')).toThrow(/HOLIDAY_CALENDAR_FILE/);
    const { calendar } = withOperatorYears([testYear]);
    // 9 (Mon), 10 (Tue), [11–13 off], 14 (Saturday worked), 16 (Mon), 17 (Tue): the fifth working day.
    expect(resolveNoticePeriod({ kind: 'working_days', days: 5 }, '2099-03-09', calendar!)).toMatchObject({ lastDay: '2099-03-17', workingDays: 5 });
  });

  it('keeps the built-in years and lets an operator year replace one', () => {
    const replaced = { ...testYear, year: 2021, holidays: [], adjustedWorkingDays: [] };
    const { calendar } = withOperatorYears([replaced]);
    expect(calendar!.years.map((y) => y.year)).toEqual(CHINA_MAINLAND_HOLIDAYS.years.map((y) => y.year));
    expect(calendar!.years.find((y) => y.year === 2021)!.holidays).toEqual([]);
    expect(CHINA_MAINLAND_HOLIDAYS.years.find((y) => y.year === 2021)!.holidays.length).toBeGreaterThan(0);
  });

  it('names every problem of a malformed file instead of guessing', () => {
    expect(withOperatorYears({ year: 2027 }).problems.map((p) => p.field)).toEqual(['years']);
    const bad = withOperatorYears([{ year: 1999, holidays: 'spring', adjustedWorkingDays: ['2099-03-16'] }]);
    expect(bad.problems.map((p) => p.field)).toEqual(['years[0].year', 'years[0].source', 'years[0].holidays']);
    const unreal = withOperatorYears([{ ...testYear, holidays: [{ name: '春节', from: '2099-02-30', to: '2099-03-02' }], adjustedWorkingDays: ['2099-03-16'] }]);
    expect(unreal.problems.map((p) => p.field)).toEqual(['years[0].holidays[0]', 'years[0].adjustedWorkingDays[0]']);
  });
});
