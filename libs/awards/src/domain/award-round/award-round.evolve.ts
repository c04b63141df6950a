import { HonourStatus } from '../catalogue/award-catalogue';
import { AwardRoundEvent, LevelNotice } from './award-round.events';
import { AwardRoundState, HonourRecord, NominationState } from './award-round.state';

const updateNomination = (s: AwardRoundState, id: string, f: (n: NominationState) => NominationState): AwardRoundState => ({
  ...s,
  nominations: s.nominations.map((n) => (n.nominationId === id ? f(n) : n)),
});

// Revocation is final: no later event can make a revoked honour current again.
const setHonourStatus = (s: AwardRoundState, id: string, status: HonourStatus): AwardRoundState => ({
  ...s,
  honours: s.honours.map((h): HonourRecord => (h.honourId === id && h.status !== 'revoked' ? { ...h, status } : h)),
});

const setObjection = (s: AwardRoundState, id: string, status: 'upheld' | 'dismissed'): AwardRoundState => ({
  ...s,
  objections: s.objections.map((o) => (o.objectionId === id ? { ...o, status } : o)),
});

/** Folds one award-round event; never throws and never mutates. */
export function evolveAwardRound(state: AwardRoundState, event: AwardRoundEvent): AwardRoundState {
  switch (event.type) {
    case 'AwardRoundCreated':
      return { ...state, stage: 'nominating', round: { ...event.data } };
    case 'NominationSubmitted': {
      const d = event.data;
      const nomination: NominationState = {
        nominationId: d.nominationId,
        pool: d.pool,
        nominee: d.nominee,
        ownership: d.ownership,
        attributes: d.attributes,
        recommenderOrgId: d.recommenderOrgId,
        substitute: d.substitute,
        order: d.order,
        seq: state.nominations.length,
        status: 'active',
        levelsPassed: 0,
        workersCongressOn: null,
        requiredClearances: d.requiredClearances,
        clearances: {},
        verdict: d.verdict,
        ...(d.poolAdmission ? { poolAdmission: d.poolAdmission } : {}),
        ...(d.levels ? { levels: d.levels } : {}),
      };
      return { ...state, nominations: [...state.nominations, nomination] };
    }
    case 'NominationRecommended':
      return updateNomination(state, event.data.nominationId, (n) => ({
        ...withLevelNotice(n, event.data.level, event.data.notice), levelsPassed: n.levelsPassed + 1, workersCongressOn: event.data.workersCongressOn ?? n.workersCongressOn,
      }));
    case 'NominationReviewed':
      return event.data.decision === 'approved'
        ? updateNomination(state, event.data.nominationId, (n) => ({ ...withLevelNotice(n, event.data.level, event.data.notice), levelsPassed: n.levelsPassed + 1 }))
        : state;
    case 'ClearanceGranted':
      return updateNomination(state, event.data.nominationId, (n) => ({ ...n, clearances: { ...n.clearances, [event.data.department]: 'granted' } }));
    case 'ClearanceRefused':
      return updateNomination(state, event.data.nominationId, (n) => ({ ...n, clearances: { ...n.clearances, [event.data.department]: 'refused' } }));
    case 'NominationRemoved': {
      const { roundId: _r, nominationId, ...removal } = event.data;
      return updateNomination(state, nominationId, (n) => ({ ...n, status: 'removed', removal }));
    }
    case 'SubstitutePromoted':
      return updateNomination(state, event.data.nominationId, (n) => ({ ...n, substitute: false }));
    case 'PublicNoticeStarted': {
      const { period, startsOn, lastDay, startsAt, endsAt, calendarDays, workingDays } = event.data;
      // Who the public saw, and as what: a substitute promoted during the notice was published as a substitute.
      const listed = state.nominations.filter((n) => event.data.nominationIds.includes(n.nominationId)).map((n) => ({ nominationId: n.nominationId, substitute: n.substitute }));
      return { ...state, stage: 'notice', notice: { period, startsOn, lastDay, startsAt, endsAt, calendarDays, workingDays, listed } };
    }
    case 'ObjectionRaised':
      return { ...state, objections: [...state.objections, { objectionId: event.data.objectionId, nominationId: event.data.nominationId, status: 'open' }] };
    case 'ObjectionUpheld':
      return setObjection(state, event.data.objectionId, 'upheld');
    case 'ObjectionDismissed':
      return setObjection(state, event.data.objectionId, 'dismissed');
    case 'NominationWithdrawnAfterObjection':
      return updateNomination(state, event.data.nominationId, (n) => ({ ...n, status: 'withdrawn', removal: { reason: 'objection_upheld', objectionId: event.data.objectionId } }));
    case 'PublicNoticeEnded':
      return { ...state, stage: 'notice_ended' };
    case 'NominationsReopened':
      return { ...state, stage: 'nominating', notice: null };
    case 'HonourConferred':
    case 'DerivedHonourConferred': {
      const d = event.data;
      const honour: HonourRecord = {
        honourId: d.honourId,
        nominationId: d.nominationId,
        recipient: d.recipient,
        awardType: d.awardType,
        level: d.level,
        pool: 'pool' in d ? d.pool : null,
        conferredOn: d.conferredOn,
        status: 'valid',
        sourceHonourId: 'sourceHonourId' in d ? d.sourceHonourId : null,
      };
      return { ...state, stage: 'conferred', honours: [...state.honours, honour] };
    }
    case 'HonourRevoked':
      return setHonourStatus(state, event.data.honourId, 'revoked');
    case 'DerivedHonourFollowUpClosed':
      return { ...state, honours: state.honours.map((h) => (h.honourId === event.data.honourId ? { ...h, followUpClosed: true } : h)) };
    case 'HonourWithdrawn':
      return setHonourStatus(state, event.data.honourId, 'withdrawn');
    case 'HonourSuspended':
      return setHonourStatus(state, event.data.honourId, 'suspended');
    case 'HonourReinstated':
      return setHonourStatus(state, event.data.honourId, 'valid');
    default: {
      // Exhaustive at compile time; an unknown stored event is ignored rather than thrown on.
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** The level's notice kept on the nomination (none recorded: unchanged). */
function withLevelNotice(n: NominationState, level: string, notice: LevelNotice | undefined): NominationState {
  return notice ? { ...n, levelNotices: [...(n.levelNotices ?? []), { level, ...notice }] } : n;
}
