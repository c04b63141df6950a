import { Actor } from '@jingsai/shared';
import { AwardType, Department, HonourLevel, Label, NomineeKind, Ownership, Pool } from '../catalogue/award-catalogue';
import { HolidayCalendarData } from '../calendar/china-holidays.data';
import { NoticePeriod } from '../calendar/notice-period';
import { EligibilityVerdict } from '../eligibility/eligibility.facts';
import { AttributePredicate, NomineeAttributes } from '../rules/attribute-predicate';
import { ClearanceSpec } from '../rules/clearance-spec';
import { RatioSpec } from '../rules/slate-ratios';

interface RoundCommand {
  roundId: string;
  /** When the command was issued (ISO instant); the domain never reads a clock. */
  at: string;
  actor: Actor;
  /**
   * The actions (command types) the caller passes the role check for, as its handler works them
   * out: a refusal names only these. Absent (the scheduler, tests): every one.
   */
  callerActions?: readonly string[];
}

export interface PoolQuota {
  pool: Pool;
  quota: number;
}

/**
 * At most `max` of the conferred nominees may match `where`, and at least `min` must when set
 * (Hainan 2016: of 9 medals, 1 enterprise head and 1 migrant worker: max 1, and min 1 where the
 * notice reserves the place).
 */
export interface SubQuota {
  key: string;
  label: Label;
  where: AttributePredicate;
  max: number;
  min?: number;
}

export interface RecommenderQuota {
  orgId: string;
  quota: number;
}

/**
 * Who is nominated. A unit or a team is named as the organisation register names it; what the
 * nomination typed, when it differs, is kept beside it (`nameAsNominated`) and never shown alone.
 */
export interface NomineeRef {
  kind: NomineeKind;
  id: string;
  name: string;
  orgId: string;
  nameAsNominated?: string;
}

/**
 * Opens a round (stream `awardRound-<id>`). `ratios` and `clearances` are copied by the
 * application layer from the rule-set version the round runs under.
 */
export interface CreateAwardRound extends RoundCommand {
  type: 'CreateAwardRound';
  campaignId: string;
  awardType: AwardType;
  /** The level the honours are conferred at (a city round confers city honours). */
  honourLevel: HonourLevel;
  /** The level of the creating office's organisation (a city office: 'city'); no round confers above it. */
  officeLevel: HonourLevel;
  ruleSetId: string;
  ruleSetVersion: number;
  pools: PoolQuota[];
  subQuotas?: SubQuota[];
  /** Empty: any organisation may recommend without a per-organisation limit. */
  quotasByRecommender?: RecommenderQuota[];
  /** Review levels in order, e.g. ['unit', 'county', 'city']; the first is the recommending level. */
  levels: string[];
  /** Default 5 working days. */
  minimumNoticeWorkingDays?: number;
  minimumNoticeCalendarDays?: number;
  ratios: RatioSpec[];
  clearances: ClearanceSpec;
}

/** Nominates one nominee; `verdict` is evaluateEligibility's result, computed by the application. */
export interface Nominate extends RoundCommand {
  type: 'Nominate';
  nominationId: string;
  pool: Pool;
  nominee: NomineeRef;
  /** Ownership of the nominee's organisation; state-owned adds audit and discipline inspection clearances. */
  ownership: Ownership | null;
  attributes: NomineeAttributes;
  recommenderOrgId: string;
  /** A substitute (递补) is promoted, lowest `order` first, when a primary of the same recommender drops out. */
  substitute: boolean;
  order: number;
  verdict: EligibilityVerdict;
  /**
   * The nominee's project in the round's campaign, its assessment grade (null: not graded) and
   * its competition category: the competition-reserved pool (竞赛表彰) is for the competition's
   * winners, and only a skills contest (职业技能竞赛) has champions.
   */
  competitionResult?: { projectId: string; grade: string | null; category?: string; skillsContest?: boolean; title?: string } | null;
  /**
   * The round's review levels this nominee goes through (looked up by the handler): a level with
   * no organisation over the nominee is skipped, as project approval skips it (a 市直单位 directly
   * under the city has no county to review it). Absent: every level of the round.
   */
  levels?: string[];
  /** Names of the organisations the round's quotas name, for the messages people read (looked up by the handler). */
  orgNames?: Record<string, string>;
}

/** The recommending level's decision, taken after the workers' congress (职代会). */
/**
 * 逐级推荐中各级的公示: the public notice a level held of its list before passing a nomination up
 * (a unit's own notice after its workers' congress, a county's), as long as the round asks of
 * its own notice and over before the level decides. Optional: a level may hold one (DOMAIN).
 */
export interface LevelNoticeInput {
  period: NoticePeriod;
  startsOn: string;
}

export interface RecordWorkersCongressApproval extends RoundCommand {
  type: 'RecordWorkersCongressApproval';
  nominationId: string;
  workersCongressOn: string;
  /** The unit's own public notice of the recommendation (单位内公示), if it held one. */
  notice?: LevelNoticeInput;
  /** Operator-maintained holiday data for the notice's working days; defaults to the built-in calendar. */
  calendar?: HolidayCalendarData;
  /** The year the round's campaign selects for (looked up by the handler): a congress before it decided no nomination of this selection. */
  selectionYear?: number;
}

export interface ReviewNomination extends RoundCommand {
  type: 'ReviewNomination';
  nominationId: string;
  level: string;
  decision: 'approved' | 'rejected';
  note?: string;
  /** The public notice this level held of its list, if it held one. */
  notice?: LevelNoticeInput;
  calendar?: HolidayCalendarData;
}

export interface GrantClearance extends RoundCommand {
  type: 'GrantClearance';
  nominationId: string;
  department: Department;
  note?: string;
}

export interface RefuseClearance extends RoundCommand {
  type: 'RefuseClearance';
  nominationId: string;
  department: Department;
  note: string;
}

/** 撤回推荐: the recommender takes a nomination off the list before the notice, with a reason. */
export interface WithdrawNomination extends RoundCommand {
  type: 'WithdrawNomination';
  nominationId: string;
  reason: string;
}

export interface StartPublicNotice extends RoundCommand {
  type: 'StartPublicNotice';
  period: NoticePeriod;
  startsOn: string;
  /** Operator-maintained holiday data; defaults to the built-in mainland calendar. */
  calendar?: HolidayCalendarData;
  /** Nominations the facts bar now (judged again by the handler): a list holding one is not published. */
  barred?: BarredNomination[];
}

export type Objector =
  | { kind: 'individual'; realName: string; contact: string }
  | { kind: 'organization'; orgName: string; sealRef: string };

export interface RaiseObjection extends RoundCommand {
  type: 'RaiseObjection';
  objectionId: string;
  nominationId: string;
  objector: Objector;
  grounds: string;
}

export interface ResolveObjection extends RoundCommand {
  type: 'ResolveObjection';
  objectionId: string;
  outcome: 'upheld' | 'dismissed';
  note: string;
}

/** Sent by the scheduler at or after the notice's end; repeats do nothing. */
export interface EndPublicNotice extends RoundCommand {
  type: 'EndPublicNotice';
}

/** A nomination whose organisation's dated facts bar it now, with the reasons that failed. */
export interface BarredNomination {
  nominationId: string;
  failedReasons: Array<{ rule: string; messageZh: string; messageEn: string }>;
}

/**
 * After the notice, when conferral cannot go ahead (nominees removed at conferral broke a ratio
 * or a sub-quota): the round goes back to nominating, with a reason, so the list can be completed
 * and published in a new notice.
 */
export interface ReopenNominations extends RoundCommand {
  type: 'ReopenNominations';
  reason: string;
}

export interface Confer extends RoundCommand {
  type: 'Confer';
  /**
   * Nominations the facts as they stand at conferral bar (an accident or wage arrears recorded
   * after the nomination): they are removed, with these reasons, before anything is conferred.
   */
  barred?: BarredNomination[];
  /**
   * Persons who already hold a 青年岗位能手, valid or suspended (from another round): it is not conferred on them
   * again (原则上不重复授予; review 43 #1: one person held two, and only one went with its source).
   */
  youthPostExpertHeldBy?: string[];
}

export interface RevokeHonour extends RoundCommand {
  type: 'RevokeHonour';
  honourId: string;
  reason: string;
}

/**
 * 青年岗位能手 again, from another of the person's honours: their only one followed a source honour
 * revoked since (in another round), while this round's honour rests on a championship too and
 * was conferred without one because they held it (原则上不重复授予). Sent by the system, never by a
 * caller, when the revocation cascades (review 44 #4).
 */
export interface ConferDerivedHonour extends RoundCommand {
  type: 'ConferDerivedHonour';
  /** This round's honour the derived one follows. */
  sourceHonourId: string;
  /** The derived honour revoked with its source, and the round it was in. */
  replaces: { roundId: string; honourId: string };
}

/**
 * Sent by the system after a derived honour was revoked with its source, when no other honour of
 * the person confers it again: they hold one already, or none of their honours rests on a
 * championship of a young winner. Recorded with what was looked at, so the follow-up is settled in
 * the log (a rebuild of the read models does not ask again).
 */
export interface CloseDerivedHonourFollowUp extends RoundCommand {
  type: 'CloseDerivedHonourFollowUp';
  honourId: string;
  outcome: 'holds_one' | 'none_qualifies';
  /** The one they hold (holds_one). */
  heldHonourId: string | null;
  /** The person's other honours looked at, with their status then. */
  checked: Array<{ honourId: string; status: string }>;
}

export interface WithdrawHonour extends RoundCommand {
  type: 'WithdrawHonour';
  honourId: string;
  /** 摘牌: ordered by the awarding body, automatic (a rule), or natural (e.g. the team dissolved). */
  mode: 'ordered' | 'automatic' | 'natural';
  reason: string;
}

export interface SuspendHonour extends RoundCommand {
  type: 'SuspendHonour';
  honourId: string;
  reason: string;
}

export interface ReinstateHonour extends RoundCommand {
  type: 'ReinstateHonour';
  honourId: string;
  reason: string;
}

export type AwardRoundCommand =
  | CreateAwardRound
  | Nominate
  | RecordWorkersCongressApproval
  | ReviewNomination
  | GrantClearance
  | RefuseClearance
  | WithdrawNomination
  | StartPublicNotice
  | RaiseObjection
  | ResolveObjection
  | EndPublicNotice
  | ReopenNominations
  | Confer
  | RevokeHonour
  | ConferDerivedHonour
  | CloseDerivedHonourFollowUp
  | WithdrawHonour
  | SuspendHonour
  | ReinstateHonour;
