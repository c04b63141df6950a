import { CLIENT_ID_PATTERN } from './ids';
import { deadlineEndMs, deadlinePassed, isCalendarDate, isRealIsoInstant } from './instants';

describe('isRealIsoInstant', () => {
  it.each(['2021-07-22T16:00:00Z', '2021-07-23T00:00:00+08:00', '2024-02-29T23:59:59.999+08:00', '2021-07-01T09:00-05:30', '2021-07-22T16:00:00.1234567890Z', '2021-07-23T00:00:00+14:00'])(
    'accepts %s',
    (v) => expect(isRealIsoInstant(v)).toBe(true),
  );

  it.each([
    ['a day February does not have', '2027-02-30T00:00:00+08:00'],
    ['29 February of a common year', '2027-02-29T00:00:00Z'],
    ['a thirteenth month', '2027-13-01T00:00:00Z'],
    ['hour 24', '2027-03-01T24:00:00Z'],
    ['minute 60', '2027-03-01T10:60:00Z'],
    ['second 60', '2027-03-01T10:00:60Z'],
    ['an offset beyond ±14:00', '2027-03-01T10:00:00+15:00'],
    ['an offset beyond ±14:00 by minutes', '2027-03-01T10:00:00+14:30'],
    ['no offset', '2027-03-01T10:00:00'],
    ['a date alone', '2027-03-01'],
    ['year 0 (review 41 #5)', '0000-01-01T00:00:00Z'],
    ['year 9999', '9999-12-31T15:00:00Z'],
    ['an instant whose Beijing day is in the year 10000', '9999-12-31T16:00:00Z'],
    ['an instant before 1900 in Beijing', '1899-12-31T15:59:59Z'],
  ])('refuses %s', (_why, v) => expect(isRealIsoInstant(v)).toBe(false));

  it('takes dates from 1900 to 2199 only', () => {
    expect(['1900-01-01', '2199-12-31', '1899-12-31', '2200-01-01', '0001-01-01', '9999-12-31'].map(isCalendarDate)).toEqual([true, true, false, false, false, false]);
    expect(isRealIsoInstant('1900-01-01T00:00:00+08:00')).toBe(true);
  });

  it('accepts a local time without an offset only when asked to', () => {
    expect(isRealIsoInstant('2027-03-01T10:00:00', { offset: 'optional' })).toBe(true);
    expect(isRealIsoInstant('2027-02-30T10:00:00', { offset: 'optional' })).toBe(false);
  });

  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });
});

describe('CLIENT_ID_PATTERN', () => {
  it.each(['jiujiang-2021', 'a.b', '...', 'org:1_x'])('accepts %s', (id) => expect(CLIENT_ID_PATTERN.test(id)).toBe(true));
  it.each(['.', '..', '', 'a/b', 'x'.repeat(65), '中文'])('refuses %j, which a URL path would resolve away or cannot carry', (id) =>
    expect(CLIENT_ID_PATTERN.test(id)).toBe(false),
  );
});

describe('deadlinePassed', () => {
  it('holds a deadline written to the second through that second (review 40 #1)', () => {
    expect(deadlinePassed('2021-07-22T23:59:59.999+08:00', '2021-07-22T23:59:59+08:00')).toBe(false);
    expect(deadlinePassed('2021-07-23T00:00:00+08:00', '2021-07-22T23:59:59+08:00')).toBe(true);
    expect(deadlineEndMs('2021-07-22T18:00:00.500+08:00')).toBe(Date.parse('2021-07-22T18:00:01+08:00'));
  });
  it('ends a deadline at an exact Beijing midnight at that instant: it names the end of the day before (review 42 #2)', () => {
    expect(deadlinePassed('2021-07-22T23:59:59.999+08:00', '2021-07-23T00:00:00+08:00')).toBe(false);
    expect(deadlinePassed('2021-07-23T00:00:00.000+08:00', '2021-07-23T00:00:00+08:00')).toBe(true);
    // Midnight in UTC is 08:00 in Beijing: an ordinary second.
    expect(deadlinePassed('2021-07-23T00:00:00.500Z', '2021-07-23T00:00:00Z')).toBe(false);
  });
});
