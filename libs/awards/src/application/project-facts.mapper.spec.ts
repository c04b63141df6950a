import { ProjectEvent, projectDecider } from '@jingsai/competitions';
import { fold } from '@jingsai/shared';
import { projectFactsFrom } from './project-facts.mapper';

const projectId = 'p-1';
const drafted: ProjectEvent = {
  type: 'ProjectDrafted',
  data: { projectId, campaignId: 'jj-2021', orgId: 'ent-1', title: '技能比武', category: 'skills', registrationForm: {} as never, implementationPlan: {} as never },
};
const campaign = { rules: { applicationWindow: { closesAt: '2021-07-23T00:00:00+08:00' } } };
const e = (type: string, data: object) => ({ type, data: { projectId, ...data } }) as ProjectEvent;
const facts = (events: ProjectEvent[]) => projectFactsFrom(fold(projectDecider, events), 'jj-2021', campaign);

describe('projectFactsFrom (a folded project as award eligibility reads it)', () => {
  it('is undefined for a project that does not exist', () => {
    expect(projectFactsFrom(projectDecider.initialState(), 'jj-2021')).toBeUndefined();
  });

  it('reads a refused late attempt without any filing as a late application (the Jiujiang rule)', () => {
    const refused = e('ProjectSubmissionRefused', { reason: 'window_closed', windowClosesAt: '2021-07-22T16:00:00.000Z', attemptedAt: '2021-07-23T01:00:00.000Z', extensionUntil: null });
    expect(facts([drafted, refused])).toMatchObject({
      submittedOnTime: false, lateRefusalRecorded: true, approved: false, submittedOn: '2021-07-23', applicationDeadlineOn: '2021-07-22', summaryAccepted: false, grade: null,
    });
  });

  it('carries the later stages: grade, accepted summary, incidents and unrectified findings', () => {
    const events = [
      drafted,
      e('ProjectSubmitted', { rulesVersion: 1, resubmission: false, underExtension: false, submittedAt: '2021-07-20T02:00:00.000Z' }),
      e('ProjectApproved', { level: 'city', rulesVersion: 1, approvedLevels: ['city'] }),
      e('InspectionRecorded', { inspectionId: 'i1', inspectedOn: '2021-10-01', findings: [{ findingId: 'f1', description: '台账不全', severity: 'minor', rectifyBy: '2021-10-15' }] }),
      e('SafetyIncidentRecorded', { incidentId: 'x1', occurredOn: '2021-11-02', severity: 'minor', kind: 'quality_accident', description: '返工' }),
      e('AssessmentOpened', { rulesVersion: 1, scheme: {}, projectOrgPath: [], assessors: [] }),
      e('AssessmentFinalized', { total: 91, grade: 'excellent', aggregation: 'mean', totalsUsed: [91], dropped: [], assessorCount: 3, disagreement: { spread: 0, threshold: 15, flagged: false }, rulesVersion: 1, assessorTotals: [], missingAssessors: [] }),
      e('SummarySubmitted', { revision: 1, outcomes: {}, experience: '经验' }),
      e('SummaryAccepted', { revision: 1, note: null }),
    ];
    expect(facts(events)).toEqual({
      projectId, title: '技能比武', campaignId: 'jj-2021', status: 'summarized', statusLabel: '已总结', approved: true, submittedOnTime: true, lateRefusalRecorded: false, summaryAccepted: true, grade: 'excellent',
      incidents: [{ kind: 'quality_accident', occurredOn: '2021-11-02', severity: 'minor' }], unrectifiedFindings: 1, applicationDeadlineOn: '2021-07-22', applicationClosesAt: '2021-07-23T00:00:00+08:00', submittedOn: '2021-07-20',
    });
  });
});
