import type { ProjectCommandBase } from './project.commands';
import { AssessmentScheme } from './campaign-rules';
import { ProgressMetrics } from './progress-metrics';
import { AssessorProfile } from './project-loop.state';

/** A committee's waiver of an assessor's organisational conflict, with why. */
export interface ConflictWaiver {
  userId: string;
  reason: string;
}

/**
 * Opens assessment (评估考核) and locks the assessor set. The handler supplies the assessors'
 * and the project's organisation ancestry, and the campaign's scheme for the rules version in force.
 */
export interface OpenAssessment extends ProjectCommandBase {
  type: 'OpenAssessment';
  assessors: AssessorProfile[];
  /** Ancestors of the project's organisation, root first. */
  projectOrgPath: string[];
  scheme: AssessmentScheme;
  rulesVersion: number;
  waivers?: ConflictWaiver[];
}

/** Adding an assessor after the lock: explicit, with a reason (and a waiver reason if conflicted). */
export interface AddAssessor extends ProjectCommandBase {
  type: 'AddAssessor';
  assessor: AssessorProfile;
  reason: string;
  waiverReason?: string | null;
}

/** By the assessor themself: they withdraw from scoring this project. */
export interface DeclareConflictOfInterest extends ProjectCommandBase {
  type: 'DeclareConflictOfInterest';
  reason: string;
}

/** Every criterion of the scheme, once, within its scale. A repeat by the same assessor corrects. */
export interface RecordScore extends ProjectCommandBase {
  type: 'RecordScore';
  assessorUserId: string;
  scores: Record<string, number>;
  /**
   * Ancestors (root first) of the acting assessor's organisation as the tree stands now, from
   * the handler: the conflict check is run again at scoring. Left out, it is not repeated.
   */
  assessorOrgPath?: string[];
  /** Why a correction changes the sheet; recorded with the correction (ignored on a first sheet). */
  reason?: string | null;
  /** Names of the organisations a refusal may name (the assigned and the acting one), from the handler; ids where absent. */
  orgNames?: Record<string, string>;
}

/** 自评 by the unit: kept apart, never part of the total. */
export interface RecordSelfScore extends ProjectCommandBase {
  type: 'RecordSelfScore';
  scores: Record<string, number>;
}

export interface FinalizeAssessment extends ProjectCommandBase {
  type: 'FinalizeAssessment';
  /** The committee's review (复核意见); required when the assessors disagree beyond the threshold. */
  note?: string | null;
}

/** 总结: outcomes are totals for the whole period, in the progress metrics; experience is 典型经验. */
export interface SubmitSummary extends ProjectCommandBase {
  type: 'SubmitSummary';
  outcomes: ProgressMetrics;
  experience: string;
}

export interface AcceptSummary extends ProjectCommandBase {
  type: 'AcceptSummary';
  note?: string | null;
}

export interface ReturnSummary extends ProjectCommandBase {
  type: 'ReturnSummary';
  reason: string;
}

export type ProjectAssessmentCommand =
  | OpenAssessment
  | AddAssessor
  | DeclareConflictOfInterest
  | RecordScore
  | RecordSelfScore
  | FinalizeAssessment
  | SubmitSummary
  | AcceptSummary
  | ReturnSummary;
