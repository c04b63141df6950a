import { Actor } from '@jingsai/shared';
import { CampaignCategory } from './campaign.catalogue';
import { CampaignRulesSnapshot } from './campaign-snapshot';
import { HierarchyLevel } from './levels';
import { ImplementationPlan, RegistrationForm } from './project-application';
import { ProjectAssessmentCommand } from './project-assessment.commands';
import { ProjectProgressCommand } from './project-progress.commands';

export interface ProjectCommandBase {
  projectId: string;
  at: string;
  actor: Actor;
}

/** The campaign as the handler found it (`campaignRulesSnapshot(campaignState)`). */
interface WithCampaign {
  campaign: CampaignRulesSnapshot;
}

/** Facts a committee decision needs, computed by the handler from the organisation tree. */
export interface ApprovalFacts extends WithCampaign {
  /** The level of the acting committee's organisation. */
  approverLevel: HierarchyLevel;
  /**
   * Levels at which the project's organisation has an ancestor committee; the campaign's
   * approval levels not in this list are skipped (a directly-affiliated city unit skips county).
   */
  applicableLevels: HierarchyLevel[];
}

export interface DraftProject extends ProjectCommandBase, WithCampaign {
  type: 'DraftProject';
  campaignId: string;
  orgId: string;
  title: string;
  category: CampaignCategory;
  /**
   * A project of another category that is also a vocational skills contest (技能竞赛), such as a
   * non-public enterprises' skills contest (非公企业职工技能竞赛, review 50 #2): its winners are
   * skills-contest champions. A project of the skills category is one whatever this says.
   */
  skillsContest?: boolean;
  registrationForm: RegistrationForm;
  implementationPlan: ImplementationPlan;
}

export type ProjectDraftChanges = Partial<Pick<DraftProject, 'title' | 'category' | 'skillsContest' | 'registrationForm' | 'implementationPlan'>>;

/** Each given field replaces the stored one whole (a form is resent complete). */
export interface EditProjectDraft extends ProjectCommandBase, WithCampaign {
  type: 'EditProjectDraft';
  changes: ProjectDraftChanges;
}

export interface SubmitProject extends ProjectCommandBase, WithCampaign {
  type: 'SubmitProject';
}

export interface ApproveProject extends ProjectCommandBase, ApprovalFacts {
  type: 'ApproveProject';
  /** 审批意见, recorded with the approval (absent: none given). */
  note?: string | null;
}

export interface ReturnProject extends ProjectCommandBase, ApprovalFacts {
  type: 'ReturnProject';
  reason: string;
}

export interface RejectProject extends ProjectCommandBase, ApprovalFacts {
  type: 'RejectProject';
  reason: string;
}

export interface GrantSubmissionExtension extends ProjectCommandBase, WithCampaign {
  type: 'GrantSubmissionExtension';
  /** ISO instant until which this project may still be submitted. */
  until: string;
  reason: string;
}

export interface WithdrawProject extends ProjectCommandBase {
  type: 'WithdrawProject';
  reason?: string | null;
}

export interface TerminateProject extends ProjectCommandBase {
  type: 'TerminateProject';
  reason: string;
}

export type ProjectCommand =
  | DraftProject
  | EditProjectDraft
  | SubmitProject
  | ApproveProject
  | ReturnProject
  | RejectProject
  | GrantSubmissionExtension
  | WithdrawProject
  | TerminateProject
  | ProjectProgressCommand
  | ProjectAssessmentCommand;
