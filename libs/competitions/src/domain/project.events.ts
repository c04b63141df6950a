import { DomainEvent } from '@jingsai/shared';
import { CampaignCategory } from './campaign.catalogue';
import { HierarchyLevel } from './levels';
import { ImplementationPlan, RegistrationForm } from './project-application';
import { ProjectAssessmentEvent } from './project-assessment.events';
import { ProjectProgressEvent } from './project-progress.events';
import { ProjectDraftChanges } from './project.commands';
import { ProjectStatus } from './project.status';

export type ProjectDrafted = DomainEvent<
  'ProjectDrafted',
  {
    projectId: string;
    campaignId: string;
    orgId: string;
    title: string;
    category: CampaignCategory;
    /** Also a skills contest though of another category (absent: no, or recorded before this was kept). */
    skillsContest?: boolean;
    registrationForm: RegistrationForm;
    implementationPlan: ImplementationPlan;
  }
>;

/** Only the fields that changed. */
export type ProjectDraftEdited = DomainEvent<'ProjectDraftEdited', { projectId: string; changes: ProjectDraftChanges }>;

/**
 * Filed inside the window (underExtension false) or under an extension granted to this project.
 * `submittedAt` is business data: the Jiujiang deadline rule is judged on it.
 */
export type ProjectSubmitted = DomainEvent<
  'ProjectSubmitted',
  { projectId: string; rulesVersion: number; resubmission: boolean; underExtension: boolean; submittedAt: string }
>;

/**
 * A submission after the deadline, recorded so award eligibility can cite it (Jiujiang: units
 * that did not file in time cannot take part in May Day award selection).
 */
export type ProjectSubmissionRefused = DomainEvent<
  'ProjectSubmissionRefused',
  { projectId: string; reason: 'window_closed'; windowClosesAt: string; attemptedAt: string; extensionUntil: string | null }
>;

/** An intermediate level approved; `nextLevel` is the one whose approval is awaited. */
export type ProjectApprovedAtLevel = DomainEvent<
  'ProjectApprovedAtLevel',
  { projectId: string; level: HierarchyLevel; rulesVersion: number; nextLevel: HierarchyLevel; note?: string }
>;

/**
 * 立项: the final applicable level approved; the project runs under `rulesVersion`.
 * `approvedAt` is business data: reports are owed only for periods due after it (absent on
 * events recorded before it was added).
 */
export type ProjectApproved = DomainEvent<
  'ProjectApproved',
  { projectId: string; level: HierarchyLevel; rulesVersion: number; approvedLevels: HierarchyLevel[]; approvedAt?: string; note?: string }
>;

export type ProjectReturned = DomainEvent<'ProjectReturned', { projectId: string; level: HierarchyLevel; reason: string }>;

export type ProjectRejected = DomainEvent<'ProjectRejected', { projectId: string; level: HierarchyLevel; reason: string }>;

export type SubmissionExtensionGranted = DomainEvent<'SubmissionExtensionGranted', { projectId: string; until: string; reason: string }>;

export type ProjectWithdrawn = DomainEvent<'ProjectWithdrawn', { projectId: string; reason: string | null; previousStatus: ProjectStatus }>;

export type ProjectTerminated = DomainEvent<'ProjectTerminated', { projectId: string; reason: string; previousStatus: ProjectStatus }>;

export type ProjectEvent =
  | ProjectDrafted
  | ProjectDraftEdited
  | ProjectSubmitted
  | ProjectSubmissionRefused
  | ProjectApprovedAtLevel
  | ProjectApproved
  | ProjectReturned
  | ProjectRejected
  | SubmissionExtensionGranted
  | ProjectWithdrawn
  | ProjectTerminated
  | ProjectProgressEvent
  | ProjectAssessmentEvent;
