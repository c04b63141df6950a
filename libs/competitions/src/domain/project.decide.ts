import { assertNever } from '@jingsai/shared';
import { draftProject, editProjectDraft, grantSubmissionExtension, submitProject } from './project-application.decide';
import { approveProject, rejectProject, returnProject } from './project-approval.decide';
import { addAssessor, declareConflictOfInterest, openAssessment } from './project-assessment.decide';
import { terminateProject, withdrawProject } from './project-closure.decide';
import { fileProgressReport, changeInstantCommendation, giveInstantCommendation, markProgressReportOverdue, recordMilestone } from './project-progress.decide';
import { finalizeAssessment, recordScore, recordSelfScore } from './project-scoring.decide';
import { acceptSummary, returnSummary, submitSummary } from './project-summary.decide';
import {
  acceptRectification,
  markRectificationOverdue,
  recordInspection,
  recordSafetyIncident,
  rejectRectification,
  reportRectification,
} from './project-supervision.decide';
import { ProjectCommand } from './project.commands';
import { ProjectEvent } from './project.events';
import { ProjectState } from './project.state';

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'DraftProject':
      return draftProject(command, state);
    case 'EditProjectDraft':
      return editProjectDraft(command, state);
    case 'SubmitProject':
      return submitProject(command, state);
    case 'GrantSubmissionExtension':
      return grantSubmissionExtension(command, state);
    case 'ApproveProject':
      return approveProject(command, state);
    case 'ReturnProject':
      return returnProject(command, state);
    case 'RejectProject':
      return rejectProject(command, state);
    case 'WithdrawProject':
      return withdrawProject(command, state);
    case 'TerminateProject':
      return terminateProject(command, state);
    case 'FileProgressReport':
      return fileProgressReport(command, state);
    case 'MarkProgressReportOverdue':
      return markProgressReportOverdue(command, state);
    case 'RecordMilestone':
      return recordMilestone(command, state);
    case 'GiveInstantCommendation':
      return giveInstantCommendation(command, state);
    case 'ChangeInstantCommendation':
      return changeInstantCommendation(command, state);
    case 'RecordInspection':
      return recordInspection(command, state);
    case 'ReportRectification':
      return reportRectification(command, state);
    case 'AcceptRectification':
      return acceptRectification(command, state);
    case 'RejectRectification':
      return rejectRectification(command, state);
    case 'MarkRectificationOverdue':
      return markRectificationOverdue(command, state);
    case 'RecordSafetyIncident':
      return recordSafetyIncident(command, state);
    case 'OpenAssessment':
      return openAssessment(command, state);
    case 'AddAssessor':
      return addAssessor(command, state);
    case 'DeclareConflictOfInterest':
      return declareConflictOfInterest(command, state);
    case 'RecordScore':
      return recordScore(command, state);
    case 'RecordSelfScore':
      return recordSelfScore(command, state);
    case 'FinalizeAssessment':
      return finalizeAssessment(command, state);
    case 'SubmitSummary':
      return submitSummary(command, state);
    case 'AcceptSummary':
      return acceptSummary(command, state);
    case 'ReturnSummary':
      return returnSummary(command, state);
    default:
      return assertNever(command);
  }
}
