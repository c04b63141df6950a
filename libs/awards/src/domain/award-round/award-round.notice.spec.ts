import { DeciderSpec } from '@jingsai/testing';
import { RaiseObjection, ResolveObjection, StartPublicNotice } from './award-round.commands';
import { awardActionNamesNow } from './award-round.actions-now';
import { awardRoundDecider } from './award-round.decider';
import { AwardRoundEvent } from './award-round.events';
import { AFTER_NOTICE, DURING_NOTICE, ROUND_ID, at, created, noticeEnded, noticeStarted, passed, stateAfter, submitted } from './award-round.fixtures';
import { substitutesPassedOver } from './award-round.slate';

const spec = DeciderSpec.for(awardRoundDecider);
const start = (over: Partial<StartPublicNotice> = {}): StartPublicNotice => ({
  type: 'StartPublicNotice',
  ...at('2024-09-30T10:00:00+08:00'),
  period: { kind: 'working_days', days: 5 },
  startsOn: '2024-10-08',
  ...over,
});
const object = (over: Partial<RaiseObjection> = {}): RaiseObjection => ({
  type: 'RaiseObjection',
  ...at(DURING_NOTICE),
  objectionId: 'o-1',
  nominationId: 'n-1',
  objector: { kind: 'individual', realName: '李四', contact: '13800000000' },
  grounds: '事迹材料与实际不符',
  ...over,
});
const resolve = (outcome: 'upheld' | 'dismissed', over: Partial<ResolveObjection> = {}): ResolveObjection => ({ type: 'ResolveObjection', ...at(DURING_NOTICE), objectionId: 'o-1', outcome, note: '经核查属实', ...over });
const raised: AwardRoundEvent = { type: 'ObjectionRaised', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', objector: { kind: 'individual', realName: '李四', contact: '13800000000' }, grounds: '事迹材料与实际不符' } };
const ready = [created(), ...passed('n-1'), ...passed('n-2')];
const inNotice = [...ready, noticeStarted(['n-1', 'n-2'])];

describe('starting the public notice (公示)', () => {
  it('publishes five working days that run across the adjusted working Saturday 2024-10-12, ending at its midnight in Beijing', () => {
    spec.given(ready).when(start()).then([noticeStarted(['n-1', 'n-2'])]);
  });

  it('counts five working days across the 2024 National Day holiday', () => {
    spec.given(ready).when(start({ at: '2024-09-26T10:00:00+08:00', startsOn: '2024-09-27' })).thenMatches([
      { type: 'PublicNoticeStarted', data: { startsOn: '2024-09-27', lastDay: '2024-10-09', endsAt: '2024-10-09T16:00:00.000Z', workingDays: 5, calendarDays: 13 } },
    ]);
  });

  // Lijiang gives its notice by dates (2022-10-14 to 2022-10-19): a round that takes notices so says how many calendar days.
  const byDates = [created({ minimumNoticeCalendarDays: 5 }), ...passed('n-1'), ...passed('n-2')];

  it('accepts the Lijiang calendar-day notice (2022-10-14 to 2022-10-19: 6 days, 4 of them working days) in a round held to 5 calendar days', () => {
    spec
      .given(byDates)
      .when(start({ at: '2022-10-13T09:00:00+08:00', startsOn: '2022-10-14', period: { kind: 'calendar_days', from: '2022-10-14', to: '2022-10-19' } }))
      .thenMatches([{ type: 'PublicNoticeStarted', data: { lastDay: '2022-10-19', calendarDays: 6, workingDays: 4 } }]);
  });

  describe('by dates reaching into 2027, a year the built-in holiday calendar does not cover', () => {
    const dates = (at: string, from: string, to: string) => start({ at, startsOn: from, period: { kind: 'calendar_days', from, to } });

    it('is accepted, with no working-day count, when the days of 2026 already hold the minimum', () => {
      spec
        .given(ready)
        .when(dates('2026-12-18T09:00:00+08:00', '2026-12-21', '2027-01-04'))
        .thenMatches([{ type: 'PublicNoticeStarted', data: { lastDay: '2027-01-04', calendarDays: 15, workingDays: null } }]);
    });

    it('is refused when it cannot be shown to hold the minimum: 2026-12-27 to 2027-01-02 has 4 working days in 2026 and 2027-01-01 is New Year', () => {
      const refused = spec.given(ready).when(dates('2026-12-20T09:00:00+08:00', '2026-12-27', '2027-01-02')).thenThrows('CALENDAR.YEAR_NOT_COVERED', {
        details: { years: [2027], knownWorkingDays: 4, minimumWorkingDays: 5 },
      });
      expect(refused.messageZh).toContain('minimumNoticeCalendarDays');
      expect(refused.messageZh).toContain('跨入 2027 年');
      const within = spec.given(ready).when(dates('2027-02-26T09:00:00+08:00', '2027-03-01', '2027-03-07')).thenThrows('CALENDAR.YEAR_NOT_COVERED', { details: { knownWorkingDays: 0 } });
      expect(within.messageZh).toContain('在 2027 年内');
      spec.given(ready).when(start({ at: '2027-02-26T09:00:00+08:00', startsOn: '2027-03-01' })).thenThrows('CALENDAR.YEAR_NOT_COVERED');
    });

    it('is held to the round’s minimum in calendar days where the round sets one', () => {
      spec
        .given([created({ minimumNoticeCalendarDays: 7 }), ...passed('n-1'), ...passed('n-2')])
        .when(dates('2027-02-26T09:00:00+08:00', '2027-03-01', '2027-03-07'))
        .thenMatches([{ type: 'PublicNoticeStarted', data: { lastDay: '2027-03-07', calendarDays: 7, workingDays: null, endsAt: '2027-03-07T16:00:00.000Z' } }]);
    });
  });

  it('holds a notice by dates to the working-day minimum when the round sets no calendar minimum: 6 days over National Day with 1 working day are not 5 working days', () => {
    const dates = (from: string, to: string) => start({ at: '2022-09-26T09:00:00+08:00', startsOn: from, period: { kind: 'calendar_days', from, to } });
    spec.given(ready).when(dates('2022-10-03', '2022-10-08')).thenThrows('AWARD.NOTICE_TOO_SHORT', { details: { workingDays: 1, minimumWorkingDays: 5, errors: [{ field: 'period.to' }] } });
    spec.given(ready).when(dates('2022-10-14', '2022-10-19')).thenThrows('AWARD.NOTICE_TOO_SHORT', { details: { workingDays: 4, minimumWorkingDays: 5 } });
    spec.given(ready).when(dates('2022-10-14', '2022-10-20')).thenMatches([{ type: 'PublicNoticeStarted', data: { calendarDays: 7, workingDays: 5 } }]);
  });

  it('refuses a calendar-day notice shorter than the minimum, counted in days', () => {
    spec
      .given(byDates)
      .when(start({ at: '2022-10-13T09:00:00+08:00', startsOn: '2022-10-14', period: { kind: 'calendar_days', from: '2022-10-14', to: '2022-10-17' } }))
      .thenThrows('AWARD.NOTICE_TOO_SHORT', { kind: 'unprocessable', details: { calendarDays: 4, minimumDays: 5, lastDay: '2022-10-17' } });
  });

  it('refuses a working-day notice shorter than the minimum', () => {
    spec.given(ready).when(start({ period: { kind: 'working_days', days: 3 } })).thenThrows('AWARD.NOTICE_TOO_SHORT', { details: { workingDays: 3, minimumWorkingDays: 5, errors: [{ field: 'period.days' }] } });
  });

  it('ends the Lijiang notice at 2022-10-19 24:00 +08:00', () => {
    spec
      .given([created({ minimumNoticeCalendarDays: 5 }), ...passed('n-1')])
      .when(start({ at: '2022-10-13T09:00:00+08:00', startsOn: '2022-10-14', period: { kind: 'calendar_days', from: '2022-10-14', to: '2022-10-19' } }))
      .thenMatches([{ type: 'PublicNoticeStarted', data: { startsOn: '2022-10-14', lastDay: '2022-10-19', startsAt: '2022-10-13T16:00:00.000Z', endsAt: '2022-10-19T16:00:00.000Z', calendarDays: 6 } }]);
  });

  it('counts the day it is published, and is public from the instant it is published, not the midnight before', () => {
    spec
      .given([created({ minimumNoticeCalendarDays: 5 }), ...passed('n-1')])
      .when(start({ at: '2022-10-14T15:04:00+08:00', startsOn: '2022-10-14', period: { kind: 'calendar_days', from: '2022-10-14', to: '2022-10-19' } }))
      .thenMatches([{ type: 'PublicNoticeStarted', data: { startsOn: '2022-10-14', lastDay: '2022-10-19', startsAt: '2022-10-14T07:04:00.000Z', endsAt: '2022-10-19T16:00:00.000Z', calendarDays: 6 } }]);
  });

  it('takes an objection on the first day from a clock a little behind the one that published the notice', () => {
    // Published at 15:04 on its first day; an office whose clock is 10 ms behind objects right after.
    const publishedAt3pm = [...ready, noticeStarted(['n-1', 'n-2'], { startsAt: '2024-10-08T07:04:00.000Z' })];
    spec.given(publishedAt3pm).when(object({ at: '2024-10-08T15:03:59.990+08:00' })).thenMatches([{ type: 'ObjectionRaised' }]);
    // The day before the notice's first day is still outside it.
    spec.given(publishedAt3pm).when(object({ at: '2024-10-07T23:59:59+08:00' })).thenThrows('AWARD.OUTSIDE_NOTICE_PERIOD');
  });

  it('refuses a notice by dates that holds no working day (National Day 2022-10-01 to 10-05), and keeps the day counts', () => {
    const holiday = start({ at: '2022-09-26T09:00:00+08:00', startsOn: '2022-10-01', period: { kind: 'calendar_days', from: '2022-10-01', to: '2022-10-05' } });
    spec.given([created({ minimumNoticeCalendarDays: 5 }), ...passed('n-1')]).when(holiday).thenThrows('AWARD.NOTICE_WITHOUT_WORKING_DAYS', { details: { calendarDays: 5, workingDays: 0 } });
    const lijiang = start({ at: '2022-10-13T09:00:00+08:00', startsOn: '2022-10-14', period: { kind: 'calendar_days', from: '2022-10-14', to: '2022-10-19' } });
    spec.given([created({ minimumNoticeCalendarDays: 5 }), ...passed('n-1')]).when(lijiang).thenState((s) => expect(s.notice).toMatchObject({ calendarDays: 6, workingDays: 4 }));
  });

  it('does not publish a list holding a nominee the facts bar since the nomination, naming them and why', () => {
    const barred = [{ nominationId: 'n-2', failedReasons: [{ rule: 'project_veto', messageZh: '项目 p-2 发生一票否决事故。', messageEn: 'vetoed' }] }];
    const refused = spec.given(ready).when(start({ barred })).thenThrows('AWARD.NOMINEES_NO_LONGER_ELIGIBLE', { kind: 'unprocessable', details: { barred } });
    expect(refused.messageZh).toContain('职工p-n-2（n-2）：项目 p-2 发生一票否决事故。');
    expect(refused.messageZh).toContain('请先撤回推荐');
    // Two nominees, each reason ending its own sentence once.
    const two = [...barred, { nominationId: 'n-1', failedReasons: [{ rule: 'exclusion_window', messageZh: '单位 org-a 在限制期内。', messageEn: 'barred' }] }];
    expect(spec.given(ready).when(start({ barred: two })).thenThrows('AWARD.NOMINEES_NO_LONGER_ELIGIBLE').messageZh).toContain('项目 p-2 发生一票否决事故；职工p-n-1（n-1）：单位 org-a 在限制期内。请先撤回推荐');
  });

  it('refuses a notice that starts in the past or has a malformed period', () => {
    spec.given(ready).when(start({ startsOn: '2024-09-29' })).thenThrows('AWARD.NOTICE_IN_PAST');
    spec.given(ready).when(start({ period: { kind: 'working_days', days: 0 } })).thenThrows('NOTICE.INVALID_PERIOD');
    spec.given(ready).when(start({ at: '2026-12-20T10:00:00+08:00', startsOn: '2026-12-28' })).thenThrows('CALENDAR.YEAR_NOT_COVERED');
  });

  it('refuses when the slate ratios fail, reporting actual against required', () => {
    const ratio = { key: 'migrant_workers', label: { zh: '农民工', en: 'migrant workers' }, where: { attribute: 'migrantWorker' }, op: '>=' as const, percent: 50, denominator: 'all' as const };
    const e = spec
      .given([created({ ratios: [ratio] }), ...passed('n-1', { attributes: { migrantWorker: true } }), ...passed('n-2'), ...passed('n-3')])
      .when(start())
      .thenThrows('AWARD.SLATE_RATIOS_NOT_MET', { details: { unmet: [{ key: 'migrant_workers', actual: 33.3, required: 50, numerator: 1, denominator: 3, met: false }] } });
    expect(e.messageZh).toContain('农民工 实际 33.3%（1/3），要求 不低于 50%');
  });

  it('refuses while a sub-quota with a minimum is not filled (Hainan 2016: of 9 medals, 1 migrant worker)', () => {
    const migrant = { key: 'migrant', label: { zh: '农民工', en: 'migrant workers' }, where: { attribute: 'migrantWorker' }, max: 1, min: 1 };
    const e = spec.given([created({ subQuotas: [migrant] }), ...passed('n-1'), ...passed('n-2')]).when(start()).thenThrows('AWARD.SUB_QUOTA_NOT_MET', { details: { subQuotas: [{ key: 'migrant', count: 0, min: 1 }] } });
    expect(e.messageZh).toContain('“农民工”已推荐 0 名，要求至少 1 名');
    spec.given([created({ subQuotas: [migrant] }), ...passed('n-1', { attributes: { migrantWorker: true } }), ...passed('n-2')]).when(start()).thenMatches([{ type: 'PublicNoticeStarted' }]);
  });

  it('refuses while clearances are outstanding, listing them', () => {
    const refused = spec.given([created(), ...passed('n-1', {}, ['tax', 'audit'])]).when(start()).thenThrows('AWARD.CLEARANCES_OUTSTANDING', { details: { outstandingClearances: [{ nominationId: 'n-1', departments: ['tax', 'audit'] }] } });
    // The nominee by name, as the office knows them, with the nomination's id to find it.
    expect(refused.messageZh).toMatch(/^1 名人选尚待有关部门出具意见（\S+（n-1）：/);
  });

  it('refuses while a primary has not passed every review level', () => {
    spec.given([created({ levels: ['unit', 'county'] }), submitted('n-1')]).when(start()).thenThrows('AWARD.REVIEW_INCOMPLETE', { details: { missingReviews: [{ nominationId: 'n-1', missingLevels: ['unit', 'county'] }] } });
  });

  it('refuses an empty list (substitutes alone do not make a slate)', () => {
    spec.given([created(), ...passed('s-1', { substitute: true })]).when(start()).thenThrows('AWARD.SLATE_EMPTY');
  });

  it('refuses to start a second notice', () => {
    spec.given(inNotice).when(start()).thenThrows('AWARD.ILLEGAL_TRANSITION', { details: { currentState: 'notice' } });
  });
});

describe('objections during the notice', () => {
  it('records an objection from a named individual', () => {
    spec.given(inNotice).when(object()).then([raised]);
  });

  it('records an objection from an organisation under its seal', () => {
    spec.given(inNotice).when(object({ objector: { kind: 'organization', orgName: '某区总工会', sealRef: 'seal-2024-118' } })).thenMatches([{ type: 'ObjectionRaised', data: { objector: { kind: 'organization' } } }]);
  });

  it('refuses an anonymous objection, naming what is missing', () => {
    spec.given(inNotice).when(object({ objector: { kind: 'individual', realName: '李四', contact: '' } })).thenThrows('AWARD.OBJECTOR_IDENTITY_REQUIRED', { details: { errors: [{ field: 'objector.contact' }] } });
    spec.given(inNotice).when(object({ objector: { kind: 'organization', orgName: '', sealRef: '' } })).thenThrows('AWARD.OBJECTOR_IDENTITY_REQUIRED', { details: { errors: [{ field: 'objector.orgName' }, { field: 'objector.sealRef' }] } });
    spec.given(inNotice).when(object({ objector: undefined as never })).thenThrows('AWARD.OBJECTOR_IDENTITY_REQUIRED');
    // Grounds missing beside the identity are listed in the same refusal (review 37 #3).
    spec.given(inNotice).when(object({ objector: { kind: 'individual', realName: '李四', contact: '' }, grounds: ' ' })).thenThrows('AWARD.OBJECTOR_IDENTITY_REQUIRED', { details: { errors: [{ field: 'objector.contact' }, { field: 'grounds' }] } });
  });

  it('refuses an objection without grounds, with a reused id, or against a withdrawn nomination', () => {
    spec.given(inNotice).when(object({ grounds: '' })).thenThrows('AWARD.GROUNDS_REQUIRED');
    spec.given([...inNotice, raised]).when(object()).thenThrows('AWARD.OBJECTION_EXISTS');
    const withdrawn: AwardRoundEvent = { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-0' } };
    spec.given([...inNotice, withdrawn]).when(object()).thenThrows('AWARD.NOMINATION_NOT_ACTIVE');
  });

  it('refuses an objection before the notice starts or after it ends, even before the end is recorded', () => {
    spec.given(inNotice).when(object({ at: '2024-10-07T23:59:59+08:00' })).thenThrows('AWARD.OUTSIDE_NOTICE_PERIOD', { details: { startsAt: '2024-10-07T16:00:00.000Z', endsAt: '2024-10-12T16:00:00.000Z' } });
    spec.given(inNotice).when(object({ at: AFTER_NOTICE })).thenThrows('AWARD.OUTSIDE_NOTICE_PERIOD');
    spec.given(inNotice).when(object({ at: '2024-10-12T23:59:59+08:00' })).thenMatches([{ type: 'ObjectionRaised' }]);
  });

  it('refuses objections outside the notice stage; once the notice is over, with its dates, as before it began (review 43 #9)', () => {
    spec.given(ready).when(object()).thenThrows('AWARD.ILLEGAL_TRANSITION', { details: { currentState: 'nominating' } });
    const late = spec.given([...inNotice, noticeEnded()]).when(object()).thenThrows('AWARD.OUTSIDE_NOTICE_PERIOD', { details: { startsAt: '2024-10-07T16:00:00.000Z', endsAt: '2024-10-12T16:00:00.000Z' } });
    expect(late.messageZh).toContain('异议须在公示期内（2024-10-08 至 2024-10-12）提出');
  });
});

describe('resolving objections', () => {
  it('dismisses an objection with a note; the nomination stands', () => {
    spec.given([...inNotice, raised]).when(resolve('dismissed', { note: '经核查不属实' })).then([{ type: 'ObjectionDismissed', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', note: '经核查不属实' } }]);
  });

  it('upholds an objection: the nomination is withdrawn and the next substitute promoted', () => {
    spec.given([...ready, ...passed('s-1', { substitute: true }), noticeStarted(['n-1', 'n-2', 's-1']), raised]).when(resolve('upheld')).then([
      { type: 'ObjectionUpheld', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', note: '经核查属实' } },
      { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } },
      { type: 'SubstitutePromoted', data: { roundId: ROUND_ID, nominationId: 's-1', replacesNominationId: 'n-1', recommenderOrgId: 'org-a', pool: 'regular' } },
    ]);
  });

  it('with no quota per recommender, promotes the round’s next substitute, whoever named it (review 46 #2)', () => {
    // The recommender's own substitute first, then the round's others, lowest order first.
    const waiting = [...passed('s-b2', { substitute: true, recommenderOrgId: 'org-b', order: 2 }), ...passed('s-b1', { substitute: true, recommenderOrgId: 'org-b', order: 1 })];
    spec.given([...ready, ...waiting, noticeStarted(['n-1', 'n-2', 's-b2', 's-b1']), raised]).when(resolve('upheld')).thenMatches([
      { type: 'ObjectionUpheld' },
      { type: 'NominationWithdrawnAfterObjection' },
      { type: 'SubstitutePromoted', data: { nominationId: 's-b1', replacesNominationId: 'n-1' } },
    ]);
    spec.given([...ready, ...waiting, ...passed('s-a', { substitute: true, order: 5 }), noticeStarted(['n-1', 'n-2', 's-b2', 's-b1', 's-a']), raised]).when(resolve('upheld')).thenMatches([
      { type: 'ObjectionUpheld' },
      { type: 'NominationWithdrawnAfterObjection' },
      { type: 'SubstitutePromoted', data: { nominationId: 's-a' } },
    ]);
  });

  it('upholds without promotion when there is no substitute, and can be resolved after the notice ended', () => {
    spec.given([...inNotice, raised, noticeEnded()]).when(resolve('upheld')).thenMatches([{ type: 'ObjectionUpheld' }, { type: 'NominationWithdrawnAfterObjection' }]);
  });

  it('upholds a second objection against an already withdrawn nomination without withdrawing it again', () => {
    const second: AwardRoundEvent = { type: 'ObjectionRaised', data: { ...(raised.data as object), objectionId: 'o-2' } as never };
    const upheld: AwardRoundEvent[] = [
      { type: 'ObjectionUpheld', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', note: '属实' } },
      { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } },
    ];
    spec.given([...inNotice, raised, second, ...upheld]).when(resolve('upheld', { objectionId: 'o-2' })).thenMatches([{ type: 'ObjectionUpheld' }]);
  });

  it('needs a note and a known outcome and objection', () => {
    spec.given([...inNotice, raised]).when(resolve('upheld', { note: '' })).thenThrows('AWARD.NOTE_REQUIRED');
    spec.given([...inNotice, raised]).when(resolve('maybe' as never)).thenThrows('AWARD.INVALID_OUTCOME');
    spec.given(inNotice).when(resolve('dismissed')).thenThrows('AWARD.OBJECTION_NOT_FOUND', { kind: 'not_found' });
  });

  it('treats a repeat as a no-op and refuses to change the outcome', () => {
    const dismissed: AwardRoundEvent = { type: 'ObjectionDismissed', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', note: '不属实' } };
    spec.given([...inNotice, raised, dismissed]).when(resolve('dismissed')).thenNothing();
    spec.given([...inNotice, raised, dismissed]).when(resolve('upheld')).thenThrows('AWARD.OBJECTION_ALREADY_RESOLVED', { kind: 'conflict', details: { currentOutcome: 'dismissed' } });
  });
});

describe('after an upheld objection empties a list with quotas per recommender', () => {
  // n-1 is the only primary, of org-a; s-9 waits as a substitute of another recommender, within its own quota.
  const upheld: AwardRoundEvent[] = [
    raised,
    { type: 'ObjectionUpheld', data: { roundId: ROUND_ID, objectionId: 'o-1', nominationId: 'n-1', note: '属实' } },
    { type: 'NominationWithdrawnAfterObjection', data: { roundId: ROUND_ID, nominationId: 'n-1', objectionId: 'o-1' } },
  ];
  const perRecommender = created({ quotasByRecommender: [{ orgId: 'org-a', quota: 1 }, { orgId: 'org-b', quota: 1 }] });
  const emptied = [perRecommender, ...passed('n-1'), ...passed('s-9', { substitute: true, recommenderOrgId: 'org-b' }), noticeStarted(['n-1', 's-9']), ...upheld];

  it('promotes no substitute of another recommender: it holds a place within its own recommender’s quota, and is said to be passed over for that', () => {
    const before = [perRecommender, ...passed('n-1'), ...passed('s-9', { substitute: true, recommenderOrgId: 'org-b' }), noticeStarted(['n-1', 's-9']), raised];
    spec.given(before).when(resolve('upheld')).thenMatches([{ type: 'ObjectionUpheld' }, { type: 'NominationWithdrawnAfterObjection' }]);
    const state = stateAfter(before);
    const n1 = state.nominations.find((n) => n.nominationId === 'n-1')!;
    expect(substitutesPassedOver(state, state.round!, n1).map((p) => [p.nomination.nominationId, p.otherRecommender])).toEqual([['s-9', true]]);
  });

  it('refuses conferral saying who left and why, that the substitute does not step in for another recommender, and how to go on', () => {
    spec.given([...emptied, noticeEnded()]).when({ type: 'Confer', ...at(AFTER_NOTICE) }).thenThrows('AWARD.SLATE_EMPTY', {
      kind: 'unprocessable',
      details: { leftTheList: [{ nominationId: 'n-1', status: 'withdrawn', reason: 'objection_upheld' }], waitingSubstitutes: [{ nominationId: 's-9', recommenderOrgId: 'org-b' }] },
    });
    let message = '';
    try {
      awardRoundDecider.decide({ type: 'Confer', ...at(AFTER_NOTICE) } as never, stateAfter([...emptied, noticeEnded()]));
    } catch (e) {
      message = (e as Error & { messageZh?: string }).messageZh ?? String(e);
    }
    expect(message).toContain('经异议核实撤回');
    expect(message).toContain('只递补本推荐单位（org-b）的人选');
    expect(message).toContain('重新开放推荐');
    expect(message).not.toContain('请先推荐人选');
  });

  it('names as having left the list only nominations the notice published (review 36 #5)', () => {
    const rejectedEarly: AwardRoundEvent[] = [submitted('n-0'), { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-0', reason: 'review_rejected', level: 'county' } } as AwardRoundEvent];
    const events = [created(), ...rejectedEarly, ...emptied.slice(1), noticeEnded()];
    let error: any;
    try {
      awardRoundDecider.decide({ type: 'Confer', ...at(AFTER_NOTICE) } as never, stateAfter(events));
    } catch (e) {
      error = e;
    }
    expect(error.details.leftTheList.map((n: any) => n.nominationId)).toEqual(['n-1']);
    expect(error.messageZh).not.toContain('n-0');
  });

  it('reopens nominations once the last day has passed, recording the end the scheduler has not yet recorded', () => {
    spec.given(emptied).when({ type: 'ReopenNominations', ...at(AFTER_NOTICE), reason: '补充推荐人选' }).then([
      noticeEnded(),
      { type: 'NominationsReopened', data: { roundId: ROUND_ID, reason: '补充推荐人选' } },
    ]);
    spec.given(emptied).when({ type: 'ReopenNominations', ...at(DURING_NOTICE), reason: '补充推荐人选' }).thenThrows('AWARD.ILLEGAL_TRANSITION');
  });
});

describe('a notice given ahead of its first day (2024-10-08), before it begins', () => {
  const BEFORE = '2024-10-01T10:00:00+08:00';

  it('may be taken back by reopening nominations: nothing of it is public yet (review 35 #1: the round was locked until then)', () => {
    spec.given(inNotice).when({ type: 'ReopenNominations', ...at(BEFORE), reason: '公示前需调整名单' }).then([{ type: 'NominationsReopened', data: { roundId: ROUND_ID, reason: '公示前需调整名单' } }]);
    expect(awardActionNamesNow(stateAfter(inNotice), BEFORE)).toContain('reopen_nominations');
    // Once it runs, the list is public: taking it back is no longer the way (objections are).
    expect(awardActionNamesNow(stateAfter(inNotice), DURING_NOTICE)).not.toContain('reopen_nominations');
    spec.given(inNotice).when({ type: 'ReopenNominations', ...at(DURING_NOTICE), reason: '调整' }).thenThrows('AWARD.ILLEGAL_TRANSITION');
  });

  it('refuses a withdrawal as a notice not yet begun, not as one running, and says how to change the list', () => {
    let message = '';
    try {
      awardRoundDecider.decide({ type: 'WithdrawNomination', ...at(BEFORE), nominationId: 'n-1', reason: '已调离' } as never, stateAfter(inNotice));
    } catch (e) {
      message = (e as Error & { messageZh?: string }).messageZh ?? String(e);
    }
    expect(message).toContain('“公示待开始”');
    expect(message).toMatch(/当前可办理：[^。]*重新开放推荐。/);
    expect(message).not.toContain('公示中');
  });
});

describe('ending the notice (scheduler)', () => {
  const end = (when: string) => ({ type: 'EndPublicNotice' as const, ...at(when) });

  it('refuses before the end of the last day', () => {
    spec.given(inNotice).when(end('2024-10-12T23:59:59+08:00')).thenThrows('AWARD.NOTICE_NOT_ENDED', { kind: 'illegal_state', details: { currentState: 'notice', endsAt: '2024-10-12T16:00:00.000Z' } });
  });

  it('ends the notice at 24:00 Beijing time on the last day, and a repeat does nothing', () => {
    spec.given(inNotice).when(end('2024-10-12T16:00:00Z')).then([noticeEnded()]);
    spec.given([...inNotice, noticeEnded()]).when(end(AFTER_NOTICE)).thenNothing();
  });

  it('refuses to end a notice that never started', () => {
    spec.given(ready).when(end(AFTER_NOTICE)).thenThrows('AWARD.ILLEGAL_TRANSITION');
  });
});
