import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { fold } from '@jingsai/shared';
import { unrectifiedFindings } from './project-facts';
import { InspectionFindingInput } from './project-progress.commands';
import { assessed, base, inProgress, summarySubmitted, system, underAssessment } from './project-loop.fixtures';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { cityCommittee, drafted, otherUnit, P, unit } from './project.fixtures';
import { Project } from './project.state';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-09-20T10:00:00+08:00';
const finding: InspectionFindingInput = { findingId: 'f-1', description: '动火作业票填写不全', severity: 'major', rectifyBy: '2021-09-30' };
const inspect = (findings: InspectionFindingInput[] = [finding], over: Partial<{ inspectionId: string; inspectedOn: string; actor: Actor; at: string }> = {}) => ({
  type: 'RecordInspection' as const,
  ...base(over.at ?? at, over.actor ?? cityCommittee),
  inspectionId: 'i-1',
  inspectedOn: '2021-09-18',
  findings,
  ...over,
});
const inspected: ProjectEvent = { type: 'InspectionRecorded', data: { projectId: P.projectId, inspectionId: 'i-1', inspectedOn: '2021-09-18', findings: [finding] } };
const withFinding = [...inProgress, inspected];

const rectify = (when = '2021-09-25T10:00:00+08:00', actor: Actor = unit) => ({ type: 'ReportRectification' as const, ...base(when, actor), findingId: 'f-1', description: '已补全作业票并组织培训' });
const reported = (late = false, reportedAt?: string): ProjectEvent => ({ type: 'RectificationReported', data: { projectId: P.projectId, findingId: 'f-1', description: '已补全作业票并组织培训', late, ...(reportedAt ? { reportedAt } : {}) } });
const accept = (actor: Actor = cityCommittee) => ({ type: 'AcceptRectification' as const, ...base(at, actor), findingId: 'f-1', note: ' 复查合格 ' });
const reject = (note = '培训记录缺签字') => ({ type: 'RejectRectification' as const, ...base(at, cityCommittee), findingId: 'f-1', note });
const accepted: ProjectEvent = { type: 'RectificationAccepted', data: { projectId: P.projectId, findingId: 'f-1', note: '复查合格' } };
const rejected: ProjectEvent = { type: 'RectificationRejected', data: { projectId: P.projectId, findingId: 'f-1', note: '培训记录缺签字' } };
const markOverdue = (when = '2021-10-01T00:00:00+08:00') => ({ type: 'MarkRectificationOverdue' as const, ...base(when, system), findingId: 'f-1' });
const overdue: ProjectEvent = { type: 'RectificationOverdue', data: { projectId: P.projectId, findingId: 'f-1', rectifyBy: '2021-09-30' } };

describe('supervision inspections (督导检查)', () => {
  it('records an inspection and its findings, each with a deadline', () => {
    const recorded = inspect();
    spec().given(inProgress).when(recorded).then([{ ...inspected, data: { ...(inspected.data as object), recordedAt: recorded.at, inspectedByOrgId: 'jj-committee' } } as ProjectEvent]);
    // When it was recorded, beside the day it took place (review 37 #9); one recorded before that was kept reads as null.
    spec().given(inProgress).when(recorded).thenState((s) => expect((s as Project).supervision.inspections[0]).toMatchObject({ inspectedOn: '2021-09-18', recordedAt: recorded.at }));
    expect((fold(projectDecider, withFinding) as Project).supervision.inspections[0]!.recordedAt).toBeNull();
  });

  it('records an inspection that found nothing', () => {
    spec().given(inProgress).when(inspect([])).thenMatches([{ type: 'InspectionRecorded', data: { findings: [] } }]);
  });

  it('accepts a deadline of today, also during assessment', () => {
    spec().given(underAssessment()).when(inspect([{ ...finding, rectifyBy: '2021-09-20' }])).thenMatches([{ type: 'InspectionRecorded' }]);
  });

  it('refuses a rectification deadline before today, naming the finding', () => {
    spec()
      .given(inProgress)
      .when(inspect([finding, { ...finding, findingId: 'f-2', rectifyBy: '2021-09-19' }]))
      .thenThrows('PROJECT.FINDING_DEADLINE_IN_PAST', { kind: 'validation', details: { errors: [{ field: 'findings[1].rectifyBy' }], today: '2021-09-20' } });
  });

  it('refuses an inspection dated after today', () => {
    spec().given(inProgress).when(inspect([finding], { inspectedOn: '2021-09-21' })).thenThrows('PROJECT.DATE_IN_FUTURE');
  });

  it('refuses bad severities, blank descriptions and repeated finding ids', () => {
    spec()
      .given(inProgress)
      .when(inspect([{ ...finding, severity: 'grave' as never, description: '' }, finding]))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'findings[0].description' }, { field: 'findings[0].severity' }, { field: 'findings[1].findingId' }] } });
  });

  it('refuses reused inspection or finding ids', () => {
    spec().given(withFinding).when(inspect([])).thenThrows('PROJECT.DUPLICATE_ID', { details: { field: 'inspectionId' } });
    spec().given(withFinding).when(inspect([finding], { inspectionId: 'i-2' })).thenThrows('PROJECT.DUPLICATE_ID', { details: { field: 'findingId' } });
  });

  it('refuses an inspection by a unit, or outside the running stages', () => {
    spec().given(inProgress).when(inspect([finding], { actor: unit })).thenThrows('PROJECT.FORBIDDEN');
    spec().given([drafted]).when(inspect()).thenThrows('PROJECT.ILLEGAL_TRANSITION');
    spec().given(assessed).when(inspect()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'assessed' } });
  });
});

describe('rectification (整改)', () => {
  it('runs the cycle: report → reject → report again → accept', () => {
    spec().given(withFinding).when(rectify()).then([reported(false, '2021-09-25T10:00:00+08:00')]);
    // The verifying committee is recorded with its verdict, for the unit to see who checked it (review 49 #14).
    spec().given([...withFinding, reported()]).when(reject()).then([{ ...rejected, data: { ...(rejected.data as object), verifiedByOrgId: 'jj-committee' } } as ProjectEvent]);
    spec().given([...withFinding, reported(), rejected]).when(rectify('2021-09-28T10:00:00+08:00')).then([reported(false, '2021-09-28T10:00:00+08:00')]);
    // Each report says when it came (review 37 #9); one recorded before that was kept reads as null.
    spec().given([...withFinding, reported(), rejected]).when(rectify('2021-09-28T10:00:00+08:00')).thenState((s) => expect((s as Project).supervision.findings[0]!.rectifications.map((r) => r.reportedAt)).toEqual([null, '2021-09-28T10:00:00+08:00']));
    spec().given([...withFinding, reported(), rejected, reported()]).when(accept()).then([{ ...accepted, data: { ...(accepted.data as object), verifiedByOrgId: 'jj-committee' } } as ProjectEvent]);
    const verified: ProjectEvent = { ...accepted, data: { ...(accepted.data as object), verifiedByOrgId: 'jj-committee' } } as ProjectEvent;
    expect((fold(projectDecider, [...withFinding, reported(), rejected, reported(), verified]) as Project).supervision.findings[0]!.rectifications.map((r) => r.verifiedByOrgId)).toEqual([null, 'jj-committee']);
  });

  it('keeps every rectification and verdict in the finding', () => {
    spec()
      .given([...withFinding, reported(), rejected, reported()])
      .when(accept())
      .thenState((s) => {
        const f = (s as Project).supervision.findings[0];
        expect(f.status).toBe('accepted');
        expect(f.rectifications.map((r) => [r.outcome, r.note])).toEqual([['rejected', '培训记录缺签字'], ['accepted', '复查合格']]);
        expect(unrectifiedFindings(s)).toEqual([]);
      });
  });

  it('counts open, reported and rejected findings as unrectified', () => {
    expect(unrectifiedFindings(fold(projectDecider, withFinding)).map((f) => f.status)).toEqual(['open']);
    expect(unrectifiedFindings(fold(projectDecider, [...withFinding, reported()]))).toHaveLength(1);
    expect(unrectifiedFindings(fold(projectDecider, [...withFinding, reported(), rejected]))).toHaveLength(1);
    expect(unrectifiedFindings(projectDecider.initialState())).toEqual([]);
  });

  it('marks a rectification reported after the deadline as late, even after assessment', () => {
    spec()
      .given([...assessed.slice(0, 4), inspected, ...assessed.slice(4)])
      .when(rectify('2021-11-02T10:00:00+08:00'))
      .then([reported(true, '2021-11-02T10:00:00+08:00')]);
  });

  it('refuses a second report while one awaits review, and any after acceptance', () => {
    spec().given([...withFinding, reported()]).when(rectify()).thenThrows('PROJECT.RECTIFICATION_NOT_EXPECTED', { kind: 'conflict', details: { findingStatus: 'reported' } });
    spec().given([...withFinding, reported(), accepted]).when(rectify()).thenThrows('PROJECT.RECTIFICATION_NOT_EXPECTED', { details: { findingStatus: 'accepted' } });
  });

  it('refuses a verdict with nothing to review', () => {
    spec().given(withFinding).when(accept()).thenThrows('PROJECT.NO_RECTIFICATION_PENDING', { details: { findingStatus: 'open' } });
    spec().given([...withFinding, reported(), rejected]).when(reject()).thenThrows('PROJECT.NO_RECTIFICATION_PENDING');
  });

  it('refuses a rejection without a note', () => {
    spec().given([...withFinding, reported()]).when(reject(' ')).thenThrows('PROJECT.REASON_REQUIRED');
  });

  it('refuses an unknown finding, a blank report, the wrong party', () => {
    spec().given(withFinding).when({ ...rectify(), findingId: 'f-9' }).thenThrows('PROJECT.FINDING_NOT_FOUND', { kind: 'not_found' });
    spec().given(withFinding).when({ ...rectify(), description: '' }).thenThrows('PROJECT.INVALID');
    spec().given(withFinding).when(rectify(undefined, otherUnit)).thenThrows('PROJECT.FORBIDDEN');
    spec().given([...withFinding, reported()]).when(accept(unit)).thenThrows('PROJECT.FORBIDDEN');
  });
});

describe('overdue rectification', () => {
  it('records a finding still open when its deadline has passed', () => {
    spec().given(withFinding).when(markOverdue()).then([overdue]);
  });

  it('is idempotent, and records nothing for a report awaiting review or accepted', () => {
    spec().given([...withFinding, overdue]).when(markOverdue()).thenNothing();
    spec().given([...withFinding, reported()]).when(markOverdue()).thenNothing();
    spec().given([...withFinding, reported(), accepted]).when(markOverdue()).thenNothing();
  });

  it('records a rejected rectification left past the deadline', () => {
    spec().given([...withFinding, reported(), rejected]).when(markOverdue()).then([overdue]);
  });

  it('records a finding a summary was accepted without, when its deadline passes after', () => {
    const summarised: ProjectEvent[] = [
      ...assessed, inspected, summarySubmitted(), { type: 'SummaryAccepted', data: { projectId: P.projectId, revision: 1, note: '整改尚未完成，已督促' } },
    ];
    spec().given(summarised).when(markOverdue()).then([overdue]);
  });

  it('records nothing once the project has ended', () => {
    const ended: ProjectEvent = { type: 'ProjectTerminated', data: { projectId: P.projectId, reason: '停产', previousStatus: 'in_progress' } };
    spec().given([...withFinding, ended]).when(markOverdue()).thenNothing();
  });

  it('refuses marking before the deadline day has ended, or by a unit', () => {
    spec().given(withFinding).when(markOverdue('2021-09-30T23:00:00+08:00')).thenThrows('PROJECT.NOT_YET_DUE');
    spec().given(withFinding).when({ ...markOverdue(), actor: unit }).thenThrows('PROJECT.FORBIDDEN');
  });
});
