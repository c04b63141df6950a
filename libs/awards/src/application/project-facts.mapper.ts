import { Grade, GRADES, ProjectFacts, ProjectIncidentFact, shanghaiDateOf } from './award-domain';

/*
 * The competitions context owns the project; award eligibility reads a folded project through
 * this one function. It reads the later stages (supervision, assessment, summary) defensively:
 * a field that is missing reads as "nothing recorded", never as a pass it did not earn.
 */

type Loose = Record<string, any>;

const list = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);
const asGrade = (v: unknown): Grade | null => (typeof v === 'string' && (GRADES as readonly string[]).includes(v) ? (v as Grade) : null);

/** The Shanghai date of the last instant before `closesAt` (a window closing at 00:00 closes "on" the day before). */
export function deadlineDateOf(closesAt: string | undefined | null): string | undefined {
  if (!closesAt) return undefined;
  const ms = Date.parse(closesAt);
  return Number.isNaN(ms) ? undefined : shanghaiDateOf(new Date(ms - 1).toISOString());
}

export interface CampaignWindowLike {
  rules?: { applicationWindow?: { closesAt?: string } };
  applicationWindow?: { closesAt?: string };
}

/**
 * ProjectFacts of a folded project (`project-<id>`), or undefined when the project does not
 * exist. `campaignId` stands in when the state carries none; `campaign` (folded) supplies the
 * application deadline quoted in reasons.
 */
export function projectFactsFrom(projectState: unknown, campaignId: string, campaign?: CampaignWindowLike | null): ProjectFacts | undefined {
  const p = projectState as Loose | null | undefined;
  if (!p || p.status === 'none' || typeof p.projectId !== 'string') return undefined;
  const application: Loose = p.application ?? {};
  const submissions = list(application.submissions);
  const refusals = list(application.refusals);
  const firstOnTime: boolean | null = typeof application.firstSubmissionOnTime === 'boolean' ? application.firstSubmissionOnTime : null;
  // A refused late attempt without any filing is a late application, not "never applied".
  const submittedOnTime = firstOnTime ?? (refusals.length > 0 ? false : null);
  const firstFiledAt: string | undefined = submissions[0]?.submittedAt ?? refusals[0]?.attemptedAt;
  const supervision: Loose = p.supervision ?? {};
  const incidents: ProjectIncidentFact[] = list(supervision.incidents)
    .filter((i) => typeof i.kind === 'string' && typeof i.occurredOn === 'string')
    .map((i) => ({ kind: i.kind, occurredOn: i.occurredOn, severity: String(i.severity ?? 'unknown') }));
  const unrectifiedFindings = list(supervision.findings).filter((f) => f.status !== 'accepted').length;
  const closesAt = campaign?.rules?.applicationWindow?.closesAt ?? campaign?.applicationWindow?.closesAt;
  const deadlineOn = deadlineDateOf(closesAt);
  return {
    projectId: p.projectId,
    campaignId: typeof p.campaignId === 'string' ? p.campaignId : campaignId,
    status: String(p.status),
    approved: application.approvedRulesVersion !== null && application.approvedRulesVersion !== undefined,
    submittedOnTime,
    lateRefusalRecorded: refusals.length > 0,
    summaryAccepted: p.summary?.accepted !== null && p.summary?.accepted !== undefined,
    grade: asGrade(p.assessment?.result?.grade),
    incidents,
    unrectifiedFindings,
    ...(deadlineOn ? { applicationDeadlineOn: deadlineOn } : {}),
    submittedOn: firstFiledAt ? shanghaiDateOf(firstFiledAt) : null,
  };
}
