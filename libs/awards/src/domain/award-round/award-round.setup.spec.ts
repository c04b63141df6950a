import { DeciderSpec } from '@jingsai/testing';
import { DEFAULT_CLEARANCES, NATIONAL_MAY_DAY_MEDAL_RATIOS } from '../rules/rule-set.presets';
import { awardRoundDecider } from './award-round.decider';
import { createRound, created, nominate, person, submitted, verdictFor, ROUND_ID } from './award-round.fixtures';
import { roundFactsOf } from './award-round.queries';

const spec = DeciderSpec.for(awardRoundDecider);

describe('creating an award round', () => {
  it('records the round with its pools, quotas, levels, ratios, clearances and a 5-working-day minimum notice', () => {
    const cmd = createRound({ ratios: NATIONAL_MAY_DAY_MEDAL_RATIOS, clearances: DEFAULT_CLEARANCES, levels: ['unit', 'county', 'city'] });
    spec.given([]).when(cmd).then([
      {
        type: 'AwardRoundCreated',
        data: {
          roundId: ROUND_ID,
          campaignId: 'c-2024',
          awardType: 'may_day_medal',
          honourLevel: 'city',
          ruleSetId: 'rs-national',
          ruleSetVersion: 2,
          pools: [{ pool: 'regular', quota: 3 }],
          subQuotas: [],
          quotasByRecommender: [],
          levels: ['unit', 'county', 'city'],
          minimumNoticeWorkingDays: 5,
          ratios: NATIONAL_MAY_DAY_MEDAL_RATIOS,
          clearances: DEFAULT_CLEARANCES,
        },
      },
    ]);
  });

  it('refuses bad settings, listing each problem', () => {
    const e = spec
      .given([])
      .when(
        createRound({
          awardType: 'best_boss' as never,
          honourLevel: 'planet' as never,
          ruleSetVersion: 0,
          pools: [{ pool: 'regular', quota: 0 }, { pool: 'regular', quota: 2 }, { pool: 'vip' as never, quota: 1 }],
          subQuotas: [{ key: 'heads', label: { zh: '企业负责人', en: 'heads' }, where: { attribute: '' }, max: -1 }],
          quotasByRecommender: [{ orgId: 'org-a', quota: 1 }, { orgId: 'org-a', quota: 0 }],
          levels: ['unit', 'unit'],
          minimumNoticeWorkingDays: -1,
        }),
      )
      .thenThrows('AWARD.INVALID_ROUND', { kind: 'validation' });
    expect((e.details.errors ?? []).map((x) => x.field)).toEqual([
      'awardType',
      'honourLevel',
      'ruleSetVersion',
      'pools[0].quota',
      'pools[1].pool',
      'pools[2].pool',
      'subQuotas[0].where.attribute',
      'subQuotas[0].max',
      'quotasByRecommender[1].orgId',
      'quotasByRecommender[1].quota',
      'levels',
      'minimumNoticeWorkingDays',
    ]);
  });

  describe('when the round would skip the workers’ congress or shorten the public notice', () => {
    it('refuses a round without the recommending unit level, or with levels out of order', () => {
      for (const levels of [[], ['county', 'city'], ['unit', 'city', 'county'], ['unit', 'district']]) {
        spec.given([]).when(createRound({ levels })).thenThrows('AWARD.INVALID_ROUND', { details: { errors: [{ field: 'levels', messageZh: expect.stringContaining('推荐单位') }] } });
      }
    });

    it('refuses a minimum notice under 5 working days', () => {
      for (const minimumNoticeWorkingDays of [0, 1, 4]) {
        spec.given([]).when(createRound({ minimumNoticeWorkingDays })).thenThrows('AWARD.INVALID_ROUND', { details: { errors: [{ field: 'minimumNoticeWorkingDays' }] } });
      }
    });

    it('accepts a longer minimum', () => {
      spec.given([]).when(createRound({ minimumNoticeWorkingDays: 7, levels: ['unit', 'province'] })).thenMatches([{ type: 'AwardRoundCreated', data: { minimumNoticeWorkingDays: 7, levels: ['unit', 'province'] } }]);
    });
  });

  describe('when the round would confer what no round confers', () => {
    it('refuses an instant commendation round: those are given at milestones', () => {
      spec.given([]).when(createRound({ awardType: 'instant' })).thenThrows('AWARD.INSTANT_NOT_A_ROUND', { kind: 'unprocessable' });
    });

    it('refuses honours above the creating office’s level, accepts its own level and below', () => {
      spec.given([]).when(createRound({ honourLevel: 'national' })).thenThrows('AWARD.HONOUR_LEVEL_ABOVE_OFFICE', { kind: 'unprocessable', details: { honourLevel: 'national', officeLevel: 'city' } });
      spec.given([]).when(createRound({ honourLevel: 'provincial' })).thenThrows('AWARD.HONOUR_LEVEL_ABOVE_OFFICE');
      spec.given([]).when(createRound({ honourLevel: 'county' })).thenMatches([{ type: 'AwardRoundCreated', data: { honourLevel: 'county' } }]);
    });
  });

  it('refuses a sub-quota on an attribute no nomination carries', () => {
    spec.given([]).when(createRound({ subQuotas: [{ key: 'heads', label: { zh: '负责人', en: 'heads' }, where: { attribute: 'boss' }, max: 1 }] })).thenThrows('AWARD.INVALID_ROUND', { details: { errors: [{ field: 'subQuotas[0].where.attribute' }] } });
  });

  it('refuses a round without pools', () => {
    spec.given([]).when(createRound({ pools: [] })).thenThrows('AWARD.INVALID_ROUND', { details: { errors: [{ field: 'pools' }] } });
  });

  it('refuses to create the same round twice', () => {
    spec.given([created()]).when(createRound()).thenThrows('AWARD.ROUND_EXISTS', { kind: 'conflict' });
  });

  it('refuses any other command on a round that does not exist', () => {
    spec.given([]).when(nominate('n-1')).thenThrows('AWARD.ROUND_NOT_FOUND', { kind: 'not_found' });
  });
});

describe('nominating', () => {
  it('records a primary nomination with the verdict it was made on', () => {
    spec.given([created()]).when(nominate('n-1')).then([submitted('n-1')]);
  });

  it('requests the clearances the rule set names, adding audit and discipline inspection for a state-owned enterprise', () => {
    spec
      .given([created({ clearances: DEFAULT_CLEARANCES })])
      .when(nominate('n-1', { ownership: 'state_owned' }))
      .thenMatches([{ type: 'NominationSubmitted', data: { requiredClearances: ['labour_inspection', 'audit', 'discipline_inspection'] } }]);
  });

  it('refuses an ineligible nominee and shows the failed reasons', () => {
    const nominee = person('p-x');
    const verdict = verdictFor(nominee, {
      eligible: false,
      reasons: [{ rule: 'applied_on_time', passed: false, messageZh: '逾期报名，视为未参赛。', messageEn: 'Applied late.', facts: { submittedOnTime: false } }],
    });
    spec
      .given([created()])
      .when(nominate('n-1', { nominee, verdict }))
      .thenThrows('AWARD.NOMINEE_INELIGIBLE', { kind: 'unprocessable', details: { failedReasons: [{ rule: 'applied_on_time' }] } });
  });

  it('refuses a verdict made under another rule-set version', () => {
    const nominee = person('p-x');
    spec.given([created()]).when(nominate('n-1', { nominee, verdict: verdictFor(nominee, { ruleSetVersion: 1 }) })).thenThrows('AWARD.VERDICT_MISMATCH', { kind: 'conflict' });
  });

  it('refuses a verdict made for someone else', () => {
    spec.given([created()]).when(nominate('n-1', { verdict: verdictFor(person('p-other')) })).thenThrows('AWARD.VERDICT_MISMATCH');
  });

  it('refuses a team for the May Day medal', () => {
    const team = { kind: 'team' as const, id: 't-1', name: '焊接班', orgId: 'org-a' };
    spec.given([created()]).when(nominate('n-1', { nominee: team })).thenThrows('AWARD.NOMINEE_KIND_MISMATCH');
  });

  it('refuses attributes nothing reads or of the wrong type, naming each field, and appends nothing', () => {
    spec.given([created()]).when(nominate('n-1', { attributes: { age: 'old' } })).thenThrows('AWARD.INVALID_ATTRIBUTES', { kind: 'validation', details: { errors: [{ field: 'attributes.age' }] } });
    spec.given([created()]).when(nominate('n-1', { attributes: { foo: 1 } })).thenThrows('AWARD.INVALID_ATTRIBUTES', { details: { errors: [{ field: 'attributes.foo' }] } });
  });

  it('refuses a pool the round does not have', () => {
    spec.given([created()]).when(nominate('n-1', { pool: 'instant' })).thenThrows('AWARD.UNKNOWN_POOL', { kind: 'validation' });
  });

  it('refuses an order that is not a positive whole number', () => {
    spec.given([created()]).when(nominate('n-1', { order: 0 })).thenThrows('AWARD.INVALID_ORDER');
  });

  it('refuses to nominate the same person twice, even under a new nomination id', () => {
    spec.given([created(), submitted('n-1')]).when(nominate('n-2', { nominee: person('p-n-1') })).thenThrows('AWARD.ALREADY_NOMINATED', { details: { nominationId: 'n-1' } });
  });

  it('refuses a nomination id already used', () => {
    spec.given([created(), submitted('n-1')]).when(nominate('n-1', { nominee: person('p-2') })).thenThrows('AWARD.NOMINATION_EXISTS');
  });

  it('refuses a recommender without a quota when quotas are set per organisation', () => {
    spec.given([created({ quotasByRecommender: [{ orgId: 'org-a', quota: 1 }] })]).when(nominate('n-1', { recommenderOrgId: 'org-z' })).thenThrows('AWARD.RECOMMENDER_NOT_ALLOWED', { kind: 'forbidden' });
  });

  it('refuses nominations after the public notice started, naming the state and the allowed actions', () => {
    spec
      .given([created(), submitted('n-1'), { type: 'PublicNoticeStarted', data: { roundId: ROUND_ID, period: { kind: 'working_days', days: 5 }, startsOn: '2024-10-08', lastDay: '2024-10-12', startsAt: '2024-10-07T16:00:00.000Z', endsAt: '2024-10-12T16:00:00.000Z', workingDays: 5, calendarDays: 5, nominationIds: ['n-1'], slateRatios: [] } }])
      .when(nominate('n-2'))
      .thenThrows('AWARD.ILLEGAL_TRANSITION', { kind: 'illegal_state', details: { currentState: 'notice', allowedActions: ['RaiseObjection', 'ResolveObjection', 'EndPublicNotice', 'RecordWorkersCongressApproval', 'ReviewNomination', 'GrantClearance', 'RefuseClearance'] } });
  });

  describe('quotas are exact', () => {
    const round = created({
      pools: [{ pool: 'regular', quota: 2 }, { pool: 'competition_reserved', quota: 1 }],
      subQuotas: [{ key: 'enterprise_heads', label: { zh: '企业负责人', en: 'enterprise heads' }, where: { attribute: 'occupationCategory', equals: 'enterprise_head' }, max: 1 }],
      quotasByRecommender: [{ orgId: 'org-a', quota: 2 }, { orgId: 'org-b', quota: 2 }],
    });
    const head = { occupationCategory: 'enterprise_head' };

    it('accepts the last place of a pool and refuses one more', () => {
      spec.given([round, submitted('n-1')]).when(nominate('n-2', { recommenderOrgId: 'org-b' })).thenMatches([{ type: 'NominationSubmitted' }]);
      spec
        .given([round, submitted('n-1'), submitted('n-2', { recommenderOrgId: 'org-b' })])
        .when(nominate('n-3', { recommenderOrgId: 'org-b' }))
        .thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'pool', key: 'regular', limit: 2, count: 3 }] } });
    });

    it('keeps pools apart: the reserved pool has its own quota', () => {
      spec.given([round, submitted('n-1'), submitted('n-2', { recommenderOrgId: 'org-b' })]).when(nominate('n-3', { pool: 'competition_reserved', recommenderOrgId: 'org-b' })).thenMatches([{ type: 'NominationSubmitted' }]);
    });

    it('refuses a second enterprise head (Hainan: of 9 medals at most 1 enterprise head)', () => {
      spec
        .given([round, submitted('n-1', { attributes: head })])
        .when(nominate('n-2', { recommenderOrgId: 'org-b', attributes: head }))
        .thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'sub_quota', key: 'enterprise_heads', limit: 1, count: 2 }] } });
    });

    it('refuses a primary beyond the recommender quota and accepts it as a substitute', () => {
      const given = [round, submitted('n-1'), submitted('n-2', { pool: 'competition_reserved' })];
      spec.given(given).when(nominate('n-3')).thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'recommender', key: 'org-a', limit: 2, count: 3 }] } });
      spec.given(given).when(nominate('n-3', { substitute: true, order: 1 })).thenMatches([{ type: 'NominationSubmitted', data: { substitute: true, order: 1 } }]);
    });
  });
});

describe('round facts for the eligibility engine', () => {
  it('lists the campaign and every nomination with its status', () => {
    const s = awardRoundDecider.evolve(awardRoundDecider.evolve(awardRoundDecider.initialState(), created()), submitted('n-1'));
    expect(roundFactsOf(s)).toEqual({ campaignId: 'c-2024', nominations: [{ nominationId: 'n-1', nomineeKind: 'person', nomineeId: 'p-n-1', status: 'active' }] });
    expect(roundFactsOf(awardRoundDecider.initialState())).toEqual({ nominations: [] });
  });
});
