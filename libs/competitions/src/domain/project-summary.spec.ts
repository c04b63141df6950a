import { Actor, fold } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { ProgressMetrics } from './progress-metrics';
import { projectOutcomeFacts } from './project-facts';
import { assessed, base, inProgress, outcomes, summarySubmitted, underAssessment } from './project-loop.fixtures';
import { projectDecider } from './project.decider';
import { unfiledOverduePeriods } from './project-summary.decide';
import { ProjectEvent } from './project.events';
import { cityCommittee, otherUnit, P, unit } from './project.fixtures';
import { allowedProjectActions, PROJECT_STATUS_LABELS } from './project.status';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2022-01-15T10:00:00+08:00';
const experience = '以技能比武带动岗位练兵，形成“师带徒”经验。';
const submit = (over: Partial<{ outcomes: ProgressMetrics; experience: string; actor: Actor }> = {}) => ({ type: 'SubmitSummary' as const, ...base(at, over.actor ?? unit), outcomes, experience, ...over });
const NOTE = '同意，各项数据已与单位核实';
const accept = (actor: Actor = cityCommittee, note: string | null = NOTE) => ({ type: 'AcceptSummary' as const, ...base(at, actor), note });
const ret = (reason = '缺少节能量测算依据') => ({ type: 'ReturnSummary' as const, ...base(at, cityCommittee), reason });
const accepted = (revision = 1, note: string | null = NOTE): ProjectEvent => ({ type: 'SummaryAccepted', data: { projectId: P.projectId, revision, note } });
/** The period reports add up to exactly the fixture's summary outcomes. */
const reportsBackingOutcomes: ProjectEvent[] = [
  { participants: 2600, participating_enterprises: 1, technical_innovations: 10, suggestions_made: 70, suggestions_adopted: 48, energy_saved_tce: 150 },
  { participants: 2600, participating_enterprises: 1, technical_innovations: 12, suggestions_made: 70, suggestions_adopted: 48, energy_saved_tce: 162.5 },
].map((metrics, i) => ({
  type: 'ProgressReportFiled',
  data: { projectId: P.projectId, reportId: `r-${i}`, period: `2021-Q${i + 3}`, metrics, narrative: '按计划推进', dueOn: `2021-${i === 0 ? '10' : '12'}-10`, filedAt: '2021-10-08T10:00:00+08:00', late: false, rulesVersion: 1 },
}));
const withReports = (events: ProjectEvent[]) => [...events.slice(0, 4), ...reportsBackingOutcomes, ...events.slice(4)];
const inspected = (status: 'open' | 'reported'): ProjectEvent[] => [
  { type: 'InspectionRecorded', data: { projectId: P.projectId, inspectionId: 'i-1', inspectedOn: '2021-09-18', findings: [{ findingId: 'f-1', description: '安全培训台账不全', severity: 'minor', rectifyBy: '2021-09-30' }] } },
  ...(status === 'reported' ? [{ type: 'RectificationReported', data: { projectId: P.projectId, findingId: 'f-1', description: '已补齐台账', late: false } } as ProjectEvent] : []),
];
const returned: ProjectEvent = { type: 'SummaryReturned', data: { projectId: P.projectId, revision: 1, reason: '缺少节能量测算依据' } };

describe('summary (总结)', () => {
  it('is submitted by the unit once assessed', () => {
    spec().given(assessed).when(submit()).then([summarySubmitted(1, at)]);
    // When it was submitted, for the committee deciding on it (review 37 #9); older events read as null.
    spec().given(assessed).when(submit()).thenState((s) => expect(s).toMatchObject({ summary: { submissions: [{ revision: 1, submittedAt: at }] } }));
    expect(fold(projectDecider, [...assessed, summarySubmitted()])).toMatchObject({ summary: { submissions: [{ submittedAt: null }] } });
  });

  it('moves the project to summary submitted', () => {
    spec().given(assessed).when(submit()).thenState((s) => expect(s.status).toBe('summary_submitted'));
  });

  it('is accepted without a note when the figures agree with the reports and no finding is open', () => {
    spec().given(withReports([...assessed, summarySubmitted()])).when(accept(cityCommittee, null)).then([accepted(1, null)]);
  });

  it('asks for a note to accept figures no report backs or over-reported ones (虚报), naming each', () => {
    const refused = spec().given([...assessed, summarySubmitted()]).when(accept(cityCommittee, null)).thenThrows('PROJECT.SUMMARY_NOTE_REQUIRED', { kind: 'unprocessable', details: { errors: [{ field: 'note' }] } });
    expect(refused.messageZh).toContain('总结参与职工人次 5200 人次，各期报告均未填报该指标，请核实来源；');
    expect(refused.messageZh).toMatch(/。如确认通过，请填写验收意见（note）；否则请退回总结。$/);
    const inflated = [...withReports(assessed), { type: 'SummarySubmitted', data: { projectId: P.projectId, revision: 1, outcomes: { ...outcomes, participants: 52000 }, experience } } as ProjectEvent];
    const over = spec().given(inflated).when(accept(cityCommittee, '  ')).thenThrows('PROJECT.SUMMARY_NOTE_REQUIRED', { details: { checks: [{ metric: 'participants', flag: 'above', reports: 5200 }] } });
    expect(over.messageZh).toContain('比各期报告合计 5200 人次多 46800 人次（900%），请核实是否属实');
    spec().given(inflated).when(accept()).then([accepted()]);
  });

  it('is refused while a rectification awaits the committee’s verification, and asks for a note over an unrectified finding', () => {
    const toVerify = withReports([...inProgress, ...inspected('reported'), ...assessed.slice(4), summarySubmitted()]);
    spec().given(toVerify).when(accept()).thenThrows('PROJECT.RECTIFICATION_AWAITING_REVIEW', { kind: 'illegal_state', details: { findingIds: ['f-1'] } });
    const open = withReports([...inProgress, ...inspected('open'), ...assessed.slice(4), summarySubmitted()]);
    const refused = spec().given(open).when(accept(cityCommittee, null)).thenThrows('PROJECT.SUMMARY_NOTE_REQUIRED', { details: { unrectifiedFindingIds: ['f-1'] } });
    expect(refused.messageZh).toContain('1 项督导问题未整改（安全培训台账不全），项目结束后将不能再整改，并影响评选资格');
    spec().given(open).when(accept()).then([accepted()]);
  });

  it('names reports missed and never filed, in time order, where a note is asked for; alone they do not hold the acceptance up', () => {
    const overdue = (period: string, dueOn: string): ProjectEvent => ({ type: 'ProgressReportOverdue', data: { projectId: P.projectId, period, dueOn } });
    const q3Only = { type: 'SummarySubmitted', data: { projectId: P.projectId, revision: 1, outcomes: (reportsBackingOutcomes[0]!.data as { metrics: ProgressMetrics }).metrics, experience } } as ProjectEvent;
    const missed = [...withReports(assessed).slice(0, 4), reportsBackingOutcomes[0]!, overdue('2021-Q4', '2022-01-10'), ...withReports(assessed).slice(6), q3Only];
    // Q3 was filed; Q4 was marked overdue and never filed (the fixture's Q4 report left out).
    spec().given(missed).when(accept(cityCommittee, null)).then([accepted(1, null)]);
    expect(unfiledOverduePeriods(fold(projectDecider, missed) as never)).toEqual(['2021-Q4']);
    // With an over-reported figure beside it, the note asked for names the miss too.
    const inflated = [...missed.slice(0, -1), { type: 'SummarySubmitted', data: { projectId: P.projectId, revision: 1, outcomes: { ...outcomes, participants: 52000 }, experience } } as ProjectEvent];
    const refused = spec().given(inflated).when(accept(cityCommittee, null)).thenThrows('PROJECT.SUMMARY_NOTE_REQUIRED', { details: { unfiledPeriods: ['2021-Q4'] } });
    expect(refused.messageZh).toContain('1 期进展报告逾期未报送（2021年第四季度），总结数据不含这些报送期的报告');
    // A miss filed late is no longer unfiled.
    spec().given(withReports([...assessed.slice(0, 4), overdue('2021-Q3', '2021-10-10'), ...assessed.slice(4), summarySubmitted()])).when(accept(cityCommittee, null)).then([accepted(1, null)]);
  });

  it('is accepted by a committee: the project is summarised', () => {
    spec().given([...assessed, summarySubmitted()]).when(accept()).then([accepted()]);
    spec().given([...assessed, summarySubmitted()]).when(accept()).thenState((s) => expect(s).toMatchObject({ status: 'summarized', summary: { accepted: { revision: 1 } } }));
  });

  it('is returned with a reason, back to assessed, and submitted again as revision 2', () => {
    spec().given([...assessed, summarySubmitted()]).when(ret()).then([returned]);
    spec().given([...assessed, summarySubmitted(), returned]).when(ret()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'assessed' } });
    spec().given([...assessed, summarySubmitted(), returned]).when(submit()).then([summarySubmitted(2, at)]);
    spec().given([...assessed, summarySubmitted(), returned, summarySubmitted(2)]).when(accept()).then([accepted(2)]);
  });

  it('keeps the return in state', () => {
    spec()
      .given([...assessed, summarySubmitted()])
      .when(ret())
      .thenState((s) => expect(s).toMatchObject({ status: 'assessed', summary: { returns: [{ revision: 1, reason: '缺少节能量测算依据' }], accepted: null } }));
  });

  it('refuses a return without a reason', () => {
    spec().given([...assessed, summarySubmitted()]).when(ret(' ')).thenThrows('PROJECT.REASON_REQUIRED');
  });

  it('refuses invalid outcomes or no experience', () => {
    spec()
      .given(assessed)
      .when(submit({ outcomes: { suggestions_made: 5, suggestions_adopted: 6 }, experience: '' }))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'outcomes.suggestions_adopted' }, { field: 'experience' }] } });
    spec().given(assessed).when(submit({ outcomes: {} })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'outcomes' }] } });
  });

  it('refuses the wrong party', () => {
    spec().given(assessed).when(submit({ actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN');
    spec().given([...assessed, summarySubmitted()]).when(accept(unit)).thenThrows('PROJECT.FORBIDDEN');
  });

  it('refuses a summary before assessment, naming the stage and what is allowed', () => {
    spec()
      .given(inProgress)
      .when(submit())
      .thenThrows('PROJECT.ILLEGAL_TRANSITION', { kind: 'illegal_state', details: { currentState: 'in_progress', allowedActions: allowedProjectActions({ status: 'in_progress' }, 'unit').filter((a) => !a.endsWith('_rectification')) } });
    spec().given(assessed).when(accept()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'assessed' } });
  });

  it('closes the loop: nothing more once summarised but an accident that comes to light', () => {
    spec().given([...assessed, summarySubmitted(), accepted()]).when(submit()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'summarized', allowedActions: ['record_incident'] } });
  });
});

describe('ending the project from the later stages', () => {
  const stages: Record<string, ProjectEvent[]> = { under_assessment: underAssessment(), assessed, summary_submitted: [...assessed, summarySubmitted()] };
  it.each(Object.entries(stages))('allows withdrawal and termination from %s', (status, history) => {
    spec().given(history).when({ type: 'WithdrawProject', ...base(at, unit) }).thenMatches([{ type: 'ProjectWithdrawn', data: { previousStatus: status } }]);
    spec().given(history).when({ type: 'TerminateProject', ...base(at, cityCommittee), reason: '发生重大安全事故' }).thenMatches([{ type: 'ProjectTerminated', data: { previousStatus: status } }]);
  });
});

describe('outcome facts for award eligibility', () => {
  it('answers grade, total, summary, incidents, findings, overdue periods and commendations', () => {
    const incident: ProjectEvent = { type: 'SafetyIncidentRecorded', data: { projectId: P.projectId, incidentId: 'x-1', occurredOn: '2021-09-19', severity: 'minor', kind: 'quality_accident', description: '焊缝返工' } };
    const overdue: ProjectEvent = { type: 'ProgressReportOverdue', data: { projectId: P.projectId, period: '2021-Q3', dueOn: '2021-10-10' } };
    const inspection: ProjectEvent = { type: 'InspectionRecorded', data: { projectId: P.projectId, inspectionId: 'i-1', inspectedOn: '2021-09-18', findings: [{ findingId: 'f-1', description: '台账不全', severity: 'minor', rectifyBy: '2021-09-30' }] } };
    const state = fold(projectDecider, [...inProgress, incident, overdue, inspection, ...assessed.slice(4), summarySubmitted(), accepted()]);
    expect(projectOutcomeFacts(state)).toEqual({
      incidents: [{ incidentId: 'x-1', kind: 'quality_accident', occurredOn: '2021-09-19', severity: 'minor' }],
      unrectifiedFindingCount: 1,
      grade: 'good',
      total: 85,
      summaryAccepted: true,
      overduePeriods: ['2021-Q3'],
      instantCommendations: [],
    });
    expect(projectOutcomeFacts(projectDecider.initialState())).toMatchObject({ grade: null, summaryAccepted: false });
  });

  it('labels the later stages in Chinese', () => {
    expect(PROJECT_STATUS_LABELS).toMatchObject({ under_assessment: '评估中', assessed: '已评估', summary_submitted: '总结已提交', summarized: '已总结' });
  });
});
