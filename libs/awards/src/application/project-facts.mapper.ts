import { PROJECT_STATUS_LABELS, ProjectState, projectOutcomeFacts } from '@jingsai/competitions';
import { GRADES, Grade, ProjectFacts, shanghaiDateOf } from './award-domain';

/*
 * The competitions context owns the project; award eligibility reads a folded project through
 * this one function: the application stage from the project's own record, the later stages
 * (incidents, unrectified findings, grade, accepted summary) through the competitions context's
 * projectOutcomeFacts, so both contexts count them the same way.
 */

const asGrade = (v: unknown): Grade | null => (typeof v === 'string' && (GRADES as readonly string[]).includes(v) ? (v as Grade) : null);

/** The Shanghai date of the last instant before `closesAt` (a window closing at 00:00 closes "on" the day before). */
export function deadlineDateOf(closesAt: string | undefined | null): string | undefined {
  if (!closesAt) return undefined;
  const ms = Date.parse(closesAt);
  return Number.isNaN(ms) ? undefined : shanghaiDateOf(new Date(ms - 1).toISOString());
}

export interface CampaignWindowLike {
  rules?: { applicationWindow?: { closesAt?: string } };
}

/**
 * ProjectFacts of a folded project (`project-<id>`), or undefined when the project does not
 * exist. `campaignId` names the campaign when the state carries none; `campaign` (folded)
 * supplies the application deadline quoted in reasons.
 */
export function projectFactsFrom(projectState: ProjectState, campaignId: string, campaign?: CampaignWindowLike | null): ProjectFacts | undefined {
  if (projectState.status === 'none') return undefined;
  const p = projectState;
  const { submissions, refusals, firstSubmissionOnTime, approvedRulesVersion } = p.application;
  // A refused late attempt without any filing is a late application, not "never applied".
  const submittedOnTime = firstSubmissionOnTime ?? (refusals.length > 0 ? false : null);
  const firstFiledAt = submissions[0]?.submittedAt ?? refusals[0]?.attemptedAt;
  const outcome = projectOutcomeFacts(p);
  const closesAt = campaign?.rules?.applicationWindow?.closesAt;
  const deadlineOn = deadlineDateOf(closesAt);
  return {
    projectId: p.projectId,
    ...(p.title ? { title: p.title } : {}),
    campaignId: p.campaignId || campaignId,
    status: p.status,
    statusLabel: PROJECT_STATUS_LABELS[p.status] ?? p.status,
    approved: approvedRulesVersion !== null,
    submittedOnTime,
    lateRefusalRecorded: refusals.length > 0,
    summaryAccepted: outcome.summaryAccepted,
    grade: asGrade(outcome.grade),
    incidents: outcome.incidents.map((i) => ({ kind: i.kind, occurredOn: i.occurredOn, severity: i.severity })),
    unrectifiedFindings: outcome.unrectifiedFindingCount,
    ...(deadlineOn ? { applicationDeadlineOn: deadlineOn, applicationClosesAt: closesAt } : {}),
    submittedOn: firstFiledAt ? shanghaiDateOf(firstFiledAt) : null,
  };
}
