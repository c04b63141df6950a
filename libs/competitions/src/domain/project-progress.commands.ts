import type { HonourChange } from '@jingsai/shared';
import type { ProjectCommandBase } from './project.commands';
import { ProgressMetrics } from './progress-metrics';
import { FindingSeverity, IncidentKind, IncidentSeverity } from './project-loop.catalogue';
import { CommendationRecipient } from './project-loop.state';
import { CampaignReportingFacts } from './reporting-periods';

/**
 * 信息反馈: the unit reports one period's figures. A second report for the same period is a
 * correction (it supersedes the earlier one; both stay in the history).
 */
export interface FileProgressReport extends ProjectCommandBase {
  type: 'FileProgressReport';
  reportId: string;
  /** `2021-08` (monthly) or `2021-Q3` (quarterly), per the campaign's cadence. */
  period: string;
  metrics: ProgressMetrics;
  narrative: string;
  /** Why a correction is made (更正理由); optional, refused on a first report, which corrects nothing. */
  reason?: string | null;
  /** The campaign's cadence and span under the rules version in force, looked up by the handler. */
  reporting: CampaignReportingFacts;
  /**
   * Periods this project owed under earlier reporting rules (a cadence or span since changed),
   * which fell due before the change: each may still be filed, late, or corrected.
   */
  earlierPeriods?: Array<{ period: string; rulesVersion: number }>;
}

/** Sent by the deadline scheduler after `dueOn` has ended; repeats and settled periods decide []. */
export interface MarkProgressReportOverdue extends ProjectCommandBase {
  type: 'MarkProgressReportOverdue';
  period: string;
  dueOn: string;
}

/** 重要推进节点, recorded by the unit or a committee. */
export interface RecordMilestone extends ProjectCommandBase {
  type: 'RecordMilestone';
  milestoneId: string;
  title: string;
  reachedOn: string;
  description: string;
}

/** 即时表彰 at a recorded milestone, by a committee. */
export interface GiveInstantCommendation extends ProjectCommandBase {
  type: 'GiveInstantCommendation';
  commendationId: string;
  milestoneId: string;
  recipient: CommendationRecipient;
  citation: string;
  /**
   * Ancestors (root first) of `recipient.orgId` in the organisation tree, looked up by the
   * handler; null when that organisation is not registered. Unused when no orgId is named.
   */
  recipientOrgPath?: string[] | null;
  /**
   * For a team, the registered organisation it names (looked up by the handler): the one
   * `recipient.orgId` names, or, given by name alone, one registered under that name that is not
   * a team. A team's must be a 班组.
   */
  teamOrg?: { orgId: string; name: string; kind: string; label: string } | null;
  /** Names of the recipient's and the project's organisations, for the messages people read (looked up by the handler). */
  orgNames?: Record<string, string>;
}

export interface InspectionFindingInput {
  findingId: string;
  description: string;
  severity: FindingSeverity;
  /** Rectification deadline (整改期限), YYYY-MM-DD, not before today. */
  rectifyBy: string;
}

/** 督导检查 by a committee; an inspection may find nothing. */
export interface RecordInspection extends ProjectCommandBase {
  type: 'RecordInspection';
  inspectionId: string;
  inspectedOn: string;
  findings: InspectionFindingInput[];
}

export interface ReportRectification extends ProjectCommandBase {
  type: 'ReportRectification';
  findingId: string;
  description: string;
}

export interface AcceptRectification extends ProjectCommandBase {
  type: 'AcceptRectification';
  findingId: string;
  note?: string | null;
}

export interface RejectRectification extends ProjectCommandBase {
  type: 'RejectRectification';
  findingId: string;
  note: string;
}

/** Sent by the deadline scheduler after `rectifyBy` has ended; repeats and settled findings decide []. */
export interface MarkRectificationOverdue extends ProjectCommandBase {
  type: 'MarkRectificationOverdue';
  findingId: string;
}

export interface RecordSafetyIncident extends ProjectCommandBase {
  type: 'RecordSafetyIncident';
  incidentId: string;
  occurredOn: string;
  severity: IncidentSeverity;
  kind: IncidentKind;
  description: string;
}

/** What may happen to an instant commendation after it was given, per recipient and with a reason: the honour lifecycle's changes. */
export type CommendationChange = HonourChange;

/** 撤销 / 摘牌 / 暂停 / 恢复 an instant commendation (committee). */
export interface ChangeInstantCommendation extends ProjectCommandBase {
  type: 'ChangeInstantCommendation';
  commendationId: string;
  change: CommendationChange;
  reason: string;
  /** For a withdrawal (摘牌): ordered, automatic or natural. */
  mode?: string | null;
}

export type ProjectProgressCommand =
  | FileProgressReport
  | MarkProgressReportOverdue
  | RecordMilestone
  | GiveInstantCommendation
  | ChangeInstantCommendation
  | RecordInspection
  | ReportRectification
  | AcceptRectification
  | RejectRectification
  | MarkRectificationOverdue
  | RecordSafetyIncident;
