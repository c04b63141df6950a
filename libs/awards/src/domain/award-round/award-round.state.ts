import { Department, HonourLevel, HonourStatus, HonourType, Pool } from '../catalogue/award-catalogue';
import { EligibilityVerdict } from '../eligibility/eligibility.facts';
import { NomineeAttributes } from '../rules/attribute-predicate';
import { NoticePeriod } from '../calendar/notice-period';
import { NomineeRef } from './award-round.commands';
import { AwardRoundCreated, LevelNotice, NominationRemoved, NominationSubmitted } from './award-round.events';

/** none → nominating → notice (公示) → notice_ended → conferred. */
export type AwardRoundStage = 'none' | 'nominating' | 'notice' | 'notice_ended' | 'conferred';

export type RoundConfig = Omit<AwardRoundCreated['data'], 'roundId'> & { roundId: string };

export interface NominationState {
  nominationId: string;
  pool: Pool;
  nominee: NomineeRef;
  ownership: string | null;
  attributes: NomineeAttributes;
  recommenderOrgId: string;
  /** Currently a substitute (递补); false once promoted. */
  substitute: boolean;
  order: number;
  /** Position in the round, to break ties between substitutes of equal order. */
  seq: number;
  status: 'active' | 'removed' | 'withdrawn';
  /** How many review levels, in order, have passed. */
  levelsPassed: number;
  workersCongressOn: string | null;
  /** The public notices its levels held before passing it up (逐级公示), in order. */
  levelNotices?: Array<LevelNotice & { level: string }>;
  requiredClearances: Department[];
  clearances: Partial<Record<Department, 'granted' | 'refused'>>;
  verdict: EligibilityVerdict;
  /** The review levels it goes through, where the round's do not all apply to it (absent: the round's). */
  levels?: string[];
  /** Why the competition-reserved pool took it (absent in other pools, and on nominations recorded before it was kept). */
  poolAdmission?: NominationSubmitted['data']['poolAdmission'];
  /** Why it left the round (absent while active): a removal, or a withdrawal after an upheld objection, naming the objection. */
  removal?: Omit<NominationRemoved['data'], 'roundId' | 'nominationId'> | { reason: 'objection_upheld'; objectionId: string };
}

/** The review levels a nomination goes through: its own where some of the round's do not apply to it. */
export const levelsOf = (round: Pick<RoundConfig, 'levels'>, n: Pick<NominationState, 'levels'>): string[] => n.levels ?? round.levels;

export interface ObjectionState {
  objectionId: string;
  nominationId: string;
  status: 'open' | 'upheld' | 'dismissed';
}

export interface NoticeState {
  period: NoticePeriod;
  startsOn: string;
  lastDay: string;
  startsAt: string;
  endsAt: string;
  /** Days the notice runs, and how many of them are working days (null: a year the holiday calendar does not cover). */
  calendarDays: number;
  workingDays: number | null;
  /** The list as published: every active nomination then, a substitute marked as such (absent on notices recorded before it was kept). */
  listed?: Array<{ nominationId: string; substitute: boolean }>;
}

export interface HonourRecord {
  honourId: string;
  nominationId: string;
  recipient: NomineeRef;
  awardType: HonourType;
  level: HonourLevel;
  pool: Pool | null;
  conferredOn: string;
  status: HonourStatus;
  /** Set for derived honours (青年岗位能手): the honour they follow from. */
  sourceHonourId: string | null;
  /** A derived honour revoked with its source: whether it was settled that it is not conferred again elsewhere. */
  followUpClosed?: boolean;
}

export interface AwardRoundState {
  stage: AwardRoundStage;
  round: RoundConfig | null;
  nominations: NominationState[];
  objections: ObjectionState[];
  notice: NoticeState | null;
  honours: HonourRecord[];
}

export const initialAwardRoundState = (): AwardRoundState => ({ stage: 'none', round: null, nominations: [], objections: [], notice: null, honours: [] });

export const isPrimary = (n: NominationState): boolean => n.status === 'active' && !n.substitute;
