import { Projection } from '@jingsai/event-store';
import { orgTreeProjection } from '@jingsai/organizations';
import { projectionSpec, recorded } from '@jingsai/testing';
import { JIUJIANG_CAMPAIGN_RULES } from '../../application/award-domain';
import { awardRoundListProjection } from '../award-rounds/award-round-list.projection';
import { honourRegisterProjection } from '../honours/honour-register.projection';
import { eligibilityBoard } from './eligibility.queries';
import { projectFactsProjection } from './project-facts.projection';

const parts = [orgTreeProjection, honourRegisterProjection, awardRoundListProjection, projectFactsProjection];
const eligibility: Projection = {
  name: 'eligibility_with_joins',
  version: 1,
  setup: (db) => parts.forEach((p) => p.setup(db)),
  reset: (db) => parts.forEach((p) => p.reset(db)),
  apply: (e, db) => parts.forEach((p) => (!p.eventTypes || p.eventTypes.includes(e.type) ? p.apply(e, db) : undefined)),
};

const org = (orgId: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: `单位${orgId}`, kind: 'enterprise', level: 'enterprise', ownership: 'non_public', industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });
const p = (type: string, projectId: string, data: Record<string, unknown> = {}) => recorded(type, { projectId, ...data }, { streamId: `project-${projectId}` });
const drafted = (projectId: string, orgId: string) => p('ProjectDrafted', projectId, { campaignId: 'jj-2021', orgId, title: `项目${projectId}` });
const finished = (projectId: string, grade = 'excellent') => [
  p('ProjectSubmitted', projectId, { rulesVersion: 1, resubmission: false, underExtension: false, submittedAt: '2021-07-20T02:00:00.000Z' }),
  p('ProjectApproved', projectId, { level: 'city', rulesVersion: 1, approvedLevels: ['city'] }),
  p('AssessmentOpened', projectId, {}),
  p('AssessmentFinalized', projectId, { total: 91, grade }),
  p('SummarySubmitted', projectId, { revision: 1 }),
  p('SummaryAccepted', projectId, { revision: 1, note: null }),
];

const base = [
  org('jj', []), org('ent-a', ['jj']), org('ent-late', ['jj']), org('ent-b', ['jj']),
  recorded('CampaignCreated', { campaignId: 'jj-2021', applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-23T00:00:00+08:00' } }),
  drafted('p-a', 'ent-a'), ...finished('p-a'),
  drafted('p-late', 'ent-late'),
  p('ProjectSubmissionRefused', 'p-late', { reason: 'window_closed', windowClosesAt: '2021-07-22T16:00:00.000Z', attemptedAt: '2021-07-23T01:00:00.000Z', extensionUntil: null }),
  drafted('p-b', 'ent-b'), ...finished('p-b'),
];

const board = (db: any) =>
  eligibilityBoard(db, { campaignId: 'jj-2021', awardType: 'may_day_certificate', rules: JIUJIANG_CAMPAIGN_RULES, ruleSetId: 'jj', ruleSetVersion: 1, asOf: '2022-04-01T09:00:00+08:00', limit: 50, offset: 0 })
    .items.map((i) => [i.projectId, i.eligible, i.failedReasons.map((r) => r.rule)]);

describe('project facts projection and the eligibility board', () => {
  it('shows on-time, graded, summarised units eligible and the late unit ineligible with its reason', () => {
    projectionSpec(eligibility).given(base).then(board, [
      ['p-a', true, []],
      ['p-b', true, []],
      ['p-late', false, ['applied_on_time', 'summary_accepted', 'min_grade']],
    ]);
    projectionSpec(eligibility)
      .given(base)
      .thenMatches((db) => eligibilityBoard(db, { projectId: 'p-late', awardType: 'may_day_certificate', rules: JIUJIANG_CAMPAIGN_RULES, ruleSetId: 'jj', ruleSetVersion: 1, asOf: '2022-04-01', limit: 1, offset: 0 }).items[0]!, {
        unit: { orgId: 'ent-late', name: '单位ent-late' },
        failedReasons: [{ rule: 'applied_on_time', messageZh: expect.stringContaining('逾期报名（截止日期 2021-07-22），逾期报送已被拒收并记录') }, {}, {}],
      });
  });

  it('follows the facts as they change: incidents, unrectified findings, organisation facts, honours held', () => {
    const later = [
      ...base,
      p('SafetyIncidentRecorded', 'p-a', { incidentId: 'i1', occurredOn: '2021-11-02', severity: 'minor', kind: 'quality_accident', description: '返工' }),
      p('InspectionRecorded', 'p-b', { inspectionId: 'ins1', inspectedOn: '2021-10-01', findings: [{ findingId: 'f1' }, { findingId: 'f2' }] }),
      p('RectificationReported', 'p-b', { findingId: 'f1', late: false }),
      p('RectificationAccepted', 'p-b', { findingId: 'f1', note: null }),
      recorded('OrganizationFactRecorded', { orgId: 'ent-b', factId: 'w1', kind: 'wage_arrears', occurredOn: '2022-02-01', description: '拖欠工资' }),
      recorded('HonourConferred', { roundId: 'r0', honourId: 'r0/n1', nominationId: 'n1', recipient: { kind: 'unit', id: 'ent-a', name: 'A', orgId: 'ent-a' }, awardType: 'may_day_certificate', level: 'city', pool: 'regular', conferredOn: '2020-04-28' }, { streamId: 'awardRound-r0' }),
    ];
    projectionSpec(eligibility).given(later).then(board, [
      ['p-a', false, ['no_repeat_honour', 'project_veto']],
      ['p-b', false, ['exclusion_window', 'no_unrectified_finding']],
      ['p-late', false, ['applied_on_time', 'summary_accepted', 'min_grade']],
    ]);
  });

  it('bars for three years the organisation of a project with a safety accident, in its other projects too; a minor occupational hazard does not', () => {
    const later = [
      ...base,
      drafted('p-a2', 'ent-a'), ...finished('p-a2').slice(0, 2),
      p('SafetyIncidentRecorded', 'p-a2', { incidentId: 'i1', occurredOn: '2021-11-02', severity: 'minor', kind: 'safety_accident', description: '机械伤害' }),
      drafted('p-b2', 'ent-b'), ...finished('p-b2').slice(0, 2),
      p('SafetyIncidentRecorded', 'p-b2', { incidentId: 'i2', occurredOn: '2021-11-02', severity: 'minor', kind: 'occupational_hazard', description: '粉尘超标' }),
    ];
    const reasonsOf = (db: any, projectId: string) =>
      eligibilityBoard(db, { projectId, awardType: 'may_day_certificate', rules: JIUJIANG_CAMPAIGN_RULES, ruleSetId: 'jj', ruleSetVersion: 1, asOf: '2022-04-01', limit: 1, offset: 0 }).items[0]!.failedReasons;
    projectionSpec(eligibility)
      .given(later)
      .thenMatches((db) => ({ a: reasonsOf(db, 'p-a'), b: reasonsOf(db, 'p-b') }), {
        // The unit's accident on p-a2 bars it for three years, and vetoes it in this campaign whichever of its projects it is nominated on (review 50 #1).
        a: [
          { rule: 'exclusion_window', messageZh: expect.stringContaining('项目“项目p-a2”（p-a2）的安全生产事故（2021-11-02，2024-11-02 起方可参评）') },
          { rule: 'project_veto', messageZh: expect.stringContaining('推荐时依托其另一项目“项目p-a”（p-a）也同样适用') },
        ],
        b: [],
      });
  });
});
