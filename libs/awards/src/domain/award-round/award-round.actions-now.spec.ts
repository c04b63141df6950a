import { DeciderSpec } from '@jingsai/testing';
import { awardActionNamesNow, nominationActionsNow } from './award-round.actions-now';
import { awardRoundDecider } from './award-round.decider';
import { AwardRoundEvent } from './award-round.events';
import { AFTER_NOTICE, DURING_NOTICE, ROUND_ID, at, created, noticeEnded, noticeStarted, passed, person, recommended, stateAfter, submitted } from './award-round.fixtures';

const now = (events: AwardRoundEvent[], at = DURING_NOTICE) => awardActionNamesNow(stateAfter(events), at);
const round = created({ pools: [{ pool: 'regular', quota: 2 }] });
const ready = [round, ...passed('n-1'), ...passed('n-2')];
const raised: AwardRoundEvent = { type: 'ObjectionRaised', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', objector: { kind: 'individual', realName: '李四', contact: '138' }, grounds: '不实' } };
const honour = (nominationId: string): AwardRoundEvent => ({
  type: 'HonourConferred',
  data: { roundId: ROUND_ID, honourId: `${ROUND_ID}/${nominationId}`, nominationId, recipient: person(`p-${nominationId}`), awardType: 'may_day_medal', level: 'city', pool: 'regular', conferredOn: '2024-10-14' },
});

describe('what a round offers now (allowedActions)', () => {
  it('offers the notice only for a complete, reviewed slate', () => {
    expect(now([round])).not.toContain('start_public_notice');
    expect(now([round, submitted('n-1')])).not.toContain('start_public_notice');
    expect(now(ready)).toContain('start_public_notice');
  });

  it('offers an objection only while the notice runs, resolving one only while one is open, and never the scheduler’s end of the notice', () => {
    const notice = [...ready, noticeStarted(['n-1', 'n-2'])];
    expect(now(notice, DURING_NOTICE)).toEqual(expect.arrayContaining(['raise_objection']));
    expect(now(notice, AFTER_NOTICE)).not.toContain('raise_objection');
    expect(now(notice)).not.toContain('resolve_objection');
    expect(now([...notice, raised])).toContain('resolve_objection');
    expect(now(notice)).not.toContain('end_public_notice');
    expect(now([...notice, noticeEnded()], AFTER_NOTICE)).toContain('confer');
    expect(now([...notice, raised, noticeEnded()], AFTER_NOTICE)).not.toContain('confer');
    // The last day has passed and the scheduler has not yet recorded it: conferral records the end itself.
    expect(now(notice, AFTER_NOTICE)).toContain('confer');
    expect(now(notice, DURING_NOTICE)).not.toContain('confer');
    // An upheld objection that emptied the slate leaves nothing to confer.
    const upheld: AwardRoundEvent[] = [
      raised, { type: 'ObjectionUpheld', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', note: '属实' } },
      { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } } as AwardRoundEvent,
    ];
    const lone = [round, ...passed('n-1'), noticeStarted(['n-1'])];
    const emptied = stateAfter([...lone, ...upheld, noticeEnded()]);
    expect(emptied.objections.every((o) => o.status !== 'open')).toBe(true);
    expect(now([...lone, ...upheld, noticeEnded()], AFTER_NOTICE)).not.toContain('confer');
    // Reopening is what is left, before the scheduler has recorded the end as after it (review 34 #1: nothing was offered).
    expect(now([...lone, ...upheld], AFTER_NOTICE)).toEqual(['reopen_nominations']);
    expect(now([...lone, ...upheld, noticeEnded()], AFTER_NOTICE)).toEqual(['reopen_nominations']);
    expect(now([...lone, ...upheld], DURING_NOTICE)).not.toContain('reopen_nominations');
    expect(now(notice, AFTER_NOTICE)).not.toContain('reopen_nominations');
  });

  it('offers an honour action only when some honour’s state allows it', () => {
    const conferred = [...ready, noticeStarted(['n-1', 'n-2']), noticeEnded(), honour('n-1'), honour('n-2')];
    expect(now(conferred)).toEqual(['revoke_honour', 'withdraw_honour', 'suspend_honour']);
    const revoked = [...conferred, ...['n-1', 'n-2'].map((n): AwardRoundEvent => ({ type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: `${ROUND_ID}/${n}`, reason: '造假' } } as never))];
    expect(now(revoked)).toEqual([]);
  });

  it('offers a nomination’s actions where one awaits them: the level next in line, and the departments yet to sign off', () => {
    const leveled = created({ levels: ['unit', 'county'] });
    const of = (events: AwardRoundEvent[], id = 'n-1') => {
      const state = stateAfter(events);
      return nominationActionsNow(state, state.nominations.find((n) => n.nominationId === id)!);
    };
    // At the recommending level: the workers' congress, or a review to decline; before the notice, any active nomination may be withdrawn.
    expect(of([leveled, submitted('n-1')])).toEqual(['RecordWorkersCongressApproval', 'ReviewNomination', 'WithdrawNomination']);
    expect(of([leveled, submitted('n-1'), recommended('n-1')])).toEqual(['ReviewNomination', 'WithdrawNomination']);
    const reviewed: AwardRoundEvent = { type: 'NominationReviewed', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'county', decision: 'approved' } };
    expect(of([leveled, submitted('n-1', {}, ['tax']), recommended('n-1'), reviewed])).toEqual(['GrantClearance', 'RefuseClearance', 'WithdrawNomination']);
    const granted: AwardRoundEvent = { type: 'ClearanceGranted', data: { roundId: ROUND_ID, nominationId: 'n-1', department: 'tax' } };
    expect(of([leveled, submitted('n-1', {}, ['tax']), recommended('n-1'), reviewed, granted])).toEqual(['WithdrawNomination']);
    // Once the notice runs, a nominee leaves the list only by an upheld objection.
    expect(of([...ready, noticeStarted(['n-1', 'n-2'])])).toEqual([]);
    // The round offers a nomination's action only while some nomination awaits it.
    expect(now([round])).toEqual(['nominate']);
    expect(now(ready)).not.toContain('review_nomination');
    expect(now([round, submitted('n-1')])).toEqual(expect.arrayContaining(['record_workers_congress_approval', 'review_nomination']));
  });
});

describe('what a refusal names', () => {
  const spec = DeciderSpec.for(awardRoundDecider);
  const notice = [...ready, noticeStarted(['n-1', 'n-2'])];

  it('never names the scheduler’s end of the notice, and names every action in Chinese too', () => {
    const early = spec.given(notice).when({ type: 'Confer', ...at(DURING_NOTICE) }).thenThrows('AWARD.NOTICE_NOT_ENDED');
    expect(early.details.allowedActions).not.toContain('end_public_notice');
    expect(early.details.allowedActionLabels).toEqual((early.details.allowedActions as string[]).map((action) => ({ action, label: expect.any(String) })));
    expect(early.details.allowedActionLabels).toContainEqual({ action: 'raise_objection', label: '提出异议' });
    const late = spec.given(notice).when({ type: 'Nominate', ...at(DURING_NOTICE) } as never).thenThrows('AWARD.ILLEGAL_TRANSITION');
    expect(late.details.allowedActions).not.toContain('end_public_notice');
    expect(late.messageZh).not.toContain('结束公示');
  });

  it('names only the honour actions some honour’s status allows', () => {
    const conferred = [...notice, noticeEnded(), honour('n-1'), honour('n-2')];
    const again = spec.given(conferred).when({ type: 'Confer', ...at(AFTER_NOTICE) }).thenThrows('AWARD.ILLEGAL_TRANSITION');
    expect(again.details.allowedActions).toEqual(['revoke_honour', 'withdraw_honour', 'suspend_honour']);
    expect(again.messageZh).not.toContain('恢复荣誉');
  });
});
