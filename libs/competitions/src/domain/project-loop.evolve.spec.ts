import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { P } from './project.fixtures';
import { assessed, inProgress, opened, scored, summarySubmitted } from './project-loop.fixtures';

const e = (type: ProjectEvent['type'], data: object): ProjectEvent => ({ type, data: { projectId: P.projectId, ...data } }) as ProjectEvent;
const finding = { findingId: 'f-1', description: '台账不全', severity: 'minor', rectifyBy: '2021-09-30' };
const report = { reportId: 'r-1', period: '2021-Q3', metrics: { participants: 10 }, narrative: 'n', dueOn: '2021-10-10', filedAt: '2021-10-01T10:00:00+08:00', late: false, rulesVersion: 1 };
const fullLoop: ProjectEvent[] = [
  ...inProgress,
  e('ProgressReportFiled', report),
  e('ProgressReportCorrected', { ...report, reportId: 'r-2', revision: 2, supersedesReportId: 'r-1', supersedesRevision: 1 }),
  e('ProgressReportOverdue', { period: '2021-Q4', dueOn: '2022-01-10' }),
  e('MilestoneRecorded', { milestoneId: 'm-1', title: 't', reachedOn: '2021-09-18', description: '' }),
  e('InstantCommendationGiven', { commendationId: 'c-1', milestoneId: 'm-1', recipient: { kind: 'team', name: '班组', orgId: null }, citation: 'c' }),
  e('InspectionRecorded', { inspectionId: 'i-1', inspectedOn: '2021-09-18', findings: [finding] }),
  e('RectificationReported', { findingId: 'f-1', description: 'd', late: false }),
  e('RectificationRejected', { findingId: 'f-1', note: 'n' }),
  e('RectificationOverdue', { findingId: 'f-1', rectifyBy: '2021-09-30' }),
  e('RectificationReported', { findingId: 'f-1', description: 'd2', late: true }),
  e('RectificationAccepted', { findingId: 'f-1', note: null }),
  e('SafetyIncidentRecorded', { incidentId: 'x-1', occurredOn: '2021-09-19', severity: 'minor', kind: 'safety_accident', description: 'd' }),
  ...assessed.slice(4, 5),
  e('ConflictOfInterestWaived', { assessorUserId: 'a-1', assessorName: '专家1', assessorOrgId: 'univ-1', relation: 'ancestor', reason: 'r' }),
  e('AssessorAddedAfterLock', { assessor: { userId: 'a-4', orgId: 'o', orgPath: [], name: '专家4' }, reason: 'r' }),
  e('ConflictOfInterestDeclared', { assessorUserId: 'a-4', reason: 'r', scoreExcluded: false }),
  e('SelfScoreRecorded', { scores: {}, weightedTotal: 90, revision: 1 }),
  ...assessed.slice(5),
  e('ScoreCorrected', { assessorUserId: 'a-1', scores: {}, weightedTotal: 81, revision: 2, supersedesRevision: 1 }),
  summarySubmitted(),
  e('SummaryReturned', { revision: 1, reason: 'r' }),
  summarySubmitted(2),
  e('SummaryAccepted', { revision: 2, note: null }),
];

describe('folding the middle of the loop', () => {
  it('never mutates the state it folds', () => {
    let state = projectDecider.initialState();
    for (const event of fullLoop) {
      const frozen = JSON.stringify(state);
      const next = projectDecider.evolve(state, event);
      expect(JSON.stringify(state)).toBe(frozen);
      expect(next).not.toBe(state);
      state = next;
    }
    expect(state).toMatchObject({
      status: 'summarized',
      progress: { reports: [{ revision: 2, supersedesReportId: 'r-1' }], reportIds: ['r-1', 'r-2'], overdue: [{ period: '2021-Q4' }], milestones: [{ milestoneId: 'm-1' }], commendations: [{ commendationId: 'c-1' }] },
      supervision: { inspections: [{ findingIds: ['f-1'] }], findings: [{ status: 'accepted', overdue: true, rectifications: [{ outcome: 'rejected' }, { outcome: 'accepted', late: true }] }] },
      assessment: {
        assessors: [{ userId: 'a-1', waiver: { relation: 'ancestor' } }, {}, {}, { userId: 'a-4', addedAfterLock: { reason: 'r' }, declaredConflict: { reason: 'r' } }],
        selfScores: [{ weightedTotal: 90 }],
        result: { total: 85 },
      },
      summary: { submissions: [{ revision: 1 }, { revision: 2 }], returns: [{ revision: 1 }], accepted: { revision: 2 } },
    });
  });

  it('ignores assessment events before assessment was opened, and events for an unknown finding', () => {
    const state = projectDecider.initialState();
    const inProg = inProgress.reduce(projectDecider.evolve, state);
    expect(projectDecider.evolve(inProg, scored(1, 80))).toEqual(inProg);
    expect(projectDecider.evolve(inProg, e('RectificationAccepted', { findingId: 'nope', note: null }))).toEqual(inProg);
    expect(projectDecider.evolve(state, opened())).toEqual({ status: 'none' });
  });
});
