import { DomainError } from '@jingsai/shared';
import { OBJECTION_STATUS_LABELS } from '../catalogue/award-catalogue';
import { instantMs, shanghaiDateOf, startOfShanghaiDay, toEpochDay } from '../calendar/date-only';
import { resolveNoticePeriod } from '../calendar/notice-period';
import { BarredNomination, EndPublicNotice, RaiseObjection, ReopenNominations, ResolveObjection, StartPublicNotice } from './award-round.commands';
import { AwardRoundEvent } from './award-round.events';
import { evolveAwardRound } from './award-round.evolve';
import { illegalRoundState, noticeScheduledAt, requireActiveNomination, requireNomination, requireObjection, requireRound, requireText, stageActions } from './award-round.guards';
import { promotionAfter } from './award-round.decide-review';
import { assertSlateReady } from './award-round.slate';
import { AwardRoundState, NoticeState } from './award-round.state';
import { requireNoticeLength } from './award-round.notice-length';

export function decideStartNotice(c: StartPublicNotice, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const resolved = resolveNoticePeriod(c.period, c.startsOn, c.calendar);
  if (toEpochDay(resolved.startsOn) < toEpochDay(shanghaiDateOf(c.at))) {
    throw DomainError.validation('AWARD.NOTICE_IN_PAST', `公示开始日期 ${c.startsOn} 已过，请选择今天或以后的日期。`, `The notice cannot start in the past (${c.startsOn}); choose today or a later date.`);
  }
  requireNoticeLength(round, c.period, resolved, c.calendar);
  const { ratios } = assertSlateReady(state, round);
  requireNoneBarred(state, c.barred ?? []);
  const { startsOn, lastDay, endsAt, workingDays, calendarDays } = resolved;
  // The day it is published counts (the Lijiang notice, 2022-10-14 to 10-19, counts both ends), but
  // the list is public from the instant it is published, not from the midnight before.
  const startsAt = instantMs(c.at) > instantMs(resolved.startsAt) ? new Date(instantMs(c.at)).toISOString() : resolved.startsAt;
  const nominationIds = state.nominations.filter((n) => n.status === 'active').map((n) => n.nominationId);
  return [{ type: 'PublicNoticeStarted', data: { roundId: c.roundId, period: c.period, startsOn, lastDay, startsAt, endsAt, workingDays, calendarDays, nominationIds, slateRatios: ratios } }];
}


/**
 * A list goes public only as it still holds: a nominee whose facts bar them since the nomination
 * (an accident on the project, wage arrears at the unit) is named with the reasons, for the
 * recommender or the award office to withdraw (撤回推荐) before the notice.
 */
function requireNoneBarred(state: AwardRoundState, barred: readonly BarredNomination[]): void {
  if (barred.length === 0) return;
  const name = (id: string) => {
    const n = state.nominations.find((x) => x.nominationId === id);
    return n ? `${n.nominee.name}（${id}）` : id;
  };
  throw DomainError.unprocessable(
    'AWARD.NOMINEES_NO_LONGER_ELIGIBLE',
    `${barred.length} 名人选推荐后已不符合评选条件，不能公示：${barred.map((b) => `${name(b.nominationId)}：${b.failedReasons.map((r) => r.messageZh).join('').replace(/。$/, '')}`).join('；')}。请先撤回推荐（递补人选按顺序递补），再开始公示。`,
    `${barred.length} nominee(s) are no longer eligible and cannot be published: ${barred.map((b) => `${b.nominationId}: ${b.failedReasons.map((r) => r.messageEn).join(' ')}`).join('; ')} Withdraw them first.`,
    { barred },
  );
}


/**
 * Whether the notice runs at `at`: from the start of its first day (the day counts; the list was
 * public from `startsAt` on it, and no objection can precede a notice that had not begun, so a
 * clock a few milliseconds behind the one that published it is not refused) to the end of its last.
 */
export const noticeRunningAt = (notice: NoticeState, at: string) =>
  instantMs(at) >= Math.min(instantMs(notice.startsAt), instantMs(startOfShanghaiDay(notice.startsOn))) && instantMs(at) < instantMs(notice.endsAt);

/** The objector's identity; grounds missing too are listed with it, so the form is mended at once. */
function requireIdentity(o: RaiseObjection['objector'] | undefined, groundsMissing: boolean): void {
  const missing: string[] = [];
  const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
  if (!o || (o.kind !== 'individual' && o.kind !== 'organization')) missing.push('objector.kind');
  else if (o.kind === 'individual') {
    if (blank(o.realName)) missing.push('objector.realName');
    if (blank(o.contact)) missing.push('objector.contact');
  } else {
    if (blank(o.orgName)) missing.push('objector.orgName');
    if (blank(o.sealRef)) missing.push('objector.sealRef');
  }
  if (missing.length > 0) {
    const grounds = groundsMissing ? [{ field: 'grounds', messageZh: '请写明异议的具体内容', messageEn: 'required' }] : [];
    throw DomainError.validation(
      'AWARD.OBJECTOR_IDENTITY_REQUIRED',
      `反映问题须实名：个人请提供真实姓名和联系方式，单位请加盖公章。${groundsMissing ? '并请写明异议的具体内容。' : ''}`,
      `An objection needs an identity: an individual gives a real name and contact, an organisation its seal.${groundsMissing ? ' State its grounds too.' : ''}`,
      { errors: [...missing.map((field) => ({ field, messageZh: '必填', messageEn: 'required' })), ...grounds] },
    );
  }
}

export function decideRaiseObjection(c: RaiseObjection, state: AwardRoundState): AwardRoundEvent[] {
  // Once the notice is over (ended, or the honours conferred), an objection is told so with its dates, as one before it begins is (review 43 #9).
  const over = state.notice && (state.stage === 'notice_ended' || state.stage === 'conferred');
  if (!over) requireRound(state, c);
  const notice = state.notice!;
  if (over || !noticeRunningAt(notice, c.at)) {
    throw DomainError.unprocessable(
      'AWARD.OUTSIDE_NOTICE_PERIOD',
      `异议须在公示期内（${notice.startsOn} 至 ${notice.lastDay}）提出。`,
      `Objections are accepted only during the notice (${notice.startsOn} to ${notice.lastDay}).`,
      { startsAt: notice.startsAt, endsAt: notice.endsAt },
    );
  }
  requireIdentity(c.objector, typeof c.grounds !== 'string' || c.grounds.trim() === '');
  const grounds = requireText(c.grounds, 'AWARD.GROUNDS_REQUIRED', 'grounds', '请写明异议的具体内容。', 'State the grounds of the objection.');
  if (state.objections.some((o) => o.objectionId === c.objectionId)) {
    throw DomainError.conflict('AWARD.OBJECTION_EXISTS', `异议编号 ${c.objectionId} 已使用。`, `Objection id ${c.objectionId} is already used.`);
  }
  const n = requireActiveNomination(state, c.nominationId);
  return [{ type: 'ObjectionRaised', data: { roundId: c.roundId, objectionId: c.objectionId, nominationId: n.nominationId, objector: c.objector, grounds } }];
}

export function decideResolveObjection(c: ResolveObjection, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const o = requireObjection(state, c.objectionId);
  if (c.outcome !== 'upheld' && c.outcome !== 'dismissed') {
    throw DomainError.validation('AWARD.INVALID_OUTCOME', "处理结果应为 'upheld' 或 'dismissed'。", "outcome must be 'upheld' or 'dismissed'.");
  }
  const note = requireText(c.note, 'AWARD.NOTE_REQUIRED', 'note', '请填写异议核查处理意见。', 'A resolution needs a note on what was found.');
  if (o.status !== 'open') {
    if (o.status === c.outcome) return [];
    const current = OBJECTION_STATUS_LABELS[o.status];
    // Named currentOutcome, not status: a detail is an extension of the problem body, next to its HTTP status.
    throw DomainError.conflict(
      'AWARD.OBJECTION_ALREADY_RESOLVED',
      `异议 ${o.objectionId} 已核查处理，结论为“${current.zh}”，不能改判；如有新的情况，请另行提出异议或按撤销程序办理。`,
      `Objection ${o.objectionId} was already resolved as ${current.en} and cannot be changed; raise a new objection or use revocation if something new came to light.`,
      { objectionId: o.objectionId, currentOutcome: o.status },
    );
  }
  const base = { roundId: c.roundId, objectionId: o.objectionId, nominationId: o.nominationId, note };
  if (c.outcome === 'dismissed') return [{ type: 'ObjectionDismissed', data: base }];
  const n = requireNomination(state, o.nominationId);
  if (n.status !== 'active') return [{ type: 'ObjectionUpheld', data: base }];
  return [
    { type: 'ObjectionUpheld', data: base },
    { type: 'NominationWithdrawnAfterObjection', data: { roundId: c.roundId, nominationId: n.nominationId, objectionId: o.objectionId } },
    ...promotionAfter(state, round, n),
  ];
}

export function decideEndNotice(c: EndPublicNotice, state: AwardRoundState): AwardRoundEvent[] {
  if (state.stage === 'notice_ended' || state.stage === 'conferred') return [];
  requireRound(state, c);
  const notice = state.notice!;
  if (instantMs(c.at) < instantMs(notice.endsAt)) {
    throw illegalRoundState(
      'AWARD.NOTICE_NOT_ENDED',
      `公示期至 ${notice.lastDay} 24:00（北京时间）结束，尚未届满。`,
      `The notice runs until the end of ${notice.lastDay} (Beijing time) and has not ended yet.`,
      state.stage,
      stageActions(state, c.callerActions),
      { endsAt: notice.endsAt },
    );
  }
  return [{ type: 'PublicNoticeEnded', data: { roundId: c.roundId, endsAt: notice.endsAt } }];
}

/**
 * 重新开放推荐: after a notice, with no objection open, and no honour conferred (the stage sees to
 * it); or before a notice given ahead of its first day begins, which withdraws the schedule.
 */
export function decideReopenNominations(c: ReopenNominations, state: AwardRoundState): AwardRoundEvent[] {
  // A notice whose last day has passed but the scheduler has not yet closed: its end is recorded first, as conferral does.
  if (state.stage === 'notice' && state.notice && state.round && instantMs(c.at) >= instantMs(state.notice.endsAt)) {
    const ended = decideEndNotice({ type: 'EndPublicNotice', roundId: c.roundId, at: c.at, actor: c.actor }, state);
    return [...ended, ...decideReopenNominations(c, ended.reduce(evolveAwardRound, state))];
  }
  // A notice given ahead of its first day has published nothing yet: the office may take the list back.
  if (!(state.round && noticeScheduledAt(state, c.at))) requireRound(state, c);
  const open = state.objections.filter((o) => o.status === 'open');
  if (open.length > 0) {
    throw illegalRoundState(
      'AWARD.OBJECTIONS_OPEN',
      `尚有 ${open.length} 件异议未处理（${open.map((o) => o.objectionId).join('、')}），处理完毕后方可重新开放推荐。`,
      `${open.length} objection(s) are still open; resolve them first.`,
      state.stage,
      ['ResolveObjection'],
      { objectionIds: open.map((o) => o.objectionId) },
    );
  }
  const reason = requireText(c.reason, 'AWARD.REASON_REQUIRED', 'reason', '请写明重新开放推荐的理由。', 'A reason is required.');
  return [{ type: 'NominationsReopened', data: { roundId: c.roundId, reason } }];
}
