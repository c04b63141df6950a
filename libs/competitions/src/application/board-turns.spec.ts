import { boardTurnsAfter } from './board.controller';

describe('when a kept board page turns by the clock alone', () => {
  const window = (closesAt: string) => ({ applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt }, endsOn: '2021-12-31' });
  const at = (iso: string) => Date.parse(iso);

  it('turns when a deadline of 23:59:59 has passed as submission takes it: at the end of that second (review 42 #6)', () => {
    expect(boardTurnsAfter(at('2021-07-22T23:59:59.400+08:00'), [window('2021-07-22T23:59:59+08:00')], [])).toBe(at('2021-07-23T00:00:00+08:00'));
  });

  it('turns at a Beijing midnight deadline itself, and at an extension’s end of second', () => {
    expect(boardTurnsAfter(at('2021-07-22T23:00:00+08:00'), [window('2021-07-23T00:00:00+08:00')], [])).toBe(at('2021-07-23T00:00:00+08:00'));
    expect(boardTurnsAfter(at('2021-07-25T17:00:00+08:00'), [window('2021-07-23T00:00:00+08:00')], [{ extensionUntil: '2021-07-25T18:00:00+08:00' }])).toBe(at('2021-07-25T18:00:01+08:00'));
  });

  it('is the campaign’s end after its last deadline, and never once everything has turned', () => {
    expect(boardTurnsAfter(at('2021-08-01T00:00:00+08:00'), [window('2021-07-23T00:00:00+08:00')], [])).toBe(at('2022-01-01T00:00:00+08:00'));
    expect(boardTurnsAfter(at('2022-02-01T00:00:00+08:00'), [window('2021-07-23T00:00:00+08:00')], [])).toBe(Infinity);
  });
});
