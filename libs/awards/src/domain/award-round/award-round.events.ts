import { DomainEvent } from '@jingsai/shared';
import { AwardType, Department, DerivedHonourType, HonourLevel, Pool } from '../catalogue/award-catalogue';
import { NoticePeriod } from '../calendar/notice-period';
import { EligibilityVerdict } from '../eligibility/eligibility.facts';
import { NomineeAttributes } from '../rules/attribute-predicate';
import { ClearanceSpec } from '../rules/clearance-spec';
import { RatioResult, RatioSpec } from '../rules/slate-ratios';
import { NomineeRef, Objector, PoolQuota, RecommenderQuota, SubQuota } from './award-round.commands';

// Event data are type aliases (not interfaces) so that they satisfy DomainEvent's record constraint.
type E<T extends string, D> = DomainEvent<T, D & { roundId: string }>;

export type AwardRoundCreated = E<
  'AwardRoundCreated',
  {
    campaignId: string;
    awardType: AwardType;
    honourLevel: HonourLevel;
    ruleSetId: string;
    ruleSetVersion: number;
    pools: PoolQuota[];
    subQuotas: SubQuota[];
    quotasByRecommender: RecommenderQuota[];
    levels: string[];
    minimumNoticeWorkingDays: number;
    /**
     * A notice given by dates is held to this many calendar days (Lijiang 2022-10-14 to 10-19: 6
     * calendar days); absent, to the working-day minimum counted in its working days. Rounds recorded
     * before this field existed read the same way, deliberately with no upcaster: they had held such
     * a notice to the working-day minimum counted in calendar days, which let six days with one
     * working day pass a round declaring five working days.
     */
    minimumNoticeCalendarDays?: number;
    ratios: RatioSpec[];
    clearances: ClearanceSpec;
  }
>;

export type NominationSubmitted = E<
  'NominationSubmitted',
  {
    nominationId: string;
    pool: Pool;
    nominee: NomineeRef;
    ownership: string | null;
    attributes: NomineeAttributes;
    recommenderOrgId: string;
    substitute: boolean;
    order: number;
    /** The verdict the nomination was allowed on: which rules, which facts, which rule-set version. */
    verdict: EligibilityVerdict;
    /** Clearances requested implicitly from the rule set (征求意见). */
    requiredClearances: Department[];
    /** The round's levels this nominee goes through, where some do not apply to it (a 市直单位 has no county); absent: all. */
    levels?: string[];
    /**
     * Why a nominee entered the competition-reserved pool (竞赛表彰): its project graded 优秀, or
     * a champion of a skills contest; absent in other pools.
     */
    poolAdmission?: { basis: 'excellent_grade' | 'skills_champion'; projectId: string | null; grade: string | null; category: string | null };
  }
>;

/** A level's own public notice, as held: its dates and how many working and calendar days it ran. */
export interface LevelNotice {
  startsOn: string;
  lastDay: string;
  workingDays: number | null;
  calendarDays: number;
}
export type NominationRecommended = E<'NominationRecommended', { nominationId: string; level: string; workersCongressOn?: string; notice?: LevelNotice }>;
export type NominationReviewed = E<'NominationReviewed', { nominationId: string; level: string; decision: 'approved' | 'rejected'; note?: string; notice?: LevelNotice }>;
export type ClearanceGranted = E<'ClearanceGranted', { nominationId: string; department: Department; note?: string }>;
export type ClearanceRefused = E<'ClearanceRefused', { nominationId: string; department: Department; note: string }>;
export type NominationRemoved = E<
  'NominationRemoved',
  {
    nominationId: string;
    reason: 'clearance_refused' | 'review_rejected' | 'ineligible_at_conferral' | 'withdrawn';
    /** withdrawn: why it was taken off the list. */
    note?: string;
    /** withdrawn: by the recommending organisation, or by the award office running the round. */
    by?: 'recommender' | 'award_office';
    department?: Department;
    level?: string;
    /** ineligible_at_conferral: the reasons that failed on the facts as they stood then. */
    failedReasons?: Array<{ rule: string; messageZh: string; messageEn: string }>;
  }
>;
export type SubstitutePromoted = E<'SubstitutePromoted', { nominationId: string; replacesNominationId: string; recommenderOrgId: string; pool: Pool }>;

export type PublicNoticeStarted = E<
  'PublicNoticeStarted',
  {
    period: NoticePeriod;
    startsOn: string;
    lastDay: string;
    startsAt: string;
    endsAt: string;
    /** Null for calendar dates in a year the holiday calendar does not cover. */
    workingDays: number | null;
    calendarDays: number;
    /** Every active nomination on the published list, primaries and substitutes. */
    nominationIds: string[];
    slateRatios: RatioResult[];
  }
>;

export type ObjectionRaised = E<'ObjectionRaised', { objectionId: string; nominationId: string; objector: Objector; grounds: string }>;
export type ObjectionUpheld = E<'ObjectionUpheld', { objectionId: string; nominationId: string; note: string }>;
export type ObjectionDismissed = E<'ObjectionDismissed', { objectionId: string; nominationId: string; note: string }>;
export type NominationWithdrawnAfterObjection = E<'NominationWithdrawnAfterObjection', { nominationId: string; objectionId: string }>;
export type PublicNoticeEnded = E<'PublicNoticeEnded', { endsAt: string }>;

/** Back to nominating after a notice, with why: the list is completed and published again. */
export type NominationsReopened = E<'NominationsReopened', { reason: string }>;

export type HonourConferred = E<'HonourConferred', { honourId: string; nominationId: string; recipient: NomineeRef; awardType: AwardType; level: HonourLevel; pool: Pool; conferredOn: string }>;
export type DerivedHonourConferred = E<
  'DerivedHonourConferred',
  {
    honourId: string;
    sourceHonourId: string;
    nominationId: string;
    recipient: NomineeRef;
    awardType: DerivedHonourType;
    level: HonourLevel;
    conferredOn: string;
    basis: string;
    /** Conferred later, in place of the person's one revoked with its source in another round (review 44 #4). */
    replaces?: { roundId: string; honourId: string };
  }
>;
/**
 * `sourceHonourId`: revoked with the honour it followed. `followUp`: whether another honour of the
 * person confers it again is settled by the system next (DerivedHonourConferred with `replaces`, or
 * DerivedHonourFollowUpClosed); absent on revocations recorded before that follow-up existed.
 */
export type HonourRevoked = E<'HonourRevoked', { honourId: string; reason: string; sourceHonourId?: string; followUp?: boolean }>;
/** No other honour of the person confers the derived one again: they hold one, or none qualifies (what was looked at). */
export type DerivedHonourFollowUpClosed = E<
  'DerivedHonourFollowUpClosed',
  { honourId: string; outcome: 'holds_one' | 'none_qualifies'; heldHonourId: string | null; checked: Array<{ honourId: string; status: string }> }
>;
export type HonourWithdrawn = E<'HonourWithdrawn', { honourId: string; mode: 'ordered' | 'automatic' | 'natural'; reason: string }>;
export type HonourSuspended = E<'HonourSuspended', { honourId: string; reason: string }>;
export type HonourReinstated = E<'HonourReinstated', { honourId: string; reason: string }>;

export type AwardRoundEvent =
  | AwardRoundCreated
  | NominationSubmitted
  | NominationRecommended
  | NominationReviewed
  | ClearanceGranted
  | ClearanceRefused
  | NominationRemoved
  | SubstitutePromoted
  | PublicNoticeStarted
  | ObjectionRaised
  | ObjectionUpheld
  | ObjectionDismissed
  | NominationWithdrawnAfterObjection
  | PublicNoticeEnded
  | NominationsReopened
  | HonourConferred
  | DerivedHonourConferred
  | DerivedHonourFollowUpClosed
  | HonourRevoked
  | HonourWithdrawn
  | HonourSuspended
  | HonourReinstated;
