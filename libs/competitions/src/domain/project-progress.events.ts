import { DomainEvent } from '@jingsai/shared';
import { ProgressMetrics } from './progress-metrics';
import { FindingSeverity, IncidentKind, IncidentSeverity } from './project-loop.catalogue';
import { CommendationRecipient, CommendationStatus } from './project-loop.state';

/**
 * The first report of a period. `filedAt` is business data: lateness (`late`: filed after the
 * end of `dueOn`, Beijing time) is judged on it.
 */
export type ProgressReportFiled = DomainEvent<
  'ProgressReportFiled',
  { projectId: string; reportId: string; period: string; metrics: ProgressMetrics; narrative: string; dueOn: string; filedAt: string; late: boolean; rulesVersion: number }
>;

/** A later report for an already reported period: it supersedes the current one, which stays in history. */
export type ProgressReportCorrected = DomainEvent<
  'ProgressReportCorrected',
  ProgressReportFiled['data'] & { revision: number; supersedesReportId: string; supersedesRevision: number; /** Why it was corrected, when the unit said (更正理由). */ reason?: string }
>;

export type ProgressReportOverdue = DomainEvent<'ProgressReportOverdue', { projectId: string; period: string; dueOn: string }>;

export type MilestoneRecorded = DomainEvent<'MilestoneRecorded', { projectId: string; milestoneId: string; title: string; reachedOn: string; description: string }>;

export type InstantCommendationGiven = DomainEvent<
  'InstantCommendationGiven',
  {
    projectId: string;
    commendationId: string;
    milestoneId: string;
    recipient: CommendationRecipient;
    citation: string;
    /** The committee that gave it (absent on older events): it, or one above it, may revoke or suspend it. */
    givenByOrgId?: string;
  }
>;

/** An instant commendation's new status (revoked is final), with the reason and, for a withdrawal, its mode. */
export type InstantCommendationStatusChanged = DomainEvent<
  'InstantCommendationStatusChanged',
  { projectId: string; commendationId: string; status: CommendationStatus; reason: string; mode: string | null }
>;

export type InspectionRecorded = DomainEvent<
  'InspectionRecorded',
  {
    projectId: string; inspectionId: string; inspectedOn: string; findings: Array<{ findingId: string; description: string; severity: FindingSeverity; rectifyBy: string }>;
    /** When it was recorded (absent on events recorded before this was kept). */
    recordedAt?: string;
    /** The committee that inspected: it, or one above it, verifies the rectifications (absent on events recorded before this was kept). */
    inspectedByOrgId?: string;
  }
>;

/** `late`: reported after the end of the finding's `rectifyBy` day. */
export type RectificationReported = DomainEvent<'RectificationReported', { projectId: string; findingId: string; description: string; late: boolean; /** Absent on events recorded before it was kept. */ reportedAt?: string }>;

/** `verifiedByOrgId`: the committee that verified it (absent on events recorded before it was kept). */
export type RectificationAccepted = DomainEvent<'RectificationAccepted', { projectId: string; findingId: string; note: string | null; verifiedByOrgId?: string }>;

/** The unit must rectify and report again. */
export type RectificationRejected = DomainEvent<'RectificationRejected', { projectId: string; findingId: string; note: string; verifiedByOrgId?: string }>;

export type RectificationOverdue = DomainEvent<'RectificationOverdue', { projectId: string; findingId: string; rectifyBy: string }>;

/** `occurredOn` is the date stated by whoever reports it; exclusion windows are keyed on it. */
export type SafetyIncidentRecorded = DomainEvent<
  'SafetyIncidentRecorded',
  { projectId: string; incidentId: string; occurredOn: string; severity: IncidentSeverity; kind: IncidentKind; description: string }
>;

export type ProjectProgressEvent =
  | ProgressReportFiled
  | ProgressReportCorrected
  | ProgressReportOverdue
  | MilestoneRecorded
  | InstantCommendationGiven
  | InstantCommendationStatusChanged
  | InspectionRecorded
  | RectificationReported
  | RectificationAccepted
  | RectificationRejected
  | RectificationOverdue
  | SafetyIncidentRecorded;
