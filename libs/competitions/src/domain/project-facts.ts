import { Grade } from './campaign.catalogue';
import { Finding, InstantCommendation, ProgressReportRecord, ProjectAssessment, SafetyIncident, ScoreSheet } from './project-loop.state';
import { ProjectState } from './project.state';
import { comparePeriods } from './reporting-periods';

/** Findings not (yet) rectified and accepted; award eligibility requires none. */
export function unrectifiedFindings(state: ProjectState): Finding[] {
  return state.status === 'none' ? [] : state.supervision.findings.filter((f) => f.status !== 'accepted');
}

/** The report in force for each period (the latest correction), in the order of time (`comparePeriods`). */
export function currentProgressReports(state: ProjectState): ProgressReportRecord[] {
  if (state.status === 'none') return [];
  const byPeriod = new Map<string, ProgressReportRecord>();
  for (const r of state.progress.reports) byPeriod.set(r.period, r);
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

/** The valid sheets finalisation needs: the scheme's minimum, and three for a trimmed mean (one left after dropping the highest and lowest). */
export function scoresNeeded(scheme: Pick<ProjectAssessment['scheme'], 'minAssessors' | 'aggregation'>): number {
  return Math.max(scheme.minAssessors, scheme.aggregation === 'trimmed_mean' ? 3 : 1);
}

/** Each assessor's latest sheet, in assessor order, leaving out assessors who declared a conflict. */
export function validScoreSheets(assessment: ProjectAssessment): ScoreSheet[] {
  return assessment.assessors.flatMap((a) => {
    if (a.declaredConflict) return [];
    const latest = [...assessment.scores].reverse().find((s) => s.assessorUserId === a.userId);
    return latest ? [latest] : [];
  });
}

/** What award eligibility reads from a project's loop (DOMAIN.md, "Eligibility of a nominee"). */
export interface ProjectOutcomeFacts {
  incidents: Array<Pick<SafetyIncident, 'incidentId' | 'kind' | 'occurredOn' | 'severity'>>;
  unrectifiedFindingCount: number;
  grade: Grade | null;
  total: number | null;
  summaryAccepted: boolean;
  overduePeriods: string[];
  instantCommendations: InstantCommendation[];
}

export function projectOutcomeFacts(state: ProjectState): ProjectOutcomeFacts {
  if (state.status === 'none') {
    return { incidents: [], unrectifiedFindingCount: 0, grade: null, total: null, summaryAccepted: false, overduePeriods: [], instantCommendations: [] };
  }
  const result = state.assessment?.result ?? null;
  return {
    incidents: state.supervision.incidents.map(({ incidentId, kind, occurredOn, severity }) => ({ incidentId, kind, occurredOn, severity })),
    unrectifiedFindingCount: unrectifiedFindings(state).length,
    grade: result?.grade ?? null,
    total: result?.total ?? null,
    summaryAccepted: state.summary?.accepted != null,
    overduePeriods: state.progress.overdue.map((o) => o.period),
    instantCommendations: state.progress.commendations,
  };
}
