import { DeciderSpec } from '@jingsai/testing';
import { AwardRoundEvent } from './award-round.events';
import { awardRoundDecider } from './award-round.decider';
import { ROUND_ID, at, created, nominate, noticeStarted, passed, stateAfter, submitted } from './award-round.fixtures';
import { breachesEn, breachesZh, substitutesPassedOver } from './award-round.slate';
import { GrantClearance, RecordWorkersCongressApproval, RefuseClearance, ReviewNomination, WithdrawNomination } from './award-round.commands';

const spec = DeciderSpec.for(awardRoundDecider);
const leveled = created({ levels: ['unit', 'county', 'city'] });
const congress = (nominationId: string, workersCongressOn = '2024-09-24'): RecordWorkersCongressApproval => ({
  type: 'RecordWorkersCongressApproval',
  ...at('2024-09-26T10:00:00+08:00'),
  nominationId,
  workersCongressOn,
});
const review = (nominationId: string, level: string, decision: 'approved' | 'rejected' = 'approved', note?: string): ReviewNomination => ({
  type: 'ReviewNomination',
  ...at('2024-09-27T10:00:00+08:00'),
  nominationId,
  level,
  decision,
  ...(note !== undefined ? { note } : {}),
});
const grant = (nominationId: string, department: GrantClearance['department']): GrantClearance => ({ type: 'GrantClearance', ...at('2024-09-27T10:00:00+08:00'), nominationId, department });
const refuse = (nominationId: string, department: RefuseClearance['department'], note = '该企业2024年有欠税记录'): RefuseClearance => ({
  type: 'RefuseClearance',
  ...at('2024-09-27T10:00:00+08:00'),
  nominationId,
  department,
  note,
});
const recommended = (nominationId: string, workersCongressOn = '2024-09-24'): AwardRoundEvent => ({ type: 'NominationRecommended', data: { roundId: ROUND_ID, nominationId, level: 'unit', workersCongressOn } });
const promoted = (nominationId: string, replacesNominationId: string, recommenderOrgId = 'org-a'): AwardRoundEvent => ({
  type: 'SubstitutePromoted',
  data: { roundId: ROUND_ID, nominationId, replacesNominationId, recommenderOrgId, pool: 'regular' },
});

describe('level-by-level recommendation (逐级推荐)', () => {
  it('takes a nominee through its own levels only: one with no county over it goes from the unit to the city', () => {
    const cityUnit = { ...nominate('n-1'), levels: ['unit', 'city'] };
    spec.given([leveled]).when(cityUnit).thenMatches([{ type: 'NominationSubmitted', data: { levels: ['unit', 'city'] } }]);
    const submittedCity = { ...submitted('n-1'), data: { ...submitted('n-1').data, levels: ['unit', 'city'] } } as AwardRoundEvent;
    spec.given([leveled, submittedCity, recommended('n-1')]).when(review('n-1', 'county')).thenThrows('AWARD.LEVEL_NOT_APPLICABLE', { details: { levels: ['unit', 'city'] } });
    spec.given([leveled, submittedCity, recommended('n-1')]).when(review('n-1', 'city')).then([{ type: 'NominationReviewed', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'city', decision: 'approved' } }]);
    // Every level applying: nothing is recorded beyond the round's own.
    spec.given([leveled]).when({ ...cityUnit, levels: ['unit', 'county', 'city'] }).thenMatches([{ type: 'NominationSubmitted' }]);
    spec.given([leveled]).when({ ...cityUnit, levels: ['unit', 'county', 'city'] }).thenState((s) => expect(s.nominations[0]!.levels).toBeUndefined());
  });
  it('refuses a workers’ congress held before the selection’s year: it cannot have decided this recommendation', () => {
    const old = { ...congress('n-1', '2019-03-01'), selectionYear: 2024 };
    const refused = spec.given([leveled, submitted('n-1')]).when(old).thenThrows('AWARD.INVALID_CONGRESS_DATE', { details: { selectionYear: 2024, errors: [{ field: 'workersCongressOn' }] } });
    expect(refused.messageZh).toContain('早于本次评选年度（2024 年）');
    spec.given([leveled, submitted('n-1')]).when({ ...congress('n-1', '2024-01-02'), selectionYear: 2024 }).then([recommended('n-1', '2024-01-02')]);
  });

  it('records the unit recommendation after the workers’ congress', () => {
    spec.given([leveled, submitted('n-1')]).when(congress('n-1')).then([recommended('n-1')]);
  });

  it('refuses a workers’ congress date in the future', () => {
    spec.given([leveled, submitted('n-1')]).when(congress('n-1', '2024-09-27')).thenThrows('AWARD.INVALID_CONGRESS_DATE', { kind: 'validation' });
  });

  it('refuses a workers’ congress approval in a round recorded without review levels (before they were required)', () => {
    const old = created();
    spec.given([{ ...old, data: { ...old.data, levels: [] } }, submitted('n-1')]).when(congress('n-1')).thenThrows('AWARD.NO_REVIEW_LEVELS');
  });

  it('refuses to pass the recommending level by review, without the workers’ congress', () => {
    const congress = spec.given([leveled, submitted('n-1')]).when(review('n-1', 'unit')).thenThrows('AWARD.WORKERS_CONGRESS_REQUIRED', { kind: 'unprocessable', details: { allowedActions: ['record_workers_congress_approval'] } });
    // In the words of the action to take and the level, not their codes.
    expect(congress.messageZh).toContain('请办理“记录职代会审议”');
    expect(congress.messageZh).toContain('“推荐单位”一级');
    expect(congress.messageZh).not.toMatch(/[a-z]/);
  });

  it('lets the recommending unit decline by review, with a reason', () => {
    spec.given([leveled, submitted('n-1')]).when(review('n-1', 'unit', 'rejected', '职代会未通过')).thenMatches([{ type: 'NominationReviewed', data: { level: 'unit', decision: 'rejected' } }, { type: 'NominationRemoved' }]);
  });

  it('reviews the next levels in order', () => {
    spec.given([leveled, submitted('n-1'), recommended('n-1')]).when(review('n-1', 'county')).then([
      { type: 'NominationReviewed', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'county', decision: 'approved' } },
    ]);
  });

  it('refuses to skip a level, naming the level awaited', () => {
    spec
      .given([leveled, submitted('n-1'), recommended('n-1')])
      .when(review('n-1', 'city'))
      .thenThrows('AWARD.REVIEW_OUT_OF_ORDER', { kind: 'illegal_state', details: { currentState: 'awaiting_county', allowedActions: ['review_nomination'] } });
    spec.given([leveled, submitted('n-1')]).when(review('n-1', 'county')).thenThrows('AWARD.REVIEW_OUT_OF_ORDER', { details: { allowedActions: ['record_workers_congress_approval'] } });
  });

  it('refuses a level reviewed already and a level the round does not have', () => {
    const again = spec.given([leveled, submitted('n-1'), recommended('n-1')]).when(congress('n-1')).thenThrows('AWARD.LEVEL_ALREADY_REVIEWED', { kind: 'conflict' });
    expect(again.messageZh).toBe('职工p-n-1（推荐 n-1）已通过“推荐单位”审核。');
    const unknown = spec.given([leveled, submitted('n-1')]).when(review('n-1', 'province')).thenThrows('AWARD.UNKNOWN_LEVEL');
    expect(unknown.messageZh).toMatch(/^本轮没有“省级”审核层级（本轮层级：推荐单位→[^a-z]+）。$/);
  });

  it('refuses a decision other than approved or rejected', () => {
    spec.given([leveled, submitted('n-1')]).when({ ...review('n-1', 'unit'), decision: 'maybe' as never }).thenThrows('AWARD.INVALID_DECISION');
  });

  it('needs a note to reject', () => {
    spec.given([leveled, submitted('n-1'), recommended('n-1')]).when(review('n-1', 'county', 'rejected', ' ')).thenThrows('AWARD.NOTE_REQUIRED');
  });

  it('removes a rejected nominee and promotes the recommender’s next substitute', () => {
    spec
      .given([leveled, submitted('n-1'), recommended('n-1'), submitted('s-1', { substitute: true, order: 1 })])
      .when(review('n-1', 'county', 'rejected', '事迹材料不实'))
      .then([
        { type: 'NominationReviewed', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'county', decision: 'rejected', note: '事迹材料不实' } },
        { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-1', reason: 'review_rejected', level: 'county' } },
        promoted('s-1', 'n-1'),
      ]);
  });

  it('refuses to act on a removed nomination', () => {
    const removed: AwardRoundEvent = { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-1', reason: 'review_rejected', level: 'county' } };
    spec.given([leveled, submitted('n-1'), removed]).when(congress('n-1')).thenThrows('AWARD.NOMINATION_NOT_ACTIVE', { details: { currentState: 'removed' } });
    spec.given([leveled]).when(congress('n-404')).thenThrows('AWARD.NOMINATION_NOT_FOUND', { kind: 'not_found' });
  });
});

describe('department clearances (征求意见)', () => {
  const clearing = [created(), submitted('n-1', {}, ['labour_inspection', 'audit'])];

  it('records a sign-off, and a repeat does nothing', () => {
    spec.given(clearing).when(grant('n-1', 'audit')).then([{ type: 'ClearanceGranted', data: { roundId: ROUND_ID, nominationId: 'n-1', department: 'audit' } }]);
    spec.given([...clearing, { type: 'ClearanceGranted', data: { roundId: ROUND_ID, nominationId: 'n-1', department: 'audit' } }]).when(grant('n-1', 'audit')).thenNothing();
  });

  it('refuses a sign-off from a department that was not asked', () => {
    const notRequired = spec.given(clearing).when(grant('n-1', 'tax')).thenThrows('AWARD.CLEARANCE_NOT_REQUIRED');
    expect(notRequired.messageZh).toMatch(/无需征求税务意见（需征求：[^a-z]+）。$/);
  });

  it('removes the nominee on a refusal and promotes the next substitute of that recommender, lowest order first', () => {
    spec
      .given([...clearing, submitted('s-2', { substitute: true, order: 2 }), submitted('s-b', { substitute: true, order: 1, recommenderOrgId: 'org-b' }), submitted('s-1', { substitute: true, order: 1 })])
      .when(refuse('n-1', 'labour_inspection'))
      .then([
        { type: 'ClearanceRefused', data: { roundId: ROUND_ID, nominationId: 'n-1', department: 'labour_inspection', note: '该企业2024年有欠税记录' } },
        { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-1', reason: 'clearance_refused', department: 'labour_inspection' } },
        promoted('s-1', 'n-1'),
      ]);
  });

  it('skips a substitute whose promotion would break a sub-quota', () => {
    const heads = created({ subQuotas: [{ key: 'heads', label: { zh: '企业负责人', en: 'heads' }, where: { attribute: 'occupationCategory', equals: 'enterprise_head' }, max: 1 }] });
    spec
      .given([heads, submitted('n-1', {}, ['audit']), submitted('n-2', { attributes: { occupationCategory: 'enterprise_head' } }), submitted('s-1', { substitute: true, order: 1, attributes: { occupationCategory: 'enterprise_head' } }), submitted('s-2', { substitute: true, order: 2 })])
      .when(refuse('n-1', 'audit'))
      .thenMatches([{ type: 'ClearanceRefused' }, { type: 'NominationRemoved' }, { type: 'SubstitutePromoted', data: { nominationId: 's-2', replacesNominationId: 'n-1' } }]);
  });

  it('says which substitutes were passed over and what quota each would break (review 43 #8)', () => {
    const heads = created({ subQuotas: [{ key: 'heads', label: { zh: '企业负责人', en: 'heads' }, where: { attribute: 'occupationCategory', equals: 'enterprise_head' }, max: 1 }] });
    const state = stateAfter([heads, submitted('n-1'), submitted('n-2', { attributes: { occupationCategory: 'enterprise_head' } }), submitted('s-1', { substitute: true, order: 1, attributes: { occupationCategory: 'enterprise_head' } })]);
    const passedOver = substitutesPassedOver(state, state.round!, state.nominations.find((n) => n.nominationId === 'n-1')!);
    expect(passedOver.map((p) => [p.nomination.nominationId, breachesZh(p.breaches, state.round!)])).toEqual([['s-1', '分项名额“企业负责人”：已推荐 2 名，限 1 名']]);
    // In English by name too, not by the quota's internal key (review 45 #6).
    expect(breachesEn(passedOver[0]!.breaches, state.round!)).toBe('the "heads" sub-quota: 2 nominated, 1 allowed');
    expect(breachesEn([{ quota: 'recommender', key: 'qa-county2', count: 2, limit: 1 }], state.round!, { 'qa-county2': 'QA二县劳动竞赛委员会' })).toBe('the quota of QA二县劳动竞赛委员会: 2 nominated, 1 allowed');
    // One that fits is promoted, and nothing is passed over.
    const fits = stateAfter([heads, submitted('n-1'), submitted('s-1', { substitute: true, order: 1 })]);
    expect(substitutesPassedOver(fits, fits.round!, fits.nominations[0]!)).toEqual([]);
  });

  it('removes a refused substitute without promoting anyone, and promotes nobody when no substitute is left', () => {
    spec.given([created(), submitted('s-1', { substitute: true }, ['audit']), submitted('s-2', { substitute: true, order: 2 })]).when(refuse('s-1', 'audit')).thenMatches([{ type: 'ClearanceRefused' }, { type: 'NominationRemoved' }]);
    spec.given(clearing).when(refuse('n-1', 'audit')).thenMatches([{ type: 'ClearanceRefused' }, { type: 'NominationRemoved' }]);
  });

  it('needs a note to refuse, and refuses to reverse a sign-off', () => {
    spec.given(clearing).when(refuse('n-1', 'audit', '')).thenThrows('AWARD.NOTE_REQUIRED');
    spec.given([...clearing, { type: 'ClearanceGranted', data: { roundId: ROUND_ID, nominationId: 'n-1', department: 'audit' } }]).when(refuse('n-1', 'audit')).thenThrows('AWARD.CLEARANCE_ALREADY_GRANTED', { kind: 'conflict' });
  });

  it('still takes clearances during the notice (for a promoted substitute)', () => {
    spec.given([...clearing, noticeStarted(['n-1'])]).when(grant('n-1', 'audit')).thenMatches([{ type: 'ClearanceGranted' }]);
  });
});

describe('withdrawing a nomination before the notice (撤回推荐)', () => {
  const withdraw = (nominationId: string, reason = '一线职工比例未达要求，改由递补人选参评'): WithdrawNomination => ({ type: 'WithdrawNomination', ...at('2024-09-28T10:00:00+08:00'), nominationId, reason });
  const frontline = { key: 'frontline', label: { zh: '一线职工', en: 'frontline workers' }, where: { attribute: 'frontline' }, op: '>=' as const, percent: 60, denominator: 'all' as const };

  it('takes a nominee who passed every level off a list that fails a ratio, and the recommender’s substitute takes the place', () => {
    const round = created({ ratios: [frontline] });
    const list = [round, ...passed('n-zhang', { attributes: { frontline: true } }), ...passed('n-li'), submitted('s-sun', { substitute: true, order: 1, attributes: { frontline: true } })];
    // The list cannot go to notice as it stands (1 of 2 frontline), and nothing else moves it.
    spec.given(list).when({ type: 'StartPublicNotice', ...at('2024-09-30T10:00:00+08:00'), period: { kind: 'working_days', days: 5 }, startsOn: '2024-10-08' }).thenThrows('AWARD.SLATE_RATIOS_NOT_MET');
    spec.given(list).when(withdraw('n-li')).then([
      { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-li', reason: 'withdrawn', note: '一线职工比例未达要求，改由递补人选参评', by: 'award_office' } },
      promoted('s-sun', 'n-li'),
    ]);
    // Who withdrew is kept: the recommending organisation itself, here.
    const byRecommender = { ...withdraw('n-li'), actor: { userId: 'u-a', role: 'unit' as const, orgId: 'org-a' } };
    spec.given(list).when(byRecommender).thenMatches([{ type: 'NominationRemoved', data: { by: 'recommender' } }, { type: 'SubstitutePromoted' }]);
  });

  it('needs a reason, an active nomination, and a list not yet on notice', () => {
    const list = [created(), ...passed('n-1'), ...passed('n-2')];
    spec.given(list).when(withdraw('n-1', '  ')).thenThrows('AWARD.REASON_REQUIRED', { details: { errors: [{ field: 'reason' }] } });
    spec.given([...list, { type: 'NominationRemoved', data: { roundId: ROUND_ID, nominationId: 'n-1', reason: 'withdrawn', note: 'x' } }]).when(withdraw('n-1')).thenThrows('AWARD.NOMINATION_NOT_ACTIVE');
    spec.given([...list, noticeStarted(['n-1', 'n-2'])]).when(withdraw('n-1')).thenThrows('AWARD.ILLEGAL_TRANSITION', { details: { currentState: 'notice' } });
  });
});

describe('a level’s own public notice (逐级公示, review 45 #3)', () => {
  // 2024-09-02 (Monday) for five working days ends on Friday 09-06; the unit's congress was on 08-30.
  const fiveDays = { period: { kind: 'working_days' as const, days: 5 }, startsOn: '2024-09-02' };
  const withNotice = (c: RecordWorkersCongressApproval | ReviewNomination, notice: RecordWorkersCongressApproval['notice']) => ({ ...c, notice });

  it('records the unit’s notice with its recommendation, and the county’s with its approval, on the nomination', () => {
    const unitNotice = { startsOn: '2024-09-02', lastDay: '2024-09-06', workingDays: 5, calendarDays: 5 };
    spec.given([leveled, submitted('n-1')]).when(withNotice(congress('n-1', '2024-08-30'), fiveDays)).then([
      { type: 'NominationRecommended', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'unit', workersCongressOn: '2024-08-30', notice: unitNotice } },
    ]);
    // By dates over the Mid-Autumn holiday (09-15 to 09-17; Saturday 09-14 is worked): 11 days holding 8 working days.
    const county = { period: { kind: 'calendar_days' as const, from: '2024-09-09', to: '2024-09-19' }, startsOn: '2024-09-09' };
    const events = [leveled, submitted('n-1'), { type: 'NominationRecommended', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'unit', workersCongressOn: '2024-08-30', notice: unitNotice } } as AwardRoundEvent];
    spec.given(events).when(withNotice(review('n-1', 'county'), county)).thenMatches([
      { type: 'NominationReviewed', data: { level: 'county', decision: 'approved', notice: { startsOn: '2024-09-09', lastDay: '2024-09-19', calendarDays: 11, workingDays: 8 } } },
    ]);
    const after = stateAfter([...events, { type: 'NominationReviewed', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'county', decision: 'approved', notice: { startsOn: '2024-09-09', lastDay: '2024-09-19', calendarDays: 11, workingDays: 8 } } }]);
    expect(after.nominations[0]!.levelNotices!.map((x) => [x.level, x.lastDay])).toEqual([['unit', '2024-09-06'], ['county', '2024-09-19']]);
  });

  it('holds it to the round’s minimum, names the field under notice, and takes no decision before it has ended', () => {
    const short = spec.given([leveled, submitted('n-1')]).when(withNotice(congress('n-1', '2024-08-30'), { period: { kind: 'working_days', days: 3 }, startsOn: '2024-09-02' })).thenThrows('AWARD.NOTICE_TOO_SHORT');
    expect(short.details.errors).toEqual([expect.objectContaining({ field: 'notice.period.days' })]);
    const bad = spec.given([leveled, submitted('n-1')]).when(withNotice(congress('n-1', '2024-08-30'), { period: { kind: 'working_days', days: 5 }, startsOn: '2024-02-30' })).thenThrows('NOTICE.INVALID_PERIOD');
    expect(bad.details.errors).toEqual([expect.objectContaining({ field: 'notice.startsOn' })]);
    // Still running on the 26th (it ends with the 27th): the unit recommends once it is over.
    const running = spec.given([leveled, submitted('n-1')]).when(withNotice(congress('n-1', '2024-08-30'), { period: { kind: 'working_days', days: 5 }, startsOn: '2024-09-23' })).thenThrows('AWARD.LEVEL_NOTICE_NOT_ENDED');
    expect(running.details).toMatchObject({ lastDay: '2024-09-27' });
    // One that has not begun is not over, whatever the calendar knows of its days (review 48 #13).
    spec.given([leveled, submitted('n-1')]).when(withNotice(congress('n-1', '2024-08-30'), { period: { kind: 'working_days', days: 5 }, startsOn: '2027-06-01' })).thenThrows('AWARD.LEVEL_NOTICE_NOT_ENDED', { details: { startsOn: '2027-06-01' } });
  });

  it('keeps each notice in its place among the steps: the unit’s after its congress, a level’s after the one below ended (review 48 #6)', () => {
    const early = spec.given([leveled, submitted('n-1')]).when(withNotice(congress('n-1', '2024-09-06'), fiveDays)).thenThrows('AWARD.LEVEL_NOTICE_OUT_OF_ORDER');
    expect(early.details.errors).toEqual([expect.objectContaining({ field: 'notice.startsOn' })]);
    const unitNotice = { startsOn: '2024-09-02', lastDay: '2024-09-06', workingDays: 5, calendarDays: 5 };
    const recommended: AwardRoundEvent = { type: 'NominationRecommended', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'unit', workersCongressOn: '2024-08-30', notice: unitNotice } };
    const overlapping = { period: { kind: 'calendar_days' as const, from: '2024-09-06', to: '2024-09-13' }, startsOn: '2024-09-06' };
    spec.given([leveled, submitted('n-1'), recommended]).when(withNotice(review('n-1', 'county'), overlapping)).thenThrows('AWARD.LEVEL_NOTICE_OUT_OF_ORDER', { details: { previousLevel: 'unit', previousLastDay: '2024-09-06' } });
    // Without a unit notice, a level's notice follows the unit's congress.
    const plain: AwardRoundEvent = { type: 'NominationRecommended', data: { roundId: ROUND_ID, nominationId: 'n-1', level: 'unit', workersCongressOn: '2024-09-20' } };
    spec.given([leveled, submitted('n-1'), plain]).when(withNotice(review('n-1', 'county'), fiveDays)).thenThrows('AWARD.LEVEL_NOTICE_OUT_OF_ORDER');
  });
});
