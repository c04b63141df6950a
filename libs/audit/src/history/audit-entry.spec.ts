import { reasonOf } from './audit-entry';

describe('the why of an audit entry', () => {
  it('reads the reason, the note, the grounds or the basis recorded with an event', () => {
    expect(reasonOf({ reason: '汛期抢险' })).toBe('汛期抢险');
    expect(reasonOf({ note: '同意' })).toBe('同意');
    expect(reasonOf({})).toBeNull();
    // A reason recorded as a code reads as words.
    expect(reasonOf({ reason: 'window_closed', windowClosesAt: 'x' })).toBe('报名已截止，逾期提交被拒收并记录');
  });

  it('reads a removal at conferral by the reasons of the rules that failed, not its code', () => {
    const removed = { reason: 'ineligible_at_conferral', failedReasons: [{ rule: 'no_repeat_honour', messageZh: '已持有市级五一劳动奖状，原则上不重复授予。', messageEn: 'x' }] };
    expect(reasonOf(removed)).toBe('已持有市级五一劳动奖状，原则上不重复授予。');
  });
});
