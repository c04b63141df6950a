import { ProjectAssessmentEvent, ProjectProgressEvent, VETO_INCIDENT_KINDS, scoresNeeded } from '../../domain';
import { RecordedOf } from '../recorded-of';

/**
 * The later stages' events (推进、督导、评估、总结): every one on a project's stream, so that the
 * row's revision is the stream's and an If-Match taken from the board holds. Those not named in
 * `loopChanges` change only the revision.
 */
const FOLLOWED: Record<LoopEvent['type'], true> = {
  ProgressReportFiled: true, ProgressReportCorrected: true, ProgressReportOverdue: true, MilestoneRecorded: true, InstantCommendationGiven: true,
  InstantCommendationStatusChanged: true, InspectionRecorded: true, RectificationReported: true, RectificationAccepted: true,
  RectificationRejected: true, RectificationOverdue: true, SafetyIncidentRecorded: true, AssessmentOpened: true, AssessorAddedAfterLock: true,
  AssessorOrganisationCorrected: true, ConflictOfInterestDeclared: true, ConflictOfInterestWaived: true, SelfScoreRecorded: true,
  ScoreRecorded: true, ScoreCorrected: true, AssessmentFinalized: true, SummarySubmitted: true, SummaryAccepted: true, SummaryReturned: true,
};
// Keyed by type, so a new event on the project stream does not compile until it is named here.
export const LOOP_TYPES = Object.keys(FOLLOWED);

export type LoopEvent = ProjectProgressEvent | ProjectAssessmentEvent;
type Changes = Record<string, string | number | null>;

const list = (json: string): string[] => JSON.parse(json) as string[];
const without = (json: string, id: string) => JSON.stringify(list(json).filter((x) => x !== id));
const adding = (json: string, id: string) => JSON.stringify([...list(json).filter((x) => x !== id), id]);
const assignedUnder = (json: string, userId: string, orgId: string) => JSON.stringify({ ...(JSON.parse(json) as Record<string, string>), [userId]: orgId });
/** The committee of each finding's inspection ('' when not recorded), kept so that a rectification to verify names who verifies it. */
const inspectedBy = (json: string, findingIds: readonly string[], orgId: string | undefined) => JSON.stringify({ ...(JSON.parse(json) as Record<string, string>), ...Object.fromEntries(findingIds.map((f) => [f, orgId ?? ''])) });

/**
 * The columns a later-stage event changes: the status, whose move it is (assessors still to
 * score, findings to rectify or to review, overdue reports), and the result once finalised.
 * The caller applies each event once (row revision), so counters are safe.
 */
export function loopChanges(e: RecordedOf<LoopEvent>, row: any): Changes {
  const at = e.metadata.occurredAt;
  switch (e.type) {
    case 'ProgressReportFiled':
      return { overdue_periods: without(row.overdue_periods, e.data.period) };
    case 'ProgressReportOverdue':
      return { overdue_periods: adding(row.overdue_periods, e.data.period) };
    case 'MilestoneRecorded':
      return { milestones: row.milestones + 1 };
    case 'SafetyIncidentRecorded':
      return VETO_INCIDENT_KINDS.includes(e.data.kind) ? { vetoed: 1 } : {};
    case 'InspectionRecorded':
      return { open_findings: row.open_findings + e.data.findings.length, finding_inspectors: inspectedBy(row.finding_inspectors, e.data.findings.map((f) => f.findingId), e.data.inspectedByOrgId) };
    // findings_awaiting: which findings await verification, so the board offers it only to the committee that inspected (or above).
    case 'RectificationReported':
      return { open_findings: Math.max(0, row.open_findings - 1), findings_to_review: row.findings_to_review + 1, findings_awaiting: adding(row.findings_awaiting, e.data.findingId) };
    case 'RectificationAccepted':
      return { findings_to_review: Math.max(0, row.findings_to_review - 1), findings_awaiting: without(row.findings_awaiting, e.data.findingId) };
    case 'RectificationRejected':
      return { findings_to_review: Math.max(0, row.findings_to_review - 1), open_findings: row.open_findings + 1, findings_awaiting: without(row.findings_awaiting, e.data.findingId) };
    case 'AssessmentOpened': {
      const ids = JSON.stringify(e.data.assessors.map((a) => a.userId));
      const orgs = JSON.stringify(Object.fromEntries(e.data.assessors.map((a) => [a.userId, a.orgId])));
      return {
        status: 'under_assessment', waiting_since: at, assessors: ids, pending_assessors: ids, assessor_orgs: orgs, overdue_periods: '[]', scored: '[]', scores_needed: scoresNeeded(e.data.scheme),
        // Who opened it, as the project records it (none on older events): it, or one above it, fixes the result and adds an assessor.
        assessment_opened_by: e.data.openedByOrgId ?? null,
      };
    }
    case 'AssessorAddedAfterLock': {
      const a = e.data.assessor;
      return { assessors: adding(row.assessors, a.userId), pending_assessors: adding(row.pending_assessors, a.userId), assessor_orgs: assignedUnder(row.assessor_orgs, a.userId, a.orgId) };
    }
    case 'AssessorOrganisationCorrected':
      return { assessor_orgs: assignedUnder(row.assessor_orgs, e.data.assessor.userId, e.data.assessor.orgId) };
    // A conflict declared after scoring voids the sheet (validScoreSheets): `scored` holds the assessors whose sheet counts.
    case 'ConflictOfInterestDeclared':
      return { pending_assessors: without(row.pending_assessors, e.data.assessorUserId), scored: without(row.scored, e.data.assessorUserId) };
    case 'ScoreRecorded':
      return { pending_assessors: without(row.pending_assessors, e.data.assessorUserId), scored: adding(row.scored, e.data.assessorUserId) };
    case 'AssessmentFinalized':
      return { status: 'assessed', waiting_since: at, pending_assessors: '[]', total: e.data.total, grade: e.data.grade };
    case 'SummarySubmitted':
      return { status: 'summary_submitted', waiting_since: at, returned_reason: null, returned_level: null };
    case 'SummaryAccepted':
      return { status: 'summarized', waiting_since: at };
    case 'SummaryReturned':
      return { status: 'assessed', waiting_since: at, returned_reason: e.data.reason, returned_level: null };
    default:
      return {};
  }
}
