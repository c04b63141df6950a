import { recorded, projectionSpec } from '@jingsai/testing';
import type { Database } from 'better-sqlite3';
import { boardProjection } from './board.projection';
import { BoardFilter, listBoard } from './board.queries';

const org = (orgId: string, kind: string, level: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind, level, ownership: null, industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });
const assessor = (userId: string) => ({ userId, orgId: 'univ', orgPath: [], name: userId });

const running = () => [
  org('jj', 'committee', 'city', []), org('ent-a', 'enterprise', 'enterprise', ['jj']),
  recorded('CampaignCreated', { campaignId: 'c1', approvalLevels: ['city'] }),
  recorded('ProjectDrafted', { projectId: 'p1', campaignId: 'c1', orgId: 'ent-a', title: '纺织', category: 'skills' }),
  recorded('ProjectSubmitted', { projectId: 'p1', submittedAt: 'x' }),
  recorded('ProjectApproved', { projectId: 'p1', level: 'city', rulesVersion: 1, approvedLevels: ['city'] }),
];
const ids = (f: Partial<BoardFilter>) => (db: Database) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0, ...f }).items.map((i) => `${i.projectId}:${i.status}`);
const unit = { awaiting: { kind: 'unit' as const } };
const committee = { awaiting: { kind: 'committee' as const, level: 'city', orgId: 'jj' } };
const as = (userId: string) => ({ awaiting: { kind: 'assessor' as const, userId } });

describe('board projection through the later stages', () => {
  it('awaits the unit for overdue reports and open findings, the committee for rectifications to review', () => {
    // Built once, in stream order: the board applies each event once by its revision.
    const base = running();
    const overdue = recorded('ProgressReportOverdue', { projectId: 'p1', period: '2021-Q3', dueOn: '2021-10-10' });
    projectionSpec(boardProjection).given(running()).then(ids(unit), []);
    projectionSpec(boardProjection).given([...base, overdue]).then(ids(unit), ['p1:in_progress']);
    projectionSpec(boardProjection).given([...base, overdue, recorded('ProgressReportFiled', { projectId: 'p1', period: '2021-Q3' })]).then(ids(unit), []);
    const inspected = [...base, recorded('InspectionRecorded', { projectId: 'p1', findings: [{ findingId: 'f1' }, { findingId: 'f2' }] }), recorded('RectificationReported', { projectId: 'p1', findingId: 'f1' })];
    projectionSpec(boardProjection).given(inspected).thenMatches((db) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!, { openFindings: 1, findingsToReview: 1 });
    projectionSpec(boardProjection).given(inspected).then(ids(committee), ['p1:in_progress']);
    projectionSpec(boardProjection).given([...inspected, recorded('RectificationRejected', { projectId: 'p1', findingId: 'f1', note: 'n' })]).then(ids(committee), []);
  });

  describe('a step that is one committee\'s (review 53 #1)', () => {
    // 江西 > 九江 (city) > 浔阳 (county) > the enterprise: the county and the city both see the project.
    const tree = () => [
      org('jx', 'committee', 'province', []), org('jj', 'committee', 'city', ['jx']), org('xy', 'committee', 'county', ['jx', 'jj']),
      org('ent-a', 'enterprise', 'enterprise', ['jx', 'jj', 'xy']),
      recorded('CampaignCreated', { campaignId: 'c1', approvalLevels: ['city'] }),
      recorded('ProjectDrafted', { projectId: 'p1', campaignId: 'c1', orgId: 'ent-a', title: '纺织', category: 'skills' }),
      recorded('ProjectSubmitted', { projectId: 'p1', submittedAt: 'x' }),
      recorded('ProjectApproved', { projectId: 'p1', level: 'city', rulesVersion: 1, approvedLevels: ['city'] }),
    ];
    const awaiting = (orgId: string, level: string) => ids({ awaiting: { kind: 'committee', level, orgId } });
    const rectified = (inspectedByOrgId?: string) => [
      ...tree(),
      recorded('InspectionRecorded', { projectId: 'p1', findings: [{ findingId: 'f1' }], ...(inspectedByOrgId ? { inspectedByOrgId } : {}) }),
      recorded('RectificationReported', { projectId: 'p1', findingId: 'f1' }),
    ];

    it('awaits the committee that inspected, or one above it, to verify a rectification', () => {
      const city = rectified('jj');
      projectionSpec(boardProjection).given(city).then(awaiting('xy', 'county'), []);
      projectionSpec(boardProjection).given(city).then(awaiting('jj', 'city'), ['p1:in_progress']);
      projectionSpec(boardProjection).given(city).then(awaiting('jx', 'province'), ['p1:in_progress']);
      const county = rectified('xy');
      projectionSpec(boardProjection).given(county).then(awaiting('xy', 'county'), ['p1:in_progress']);
      projectionSpec(boardProjection).given(county).then(awaiting('jj', 'city'), ['p1:in_progress']);
      // Recorded before the inspector was: any committee in scope, as the deciders take it.
      projectionSpec(boardProjection).given(rectified()).then(awaiting('xy', 'county'), ['p1:in_progress']);
    });

    it('awaits the committee that opened the assessment, or one above it, to finalise; any committee over it for a summary (it may return one)', () => {
      const scored = [
        ...tree(),
        recorded('AssessmentOpened', { projectId: 'p1', scheme: { minAssessors: 1, aggregation: 'mean' }, assessors: [assessor('a1')], openedByOrgId: 'jj' }),
        recorded('ScoreRecorded', { projectId: 'p1', assessorUserId: 'a1' }),
      ];
      projectionSpec(boardProjection).given(scored).then(awaiting('xy', 'county'), []);
      projectionSpec(boardProjection).given(scored).then(awaiting('jj', 'city'), ['p1:under_assessment']);
      projectionSpec(boardProjection).given(scored).then(awaiting('jx', 'province'), ['p1:under_assessment']);
      const submitted = [...scored, recorded('AssessmentFinalized', { projectId: 'p1', total: 85, grade: 'good' }), recorded('SummarySubmitted', { projectId: 'p1', revision: 1 })];
      projectionSpec(boardProjection).given(submitted).then(awaiting('xy', 'county'), ['p1:summary_submitted']);
      projectionSpec(boardProjection).given(submitted).then(awaiting('jj', 'city'), ['p1:summary_submitted']);
      // Two steps of two committees: the county's rectification to verify makes the row the county's too, the city's finalisation stays the city's.
      const both = [...scored, recorded('InspectionRecorded', { projectId: 'p1', findings: [{ findingId: 'f1' }], inspectedByOrgId: 'xy' }), recorded('RectificationReported', { projectId: 'p1', findingId: 'f1' })];
      projectionSpec(boardProjection).given(both).then(awaiting('xy', 'county'), ['p1:under_assessment']);
      projectionSpec(boardProjection).given(both).then(awaiting('jj', 'city'), ['p1:under_assessment']);
      // Verified, the county has nothing left on it.
      projectionSpec(boardProjection).given([...both, recorded('RectificationAccepted', { projectId: 'p1', findingId: 'f1', note: 'ok' })]).then(awaiting('xy', 'county'), []);
    });
  });

  it('follows assessment: assessors still to score, then the committee to finalise, then the unit’s summary and its acceptance', () => {
    const opened = [...running(), recorded('AssessmentOpened', { projectId: 'p1', scheme: { minAssessors: 2, aggregation: 'mean' }, assessors: [assessor('a1'), assessor('a2')] })];
    projectionSpec(boardProjection).given(opened).then(ids(as('a1')), ['p1:under_assessment']);
    projectionSpec(boardProjection).given(opened).then(ids({ scope: { kind: 'assessor', userId: 'a9' } }), []);
    projectionSpec(boardProjection).given(opened).then(ids(committee), []);
    const scored = [
      ...opened, recorded('ScoreRecorded', { projectId: 'p1', assessorUserId: 'a1' }), recorded('ConflictOfInterestDeclared', { projectId: 'p1', assessorUserId: 'a2' }),
      recorded('AssessorAddedAfterLock', { projectId: 'p1', assessor: assessor('a3'), reason: 'r' }),
    ];
    projectionSpec(boardProjection).given(scored).then(ids(as('a3')), ['p1:under_assessment']);
    // a1 has scored: nothing awaits them, and the project is still theirs to read.
    projectionSpec(boardProjection).given(scored).then(ids(as('a1')), []);
    projectionSpec(boardProjection).given(scored).then(ids({ scope: { kind: 'assessor', userId: 'a1' } }), ['p1:under_assessment']);
    projectionSpec(boardProjection).given(scored).then(ids({ scope: { kind: 'assessor', userId: 'a2' } }), ['p1:under_assessment']);
    const all = [...scored, recorded('ScoreRecorded', { projectId: 'p1', assessorUserId: 'a3' })];
    projectionSpec(boardProjection).given(all).then(ids(committee), ['p1:under_assessment']);
    // The sheets that count against those finalising needs: a1 and a3 (a2 recused).
    const counted = (db: Parameters<typeof listBoard>[0]) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!;
    projectionSpec(boardProjection).given(scored).thenMatches(counted, { scoresCounted: 1, scoresNeeded: 2 });
    projectionSpec(boardProjection).given(all).thenMatches(counted, { scoresCounted: 2, scoresNeeded: 2 });
    // A conflict declared after scoring voids the sheet.
    projectionSpec(boardProjection).given([...all, recorded('ConflictOfInterestDeclared', { projectId: 'p1', assessorUserId: 'a3' })]).thenMatches(counted, { scoresCounted: 1 });
    const finalized = [...all, recorded('AssessmentFinalized', { projectId: 'p1', total: 85.25, grade: 'good' })];
    projectionSpec(boardProjection).given(finalized).thenMatches((db) => listBoard(db, { scope: { kind: 'all' }, ...unit, limit: 50, offset: 0 }).items[0]!, { status: 'assessed', statusLabel: '已评估', total: 85.25, gradeLabel: '良好' });
    const submitted = [...finalized, recorded('SummarySubmitted', { projectId: 'p1', revision: 1 })];
    projectionSpec(boardProjection).given(submitted).then(ids(committee), ['p1:summary_submitted']);
    projectionSpec(boardProjection).given([...submitted, recorded('SummaryReturned', { projectId: 'p1', revision: 1, reason: '数据不一致' })])
      .thenMatches((db) => listBoard(db, { scope: { kind: 'all' }, ...unit, limit: 50, offset: 0 }).items[0]!, { status: 'assessed', returnedReason: '数据不一致' });
    projectionSpec(boardProjection).given([...submitted, recorded('SummaryAccepted', { projectId: 'p1', revision: 1 })]).then(ids({}), ['p1:summarized']);
  });
});
