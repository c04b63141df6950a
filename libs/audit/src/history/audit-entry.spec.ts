import { reasonOf, toAuditEntry } from './audit-entry';

describe('the why of an audit entry', () => {
  it('reads the reason, the note, the grounds or the basis recorded with an event', () => {
    expect(reasonOf({ reason: '汛期抢险' })).toBe('汛期抢险');
    expect(reasonOf({ note: '同意' })).toBe('同意');
    expect(reasonOf({})).toBeNull();
    // A reason recorded as a code reads as words.
    expect(reasonOf({ reason: 'window_closed', windowClosesAt: 'x' })).toBe('报名已截止，逾期提交被拒收并记录');
    // A code with the note given beside it reads as both; an instant commendation's why is its citation.
    expect(reasonOf({ reason: 'withdrawn', note: '比例未达要求' })).toBe('撤回推荐：比例未达要求');
    expect(reasonOf({ reason: 'review_rejected', level: 'county' })).toBe('审核未通过');
    expect(reasonOf({ citation: '攻克高炉检修难题' })).toBe('攻克高炉检修难题');
    // An incident or an organisation fact is read by its account, so a veto is never a blank line.
    expect(reasonOf({ kind: 'quality_accident', severity: 'minor', description: '焊缝质量事故' })).toBe('焊缝质量事故');
    expect(reasonOf({ nominationId: 'n-1', objectionId: 'o-1' })).toBe('异议（o-1）经核实属实，撤回推荐');
    expect(reasonOf({ nominationId: 's-1', replacesNominationId: 'n-1', recommenderOrgId: 'xy', pool: 'regular' })).toBe('递补被移出或撤回的推荐（n-1）');
    // An event that records an objection's own note reads the note.
    expect(reasonOf({ objectionId: 'o-1', note: '经核实属实' })).toBe('经核实属实');
  });

  it('reads a removal at conferral by the reasons of the rules that failed, not its code', () => {
    const removed = { reason: 'ineligible_at_conferral', failedReasons: [{ rule: 'no_repeat_honour', messageZh: '已持有市级五一劳动奖状，原则上不重复授予。', messageEn: 'x' }] };
    expect(reasonOf(removed)).toBe('已持有市级五一劳动奖状，原则上不重复授予。');
  });
});

describe('the label of an audit entry', () => {
  it('names the change a commendation status event records, not the four it could', () => {
    const entry = (status: string) =>
      toAuditEntry({ streamId: 'project-p', revision: 3, position: 9, recordedAt: 'x', type: 'InstantCommendationStatusChanged', data: { commendationId: 'c1', status, reason: '复核' }, metadata: { eventId: 'e', correlationId: 'c', occurredAt: 'x', schemaVersion: 1, actor: { userId: 'u', role: 'committee', orgId: 'jj' } } } as never);
    expect(['suspended', 'valid', 'revoked', 'withdrawn'].map((s) => entry(s).typeLabel.zh)).toEqual(['即时表彰暂停', '即时表彰恢复', '即时表彰撤销', '即时表彰摘牌']);
    expect(entry('odd').typeLabel.zh).toBe('即时表彰撤销、摘牌、暂停或恢复');
  });
});
