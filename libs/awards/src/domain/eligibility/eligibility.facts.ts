import { AwardType, Grade, HonourLevel, HonourStatus, HonourType, NomineeKind, Ownership } from '../catalogue/award-catalogue';
import { NomineeAttributes } from '../rules/attribute-predicate';
import { OrgFactKind, RuleKey, RuleSpec } from '../rules/rule-spec';

/**
 * Facts the eligibility engine judges on. The application layer reads them from projections
 * (project board, organisation facts, honours held, the round) at the moment of the verdict.
 */
export interface ProjectIncidentFact {
  kind: string;
  occurredOn: string;
  severity: string;
}

export interface ProjectFacts {
  projectId: string;
  /** The project's title, for the messages people read (absent: named by its id). */
  title?: string;
  campaignId: string;
  status: string;
  /** The status as users read it (推进中 …); reasons name it, and fall back on the code without it. */
  statusLabel?: string;
  /** Approved (立项) in the campaign. */
  approved: boolean;
  /** The application was filed before the deadline; null = never submitted. */
  submittedOnTime: boolean | null;
  /** A late submission was refused and recorded (ProjectSubmissionRefused). */
  lateRefusalRecorded: boolean;
  summaryAccepted: boolean;
  grade: Grade | null;
  incidents: ProjectIncidentFact[];
  unrectifiedFindings: number;
  /** Optional, quoted in reasons: the campaign's application deadline and the submission date. */
  applicationDeadlineOn?: string;
  submittedOn?: string | null;
  /** The instant the application window closes; while the verdict is before it, applying is still possible. */
  applicationClosesAt?: string;
}

export interface OrganizationFact {
  kind: OrgFactKind;
  occurredOn: string;
  /** Set when the fact is an incident recorded on one of the organisation's projects (not on the organisation itself). */
  projectId?: string;
  /** That project's title, for the messages people read. */
  projectTitle?: string;
}

export interface OrganizationFacts {
  orgId: string;
  ownership: Ownership;
  facts: OrganizationFact[];
  /** Its level in the tree (team, enterprise, county …); exclusion windows climb from a team to its enterprise by it. */
  level?: string;
  /** Its name, for the reasons people read (the id when absent). */
  name?: string;
}

/** An honour the nominee holds or held; only 'valid' counts as held for prerequisites. */
export interface HonourHeld {
  honourId?: string;
  awardType: HonourType;
  level: HonourLevel;
  conferredOn: string;
  status: HonourStatus;
}

export interface NomineeFacts {
  kind: NomineeKind;
  id: string;
  name: string;
  orgId: string;
  honours: HonourHeld[];
  /** Attributes for slate ratios and sub-quotas (occupationCategory, migrantWorker, age …). */
  attributes: NomineeAttributes;
}

/** As stored, or `conferred` for an active nomination that led to an honour. */
export type RoundNominationStatus = 'active' | 'removed' | 'withdrawn' | 'conferred';

export interface RoundNominationFact {
  nominationId: string;
  nomineeKind: NomineeKind;
  nomineeId: string;
  status: RoundNominationStatus;
  /** Once conferred, what became of the honour since (absent: valid, or not conferred). */
  honourStatus?: 'revoked' | 'withdrawn' | 'suspended';
}

/** What the round already holds; `roundFactsOf(state)` builds it from an award round. */
export interface RoundFacts {
  campaignId?: string;
  /**
   * The year the selection is for (评选年度: the campaign's year). A bar "for that year" (wage
   * arrears, no union) bars that year's selection wherever the verdict falls, a conferral in the
   * January after included.
   */
  year?: number;
  nominations: RoundNominationFact[];
}

export interface EligibilityInput {
  rules: RuleSpec[];
  ruleSetId: string;
  ruleSetVersion: number;
  awardType: AwardType;
  /** The date (or ISO instant) the verdict is made; facts after it are ignored. */
  asOf: string;
  nominee: NomineeFacts;
  project?: ProjectFacts;
  /**
   * A unit or team nominated: its own projects in the round's campaign. The 一票否决 judges them
   * besides the project the nomination names, if any (an accident on any of them cancels the
   * nomination), so neither leaving the project out (review 48 #7) nor naming another one
   * (review 50 #1) escapes the veto.
   */
  campaignProjects?: ProjectFacts[];
  organization?: OrganizationFacts;
  /** The organisation's ancestors, nearest first; exclusion windows read those that answer for the nominee. */
  ancestors?: OrganizationFacts[];
  round: RoundFacts;
}

/** One rule's outcome, with the dated facts it used. */
export interface EligibilityReason {
  rule: RuleKey;
  passed: boolean;
  messageZh: string;
  messageEn: string;
  facts: Record<string, unknown>;
  /**
   * Set (true) when the rule does not pass yet but still can: its deadline has not come (an
   * application window still open). Not a final refusal; absent otherwise.
   */
  pending?: true;
}

/** The verdict a nomination is made on, stored in NominationSubmitted for the auditor. */
export interface EligibilityVerdict {
  eligible: boolean;
  ruleSetId: string;
  ruleSetVersion: number;
  awardType: AwardType;
  nomineeKind: NomineeKind;
  nomineeId: string;
  checkedAt: string;
  reasons: EligibilityReason[];
}
