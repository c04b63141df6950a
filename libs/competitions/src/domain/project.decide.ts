import { assertNever } from '@jingsai/shared';
import { draftProject, editProjectDraft, grantSubmissionExtension, submitProject } from './project-application.decide';
import { approveProject, rejectProject, returnProject } from './project-approval.decide';
import { terminateProject, withdrawProject } from './project-closure.decide';
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
    default:
      return assertNever(command);
  }
}
