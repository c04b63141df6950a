import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { INCIDENT_SEVERITY_LABELS } from './project-loop.catalogue';
import { projectActionFacts } from './project-actions-now';
import { assessed, assessorActor, base, inProgress, summarySubmitted } from './project-loop.fixtures';
import { RecordSafetyIncident } from './project-progress.commands';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { cityCommittee, drafted, otherUnit, P, unit } from './project.fixtures';
import { Project } from './project.state';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-09-20T10:00:00+08:00';
const incident = (over: Partial<RecordSafetyIncident> & { actor?: Actor } = {}): RecordSafetyIncident => ({
  type: 'RecordSafetyIncident',
  ...base(at, over.actor ?? cityCommittee),
  incidentId: 'x-1',
  occurredOn: '2021-09-19',
  severity: 'serious',
  kind: 'safety_accident',
  description: '检修平台高处坠落，1 人重伤',
  ...over,
});
const recorded: ProjectEvent = {
  type: 'SafetyIncidentRecorded',
  data: { projectId: P.projectId, incidentId: 'x-1', occurredOn: '2021-09-19', severity: 'serious', kind: 'safety_accident', description: '检修平台高处坠落，1 人重伤' },
};

describe('safety and quality incidents', () => {
  it('is recorded by a committee, with the date it occurred', () => {
    spec().given(inProgress).when(incident()).then([recorded]);
  });

  it('is recorded by the unit itself', () => {
    spec().given(inProgress).when(incident({ actor: unit })).then([recorded]);
  });

  it('can be recorded until the loop ends (after assessment, with the summary under review)', () => {
    spec().given(assessed).when(incident()).then([recorded]);
    spec().given([...assessed, summarySubmitted()]).when(incident({ kind: 'quality_accident', severity: 'minor' })).thenMatches([{ type: 'SafetyIncidentRecorded', data: { kind: 'quality_accident', severity: 'minor' } }]);
  });

  it('can still be recorded once the project is summarised: an accident that comes to light later vetoes its commendation (一票否决)', () => {
    const summarised: ProjectEvent[] = [...assessed, summarySubmitted(), { type: 'SummaryAccepted', data: { projectId: P.projectId, revision: 1, note: null } }];
    const late = incident({ at: '2021-12-20T10:00:00+08:00', kind: 'quality_accident', severity: 'minor', occurredOn: '2021-11-30', description: '批次产品质量事故' });
    spec().given(summarised).when(late).thenMatches([{ type: 'SafetyIncidentRecorded', data: { kind: 'quality_accident', occurredOn: '2021-11-30' } }]);
    spec().given(summarised).when(late).thenState((s) => expect(projectActionFacts(s as Project)).toMatchObject({ vetoed: true }));
  });

  it('keeps kind, date and severity in state for award eligibility', () => {
    spec()
      .given(inProgress)
      .when(incident())
      .thenState((s) => expect((s as Project).supervision.incidents).toEqual([{ incidentId: 'x-1', occurredOn: '2021-09-19', severity: 'serious', kind: 'safety_accident', description: '检修平台高处坠落，1 人重伤' }]));
  });

  it('labels the accident grades as the work-safety regulations do', () => {
    expect(Object.values(INCIDENT_SEVERITY_LABELS).map((l) => l.zh)).toEqual(['一般事故', '较大事故', '重大事故', '特别重大事故']);
  });

  it('refuses an incident dated after today', () => {
    spec().given(inProgress).when(incident({ occurredOn: '2021-09-21' })).thenThrows('PROJECT.DATE_IN_FUTURE');
  });

  it('refuses an incident from before the project began (the earlier of approval and the plan’s start), pointing to the organisation’s record', () => {
    // The fixture's plan starts 2021-08-01 and its approval carries no date: the plan's start bounds it.
    const early = spec().given(inProgress).when(incident({ occurredOn: '2021-07-31' })).thenThrows('PROJECT.DATE_BEFORE_PROJECT', { kind: 'validation', details: { projectStartsOn: '2021-08-01', errors: [{ field: 'occurredOn' }] } });
    expect(early.messageZh).toContain('作为单位事实登记');
    spec().given(inProgress).when(incident({ occurredOn: '2021-08-01' })).thenMatches([{ type: 'SafetyIncidentRecorded' }]);
    // Approved on 07-26, before the plan starts: from the approval on.
    const approvedEarly = inProgress.map((e) => (e.type === 'ProjectApproved' ? ({ ...e, data: { ...e.data, approvedAt: '2021-07-26T10:00:00+08:00' } } as ProjectEvent) : e));
    spec().given(approvedEarly).when(incident({ occurredOn: '2021-07-28' })).thenMatches([{ type: 'SafetyIncidentRecorded' }]);
    spec().given(approvedEarly).when(incident({ occurredOn: '2021-07-25' })).thenThrows('PROJECT.DATE_BEFORE_PROJECT', { details: { projectStartsOn: '2021-07-26' } });
  });

  it('refuses an unknown severity or kind, or no description', () => {
    spec()
      .given(inProgress)
      .when(incident({ severity: 'huge' as never, kind: 'fire' as never, description: ' ' }))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'severity' }, { field: 'kind' }, { field: 'description' }] } });
  });

  it('refuses a reused incident id', () => {
    spec().given([...inProgress, recorded]).when(incident()).thenThrows('PROJECT.DUPLICATE_ID');
  });

  it('refuses another unit or an assessor', () => {
    spec().given(inProgress).when(incident({ actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN');
    spec().given(inProgress).when(incident({ actor: assessorActor(1) })).thenThrows('PROJECT.FORBIDDEN');
  });

  it('refuses an incident on a project not yet approved', () => {
    spec().given([drafted]).when(incident()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'draft' } });
  });
});
