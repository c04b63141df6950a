import type { HonourLifecycleStatus } from '@jingsai/shared';
import { Aggregation, Grade } from './campaign.catalogue';
import { AssessmentScheme } from './campaign-rules';
import { ProgressMetrics } from './progress-metrics';
import { ConflictRelation, FindingSeverity, FindingStatus, IncidentKind, IncidentSeverity, RecipientKind } from './project-loop.catalogue';

/** One filed report or correction; corrections are appended, never edited in place. */
export interface ProgressReportRecord {
  reportId: string;
  period: string;
  /** 1 for the first report of a period, +1 per correction. */
  revision: number;
  supersedesReportId: string | null;
  metrics: ProgressMetrics;
  narrative: string;
  dueOn: string;
  filedAt: string;
  late: boolean;
  rulesVersion: number;
}

export interface Milestone {
  milestoneId: string;
  title: string;
  reachedOn: string;
  description: string;
}

export interface CommendationRecipient {
  kind: RecipientKind;
  name: string;
  orgId?: string | null;
  /** A person's id, the one award nominations name them by (absent on older events and for teams). */
  id?: string;
}

export type CommendationStatus = HonourLifecycleStatus;

/** 即时表彰, given by a committee at a milestone. */
export interface InstantCommendation {
  commendationId: string;
  milestoneId: string;
  recipient: CommendationRecipient;
  citation: string;
  /** Absent until the commendation is first revoked, withdrawn or suspended: valid. */
  status?: CommendationStatus;
  /** The committee that gave it (absent when given before this was recorded). */
  givenByOrgId?: string;
}

/**
 * Stage 2 (推进): reports, missed periods, milestones and instant commendations. Only the report
 * in force for each period is kept here, with every report id ever used: the corrections before
 * it are in the log (`progressReportHistory`), and a state that carried them all grew with every
 * correction, which made a long stream slow to load and its snapshot large.
 */
export interface ProjectProgress {
  /** The report in force for each period (its latest correction), in the order periods were first filed. */
  reports: ProgressReportRecord[];
  /** Every report id used, corrections included: an id is never used twice. */
  reportIds: string[];
  overdue: Array<{ period: string; dueOn: string }>;
  milestones: Milestone[];
  commendations: InstantCommendation[];
}

export interface Rectification {
  description: string;
  /** Reported after the finding's deadline. */
  late: boolean;
  /** When it was reported; null for one recorded before this was kept. */
  reportedAt: string | null;
  outcome: 'pending' | 'accepted' | 'rejected';
  note: string | null;
  /** The committee that verified it; null while pending, or for one verified before this was kept. */
  verifiedByOrgId?: string | null;
}

export interface Finding {
  findingId: string;
  inspectionId: string;
  description: string;
  severity: FindingSeverity;
  rectifyBy: string;
  status: FindingStatus;
  /** Marked overdue once its deadline passed unrectified; stays true as history. */
  overdue: boolean;
  rectifications: Rectification[];
}

export interface Inspection {
  inspectionId: string;
  inspectedOn: string;
  findingIds: string[];
  /** When it was recorded; null for one recorded before this was kept. */
  recordedAt: string | null;
  /** The committee that inspected, which (or one above it) verifies the rectifications; null for one recorded before this was kept. */
  inspectedByOrgId: string | null;
}

export interface SafetyIncident {
  incidentId: string;
  occurredOn: string;
  severity: IncidentSeverity;
  kind: IncidentKind;
  description: string;
}

/** Supervision (督导) and safety: inspections, their findings, incidents. */
export interface ProjectSupervision {
  inspections: Inspection[];
  findings: Finding[];
  incidents: SafetyIncident[];
}

/** An assessor as the handler found them: `orgPath` lists the ancestors of their org, root first. */
export interface AssessorProfile {
  userId: string;
  orgId: string;
  orgPath: string[];
  name: string;
}

export interface AssignedAssessor extends AssessorProfile {
  /** Set when added after the set was locked (an explicit, recorded decision). */
  addedAfterLock: { reason: string } | null;
  waiver: { relation: ConflictRelation; reason: string } | null;
  /** Declared by the assessor: they may no longer score and their score is excluded. */
  declaredConflict: { reason: string } | null;
}

export interface ScoreSheet {
  assessorUserId: string;
  scores: Record<string, number>;
  weightedTotal: number;
  revision: number;
  supersedesRevision: number | null;
}

export interface SelfScore {
  scores: Record<string, number>;
  weightedTotal: number;
  revision: number;
}

/** A type, not an interface: it is spread into event data, which must index as a plain record. */
export type AssessmentResult = {
  total: number;
  grade: Grade | null;
  aggregation: Aggregation;
  totalsUsed: number[];
  dropped: number[];
  assessorCount: number;
  disagreement: { spread: number; threshold: number; flagged: boolean };
  rulesVersion: number;
  /** The committee's review note at finalisation (复核意见), required when the disagreement was flagged. */
  reviewNote?: string | null;
};

/** Stage 3 (评估考核): the locked assessor set, score history, self-scores kept apart, the result. */
export interface ProjectAssessment {
  rulesVersion: number;
  scheme: AssessmentScheme;
  projectOrgPath: string[];
  assessors: AssignedAssessor[];
  scores: ScoreSheet[];
  selfScores: SelfScore[];
  result: AssessmentResult | null;
  /** When the assessment opened (unknown for one opened before this was recorded). */
  openedAt?: string;
  /** The committee that opened it (absent when recorded before this was kept): it, or one above it, fixes the result and adds an assessor. */
  openedByOrgId?: string;
}

export interface SummarySubmission {
  revision: number;
  outcomes: ProgressMetrics;
  experience: string;
  /** When it was submitted; null for one recorded before this was kept. */
  submittedAt: string | null;
}

/** Stage 4 (总结). */
export interface ProjectSummary {
  submissions: SummarySubmission[];
  returns: Array<{ revision: number; reason: string }>;
  accepted: { revision: number; note: string | null } | null;
}

export const emptyProgress = (): ProjectProgress => ({ reports: [], reportIds: [], overdue: [], milestones: [], commendations: [] });
export const emptySupervision = (): ProjectSupervision => ({ inspections: [], findings: [], incidents: [] });
