import { Actor, SYSTEM_ACTOR } from '@jingsai/shared';
import { keyProjectAssessmentPreset } from './campaign-rules';
import { AssessorProfile } from './project-loop.state';
import { ProjectEvent } from './project.events';
import { approved, countyApproved, drafted, P, submitted } from './project.fixtures';
import { CampaignReportingFacts } from './reporting-periods';

/**
 * Fixtures for the middle of the loop. The project (plan 2021-08-01 … 2021-12-31) reports
 * quarterly in a 2021 campaign, so it owes 2021-Q3 (due 2021-10-10) and 2021-Q4 (due 2022-01-10).
 * Its organisation ent-1 sits under province → city → Xunyang county.
 */
export const inProgress: ProjectEvent[] = [drafted, submitted(), countyApproved, approved];
export const reporting: CampaignReportingFacts = { rulesVersion: 1, cadence: 'quarterly', startsOn: '2021-01-01', endsOn: '2021-12-31' };
export const system: Actor = SYSTEM_ACTOR;
export const base = (at: string, actor: Actor) => ({ projectId: P.projectId, at, actor });

export const projectOrgPath = ['jx-province', 'jj-city', 'xy-county'];
export const expert = (n: number, over: Partial<AssessorProfile> = {}): AssessorProfile => ({ userId: `a-${n}`, orgId: `univ-${n}`, orgPath: ['jx-province', 'edu'], name: `专家${n}`, ...over });
export const assessorActor = (n: number): Actor => ({ userId: `a-${n}`, role: 'assessor', orgId: `univ-${n}` });
/** Conflicted: the project's own enterprise, its county (an ancestor), one of its teams (a descendant). */
export const sameOrgExpert = expert(7, { orgId: P.orgId, orgPath: projectOrgPath, name: '王工' });
export const ancestorExpert = expert(8, { orgId: 'xy-county', orgPath: ['jx-province', 'jj-city'], name: '李主任' });
export const descendantExpert = expert(9, { orgId: 'team-1', orgPath: [...projectOrgPath, P.orgId], name: '赵班长' });

export const scheme = keyProjectAssessmentPreset();
/** The same score on every criterion: the weighted total equals it. */
export const flat = (v: number): Record<string, number> => Object.fromEntries(scheme.criteria.map((c) => [c.key, v]));

export const opened = (assessors: AssessorProfile[] = [expert(1), expert(2), expert(3)]): ProjectEvent => ({
  type: 'AssessmentOpened',
  data: { projectId: P.projectId, rulesVersion: 1, scheme, projectOrgPath, assessors },
});
export const scored = (n: number, v: number): ProjectEvent => ({ type: 'ScoreRecorded', data: { projectId: P.projectId, assessorUserId: `a-${n}`, scores: flat(v), weightedTotal: v, revision: 1 } });
export const underAssessment = (assessors?: AssessorProfile[]): ProjectEvent[] => [...inProgress, opened(assessors)];

export const finalized: ProjectEvent = {
  type: 'AssessmentFinalized',
  data: {
    projectId: P.projectId,
    total: 85,
    grade: 'good',
    aggregation: 'trimmed_mean',
    totalsUsed: [85],
    dropped: [80, 90],
    assessorCount: 3,
    disagreement: { spread: 10, threshold: 15, flagged: false },
    rulesVersion: 1,
    assessorTotals: [
      { assessorUserId: 'a-1', weightedTotal: 80 },
      { assessorUserId: 'a-2', weightedTotal: 85 },
      { assessorUserId: 'a-3', weightedTotal: 90 },
    ],
    missingAssessors: [],
  },
};
export const assessed: ProjectEvent[] = [...underAssessment(), scored(1, 80), scored(2, 85), scored(3, 90), finalized];

export const outcomes = { participants: 5200, participating_enterprises: 1, technical_innovations: 22, suggestions_made: 140, suggestions_adopted: 96, energy_saved_tce: 312.5 };
export const summarySubmitted = (revision = 1, submittedAt?: string): ProjectEvent => ({ type: 'SummarySubmitted', data: { projectId: P.projectId, revision, outcomes, experience: '以技能比武带动岗位练兵，形成“师带徒”经验。', ...(submittedAt ? { submittedAt } : {}) } });
