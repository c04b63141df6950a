import { DeciderSpec } from '@jingsai/testing';
import { DEFAULT_CLEARANCES, NATIONAL_MAY_DAY_MEDAL_RATIOS } from '../rules/rule-set.presets';
import { awardRoundDecider } from './award-round.decider';
import { ROUND_ID, createRound, created, nominate } from './award-round.fixtures';

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
          subQuotas: [{ key: 'heads', label: { zh: '企业负责人', en: 'heads' }, where: { attribute: '' }, max: -1 }, { key: 'migrant', label: { zh: '农民工', en: 'migrant' }, where: { attribute: 'migrantWorker' }, max: 1, min: 2 }],
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
      'subQuotas[1].min',
      'quotasByRecommender[1].orgId',
      'quotasByRecommender[1].quota',
      'levels',
      'minimumNoticeWorkingDays',
    ]);
  });

  it('refuses a sub-quota whose key or label is not text, as a rule set refuses a ratio’s (review 41 #4)', () => {
    const e = spec
      .given([])
      .when(createRound({ subQuotas: [{ key: { $gt: 1 } as never, label: { zh: [1, 2], en: { x: true } } as never, where: { attribute: 'nonPublic', equals: true }, max: 1 }, { key: 'k'.repeat(65), label: { zh: '名'.repeat(201), en: 'ok' }, where: { attribute: 'nonPublic' }, max: 1 }] }))
      .thenThrows('AWARD.INVALID_ROUND');
    expect((e.details.errors ?? []).map((x) => x.field)).toEqual(['subQuotas[0].key', 'subQuotas[0].label.zh', 'subQuotas[0].label.en', 'subQuotas[1].key', 'subQuotas[1].label.zh']);
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

    it('refuses a minimum beyond 60 working days, and quotas beyond 100000, naming each field', () => {
      spec
        .given([])
        .when(createRound({ minimumNoticeWorkingDays: 100_000_000, pools: [{ pool: 'regular', quota: 1e20 }], quotasByRecommender: [{ orgId: 'ent-a', quota: 100_001 }] }))
        .thenThrows('AWARD.INVALID_ROUND', {
          details: {
            errors: [
              { field: 'pools[0].quota', messageEn: 'quota must be a whole number from 1 to 100000' },
              { field: 'quotasByRecommender[0].quota' },
              { field: 'minimumNoticeWorkingDays', messageZh: '公示期最少工作日应为 5 至 60 个工作日' },
            ],
          },
        });
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
