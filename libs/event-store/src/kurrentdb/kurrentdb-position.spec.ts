import { isAfter, toKurrentPosition, toPortPosition, toReadPosition } from './kurrentdb-position';

describe('KurrentDB position mapping', () => {
  it('maps an event position (commit == prepare) to that offset as a number', () => {
    expect(toPortPosition({ commit: 12_345n, prepare: 12_345n })).toBe(12_345);
  });

  it('maps a number back to commit == prepare == the number', () => {
    expect(toKurrentPosition(12_345)).toEqual({ commit: 12_345n, prepare: 12_345n });
  });

  it('round-trips positions up to the largest safe integer', () => {
    for (const n of [1, 4096, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER]) {
      expect(toPortPosition(toKurrentPosition(n))).toBe(n);
    }
  });

  it('keeps $all order: later log offsets give larger numbers', () => {
    const offsets = [4096n, 4230n, 4391n, 1_000_000_000_000n];
    const numbers = offsets.map((o) => toPortPosition({ commit: o, prepare: o }));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses legacy explicit-transaction records (commit != prepare), which one number cannot order', () => {
    expect(() => toPortPosition({ commit: 900n, prepare: 500n })).toThrow(/legacy explicit transaction/);
  });

  it('refuses offsets beyond a safe JS number', () => {
    const big = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => toPortPosition({ commit: big, prepare: big })).toThrow(/safe JS number/);
  });

  it('starts reads at the start for 0 or no position, else at the event itself', () => {
    expect(toReadPosition(undefined)).toBe('start');
    expect(toReadPosition(0)).toBe('start');
    expect(toReadPosition(777)).toEqual({ commit: 777n, prepare: 777n });
  });

  it('rejects positions that are not non-negative safe integers', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) {
      expect(() => toReadPosition(bad)).toThrow(RangeError);
    }
  });

  it('treats the start position as exclusive', () => {
    expect(isAfter(777, 777)).toBe(false);
    expect(isAfter(778, 777)).toBe(true);
    expect(isAfter(1, undefined)).toBe(true);
  });
});
