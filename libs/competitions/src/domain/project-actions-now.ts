import { beijingDate, deadlinePassed, isBefore } from './calendar';
import { CampaignRulesSnapshot } from './campaign-snapshot';
import { VETO_INCIDENT_KINDS } from './project-loop.catalogue';
import { submissionProblems } from './project-application';
import { scoresNeeded, validScoreSheets } from './project-facts';
import { Project } from './project.state';
import { ProjectAction } from './project.status';

/**
 * What is known about a project beyond its stage, to list only actions that would be accepted
 * now. A fact left out narrows nothing.
 */
export interface ProjectActionFacts {
  /** Findings the unit still has to rectify (open, or sent back). */
  findingsToRectify?: number;
  /** Rectifications reported and awaiting the committee's verdict (on a board row, those the caller verifies). */
  findingsToReview?: number;
  /** Rectifications awaiting any committee's verdict, where it differs from `findingsToReview`: the summary waits for them all (review 56 #5). */
  findingsAwaitingAnyone?: number;
  /** Whether a submission now would be accepted: inside the window, or under an extension. */
  submissionOpen?: boolean;
  /** Whether the registration form and implementation plan are complete enough to submit. */
  applicationComplete?: boolean;
  /** A safety or quality accident on the project (一票否决): no commendation may be given. */
  vetoed?: boolean;
  /** Milestones recorded: an instant commendation is given at one, so none can be given before the first. */
  milestones?: number;
  /** Whether the valid score sheets reach what finalisation needs (`scoresNeeded`). */
  enoughScores?: boolean;
  /** Whether the caller may extend the deadline now: the organising committee, before the campaign is over. */
  mayExtend?: boolean;
  /** Whether the caller is the committee that opened the assessment or one above it (false: another committee over the project; undefined: not known). */
  assessmentOwner?: boolean;
}

/**
 * What only the committee that opened the assessment (or one above it) does: add an assessor, fix
 * the result, with its review of a disagreement, and accept the summary, which closes the loop
 * and feeds eligibility (review 49 #3). Returning a summary is any committee's over the project
 * (a county may send one back, as it approved the application).
 */
export const ASSESSMENT_OWNER_ACTIONS: readonly ProjectAction[] = ['add_assessor', 'finalize_assessment', 'accept_summary'];

/** The organising committee extends its deadline, while its campaign is published and not over (the extension decider's rules). */
export function mayExtendNow(callerOrgId: string, campaign: { organizerOrgId: string; endsOn: string; status: string }, at: string): boolean {
  return callerOrgId === campaign.organizerOrgId && campaign.status === 'published' && beijingDate(at) <= campaign.endsOn;
}

/** A submission at `at` is accepted from the window's opening until it closes, or until an extension ends. */
export function submissionOpenAt(at: string, window: { opensAt: string; closesAt: string }, extensionUntil: string | null): boolean {
  if (isBefore(at, window.opensAt)) return false;
  return !deadlinePassed(at, window.closesAt) || (extensionUntil !== null && !deadlinePassed(at, extensionUntil));
}

/**
 * The facts a project's own state gives; whether it can be submitted only when the caller
 * knows the time and the campaign (published, and its window or this project's extension open).
 */
export function projectActionFacts(project: Project, now?: { at: string; campaign: Pick<CampaignRulesSnapshot, 'status' | 'applicationWindow' | 'span'> }): ProjectActionFacts {
  const findings = project.supervision.findings;
  const extensionUntil = project.application.extension?.until ?? null;
  return {
    findingsToRectify: findings.filter((f) => f.status === 'open' || f.status === 'rejected').length,
    findingsToReview: findings.filter((f) => f.status === 'reported').length,
    // Kept when a view narrows findingsToReview to the caller's (review 57 #1: the detail offered accept_summary then).
    findingsAwaitingAnyone: findings.filter((f) => f.status === 'reported').length,
    applicationComplete: submissionProblems(project, undefined, now?.campaign.span).length === 0,
    vetoed: project.supervision.incidents.some((i) => VETO_INCIDENT_KINDS.includes(i.kind)),
    milestones: project.progress.milestones.length,
    enoughScores: project.assessment ? validScoreSheets(project.assessment).length >= scoresNeeded(project.assessment.scheme) : undefined,
    submissionOpen: now ? now.campaign.status === 'published' && submissionOpenAt(now.at, now.campaign.applicationWindow, extensionUntil) : undefined,
  };
}

/** The actions (of a stage) that the facts do not rule out. */
export function narrowActions(actions: readonly ProjectAction[], facts: ProjectActionFacts): ProjectAction[] {
  return actions.filter((a) => {
    switch (a) {
      case 'submit':
        return facts.submissionOpen !== false && facts.applicationComplete !== false;
      case 'report_rectification':
        return facts.findingsToRectify === undefined || facts.findingsToRectify > 0;
      case 'accept_rectification':
      case 'reject_rectification':
        return facts.findingsToReview === undefined || facts.findingsToReview > 0;
      case 'accept_summary':
        // A rectification awaiting verification is verified first: nothing can be verified once the summary closes the project.
        return ((facts.findingsAwaitingAnyone ?? facts.findingsToReview) ?? 0) === 0 && facts.assessmentOwner !== false;
      case 'finalize_assessment':
        return facts.enoughScores !== false && facts.assessmentOwner !== false;
      case 'add_assessor':
        return facts.assessmentOwner !== false;
      case 'grant_extension':
        // While the window is open anyone may submit: an extension means something only once it has closed.
        return facts.mayExtend !== false && facts.submissionOpen !== true;
      case 'give_instant_commendation':
        return facts.vetoed !== true && facts.milestones !== 0;
      default:
        return true;
    }
  });
}
