import { Actor, fold } from '@jingsai/shared';
import { evaluateEligibility } from '../eligibility/eligibility.engine';
import { EligibilityVerdict } from '../eligibility/eligibility.facts';
import { eligibilityInput, nomineeFacts } from '../eligibility/eligibility.fixtures';
import { NomineeAttributes } from '../rules/attribute-predicate';
import { NO_CLEARANCES } from '../rules/clearance-spec';
import { CreateAwardRound, Nominate, NomineeRef } from './award-round.commands';
import { awardRoundDecider } from './award-round.decider';
import { AwardRoundCreated, AwardRoundEvent, NominationSubmitted, PublicNoticeStarted } from './award-round.events';

/** Test data for the award-round specs (not used by production code). */
export const ROUND_ID = 'r-2024';
export const office: Actor = { userId: 'u-office', role: 'award_office', orgId: 'org-city' };
export const system: Actor = { userId: 'system', role: 'system', orgId: 'system' };
export const at = (iso: string) => ({ roundId: ROUND_ID, at: iso, actor: office });

export function createRound(over: Partial<CreateAwardRound> = {}): CreateAwardRound {
  return {
    type: 'CreateAwardRound',
    ...at('2024-09-20T09:00:00+08:00'),
    campaignId: 'c-2024',
    awardType: 'may_day_medal',
    honourLevel: 'city',
    officeLevel: 'city',
    ruleSetId: 'rs-national',
    ruleSetVersion: 2,
    pools: [{ pool: 'regular', quota: 3 }],
    levels: ['unit'],
    ratios: [],
    clearances: NO_CLEARANCES,
    ...over,
  };
}

export function created(over: Partial<CreateAwardRound> = {}): AwardRoundCreated {
  return awardRoundDecider.decide(createRound(over), awardRoundDecider.initialState())[0] as AwardRoundCreated;
}

export const person = (id: string, orgId = 'org-a'): NomineeRef => ({ kind: 'person', id, name: `职工${id}`, orgId });

export function verdictFor(nominee: NomineeRef, over: Partial<EligibilityVerdict> = {}): EligibilityVerdict {
  const v = evaluateEligibility(
    eligibilityInput({ rules: [{ rule: 'nominee_kind_matches' }], ruleSetId: 'rs-national', ruleSetVersion: 2, asOf: '2024-09-25', nominee: nomineeFacts({ ...nominee, honours: [] }) }),
  );
  return { ...v, ...over };
}

type NominationOver = Partial<Omit<Nominate, 'type'>> & { attributes?: NomineeAttributes };

export function nominate(id: string, over: NominationOver = {}): Nominate {
  const nominee = over.nominee ?? person(`p-${id}`);
  return {
    type: 'Nominate',
    ...at('2024-09-25T10:00:00+08:00'),
    nominationId: id,
    pool: 'regular',
    nominee,
    ownership: 'non_public',
    attributes: {},
    recommenderOrgId: 'org-a',
    substitute: false,
    order: 1,
    verdict: verdictFor(nominee),
    ...over,
  };
}

/** The event a nomination produces, with the clearances it implies (none by default). */
export function submitted(id: string, over: NominationOver = {}, requiredClearances: NominationSubmitted['data']['requiredClearances'] = []): NominationSubmitted {
  const c = nominate(id, over);
  return {
    type: 'NominationSubmitted',
    data: {
      roundId: ROUND_ID,
      nominationId: id,
      pool: c.pool,
      nominee: c.nominee,
      ownership: c.ownership,
      attributes: c.attributes,
      recommenderOrgId: c.recommenderOrgId,
      substitute: c.substitute,
      order: c.order,
      verdict: c.verdict,
      requiredClearances,
    },
  };
}

/** The recommending unit's approval after its workers' congress (the first review level). */
export const recommended = (nominationId: string, workersCongressOn = '2024-09-24'): AwardRoundEvent => ({
  type: 'NominationRecommended',
  data: { roundId: ROUND_ID, nominationId, level: 'unit', workersCongressOn },
});

/** A nomination that passed the recommending level: what a list about to be published holds. */
export const passed = (id: string, over: NominationOver = {}, requiredClearances: NominationSubmitted['data']['requiredClearances'] = []): AwardRoundEvent[] => [
  submitted(id, over, requiredClearances),
  recommended(id),
];

/** 2024-10-08 for five working days: 8, 9, 10, 11 and the adjusted working Saturday 12 October. */
export function noticeStarted(nominationIds: string[], over: Partial<PublicNoticeStarted['data']> = {}): PublicNoticeStarted {
  return {
    type: 'PublicNoticeStarted',
    data: {
      roundId: ROUND_ID,
      period: { kind: 'working_days', days: 5 },
      startsOn: '2024-10-08',
      lastDay: '2024-10-12',
      startsAt: '2024-10-07T16:00:00.000Z',
      endsAt: '2024-10-12T16:00:00.000Z',
      workingDays: 5,
      calendarDays: 5,
      nominationIds,
      slateRatios: [],
      ...over,
    },
  };
}

export const DURING_NOTICE = '2024-10-10T11:00:00+08:00';
export const AFTER_NOTICE = '2024-10-13T00:00:00+08:00';
export const noticeEnded = (): AwardRoundEvent => ({ type: 'PublicNoticeEnded', data: { roundId: ROUND_ID, endsAt: '2024-10-12T16:00:00.000Z' } });

export const stateAfter = (events: AwardRoundEvent[]) => fold(awardRoundDecider, events);
