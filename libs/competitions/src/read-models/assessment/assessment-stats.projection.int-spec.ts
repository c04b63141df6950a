import { recorded, projectionSpec } from '@jingsai/testing';
import type { Database } from 'better-sqlite3';
import { assessmentStatsProjection } from './assessment-stats.projection';
import { assessmentStatistics } from './assessment-stats.queries';

const org = (orgId: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind: 'enterprise', level: 'enterprise', ownership: null, industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });
const criteria = [{ key: 'q', name: '比质量', weight: 50 }, { key: 's', name: '比工期', weight: 50 }];
const opened = (projectId: string, ids: string[]) =>
  recorded('AssessmentOpened', { projectId, rulesVersion: 1, scheme: { criteria, aggregation: 'mean' }, projectOrgPath: [], assessors: ids.map((userId) => ({ userId, orgId: 'u', orgPath: [], name: userId })) });
const score = (projectId: string, assessorUserId: string, total: number, revision = 1) =>
  recorded(revision === 1 ? 'ScoreRecorded' : 'ScoreCorrected', { projectId, assessorUserId, scores: { q: total, s: total }, weightedTotal: total, revision });
const finalized = (projectId: string, total: number, flagged = false) =>
  recorded('AssessmentFinalized', { projectId, total, grade: total >= 90 ? 'excellent' : 'good', aggregation: 'mean', totalsUsed: [], dropped: [], assessorCount: 2, disagreement: { spread: flagged ? 20 : 2, threshold: 15, flagged }, rulesVersion: 1 });
const drafted = (projectId: string, orgId: string, category: string) => recorded('ProjectDrafted', { projectId, campaignId: 'c1', orgId, title: projectId, category });

const events = () => [
  org('jj', []), org('xy', ['jj']), org('ent-a', ['jj', 'xy']), org('ent-b', ['jj']),
  drafted('p1', 'ent-a', 'skills'), drafted('p2', 'ent-b', 'skills'), drafted('p3', 'ent-b', 'key_project'), drafted('p4', 'ent-b', 'skills'),
  opened('p1', ['a1', 'a2']), opened('p2', ['a1', 'a2']), opened('p3', ['a2', 'a3']), opened('p4', ['a1', 'a2']),
  score('p1', 'a1', 80), score('p1', 'a1', 88, 2), score('p1', 'a2', 92), finalized('p1', 90),
  score('p2', 'a1', 95), score('p2', 'a2', 75), finalized('p2', 85, true),
  score('p3', 'a2', 90), score('p3', 'a3', 90), finalized('p3', 90),
  recorded('ConflictOfInterestDeclared', { projectId: 'p4', assessorUserId: 'a2', reason: 'r', scoreExcluded: false }),
  recorded('AssessorAddedAfterLock', { projectId: 'p4', assessor: { userId: 'a4', orgId: 'u', orgPath: [], name: 'a4' }, reason: 'r' }),
];
const all = { scope: { kind: 'all' as const }, campaignId: 'c1', limit: 50, offset: 0 };

describe('assessment statistics projection', () => {
  it('ranks finalised projects in the campaign and in each category, ties sharing a rank', () => {
    projectionSpec(assessmentStatsProjection).given(events()).then(
      (db: Database) => assessmentStatistics(db, all).items.map((i) => [i.projectId, i.total, i.rankInCampaign, i.rankInCategory, i.disagreement?.flagged ?? null]),
      [['p1', 90, 1, 1, false], ['p3', 90, 1, 1, false], ['p2', 85, 3, 2, true], ['p4', null, null, null, null]],
    );
  });

  it('keeps each assessor’s latest sheet, recusals and additions, and averages per assessor', () => {
    projectionSpec(assessmentStatsProjection).given(events()).thenMatches((db: Database) => assessmentStatistics(db, { ...all, category: 'skills', scope: { kind: 'subtree', orgId: 'xy' } }), {
      total: 1,
      items: [{ projectId: 'p1', assessors: [{ userId: 'a1', weightedTotal: 88, scoreRevision: 2, scores: [{ key: 'q', score: 88 }, { key: 's', score: 88 }] }, { userId: 'a2', weightedTotal: 92 }] }],
      byAssessor: [{ assessorUserId: 'a1', scored: 1, meanTotal: 88 }, { assessorUserId: 'a2', scored: 1, meanTotal: 92 }],
    });
    projectionSpec(assessmentStatsProjection).given(events()).then(
      (db: Database) => assessmentStatistics(db, all).items.find((i) => i.projectId === 'p4')!.assessors.map((a: any) => [a.userId, a.declaredConflict, a.addedAfterLock]),
      [['a1', false, false], ['a2', true, false], ['a4', false, true]],
    );
  });

  it('leaves a score out of the per-assessor figures once its assessor declared a conflict', () => {
    const declared = recorded('ConflictOfInterestDeclared', { projectId: 'p2', assessorUserId: 'a1', reason: '曾任该企业顾问', scoreExcluded: true });
    projectionSpec(assessmentStatsProjection).given([...events(), declared]).then(
      (db: Database) => assessmentStatistics(db, all).byAssessor.find((a) => a.assessorUserId === 'a1'),
      { assessorUserId: 'a1', name: 'a1', scored: 1, meanTotal: 88 },
    );
  });

  it('says beside the rank what bars a project from award selection: an entry filed late, an accident that vetoes', () => {
    const marks = [
      recorded('ProjectSubmitted', { projectId: 'p1', rulesVersion: 1, resubmission: false, underExtension: false, submittedAt: 'x' }),
      recorded('ProjectSubmitted', { projectId: 'p2', rulesVersion: 1, resubmission: false, underExtension: true, submittedAt: 'x' }),
      // A resubmission under an extension does not make a timely first entry late.
      recorded('ProjectSubmitted', { projectId: 'p1', rulesVersion: 1, resubmission: true, underExtension: true, submittedAt: 'y' }),
      recorded('SafetyIncidentRecorded', { projectId: 'p3', incidentId: 'i1', occurredOn: '2021-10-01', severity: 'serious', kind: 'safety_accident', description: '高处坠落' }),
      recorded('SafetyIncidentRecorded', { projectId: 'p1', incidentId: 'i2', occurredOn: '2021-10-01', severity: 'minor', kind: 'occupational_hazard', description: '噪声' }),
    ];
    projectionSpec(assessmentStatsProjection).given([...events(), ...marks]).then(
      (db: Database) => assessmentStatistics(db, all).items.map((i) => [i.projectId, i.lateEntry, i.vetoed, i.awardNotesZh]),
      [
        ['p1', false, false, []],
        ['p3', false, true, ['发生安全生产事故，一票否决']],
        ['p2', true, false, ['逾期报名（延期报送），不能参加五一各奖项及要求按时报名的其他评选']],
        ['p4', false, false, []],
      ],
    );
  });

  it('names each assessor once, by a name an assignment gave rather than the bare id another left', () => {
    // p1 comes first in the ranking; its assignment of a2 gave no name (the id), p3's gave one.
    const named = events().map((e) =>
      e.type === 'AssessmentOpened' && (e.data as { projectId: string }).projectId === 'p3'
        ? { ...e, data: { ...e.data, assessors: (e.data as { assessors: Array<{ userId: string }> }).assessors.map((a) => ({ ...a, name: a.userId === 'a2' ? '刘专家' : a.userId })) } }
        : e,
    );
    projectionSpec(assessmentStatsProjection).given(named).then((db: Database) => assessmentStatistics(db, all).byAssessor.find((a) => a.assessorUserId === 'a2')?.name, '刘专家');
    // The projects' own assessor lists name a2 the same way, not by the id one assignment left (review 50 #13).
    projectionSpec(assessmentStatsProjection).given(named).then((db: Database) => assessmentStatistics(db, all).items.find((i) => i.projectId === 'p1')!.assessors.find((a: any) => a.userId === 'a2')?.name, '刘专家');
  });

  it('ranks on per-assessor z-scores when the campaign asks for them, totals and grades unchanged', () => {
    // a1 scored p1 88, p2 95 (z −1, +1); a2 scored p1 92, p2 75, p3 90 (mean 85.67, sd 7.59: z 0.83, −1.41, 0.57); a3 scored only p3 (z 0).
    // Means: p1 (−1 + 0.83) / 2 = −0.0826, p2 (1 − 1.41) / 2 = −0.2030, p3 (0.57 + 0) / 2 = 0.2856: p3 first, where the totals tie p1 and p3.
    projectionSpec(assessmentStatsProjection).given(events()).then(
      (db: Database) => {
        const r = assessmentStatistics(db, { ...all, normalisation: 'z_score_v1' });
        return { ranking: r.ranking.basis, items: r.items.map((i) => [i.projectId, i.total, i.grade, i.normalizedScore, i.rankInCampaign, i.rankByTotal, i.rankInCategory]) };
      },
      {
        ranking: 'z_score_v1',
        items: [['p3', 90, 'excellent', 0.2856, 1, 1, 1], ['p1', 90, 'excellent', -0.0826, 2, 1, 1], ['p2', 85, 'good', -0.203, 3, 3, 2], ['p4', null, null, null, null, null, null]],
      },
    );
    projectionSpec(assessmentStatsProjection).given(events()).then((db: Database) => assessmentStatistics(db, all).ranking, { basis: 'total', label: '按总分排名' });
  });

  it('says when the totals it ranks were worked out under different rules versions', () => {
    const underV2 = (e: ReturnType<typeof recorded>) => (e.type === 'AssessmentOpened' && (e.data as { projectId: string }).projectId === 'p3' ? { ...e, data: { ...e.data, rulesVersion: 2 } } : e);
    projectionSpec(assessmentStatsProjection)
      .given(events().map(underV2))
      .thenMatches((db: Database) => assessmentStatistics(db, all).ranking, { basis: 'total', mixedRulesVersions: [1, 2], noteZh: expect.stringContaining('第 1、2 版') });
  });
});
