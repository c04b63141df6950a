import { assertNever } from '@jingsai/shared';
import { HierarchyLevel } from './levels';
import { evolveAssessment } from './project-assessment.evolve';
import { emptyProgress, emptySupervision } from './project-loop.state';
import { evolveProgress } from './project-progress.evolve';
import { ProjectEvent } from './project.events';
import { emptyApplication, Project, ProjectApplication, ProjectState } from './project.state';

/** Folds one event into a new state; never throws, never mutates (the state cache shares states). */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectDrafted') {
    return { status: 'draft', ...event.data, application: emptyApplication(), progress: emptyProgress(), supervision: emptySupervision(), assessment: null, summary: null, ending: null };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

const withApplication = (p: Project, change: Partial<ProjectApplication>): Project => ({ ...p, application: { ...p.application, ...change } });

function evolveExisting(p: Project, event: Exclude<ProjectEvent, { type: 'ProjectDrafted' }>): Project {
  const a = p.application;
  switch (event.type) {
    case 'ProjectDraftEdited':
      return { ...p, ...event.data.changes };
    case 'ProjectSubmitted': {
      const { submittedAt, rulesVersion, resubmission, underExtension } = event.data;
      return {
        ...withApplication(p, {
          submissions: [...a.submissions, { submittedAt, rulesVersion, resubmission, underExtension }],
          firstSubmissionOnTime: a.firstSubmissionOnTime ?? !underExtension,
          approvedLevels: [],
          approvalNotes: [],
        }),
        status: 'submitted',
      };
    }
    case 'ProjectSubmissionRefused': {
      const { reason, attemptedAt, windowClosesAt, extensionUntil } = event.data;
      return withApplication(p, { refusals: [...a.refusals, { reason, attemptedAt, windowClosesAt, extensionUntil }] });
    }
    case 'SubmissionExtensionGranted':
      return withApplication(p, { extension: { until: event.data.until, reason: event.data.reason } });
    case 'ProjectApprovedAtLevel':
      return withApplication(p, { approvedLevels: [...a.approvedLevels, event.data.level], approvalNotes: withNote(a.approvalNotes ?? [], event.data) });
    case 'ProjectApproved':
      return {
        ...withApplication(p, { approvedLevels: [...event.data.approvedLevels], approvalNotes: withNote(a.approvalNotes ?? [], event.data), approvedRulesVersion: event.data.rulesVersion, approvedAt: event.data.approvedAt ?? null }),
        status: 'in_progress',
      };
    case 'ProjectReturned':
      return { ...withApplication(p, { approvedLevels: [], approvalNotes: [], lastReturn: { level: event.data.level, reason: event.data.reason } }), status: 'returned' };
    case 'ProjectRejected':
      return { ...withApplication(p, { rejection: { level: event.data.level, reason: event.data.reason } }), status: 'rejected' };
    case 'ProjectWithdrawn':
      return { ...p, status: 'withdrawn', ending: { kind: 'withdrawn', reason: event.data.reason, previousStatus: event.data.previousStatus } };
    case 'ProjectTerminated':
      return { ...p, status: 'terminated', ending: { kind: 'terminated', reason: event.data.reason, previousStatus: event.data.previousStatus } };
    case 'ProgressReportFiled':
    case 'ProgressReportCorrected':
    case 'ProgressReportOverdue':
    case 'MilestoneRecorded':
    case 'InstantCommendationGiven':
    case 'InstantCommendationStatusChanged':
    case 'InspectionRecorded':
    case 'RectificationReported':
    case 'RectificationAccepted':
    case 'RectificationRejected':
    case 'RectificationOverdue':
    case 'SafetyIncidentRecorded':
      return evolveProgress(p, event);
    case 'AssessmentOpened':
    case 'ConflictOfInterestWaived':
    case 'AssessorAddedAfterLock':
    case 'AssessorOrganisationCorrected':
    case 'ConflictOfInterestDeclared':
    case 'ScoreRecorded':
    case 'ScoreCorrected':
    case 'SelfScoreRecorded':
    case 'AssessmentFinalized':
    case 'SummarySubmitted':
    case 'SummaryAccepted':
    case 'SummaryReturned':
      return evolveAssessment(p, event);
    default:
      return assertNever(event);
  }
}

/** An approval's 审批意见 added to the round's (none given: as they were). */
function withNote(notes: ProjectApplication['approvalNotes'], d: { level: HierarchyLevel; note?: string }): ProjectApplication['approvalNotes'] {
  return d.note ? [...notes, { level: d.level, note: d.note }] : notes;
}
