import { CampaignCategory } from './campaign.catalogue';
import { HierarchyLevel } from './levels';
import { ImplementationPlan, RegistrationForm } from './project-application';
import { ProjectAssessment, ProjectProgress, ProjectSummary, ProjectSupervision } from './project-loop.state';
import { ProjectStatus } from './project.status';

export interface ProjectSubmission {
  submittedAt: string;
  rulesVersion: number;
  resubmission: boolean;
  underExtension: boolean;
}

export interface ProjectSubmissionRefusal {
  reason: 'window_closed';
  attemptedAt: string;
  windowClosesAt: string;
  extensionUntil: string | null;
}

/** Stage 1 (申报、立项): everything award eligibility and the approvers need to know. */
export interface ProjectApplication {
  submissions: ProjectSubmission[];
  /** null until first submitted; false when the first filing came only under an extension. */
  firstSubmissionOnTime: boolean | null;
  /** Late attempts, recorded under the Jiujiang rule. */
  refusals: ProjectSubmissionRefusal[];
  /** Levels that approved since the last submission (a return starts the round again). */
  approvedLevels: HierarchyLevel[];
  /** 审批意见 given with those approvals, by level (a return starts the round again). */
  approvalNotes: Array<{ level: HierarchyLevel; note: string }>;
  /** The campaign rules version in force at 立项; null until approved. */
  approvedRulesVersion: number | null;
  /** When 立项 was decided; null until approved (or when recorded before this was kept). */
  approvedAt: string | null;
  extension: { until: string; reason: string } | null;
  lastReturn: { level: HierarchyLevel; reason: string } | null;
  rejection: { level: HierarchyLevel; reason: string } | null;
}

/** How a project left the loop early (撤回 / 终止) and from which stage. */
export interface ProjectEnding {
  kind: 'withdrawn' | 'terminated';
  reason: string | null;
  previousStatus: ProjectStatus;
}

/**
 * A project: its identity and application documents, the status, and one sub-record per
 * stage (application, progress, supervision, assessment, summary; see project-loop.state.ts).
 */
export interface Project {
  status: ProjectStatus;
  projectId: string;
  campaignId: string;
  orgId: string;
  title: string;
  category: CampaignCategory;
  /** Also a vocational skills contest, though of another category (absent: not said). */
  skillsContest?: boolean;
  registrationForm: RegistrationForm;
  implementationPlan: ImplementationPlan;
  application: ProjectApplication;
  progress: ProjectProgress;
  supervision: ProjectSupervision;
  /** null until assessment is opened. */
  assessment: ProjectAssessment | null;
  /** null until a summary is first submitted. */
  summary: ProjectSummary | null;
  ending: ProjectEnding | null;
}

export type ProjectState = { status: 'none' } | Project;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

export function emptyApplication(): ProjectApplication {
  return { submissions: [], firstSubmissionOnTime: null, refusals: [], approvedLevels: [], approvalNotes: [], approvedRulesVersion: null, approvedAt: null, extension: null, lastReturn: null, rejection: null };
}

/**
 * A vocational skills contest (职业技能竞赛): by its category, or a project of another category its
 * unit said is one (a non-public enterprises' skills contest, review 50 #2). Its winners are
 * skills-contest champions.
 */
export function isSkillsContest(project: Pick<Project, 'category' | 'skillsContest'>): boolean {
  return project.category === 'skills' || project.skillsContest === true;
}
