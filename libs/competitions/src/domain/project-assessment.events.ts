import { DomainEvent } from '@jingsai/shared';
import { AssessmentScheme } from './campaign-rules';
import { ProgressMetrics } from './progress-metrics';
import { ConflictRelation } from './project-loop.catalogue';
import { AssessmentResult, AssessorProfile } from './project-loop.state';

/**
 * Assessment opened with a locked assessor set. The scheme in force is copied in, so a replay
 * judges by the same rules whatever the campaign does later; the org paths show what the
 * conflict check was based on.
 */
export type AssessmentOpened = DomainEvent<
  'AssessmentOpened',
  {
    projectId: string; rulesVersion: number; scheme: AssessmentScheme; projectOrgPath: string[]; assessors: AssessorProfile[];
    /** When it opened (absent on events recorded before it was kept): before the plan's end, the rest of the plan goes unreported. */
    openedAt?: string;
    /** The committee that opened it, which (or one above it) fixes the result and adds an assessor (absent on older events). */
    openedByOrgId?: string;
  }
>;

/** A committee let an assessor with an organisational conflict take part, and said why. */
export type ConflictOfInterestWaived = DomainEvent<
  'ConflictOfInterestWaived',
  { projectId: string; assessorUserId: string; assessorName: string; assessorOrgId: string; relation: ConflictRelation; reason: string }
>;

export type AssessorAddedAfterLock = DomainEvent<'AssessorAddedAfterLock', { projectId: string; assessor: AssessorProfile; reason: string }>;

/**
 * An assigned assessor's organisation, registered wrongly, corrected before they scored: the
 * conflict check is made again against the new one (a waiver follows as its own event if needed).
 */
export type AssessorOrganisationCorrected = DomainEvent<'AssessorOrganisationCorrected', { projectId: string; assessor: AssessorProfile; previousOrgId: string; reason: string }>;

/** The assessor withdrew; `scoreExcluded` tells whether a score of theirs was on record. */
export type ConflictOfInterestDeclared = DomainEvent<'ConflictOfInterestDeclared', { projectId: string; assessorUserId: string; reason: string; scoreExcluded: boolean }>;

/** `weightedTotal`: Σ score × weight / 100, rounded to 2 decimals. */
export type ScoreRecorded = DomainEvent<'ScoreRecorded', { projectId: string; assessorUserId: string; scores: Record<string, number>; weightedTotal: number; revision: 1 }>;

export type ScoreCorrected = DomainEvent<
  'ScoreCorrected',
  { projectId: string; assessorUserId: string; scores: Record<string, number>; weightedTotal: number; revision: number; supersedesRevision: number; reason?: string }
>;

export type SelfScoreRecorded = DomainEvent<'SelfScoreRecorded', { projectId: string; scores: Record<string, number>; weightedTotal: number; revision: number }>;

/**
 * The combined result. `assessorTotals` names whose totals were counted; `missingAssessors`
 * those assigned who had not scored; declared conflicts are in neither.
 */
export type AssessmentFinalized = DomainEvent<
  'AssessmentFinalized',
  { projectId: string } & AssessmentResult & {
    assessorTotals: Array<{ assessorUserId: string; weightedTotal: number }>;
    missingAssessors: string[];
    /** The committee's review note (absent from events before it was asked for). */
    note?: string | null;
  }
>;

export type SummarySubmitted = DomainEvent<'SummarySubmitted', { projectId: string; revision: number; outcomes: ProgressMetrics; experience: string; /** Absent on events recorded before it was kept. */ submittedAt?: string }>;

export type SummaryAccepted = DomainEvent<'SummaryAccepted', { projectId: string; revision: number; note: string | null }>;

/** Back to `assessed`: the unit revises and submits again. */
export type SummaryReturned = DomainEvent<'SummaryReturned', { projectId: string; revision: number; reason: string }>;

export type ProjectAssessmentEvent =
  | AssessmentOpened
  | ConflictOfInterestWaived
  | AssessorAddedAfterLock
  | AssessorOrganisationCorrected
  | ConflictOfInterestDeclared
  | ScoreRecorded
  | ScoreCorrected
  | SelfScoreRecorded
  | AssessmentFinalized
  | SummarySubmitted
  | SummaryAccepted
  | SummaryReturned;
