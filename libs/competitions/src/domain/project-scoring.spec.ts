import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { assessed, assessorActor, base, expert, flat, inProgress, projectOrgPath, scored, scheme, underAssessment } from './project-loop.fixtures';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { cityCommittee, otherUnit, P, unit } from './project.fixtures';
import { Project } from './project.state';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-11-05T10:00:00+08:00';
const sheet = { quality: 90, schedule: 80, technical_innovation: 70, scientific_management: 85, safety_saving: 95, civilized_construction: 60 };
const score = (n: number, scores: Record<string, number> = sheet, actor: Actor = assessorActor(n)) => ({ type: 'RecordScore' as const, ...base(at, actor), assessorUserId: `a-${n}`, scores });
const selfScore = (scores: Record<string, number> = flat(95), actor: Actor = unit) => ({ type: 'RecordSelfScore' as const, ...base(at, actor), scores });
const finalize = (actor: Actor = cityCommittee, note?: string) => ({ type: 'FinalizeAssessment' as const, ...base(at, actor), ...(note !== undefined ? { note } : {}) });
const REVIEWED = '专家组复核：最低分专家对工期指标理解有误，维持各自评分';
const five = [1, 2, 3, 4, 5].map((n) => expert(n));
const declared = (n: number): ProjectEvent => ({ type: 'ConflictOfInterestDeclared', data: { projectId: P.projectId, assessorUserId: `a-${n}`, reason: '亲属在该企业任职', scoreExcluded: true } });

describe('assessor scores (考评)', () => {
  it('records every criterion with the weighted total: 18 + 16 + 0.15 × 310 = 80.5', () => {
    spec()
      .given(underAssessment())
      .when(score(1))
      .then([{ type: 'ScoreRecorded', data: { projectId: P.projectId, assessorUserId: 'a-1', scores: sheet, weightedTotal: 80.5, revision: 1 } }]);
  });

  it('records a second sheet by the same assessor as a correction that supersedes the first, with why', () => {
    spec()
      .given([...underAssessment(), scored(1, 70)])
      .when({ ...score(1), reason: ' 复核后调整工期得分 ' })
      .then([{ type: 'ScoreCorrected', data: { projectId: P.projectId, assessorUserId: 'a-1', scores: sheet, weightedTotal: 80.5, revision: 2, supersedesRevision: 1, reason: '复核后调整工期得分' } }]);
  });

  it('refuses a correction that gives no reason: the auditor reads why the sheet changed', () => {
    spec().given([...underAssessment(), scored(1, 70)]).when(score(1)).thenThrows('PROJECT.REASON_REQUIRED', { kind: 'validation', details: { errors: [{ field: 'reason' }] } });
    spec().given([...underAssessment(), scored(1, 70)]).when({ ...score(1), reason: '  ' }).thenThrows('PROJECT.REASON_REQUIRED');
  });

  it('keeps the superseded sheet in history', () => {
    spec()
      .given([...underAssessment(), scored(1, 70)])
      .when({ ...score(1), reason: '复核' })
      .thenState((s) => expect((s as Project).assessment!.scores.map((x) => [x.revision, x.weightedTotal, x.supersedesRevision])).toEqual([[1, 70, null], [2, 80.5, 1]]));
  });

  it('treats the same sheet sent again as a repeat', () => {
    spec().given([...underAssessment(), scored(1, 70)]).when(score(1, flat(70))).thenNothing();
  });

  it('refuses a score outside the scale', () => {
    spec()
      .given(underAssessment())
      .when(score(1, { ...sheet, quality: 101, schedule: -1 }))
      .thenThrows('PROJECT.SCORE_OUT_OF_RANGE', { kind: 'validation', details: { errors: [{ field: 'scores.quality' }, { field: 'scores.schedule' }], scale: { min: 0, max: 100 } } });
    spec().given(underAssessment()).when(score(1, { ...sheet, quality: Number.NaN })).thenThrows('PROJECT.SCORE_OUT_OF_RANGE');
  });

  it('refuses a criterion the scheme does not have', () => {
    spec().given(underAssessment()).when(score(1, { ...sheet, beauty: 90 })).thenThrows('PROJECT.UNKNOWN_CRITERION', { details: { errors: [{ field: 'scores.beauty' }] } });
  });

  it('refuses a sheet missing a criterion', () => {
    const { schedule: _s, ...partial } = sheet;
    spec().given(underAssessment()).when(score(1, partial)).thenThrows('PROJECT.MISSING_CRITERION', { details: { errors: [{ field: 'scores.schedule' }] } });
    // With a score out of range besides, both in one refusal, each kind followed by what it is about (review 38 #3).
    const both = spec().given(underAssessment()).when(score(1, { ...partial, quality: 101 })).thenThrows('PROJECT.MISSING_CRITERION', {
      details: { errors: [{ field: 'scores.schedule' }, { field: 'scores.quality' }], codes: ['PROJECT.MISSING_CRITERION', 'PROJECT.SCORE_OUT_OF_RANGE'] },
    });
    expect(both.messageZh).toMatch(/^评分表缺少指标：请为“[^”]+”打分。评分超出评分范围：“[^”]+”的得分应在 0–100 之间。$/);
    expect(both.messageEn).toMatch(/^The score sheet misses a criterion: Give a score for "schedule"\. A score is out of the scale: The score for "quality" must be between 0 and 100\.$/);
  });

  it('refuses an assessor not assigned to the project', () => {
    spec().given(underAssessment()).when(score(4)).thenThrows('PROJECT.ASSESSOR_NOT_ASSIGNED', { kind: 'forbidden' });
  });

  it('refuses scoring in someone else’s name, or by a committee', () => {
    spec().given(underAssessment()).when(score(1, sheet, assessorActor(2))).thenThrows('PROJECT.FORBIDDEN');
    spec().given(underAssessment()).when(score(1, sheet, cityCommittee)).thenThrows('PROJECT.FORBIDDEN');
  });

  it('refuses an assessor acting for another organisation than the one they were assigned (and checked) under', () => {
    const elsewhere: Actor = { ...assessorActor(1), orgId: P.orgId };
    spec()
      .given(underAssessment())
      .when(score(1, sheet, elsewhere))
      .thenThrows('PROJECT.ASSESSOR_ORG_MISMATCH', { kind: 'forbidden', details: { assignedOrgId: 'univ-1', actingOrgId: P.orgId } });
  });

  it('checks the conflict again against the tree as it stands, unless it was waived', () => {
    const movedUnder = [...projectOrgPath, P.orgId];
    spec().given(underAssessment()).when({ ...score(1), assessorOrgPath: movedUnder }).thenThrows('PROJECT.ASSESSOR_IN_CONFLICT', { kind: 'forbidden', details: { relation: 'descendant' } });
    spec().given(underAssessment()).when({ ...score(1), assessorOrgPath: expert(1).orgPath }).then([expect.objectContaining({ type: 'ScoreRecorded' }) as never]);
    const waived: ProjectEvent = { type: 'ConflictOfInterestWaived', data: { projectId: P.projectId, assessorUserId: 'a-1', assessorName: '专家1', assessorOrgId: 'univ-1', relation: 'descendant', reason: '唯一具备资质的专家' } };
    spec().given([...underAssessment(), waived]).when({ ...score(1), assessorOrgPath: movedUnder }).then([expect.objectContaining({ type: 'ScoreRecorded' }) as never]);
  });

  it('refuses an assessor who declared a conflict', () => {
    spec().given([...underAssessment(), declared(1)]).when(score(1)).thenThrows('PROJECT.ASSESSOR_RECUSED');
  });

  it('refuses scoring before assessment opens or after it is finalised', () => {
    spec().given(inProgress).when(score(1)).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'in_progress' } });
    spec().given(assessed).when(score(1)).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'assessed' } });
  });

  it('does not tell an assessor that a project still running is closed when nothing is open to assessors', () => {
    for (const given of [inProgress, assessed]) {
      const e = spec().given(given).when(score(1)).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { allowedActions: [] } });
      expect(e.messageZh).not.toContain('已结束');
      expect(e.messageEn).not.toContain('closed');
      expect(e.messageZh).toContain('评估专家');
    }
  });
});

describe('self-scores (自评)', () => {
  it('records the unit’s self-score apart from the assessors’', () => {
    spec()
      .given(underAssessment())
      .when(selfScore())
      .then([{ type: 'SelfScoreRecorded', data: { projectId: P.projectId, scores: flat(95), weightedTotal: 95, revision: 1 } }]);
  });

  it('numbers a revised self-score, and ignores a resend', () => {
    const first: ProjectEvent = { type: 'SelfScoreRecorded', data: { projectId: P.projectId, scores: flat(95), weightedTotal: 95, revision: 1 } };
    spec().given([...underAssessment(), first]).when(selfScore(flat(90))).thenMatches([{ type: 'SelfScoreRecorded', data: { revision: 2, weightedTotal: 90 } }]);
    spec().given([...underAssessment(), first]).when(selfScore()).thenNothing();
  });

  it('never counts it in the total', () => {
    const self: ProjectEvent = { type: 'SelfScoreRecorded', data: { projectId: P.projectId, scores: flat(100), weightedTotal: 100, revision: 1 } };
    spec()
      .given([...underAssessment(), self, scored(1, 80), scored(2, 85), scored(3, 90)])
      .when(finalize())
      .thenMatches([{ type: 'AssessmentFinalized', data: { total: 85, totalsUsed: [85], dropped: [80, 90], assessorCount: 3 } }]);
  });

  it('refuses a self-score by another unit or with a bad sheet', () => {
    spec().given(underAssessment()).when(selfScore(flat(95), otherUnit)).thenThrows('PROJECT.FORBIDDEN');
    spec().given(underAssessment()).when(selfScore({ quality: 95 })).thenThrows('PROJECT.MISSING_CRITERION');
  });
});

describe('finalising assessment', () => {
  it('combines by trimmed mean, checked by hand: 78, 85, 90, 92, 60 → (78 + 85 + 90) / 3 = 84.33, 良好', () => {
    spec()
      .given([...underAssessment(five), scored(1, 78), scored(2, 85), scored(3, 90), scored(4, 92), scored(5, 60)])
      .when(finalize(cityCommittee, REVIEWED))
      .then([
        {
          type: 'AssessmentFinalized',
          data: {
            projectId: P.projectId,
            total: 84.33,
            grade: 'good',
            aggregation: 'trimmed_mean',
            totalsUsed: [78, 85, 90],
            dropped: [60, 92],
            assessorCount: 5,
            disagreement: { spread: 32, threshold: 15, flagged: true },
            rulesVersion: 1,
            assessorTotals: [78, 85, 90, 92, 60].map((t, i) => ({ assessorUserId: `a-${i + 1}`, weightedTotal: t })),
            missingAssessors: [],
            note: REVIEWED,
          },
        },
      ]);
  });

  it('moves the project to assessed and keeps the result', () => {
    spec()
      .given([...underAssessment(), scored(1, 88), scored(2, 91), scored(3, 95)])
      .when(finalize())
      .thenState((s) => expect(s).toMatchObject({ status: 'assessed', assessment: { result: { total: 91, grade: 'excellent', disagreement: { spread: 7, flagged: false } } } }));
  });

  it('combines by mean when the scheme says so', () => {
    const meanScheme = { ...scheme, aggregation: 'mean' as const, minAssessors: 2 };
    const opened: ProjectEvent = { type: 'AssessmentOpened', data: { projectId: P.projectId, rulesVersion: 1, scheme: meanScheme, projectOrgPath: [], assessors: [expert(1), expert(2)] } };
    spec()
      .given([...inProgress, opened, scored(1, 59), scored(2, 62)])
      .when(finalize())
      .thenMatches([{ type: 'AssessmentFinalized', data: { total: 60.5, grade: 'pass', aggregation: 'mean', totalsUsed: [59, 62], dropped: [], disagreement: { spread: 3, flagged: false } } }]);
  });

  it('uses each assessor’s latest sheet', () => {
    const corrected: ProjectEvent = { type: 'ScoreCorrected', data: { projectId: P.projectId, assessorUserId: 'a-1', scores: flat(86), weightedTotal: 86, revision: 2, supersedesRevision: 1 } };
    spec()
      .given([...underAssessment(), scored(1, 50), scored(2, 85), scored(3, 90), corrected])
      .when(finalize())
      .thenMatches([{ type: 'AssessmentFinalized', data: { assessorTotals: [{ weightedTotal: 86 }, { weightedTotal: 85 }, { weightedTotal: 90 }], total: 86, disagreement: { spread: 5 } } }]);
  });

  it('flags disagreement only above the threshold', () => {
    spec().given([...underAssessment(), scored(1, 75), scored(2, 80), scored(3, 90)]).when(finalize()).thenMatches([{ type: 'AssessmentFinalized', data: { disagreement: { spread: 15, threshold: 15, flagged: false } } }]);
    spec().given([...underAssessment(), scored(1, 74.99), scored(2, 80), scored(3, 90)]).when(finalize(cityCommittee, REVIEWED)).thenMatches([{ type: 'AssessmentFinalized', data: { disagreement: { spread: 15.01, flagged: true } } }]);
  });

  it('fixes a flagged result only with the committee’s review on record (flagged for review)', () => {
    const flagged = [...underAssessment(), scored(1, 60), scored(2, 80), scored(3, 90)];
    const refused = spec().given(flagged).when(finalize()).thenThrows('PROJECT.DISAGREEMENT_REVIEW_REQUIRED', { kind: 'unprocessable', details: { spread: 30, threshold: 15, errors: [{ field: 'note' }] } });
    expect(refused.messageZh).toContain('相差 30 分，超过评估方案的阈值 15 分');
    spec().given(flagged).when(finalize(cityCommittee, '   ')).thenThrows('PROJECT.DISAGREEMENT_REVIEW_REQUIRED');
    spec().given(flagged).when(finalize(cityCommittee, REVIEWED)).thenState((s) => expect(s).toMatchObject({ assessment: { result: { reviewNote: REVIEWED, disagreement: { flagged: true } } } }));
  });

  it('refuses finalising with too few valid scores, naming have, need and who is missing', () => {
    spec()
      .given([...underAssessment(), scored(1, 80), scored(2, 85)])
      .when(finalize())
      .thenThrows('PROJECT.NOT_ENOUGH_SCORES', { kind: 'unprocessable', details: { have: 2, need: 3, missingAssessors: ['a-3'] } });
  });

  it("fixes a result without an assigned assessor's sheet only with a note saying why, and records who was missing", () => {
    const fourAssigned = [...underAssessment([expert(1), expert(2), expert(3), expert(4)]), scored(1, 80), scored(2, 85), scored(3, 90)];
    const refused = spec().given(fourAssigned).when(finalize()).thenThrows('PROJECT.MISSING_SCORES_NOTE_REQUIRED', { kind: 'unprocessable', details: { missingAssessors: ['a-4'], errors: [{ field: 'note' }] } });
    expect(refused.messageZh).toContain('专家4');
    spec().given(fourAssigned).when(finalize(cityCommittee, '专家4出差，经委员会同意按三份评分确定')).thenMatches([{ type: 'AssessmentFinalized', data: { assessorCount: 3, missingAssessors: ['a-4'] } }]);
  });

  it('excludes the score of an assessor who declared a conflict', () => {
    spec()
      .given([...underAssessment(), scored(1, 80), scored(2, 85), scored(3, 90), declared(3)])
      .when(finalize())
      .thenThrows('PROJECT.NOT_ENOUGH_SCORES', { details: { have: 2, need: 3, missingAssessors: [] } });
  });

  it('counts an assessor added after the lock, so the project is not short of scores', () => {
    const added: ProjectEvent = { type: 'AssessorAddedAfterLock', data: { projectId: P.projectId, assessor: expert(4), reason: '替换回避专家' } };
    spec()
      .given([...underAssessment(), scored(1, 80), scored(2, 85), scored(3, 40), declared(3), added, scored(4, 90)])
      .when(finalize())
      .thenMatches([{ type: 'AssessmentFinalized', data: { total: 85, assessorCount: 3, assessorTotals: [{ assessorUserId: 'a-1' }, { assessorUserId: 'a-2' }, { assessorUserId: 'a-4' }] } }]);
  });

  it('refuses finalising by an assessor, or twice', () => {
    spec().given([...underAssessment(), scored(1, 80), scored(2, 85), scored(3, 90)]).when(finalize(assessorActor(1))).thenThrows('PROJECT.FORBIDDEN');
    spec().given(assessed).when(finalize()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'assessed' } });
  });
});
