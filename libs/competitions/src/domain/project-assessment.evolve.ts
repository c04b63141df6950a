import { assertNever } from '@jingsai/shared';
import { ProjectAssessmentEvent } from './project-assessment.events';
import { AssessorProfile, AssignedAssessor, ProjectAssessment, ProjectSummary } from './project-loop.state';
import { Project } from './project.state';

const assigned = (a: AssessorProfile, addedAfterLock: AssignedAssessor['addedAfterLock'] = null): AssignedAssessor => ({ ...a, orgPath: [...a.orgPath], addedAfterLock, waiver: null, declaredConflict: null });

/** A change to an opened assessment; before opening (cannot happen for a decided stream) nothing changes. */
function withAssessment(p: Project, change: (a: ProjectAssessment) => Partial<ProjectAssessment>): Project {
  return p.assessment ? { ...p, assessment: { ...p.assessment, ...change(p.assessment) } } : p;
}

function withAssessor(p: Project, userId: string, change: (a: AssignedAssessor) => AssignedAssessor): Project {
  return withAssessment(p, (a) => ({ assessors: a.assessors.map((x) => (x.userId === userId ? change(x) : x)) }));
}

const summaryOf = (p: Project): ProjectSummary => p.summary ?? { submissions: [], returns: [], accepted: null };

/** Assessment (评估考核) and summary (总结). */
export function evolveAssessment(p: Project, event: ProjectAssessmentEvent): Project {
  switch (event.type) {
    case 'AssessmentOpened': {
      const { rulesVersion, scheme, projectOrgPath, assessors, openedAt, openedByOrgId } = event.data;
      return {
        ...p,
        status: 'under_assessment',
        assessment: { rulesVersion, scheme, projectOrgPath: [...projectOrgPath], assessors: assessors.map((a) => assigned(a)), scores: [], selfScores: [], result: null, ...(openedAt ? { openedAt } : {}), ...(openedByOrgId ? { openedByOrgId } : {}) },
      };
    }
    case 'ConflictOfInterestWaived':
      return withAssessor(p, event.data.assessorUserId, (a) => ({ ...a, waiver: { relation: event.data.relation, reason: event.data.reason } }));
    case 'AssessorAddedAfterLock':
      return withAssessment(p, (a) => ({ assessors: [...a.assessors, assigned(event.data.assessor, { reason: event.data.reason })] }));
    case 'AssessorOrganisationCorrected': {
      const { userId, orgId, orgPath, name } = event.data.assessor;
      // A waiver was for the old organisation: the new one's, if any, follows as its own event.
      return withAssessor(p, userId, (a) => ({ ...a, orgId, orgPath: [...orgPath], name, waiver: null }));
    }
    case 'ConflictOfInterestDeclared':
      return withAssessor(p, event.data.assessorUserId, (a) => ({ ...a, declaredConflict: { reason: event.data.reason } }));
    case 'ScoreRecorded':
    case 'ScoreCorrected': {
      const { assessorUserId, scores, weightedTotal, revision } = event.data;
      const supersedesRevision = event.type === 'ScoreCorrected' ? event.data.supersedesRevision : null;
      return withAssessment(p, (a) => ({ scores: [...a.scores, { assessorUserId, scores, weightedTotal, revision, supersedesRevision }] }));
    }
    case 'SelfScoreRecorded': {
      const { scores, weightedTotal, revision } = event.data;
      return withAssessment(p, (a) => ({ selfScores: [...a.selfScores, { scores, weightedTotal, revision }] }));
    }
    case 'AssessmentFinalized': {
      const { total, grade, aggregation, totalsUsed, dropped, assessorCount, disagreement, rulesVersion, note } = event.data;
      const result = { total, grade, aggregation, totalsUsed, dropped, assessorCount, disagreement, rulesVersion, reviewNote: note ?? null };
      return { ...withAssessment(p, () => ({ result })), status: 'assessed' };
    }
    case 'SummarySubmitted': {
      const s = summaryOf(p);
      const { revision, outcomes, experience, submittedAt } = event.data;
      return { ...p, status: 'summary_submitted', summary: { ...s, submissions: [...s.submissions, { revision, outcomes, experience, submittedAt: submittedAt ?? null }] } };
    }
    case 'SummaryAccepted':
      return { ...p, status: 'summarized', summary: { ...summaryOf(p), accepted: { revision: event.data.revision, note: event.data.note } } };
    case 'SummaryReturned': {
      const s = summaryOf(p);
      return { ...p, status: 'assessed', summary: { ...s, returns: [...s.returns, { revision: event.data.revision, reason: event.data.reason }] } };
    }
    default:
      return assertNever(event);
  }
}
