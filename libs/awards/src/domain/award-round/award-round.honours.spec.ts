import { DeciderSpec } from '@jingsai/testing';
import { Confer, RevokeHonour, WithdrawHonour } from './award-round.commands';
import { awardRoundDecider } from './award-round.decider';
import { AwardRoundEvent, HonourConferred } from './award-round.events';
import { AFTER_NOTICE, DURING_NOTICE, ROUND_ID, at, created, noticeEnded, noticeStarted, passed, person, stateAfter } from './award-round.fixtures';
import { awardActionsNow } from './award-round.actions-now';
import { currentHonours, honourStatus, honoursHeldFrom } from './award-round.queries';

const spec = DeciderSpec.for(awardRoundDecider);
const confer = (when = '2024-10-14T09:00:00+08:00'): Confer => ({ type: 'Confer', ...at(when) });
const champion = { skillsChampion: true, age: 28 };
const ready = [created({ pools: [{ pool: 'regular', quota: 2 }] }), ...passed('n-1', { attributes: champion }), ...passed('n-2', { attributes: { skillsChampion: true, age: 35 } })];
const ended = [...ready, noticeStarted(['n-1', 'n-2']), noticeEnded()];
const raised: AwardRoundEvent = { type: 'ObjectionRaised', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', objector: { kind: 'individual', realName: '李四', contact: '138' }, grounds: '不实' } };
const honour = (nominationId: string): HonourConferred => ({
  type: 'HonourConferred',
  data: { roundId: ROUND_ID, honourId: `${ROUND_ID}/${nominationId}`, nominationId, recipient: person(`p-${nominationId}`), awardType: 'may_day_medal', level: 'city', pool: 'regular', conferredOn: '2024-10-14' },
});
const youth: AwardRoundEvent = {
  type: 'DerivedHonourConferred',
  data: {
    roundId: ROUND_ID,
    honourId: `${ROUND_ID}/n-1/youth_post_expert`,
    sourceHonourId: `${ROUND_ID}/n-1`,
    nominationId: 'n-1',
    recipient: person('p-n-1'),
    awardType: 'youth_post_expert',
    level: 'city',
    conferredOn: '2024-10-14',
    basis: '技能竞赛优胜者，年龄 28 岁，未满 35 岁，同时授予青年岗位能手',
  },
};
const conferred = [...ended, honour('n-1'), youth, honour('n-2')];
const H1 = `${ROUND_ID}/n-1`;
const revoke = (honourId = H1, reason = '以虚假材料骗取荣誉'): RevokeHonour => ({ type: 'RevokeHonour', ...at('2025-03-01T10:00:00+08:00'), honourId, reason });
const withdraw = (mode: WithdrawHonour['mode'] = 'ordered'): WithdrawHonour => ({ type: 'WithdrawHonour', ...at('2025-03-01T10:00:00+08:00'), honourId: `${ROUND_ID}/n-2`, mode, reason: '班组已撤并' });
const suspend = (honourId = H1) => ({ type: 'SuspendHonour' as const, ...at('2025-03-01T10:00:00+08:00'), honourId, reason: '接受调查' });
const reinstate = (honourId = H1) => ({ type: 'ReinstateHonour' as const, ...at('2025-04-01T10:00:00+08:00'), honourId, reason: '调查结束' });

describe('conferral (表彰)', () => {
  it('confers one honour per recipient, and 青年岗位能手 on a skills champion under 35 (not on one aged 35)', () => {
    spec.given(ended).when(confer()).then([honour('n-1'), youth, honour('n-2')]);
  });

  describe('when the facts bar a nominee at conferral (an accident recorded after the nomination)', () => {
    const why = [{ rule: 'exclusion_window', messageZh: '单位 org-a 在限制期内：安全生产事故（2024-10-01，2027-10-01 起方可参评）。', messageEn: 'inside an exclusion window' }];
    const removed = (nominationId: string): AwardRoundEvent => ({ type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId, reason: 'ineligible_at_conferral', failedReasons: why } });
    const withSubstitute = [
      created({ pools: [{ pool: 'regular', quota: 2 }] }), ...passed('n-1'), ...passed('n-2'), ...passed('n-3', { substitute: true }), noticeStarted(['n-1', 'n-2', 'n-3']), noticeEnded(),
    ];

    it('removes the barred primary with its reasons, promotes its substitute, and confers the others', () => {
      spec
        .given(withSubstitute)
        .when({ ...confer(), barred: [{ nominationId: 'n-1', failedReasons: why }] })
        .thenMatches([removed('n-1'), { type: 'SubstitutePromoted', data: { nominationId: 'n-3', replacesNominationId: 'n-1' } }, { type: 'HonourConferred', data: { nominationId: 'n-2' } }, { type: 'HonourConferred', data: { nominationId: 'n-3' } }]);
    });

    it('confers nothing on a barred nominee, and promotes no barred substitute in its place', () => {
      // In nomination order, as the handler lists them: the primary n-1 before its substitute n-3.
      const both = spec.given(withSubstitute).when({ ...confer(), barred: [{ nominationId: 'n-1', failedReasons: why }, { nominationId: 'n-3', failedReasons: why }] });
      const events = both.thenMatches([removed('n-3'), removed('n-1'), { type: 'HonourConferred', data: { nominationId: 'n-2' } }]);
      expect(events.map((e) => e.type)).not.toContain('SubstitutePromoted');
      const state = stateAfter([...withSubstitute, ...events]);
      expect(state.nominations.find((n) => n.nominationId === 'n-1')).toMatchObject({ status: 'removed', removal: { reason: 'ineligible_at_conferral', failedReasons: why } });
    });
  });

  describe('when the removals leave a list that no longer holds (a ratio)', () => {
    const why = [{ rule: 'exclusion_window', messageZh: '在限制期内', messageEn: 'barred' }];
    const migrants = { key: 'migrant_workers', label: { zh: '农民工', en: 'migrant workers' }, where: { attribute: 'migrantWorker' }, op: '>=' as const, percent: 50, denominator: 'all' as const };
    const slate = [
      created({ pools: [{ pool: 'regular', quota: 2 }], ratios: [migrants] }), ...passed('n-1', { attributes: { migrantWorker: true } }), ...passed('n-2'),
      noticeStarted(['n-1', 'n-2']), noticeEnded(),
    ];
    const barredN1 = { ...confer(), barred: [{ nominationId: 'n-1', failedReasons: why }] };

    it('records the removal and confers nothing, where it used to refuse the whole conferral and leave the round stuck', () => {
      const events = spec.given(slate).when(barredN1).thenMatches([{ type: 'NominationRemoved', data: { nominationId: 'n-1' } }]);
      const after = stateAfter([...slate, ...events]);
      expect(after.stage).toBe('notice_ended');
      const now = awardActionsNow(after, '2024-10-14T10:00:00+08:00');
      expect(now).toContain('ReopenNominations');
      expect(now).not.toContain('Confer');
    });

    it('reopens nominations with a reason, for a completed list and a new notice', () => {
      const removedN1: AwardRoundEvent = { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-1', reason: 'ineligible_at_conferral', failedReasons: why } };
      const reopen = { type: 'ReopenNominations' as const, ...at('2024-10-15T09:00:00+08:00'), reason: '农民工比例未达要求，补充推荐' };
      spec.given([...slate, removedN1]).when({ ...reopen, reason: ' ' }).thenThrows('AWARD.REASON_REQUIRED');
      const reopened = spec.given([...slate, removedN1]).when(reopen).then([{ type: 'NominationsReopened', data: { roundId: ROUND_ID, reason: '农民工比例未达要求，补充推荐' } }]);
      const state = stateAfter([...slate, removedN1, ...reopened]);
      expect(state).toMatchObject({ stage: 'nominating', notice: null });
      // Not once honours are conferred: the stage refuses it.
      spec.given(conferred).when(reopen).thenThrows('AWARD.ILLEGAL_TRANSITION');
    });
  });

  it('records the removals and confers nothing when every nominee is barred', () => {
    const why = [{ rule: 'exclusion_window', messageZh: '在限制期内', messageEn: 'barred' }];
    spec
      .given(ended)
      .when({ ...confer(), barred: [{ nominationId: 'n-1', failedReasons: why }, { nominationId: 'n-2', failedReasons: why }] })
      .thenMatches([{ type: 'NominationRemoved', data: { nominationId: 'n-1' } }, { type: 'NominationRemoved', data: { nominationId: 'n-2' } }]);
  });

  it('does not confer a 青年岗位能手 on a person who holds a valid one from another round (原则上不重复授予, review 43 #1)', () => {
    spec
      .given(ended)
      .when({ ...confer(), youthPostExpertHeldBy: ['p-n-1'] })
      .thenMatches([{ type: 'HonourConferred', data: { nominationId: 'n-1' } }, { type: 'HonourConferred', data: { nominationId: 'n-2' } }]);
  });

  it('is refused before the notice has ended', () => {
    spec.given([...ready, noticeStarted(['n-1', 'n-2'])]).when(confer(DURING_NOTICE)).thenThrows('AWARD.NOTICE_NOT_ENDED', { kind: 'illegal_state', details: { currentState: 'notice', endsAt: '2024-10-12T16:00:00.000Z' } });
  });

  describe('when the notice has ended by the clock but the scheduler has not recorded it yet', () => {
    const inNotice = [...ready, noticeStarted(['n-1', 'n-2'])];

    it('records the end of the notice and confers in one decision', () => {
      spec
        .given(inNotice)
        .when(confer('2024-10-13T00:00:01+08:00'))
        .thenMatches([noticeEnded(), { type: 'HonourConferred', data: { nominationId: 'n-1', conferredOn: '2024-10-13' } }, { type: 'DerivedHonourConferred' }, { type: 'HonourConferred', data: { nominationId: 'n-2' } }]);
    });

    it('refuses with an objection open, recording nothing, not even the end', () => {
      spec.given([...inNotice, raised]).when(confer(AFTER_NOTICE)).thenThrows('AWARD.OBJECTIONS_OPEN');
    });

    it('leaves nothing for the scheduler to record afterwards', () => {
      spec.given([...inNotice, noticeEnded(), honour('n-1'), youth, honour('n-2')]).when({ type: 'EndPublicNotice', ...at('2024-10-13T00:00:05+08:00') }).thenNothing();
    });
  });

  it('is refused before any notice', () => {
    const refused = spec.given(ready).when(confer()).thenThrows('AWARD.ILLEGAL_TRANSITION', { details: { currentState: 'nominating' } });
    // People read the refusal: actions by their Chinese names, not command type names.
    expect(refused.messageZh).toContain('不能表彰；当前可办理：推荐、');
    expect(refused.messageZh).not.toMatch(/[A-Z][a-z]+[A-Z]/);
    expect(refused.details.allowedActionLabels).toContainEqual({ action: 'start_public_notice', label: '开始公示' });
    // One vocabulary with projects' and campaigns' actions (snake_case), in the list and in the English text.
    expect(refused.details.allowedActions).toContain('start_public_notice');
    expect(refused.messageEn).toContain('confer is not allowed');
  });

  it('is refused while an objection is open', () => {
    spec.given([...ready, noticeStarted(['n-1', 'n-2']), raised, noticeEnded()]).when(confer(AFTER_NOTICE)).thenThrows('AWARD.OBJECTIONS_OPEN', { details: { currentState: 'notice_ended', objectionIds: ['o-1'], allowedActions: ['resolve_objection'] } });
  });

  it('is refused when a withdrawal left the slate short of its ratios', () => {
    const ratio = { key: 'frontline', label: { zh: '一线代表', en: 'frontline' }, where: { attribute: 'frontline' }, op: '>=' as const, percent: 50, denominator: 'all' as const };
    spec
      .given([
        created({ ratios: [ratio] }),
        ...passed('n-1', { attributes: { frontline: true } }),
        ...passed('n-2'),
        noticeStarted(['n-1', 'n-2']),
        { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } },
        noticeEnded(),
      ])
      .when(confer())
      .thenThrows('AWARD.SLATE_RATIOS_NOT_MET', { details: { unmet: [{ key: 'frontline', actual: 0, required: 50 }] } });
  });

  it('is refused while a promoted substitute still awaits a clearance', () => {
    spec
      .given([
        ...ready,
        ...passed('s-1', { substitute: true }, ['audit']),
        noticeStarted(['n-1', 'n-2', 's-1']),
        { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } },
        { type: 'SubstitutePromoted', data: { roundId: ROUND_ID, nominationId: 's-1', replacesNominationId: 'n-1', recommenderOrgId: 'org-a', pool: 'regular' } },
        noticeEnded(),
      ])
      .when(confer())
      .thenThrows('AWARD.CLEARANCES_OUTSTANDING', { details: { outstandingClearances: [{ nominationId: 's-1', departments: ['audit'] }] } });
  });

  it('confers the promoted substitute in place of the withdrawn nominee, filling the quota exactly', () => {
    spec
      .given([
        ...ready,
        ...passed('s-1', { substitute: true }),
        noticeStarted(['n-1', 'n-2', 's-1']),
        { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } },
        { type: 'SubstitutePromoted', data: { roundId: ROUND_ID, nominationId: 's-1', replacesNominationId: 'n-1', recommenderOrgId: 'org-a', pool: 'regular' } },
        noticeEnded(),
      ])
      .when(confer())
      .thenMatches([{ type: 'HonourConferred', data: { nominationId: 'n-2' } }, { type: 'HonourConferred', data: { nominationId: 's-1', honourId: `${ROUND_ID}/s-1` } }]);
  });

  it('never exceeds a quota, even if the recorded list somehow does', () => {
    const tight = created({ pools: [{ pool: 'regular', quota: 1 }] });
    const over = spec.given([tight, ...passed('n-1'), ...passed('n-2'), noticeStarted(['n-1', 'n-2']), noticeEnded()]).when(confer()).thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'pool', key: 'regular', limit: 1, count: 2 }] } });
    expect(over.messageZh).toContain('超出名额（常规名额：已推荐 2 名，限 1 名）');
  });

  it('is refused a second time', () => {
    spec.given(conferred).when(confer()).thenThrows('AWARD.ILLEGAL_TRANSITION', { details: { currentState: 'conferred' } });
  });
});

describe('revocation, withdrawal and suspension of honours', () => {
  it('revokes an honour and the honour derived from it; its status is never valid again', () => {
    spec.given(conferred).when(revoke()).then([
      { type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: H1, reason: '以虚假材料骗取荣誉' } },
      { type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: `${H1}/youth_post_expert`, reason: '以虚假材料骗取荣誉', sourceHonourId: H1, followUp: true } },
    ]);
    const revokedThenReinstated = stateAfter([...conferred, { type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: H1, reason: 'x' } }, { type: 'HonourReinstated', data: { roundId: ROUND_ID, honourId: H1, reason: 'mistake' } }]);
    expect(honourStatus(revokedThenReinstated, H1)).toBe('revoked');
    expect(currentHonours(revokedThenReinstated).map((h) => h.honourId)).not.toContain(H1);
    expect(honoursHeldFrom(revokedThenReinstated, 'p-n-1')).toEqual([
      { honourId: H1, awardType: 'may_day_medal', level: 'city', conferredOn: '2024-10-14', status: 'revoked' },
      { honourId: `${H1}/youth_post_expert`, awardType: 'youth_post_expert', level: 'city', conferredOn: '2024-10-14', status: 'valid' },
    ]);
  });

  it('refuses to reinstate or suspend a revoked honour, naming its status and what is allowed', () => {
    const revoked = [...conferred, { type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: H1, reason: 'x' } } as AwardRoundEvent];
    const refused = spec.given(revoked).when(reinstate()).thenThrows('AWARD.HONOUR_ILLEGAL_TRANSITION', { details: { currentState: 'revoked', allowedActions: [] } });
    // Actions by their Chinese names, not command type names.
    expect(refused.messageZh).toContain('不能恢复荣誉；可办理：无');
    expect(refused.messageZh).toMatch(/^\S+的荣誉（/);
    expect(refused.messageZh).not.toMatch(/[A-Z][a-z]+[A-Z]/);
    spec.given(revoked).when(suspend()).thenThrows('AWARD.HONOUR_ILLEGAL_TRANSITION');
    // A second revoke too: nothing is offered on a revoked honour, and nothing is accepted.
    spec.given(revoked).when(revoke()).thenThrows('AWARD.HONOUR_ILLEGAL_TRANSITION', { details: { currentState: 'revoked', allowedActions: [] } });
  });

  it.each(['ordered', 'automatic', 'natural'] as const)('withdraws (摘牌) an honour, mode %s', (mode) => {
    spec.given(conferred).when(withdraw(mode)).then([{ type: 'HonourWithdrawn', data: { roundId: ROUND_ID, honourId: `${ROUND_ID}/n-2`, mode, reason: '班组已撤并' } }]);
  });

  it('refuses an unknown withdrawal mode; a withdrawn honour can still be revoked but not suspended', () => {
    spec.given(conferred).when(withdraw('forgotten' as never)).thenThrows('AWARD.INVALID_WITHDRAWAL_MODE', { details: { errors: [{ field: 'mode', messageZh: expect.stringContaining('ordered（责令摘牌）') }] } });
    const withdrawn = [...conferred, { type: 'HonourWithdrawn', data: { roundId: ROUND_ID, honourId: H1, mode: 'ordered', reason: 'x' } } as AwardRoundEvent];
    expect(honourStatus(stateAfter(withdrawn), H1)).toBe('withdrawn');
    spec.given(withdrawn).when(suspend()).thenThrows('AWARD.HONOUR_ILLEGAL_TRANSITION', { details: { currentState: 'withdrawn', allowedActions: ['revoke_honour'] } });
    spec.given(withdrawn).when(revoke()).thenMatches([{ type: 'HonourRevoked' }, { type: 'HonourRevoked' }]);
  });

  it('suspends and reinstates an honour; suspending it again, or reinstating a valid one, is refused as its allowed actions say', () => {
    spec.given(conferred).when(suspend()).then([{ type: 'HonourSuspended', data: { roundId: ROUND_ID, honourId: H1, reason: '接受调查' } }]);
    const suspended = [...conferred, { type: 'HonourSuspended', data: { roundId: ROUND_ID, honourId: H1, reason: '接受调查' } } as AwardRoundEvent];
    expect(honourStatus(stateAfter(suspended), H1)).toBe('suspended');
    expect(currentHonours(stateAfter(suspended)).map((h) => h.honourId)).toEqual([`${H1}/youth_post_expert`, `${ROUND_ID}/n-2`]);
    spec.given(suspended).when(suspend()).thenThrows('AWARD.HONOUR_ILLEGAL_TRANSITION', { details: { currentState: 'suspended' } });
    spec.given(suspended).when(reinstate()).then([{ type: 'HonourReinstated', data: { roundId: ROUND_ID, honourId: H1, reason: '调查结束' } }]);
    const valid = spec.given(conferred).when(reinstate()).thenThrows('AWARD.HONOUR_ILLEGAL_TRANSITION', { details: { currentState: 'valid', allowedActions: ['revoke_honour', 'withdraw_honour', 'suspend_honour'] } });
    expect(valid.messageZh).toContain('不能恢复荣誉');
  });

  it('needs a reason, a known honour, and a conferred round', () => {
    spec.given(conferred).when(revoke(H1, ' ')).thenThrows('AWARD.REASON_REQUIRED', { kind: 'validation' });
    spec.given(conferred).when(revoke('r-2024/n-9')).thenThrows('AWARD.HONOUR_NOT_FOUND', { kind: 'not_found' });
    spec.given(ended).when(revoke()).thenThrows('AWARD.ILLEGAL_TRANSITION', { details: { currentState: 'notice_ended' } });
    expect(honourStatus(stateAfter(conferred), 'r-2024/n-9')).toBe('unknown');
  });
});

describe('a 青年岗位能手 conferred again, in place of one revoked with its source in another round (review 44 #4)', () => {
  // This round conferred n-1's honour without the derived one: the person held one from round r-2023.
  const withoutYouth = [...ended, honour('n-1'), honour('n-2')];
  const replaces = { roundId: 'r-2023', honourId: 'r-2023/n-7/youth_post_expert' };
  const again = (sourceHonourId = H1) => ({ type: 'ConferDerivedHonour' as const, ...at('2025-03-01T10:00:00+08:00'), sourceHonourId, replaces });

  it('confers it from this round’s honour of a young champion, dated the day it is conferred, saying what it replaces', () => {
    spec.given(withoutYouth).when(again()).thenMatches([
      {
        type: 'DerivedHonourConferred',
        data: { honourId: `${H1}/youth_post_expert`, sourceHonourId: H1, awardType: 'youth_post_expert', conferredOn: '2025-03-01', replaces, basis: expect.stringContaining('原青年岗位能手（r-2023/n-7/youth_post_expert）已随其来源荣誉撤销') },
      },
    ]);
    // It is this round's honour from then on: revoking its source revokes it too.
    const after = [...withoutYouth, ...spec.given(withoutYouth).when(again()).thenMatches([{ type: 'DerivedHonourConferred' }])];
    spec.given(after).when(revoke()).thenMatches([{ type: 'HonourRevoked', data: { honourId: H1 } }, { type: 'HonourRevoked', data: { honourId: `${H1}/youth_post_expert`, sourceHonourId: H1 } }]);
  });

  it('does nothing when the honour already has one (a repeat, or one conferred with it)', () => {
    spec.given(conferred).when(again()).thenNothing();
  });

  it('is refused from an honour that does not rest on a young champion, or no longer stands', () => {
    spec.given(withoutYouth).when(again(`${ROUND_ID}/n-2`)).thenThrows('AWARD.NO_DERIVED_HONOUR_BASIS', { kind: 'unprocessable' });
    spec.given([...withoutYouth, { type: 'HonourSuspended', data: { roundId: ROUND_ID, honourId: H1, reason: '调查' } }]).when(again()).thenThrows('AWARD.NO_DERIVED_HONOUR_BASIS');
  });

  it('is the system’s alone: never offered to a caller', () => {
    expect(awardActionsNow(stateAfter(withoutYouth), '2025-03-01T10:00:00+08:00')).not.toContain('ConferDerivedHonour');
  });
});

describe('closing the follow-up of a derived honour revoked with its source (review 47 #5)', () => {
  const revokedBoth = [...conferred, { type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: H1, reason: '造假' } }, { type: 'HonourRevoked', data: { roundId: ROUND_ID, honourId: `${H1}/youth_post_expert`, reason: '造假', sourceHonourId: H1, followUp: true } }] as AwardRoundEvent[];
  const close = { type: 'CloseDerivedHonourFollowUp' as const, ...at('2025-03-01T10:00:00+08:00'), honourId: `${H1}/youth_post_expert`, outcome: 'none_qualifies' as const, heldHonourId: null, checked: [{ honourId: 'r-2023/n-7', status: 'suspended' }] };

  it('records that it is not conferred again, with what was looked at, once', () => {
    const events = spec.given(revokedBoth).when(close).then([
      { type: 'DerivedHonourFollowUpClosed', data: { roundId: ROUND_ID, honourId: `${H1}/youth_post_expert`, outcome: 'none_qualifies', heldHonourId: null, checked: [{ honourId: 'r-2023/n-7', status: 'suspended' }] } },
    ]);
    spec.given([...revokedBoth, ...events]).when(close).thenNothing();
  });

  it('is refused for an honour that was not revoked with its source', () => {
    spec.given(conferred).when(close).thenThrows('AWARD.NO_DERIVED_FOLLOW_UP', { kind: 'unprocessable' });
    spec.given(revokedBoth).when({ ...close, honourId: H1 }).thenThrows('AWARD.NO_DERIVED_FOLLOW_UP');
  });
});
