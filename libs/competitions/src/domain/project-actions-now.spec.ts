import { fold } from '@jingsai/shared';
import { JIUJIANG } from './campaign.fixtures';
import { narrowActions, projectActionFacts } from './project-actions-now';
import { inProgress } from './project-loop.fixtures';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { drafted, extensionGranted, P, returnedByCounty, submitted } from './project.fixtures';
import { Project } from './project.state';
import { allowedProjectActions } from './project.status';

const state = (events: ProjectEvent[]) => fold(projectDecider, events) as Project;
const campaign = { status: 'published' as const, applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: JIUJIANG.closesAt } };
const unitActions = (events: ProjectEvent[], at?: string) => {
  const project = state(events);
  return narrowActions(allowedProjectActions(project, 'unit'), projectActionFacts(project, at ? { at, campaign } : undefined));
};
const committeeActions = (events: ProjectEvent[]) => {
  const project = state(events);
  return narrowActions(allowedProjectActions(project, 'committee'), projectActionFacts(project));
};
const finding = (status: 'reported' | 'none'): ProjectEvent[] => [
  { type: 'InspectionRecorded', data: { projectId: P.projectId, inspectionId: 'i1', inspectedOn: '2021-09-01', findings: [{ findingId: 'f1', description: '台账不全', severity: 'minor', rectifyBy: '2021-09-30' }] } },
  ...(status === 'reported' ? [{ type: 'RectificationReported', data: { projectId: P.projectId, findingId: 'f1', description: '已补齐', late: false } } as ProjectEvent] : []),
];

describe('actions open now (allowedActions)', () => {
  const returned = [drafted, submitted(), returnedByCounty];

  describe('when the window has closed', () => {
    it('does not offer resubmitting a returned project without an extension', () => {
      expect(unitActions(returned, '2021-07-23T09:00:00+08:00')).toEqual(['edit', 'withdraw']);
    });

    it('offers it again under an extension, until the extension ends', () => {
      const extended = [...returned, extensionGranted('2021-07-30T23:59:59+08:00')];
      expect(unitActions(extended, '2021-07-25T09:00:00+08:00')).toEqual(['edit', 'submit', 'withdraw']);
      expect(unitActions(extended, '2021-08-01T09:00:00+08:00')).toEqual(['edit', 'withdraw']);
    });
  });

  it('offers fixing the result, adding an assessor and accepting the summary only to the committee that opened the assessment or one above it; returning the summary to any (review 49 #3)', () => {
    const offered = ['add_assessor', 'finalize_assessment', 'accept_summary', 'return_summary', 'terminate'] as const;
    expect(narrowActions([...offered], { assessmentOwner: false })).toEqual(['return_summary', 'terminate']);
    expect(narrowActions([...offered], { assessmentOwner: true })).toEqual([...offered]);
    // Not known (opened before the opener was kept): as before, any committee over the project.
    expect(narrowActions([...offered], {})).toEqual([...offered]);
  });

  it('does not offer accepting a summary while any rectification awaits a verdict, the caller’s to verify or not (review 56 #5)', () => {
    const offered = ['accept_summary', 'return_summary'] as const;
    // A board row: none of the awaiting rectifications is the caller's, one is the province's.
    expect(narrowActions([...offered], { findingsToReview: 0, findingsAwaitingAnyone: 1, assessmentOwner: true })).toEqual(['return_summary']);
    expect(narrowActions([...offered], { findingsToReview: 0, findingsAwaitingAnyone: 0, assessmentOwner: true })).toEqual([...offered]);
    // A detail: every awaiting one counts already.
    expect(narrowActions([...offered], { findingsToReview: 1 })).toEqual(['return_summary']);
    // The project's facts keep the count of them all when a view narrows findingsToReview to the caller's (review 57 #1).
    const facts = projectActionFacts(state([...inProgress, ...finding('reported')]));
    expect(narrowActions([...offered], { ...facts, findingsToReview: 0 })).toEqual(['return_summary']);
  });

  it('offers submitting while the window is open, and when the time is not known', () => {
    expect(unitActions(returned, '2021-07-10T09:00:00+08:00')).toEqual(['edit', 'submit', 'withdraw']);
    expect(unitActions(returned)).toEqual(['edit', 'submit', 'withdraw']);
  });

  it('offers rectification only for findings that need it, and review only of reported ones', () => {
    expect(unitActions(inProgress)).not.toContain('report_rectification');
    expect(committeeActions(inProgress).filter((a) => a.endsWith('_rectification'))).toEqual([]);
    expect(unitActions([...inProgress, ...finding('none')])).toContain('report_rectification');
    expect(committeeActions([...inProgress, ...finding('none')]).filter((a) => a.endsWith('_rectification'))).toEqual([]);
    expect(committeeActions([...inProgress, ...finding('reported')]).filter((a) => a.endsWith('_rectification'))).toEqual(['accept_rectification', 'reject_rectification']);
    expect(unitActions([...inProgress, ...finding('reported')])).not.toContain('report_rectification');
  });

  it('offers an instant commendation once a milestone is recorded, and none on a project with a safety or quality accident', () => {
    const accident: ProjectEvent = { type: 'SafetyIncidentRecorded', data: { projectId: P.projectId, incidentId: 'i1', occurredOn: '2021-09-01', severity: 'minor', kind: 'safety_accident', description: '划伤' } } as ProjectEvent;
    const milestone: ProjectEvent = { type: 'MilestoneRecorded', data: { projectId: P.projectId, milestoneId: 'm1', title: '主体结构封顶', reachedOn: '2021-09-10', description: '提前 5 天' } } as ProjectEvent;
    expect(committeeActions(inProgress)).not.toContain('give_instant_commendation');
    expect(committeeActions([...inProgress, milestone])).toContain('give_instant_commendation');
    expect(committeeActions([...inProgress, milestone, accident])).not.toContain('give_instant_commendation');
  });
});
