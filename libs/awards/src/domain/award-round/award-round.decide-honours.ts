import { DomainError, WITHDRAWAL_MODES, WITHDRAWAL_MODE_LABELS, isWithdrawalMode } from '@jingsai/shared';
import { DERIVED_HONOUR_CATALOGUE, HONOUR_STATUS_LABELS } from '../catalogue/award-catalogue';
import { instantMs, shanghaiDateOf } from '../calendar/date-only';
import { CloseDerivedHonourFollowUp, Confer, ConferDerivedHonour, ReinstateHonour, RevokeHonour, SuspendHonour, WithdrawHonour } from './award-round.commands';
import { decideEndNotice } from './award-round.decide-notice';
import { promotionAfter } from './award-round.decide-review';
import { AwardRoundEvent } from './award-round.events';
import { evolveAwardRound } from './award-round.evolve';
import { ACTION_LABELS, HONOUR_ALLOWED, awardActionName, awardActionNames, illegalRoundState, requireHonour, requireRound, requireText, stageActions } from './award-round.guards';
import { assertSlateReady, quotaBreaches, quotaExceeded } from './award-round.slate';
import { AwardRoundState, NominationState, RoundConfig } from './award-round.state';

const YOUTH_AGE_LIMIT = 35;

/** Honour ids are derived, so a replay or a retry of Confer always names the same honours. */
export const honourIdOf = (roundId: string, nominationId: string): string => `${roundId}/${nominationId}`;
export const derivedHonourIdOf = (sourceHonourId: string, type: string): string => `${sourceHonourId}/${type}`;

/** 青年岗位能手: a skills-contest winner under 35 also receives it. */
export function qualifiesForYouthPostExpert(n: Pick<NominationState, 'nominee' | 'attributes'>): boolean {
  const age = n.attributes.age;
  return n.nominee.kind === 'person' && n.attributes.skillsChampion === true && typeof age === 'number' && age < YOUTH_AGE_LIMIT;
}

/**
 * Confers once the notice is over by the command's clock. The scheduler records the end a few
 * seconds after the last day has passed; a conferral in that gap records the end itself first
 * (the scheduler's later EndPublicNotice then finds it recorded and does nothing).
 */
export function decideConfer(c: Confer, state: AwardRoundState): AwardRoundEvent[] {
  if (state.stage === 'notice' && state.notice) {
    if (instantMs(c.at) < instantMs(state.notice.endsAt)) {
      throw illegalRoundState(
        'AWARD.NOTICE_NOT_ENDED',
        `公示期至 ${state.notice.lastDay} 24:00（北京时间）结束，公示结束前不能表彰。`,
        `The notice runs until the end of ${state.notice.lastDay} (Beijing time); nothing can be conferred before it ends.`,
        state.stage,
        stageActions(state, c.callerActions),
        { endsAt: state.notice.endsAt },
      );
    }
    const ended = decideEndNotice({ type: 'EndPublicNotice', roundId: c.roundId, at: c.at, actor: c.actor }, state);
    return [...ended, ...conferAfterNotice(c, ended.reduce(evolveAwardRound, state))];
  }
  return conferAfterNotice(c, state);
}

/**
 * An honour never goes to a nominee the facts bar at conferral: each barred nomination still
 * active is removed with its reasons, and the next substitute of its recommender, if any, takes
 * its place (a barred substitute is removed before it can be promoted).
 */
function removeBarred(c: Confer, state: AwardRoundState, round: RoundConfig): AwardRoundEvent[] {
  const events: AwardRoundEvent[] = [];
  let current = state;
  // Barred substitutes first, whatever order the list comes in: one is never promoted only to be removed.
  const substitute = (id: string) => state.nominations.some((x) => x.nominationId === id && x.substitute);
  const barred = [...(c.barred ?? [])].sort((a, b) => Number(substitute(b.nominationId)) - Number(substitute(a.nominationId)));
  for (const b of barred) {
    const n = current.nominations.find((x) => x.nominationId === b.nominationId && x.status === 'active');
    if (!n) continue;
    const removed: AwardRoundEvent = {
      type: 'NominationRemoved',
      data: { roundId: round.roundId, nominationId: n.nominationId, reason: 'ineligible_at_conferral', failedReasons: b.failedReasons },
    };
    const step = [removed, ...(n.substitute ? [] : promotionAfter(current, round, n))];
    current = step.reduce(evolveAwardRound, current);
    events.push(...step);
  }
  return events;
}

function conferAfterNotice(c: Confer, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const open = state.objections.filter((o) => o.status === 'open');
  if (open.length > 0) {
    throw illegalRoundState(
      'AWARD.OBJECTIONS_OPEN',
      `尚有 ${open.length} 件异议未处理（${open.map((o) => o.objectionId).join('、')}），处理完毕后方可表彰。`,
      `${open.length} objection(s) are still open (${open.map((o) => o.objectionId).join(', ')}); resolve them before conferring.`,
      state.stage,
      ['ResolveObjection'],
      { objectionIds: open.map((o) => o.objectionId) },
    );
  }
  const removals = removeBarred(c, state, round);
  const after = removals.reduce(evolveAwardRound, state);
  // Every nominee barred: the removals are recorded (and say why); nothing is left to confer.
  if (removals.length > 0 && !after.nominations.some((n) => n.status === 'active')) return removals;
  // The removals left a list that no longer holds (a ratio, a sub-quota, a promoted substitute not
  // yet reviewed): they are recorded, nothing is conferred, and the office can complete the list
  // (reopening nominations for a new notice where it must).
  if (removals.length > 0 && !slateHolds(after, round)) return removals;
  const { primaries } = assertSlateReady(after, round);
  const breaches = quotaBreaches(round, primaries);
  if (breaches.length > 0) throw quotaExceeded(breaches, round);
  const conferredOn = shanghaiDateOf(c.at);
  return [...removals, ...primaries.flatMap((n): AwardRoundEvent[] => {
    const honourId = honourIdOf(round.roundId, n.nominationId);
    const main: AwardRoundEvent = {
      type: 'HonourConferred',
      data: { roundId: round.roundId, honourId, nominationId: n.nominationId, recipient: n.nominee, awardType: round.awardType, level: round.honourLevel, pool: n.pool, conferredOn },
    };
    if (!qualifiesForYouthPostExpert(n) || (c.youthPostExpertHeldBy ?? []).includes(n.nominee.id)) return [main];
    return [main, youthPostExpertOf(round.roundId, honourId, n, round.honourLevel, conferredOn)];
  })];
}

function youthPostExpertOf(
  roundId: string,
  sourceHonourId: string,
  n: NominationState,
  level: RoundConfig['honourLevel'],
  conferredOn: string,
  replaces?: { roundId: string; honourId: string },
): AwardRoundEvent {
  const basis = `技能竞赛优胜者，年龄 ${String(n.attributes.age)} 岁，未满 ${YOUTH_AGE_LIMIT} 岁，同时授予${DERIVED_HONOUR_CATALOGUE.youth_post_expert.zh}`;
  return {
    type: 'DerivedHonourConferred',
    data: {
      roundId,
      honourId: derivedHonourIdOf(sourceHonourId, 'youth_post_expert'),
      sourceHonourId,
      nominationId: n.nominationId,
      recipient: n.nominee,
      awardType: 'youth_post_expert',
      level,
      conferredOn,
      basis: replaces ? `原${DERIVED_HONOUR_CATALOGUE.youth_post_expert.zh}（${replaces.honourId}）已随其来源荣誉撤销；本轮荣誉同为${basis}` : basis,
      ...(replaces ? { replaces } : {}),
    },
  };
}

/**
 * 青年岗位能手 from this round's honour, in place of one revoked with its source in another round
 * (review 44 #4). The honour must still stand on a championship: valid, its nominee a young
 * skills-contest winner. One already derived from it (a repeat, or one conferred with it) is
 * answered with nothing.
 */
export function decideDerivedHonourAgain(c: ConferDerivedHonour, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const h = requireHonour(state, c.sourceHonourId);
  if (state.honours.some((d) => d.sourceHonourId === h.honourId)) return [];
  const n = state.nominations.find((x) => x.nominationId === h.nominationId);
  if (h.status !== 'valid' || !n || !qualifiesForYouthPostExpert(n)) {
    throw DomainError.unprocessable(
      'AWARD.NO_DERIVED_HONOUR_BASIS',
      `荣誉 ${h.honourId} 不是有效的、授予未满 ${YOUTH_AGE_LIMIT} 岁技能竞赛优胜者的荣誉，不能据此授予${DERIVED_HONOUR_CATALOGUE.youth_post_expert.zh}。`,
      `Honour ${h.honourId} is not a valid honour of a skills-contest winner under ${YOUTH_AGE_LIMIT}; no ${DERIVED_HONOUR_CATALOGUE.youth_post_expert.en} follows from it.`,
      { honourId: h.honourId, status: h.status },
    );
  }
  return [youthPostExpertOf(round.roundId, h.honourId, n, h.level, shanghaiDateOf(c.at), c.replaces)];
}

type HonourCommand = RevokeHonour | WithdrawHonour | SuspendHonour | ReinstateHonour;


export function decideHonourChange(c: HonourCommand, state: AwardRoundState): AwardRoundEvent[] {
  requireRound(state, c);
  const h = requireHonour(state, c.honourId);
  // Asking for the status it already has (a second revoke, reinstating a valid honour) is refused
  // as any other change its status does not allow: what it offers (allowedActions) is what is accepted.
  if (!HONOUR_ALLOWED[h.status].includes(c.type)) {
    const label = HONOUR_STATUS_LABELS[h.status];
    throw illegalRoundState(
      'AWARD.HONOUR_ILLEGAL_TRANSITION',
      `${h.recipient.name}的荣誉（${h.honourId}）当前为“${label.zh}”，不能${ACTION_LABELS[c.type] ?? c.type}；可办理：${HONOUR_ALLOWED[h.status].map((a) => ACTION_LABELS[a] ?? a).join('、') || '无'}。`,
      `Honour ${h.honourId} is ${label.en}; ${awardActionName(c.type)} is not allowed. Allowed: ${awardActionNames(HONOUR_ALLOWED[h.status]).join(', ') || 'none'}.`,
      h.status,
      HONOUR_ALLOWED[h.status],
    );
  }
  const reason = requireText(c.reason, 'AWARD.REASON_REQUIRED', 'reason', '请写明理由。', 'A reason is required.');
  const base = { roundId: c.roundId, honourId: h.honourId, reason };
  switch (c.type) {
    case 'RevokeHonour': {
      // Revoking an honour obtained by fraud also revokes what was derived from it.
      const derived = state.honours.filter((d) => d.sourceHonourId === h.honourId && d.status !== 'revoked');
      return [
        { type: 'HonourRevoked', data: base },
        // Another honour of the person may confer it again: the system settles that next (followUp).
        ...derived.map((d): AwardRoundEvent => ({ type: 'HonourRevoked', data: { roundId: c.roundId, honourId: d.honourId, reason, sourceHonourId: h.honourId, followUp: true } })),
      ];
    }
    case 'WithdrawHonour':
      if (!isWithdrawalMode(c.mode)) {
        const zh = `摘牌方式应为 ${WITHDRAWAL_MODES.map((m) => `${m}（${WITHDRAWAL_MODE_LABELS[m]}）`).join('、')}。`;
        const en = `mode must be one of ${WITHDRAWAL_MODES.join(', ')}.`;
        // As an instant commendation's withdrawal says it: the field named, so a form can point at it.
        throw DomainError.validation('AWARD.INVALID_WITHDRAWAL_MODE', zh, en, { errors: [{ field: 'mode', messageZh: zh, messageEn: en }] });
      }
      return [{ type: 'HonourWithdrawn', data: { ...base, mode: c.mode } }];
    case 'SuspendHonour':
      return [{ type: 'HonourSuspended', data: base }];
    case 'ReinstateHonour':
      return [{ type: 'HonourReinstated', data: base }];
  }
}

function slateHolds(state: AwardRoundState, round: RoundConfig): boolean {
  try {
    assertSlateReady(state, round);
    return true;
  } catch {
    return false;
  }
}

/** Settles that a derived honour revoked with its source is not conferred again (see CloseDerivedHonourFollowUp); a repeat records nothing. */
export function decideCloseDerivedFollowUp(c: CloseDerivedHonourFollowUp, state: AwardRoundState): AwardRoundEvent[] {
  requireRound(state, c);
  const h = requireHonour(state, c.honourId);
  if (h.followUpClosed) return [];
  if (h.sourceHonourId === null || h.status !== 'revoked') {
    throw DomainError.unprocessable('AWARD.NO_DERIVED_FOLLOW_UP', `荣誉 ${h.honourId} 不是随其来源荣誉撤销的荣誉。`, `Honour ${h.honourId} is not a derived honour revoked with its source.`, { honourId: h.honourId, status: h.status });
  }
  return [{ type: 'DerivedHonourFollowUpClosed', data: { roundId: c.roundId, honourId: h.honourId, outcome: c.outcome, heldHonourId: c.heldHonourId, checked: c.checked } }];
}
