import { DomainError } from '@jingsai/shared';
import { DEPARTMENT_LABELS, reviewLevelZh } from '../catalogue/award-catalogue';
import { instantMs, isDateOnly, shanghaiDateOf, toEpochDay } from '../calendar/date-only';
import { ResolvedNoticePeriod, resolveNoticePeriod } from '../calendar/notice-period';
import { GrantClearance, RecordWorkersCongressApproval, RefuseClearance, ReviewNomination, WithdrawNomination } from './award-round.commands';
import { AwardRoundEvent, LevelNotice, SubstitutePromoted } from './award-round.events';
import { requireNoticeLength } from './award-round.notice-length';
import { ACTION_LABELS, awardActionName, illegalRoundState, labelledAwardActions, requireActiveNomination, requireRound, requireText } from './award-round.guards';
import { nextSubstitute } from './award-round.slate';
import { AwardRoundState, NominationState, RoundConfig, levelsOf } from './award-round.state';

/** The promotion that follows when a primary drops out, if a substitute of its recommender fits. */
export function promotionAfter(state: AwardRoundState, round: RoundConfig, removed: NominationState): SubstitutePromoted[] {
  const next = nextSubstitute(state, round, removed);
  if (!next) return [];
  return [
    {
      type: 'SubstitutePromoted',
      data: { roundId: round.roundId, nominationId: next.nominationId, replacesNominationId: removed.nominationId, recommenderOrgId: removed.recommenderOrgId, pool: next.pool },
    },
  ];
}

function requireNextLevel(round: RoundConfig, n: NominationState, level: string): void {
  if (!round.levels.includes(level)) {
    throw DomainError.validation('AWARD.UNKNOWN_LEVEL', `本轮没有“${reviewLevelZh(level)}”审核层级（本轮层级：${round.levels.map(reviewLevelZh).join('→') || '无'}）。`, `This round has no review level ${level} (levels: ${round.levels.join(' → ') || 'none'}).`);
  }
  const levels = levelsOf(round, n);
  if (!levels.includes(level)) {
    throw DomainError.unprocessable(
      'AWARD.LEVEL_NOT_APPLICABLE',
      `${n.nominee.name}（推荐 ${n.nominationId}）所在单位之上没有${reviewLevelZh(level)}组织，无需${reviewLevelZh(level)}审核（审核层级：${levels.map(reviewLevelZh).join('→')}）。`,
      `Nomination ${n.nominationId} has no ${level} organisation over it, so there is no ${level} review (its levels: ${levels.join(' → ')}).`,
      { nominationId: n.nominationId, level, levels },
    );
  }
  const index = levels.indexOf(level);
  if (index < n.levelsPassed) {
    throw DomainError.conflict('AWARD.LEVEL_ALREADY_REVIEWED', `${n.nominee.name}（推荐 ${n.nominationId}）已通过“${reviewLevelZh(level)}”审核。`, `Nomination ${n.nominationId} has already passed the ${level} level.`);
  }
  if (index > n.levelsPassed) {
    const expected = levels[n.levelsPassed]!;
    throw illegalRoundState(
      'AWARD.REVIEW_OUT_OF_ORDER',
      `须逐级推荐：${n.nominee.name}（推荐 ${n.nominationId}）应先经${reviewLevelZh(expected)}审核，不能直接进入${reviewLevelZh(level)}审核。`,
      `Reviews go level by level: nomination ${n.nominationId} must pass the ${expected} level before ${level}.`,
      `awaiting_${expected}`,
      [n.levelsPassed === 0 ? 'RecordWorkersCongressApproval' : 'ReviewNomination'],
    );
  }
}

export function decideWorkersCongress(c: RecordWorkersCongressApproval, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const n = requireActiveNomination(state, c.nominationId);
  if (round.levels.length === 0) {
    throw DomainError.unprocessable('AWARD.NO_REVIEW_LEVELS', '本轮未设置逐级推荐层级，无需登记职代会意见。', 'This round has no review levels, so no workers’ congress approval is recorded.');
  }
  requireNextLevel(round, n, round.levels[0]!);
  if (!isDateOnly(c.workersCongressOn) || toEpochDay(c.workersCongressOn) > toEpochDay(shanghaiDateOf(c.at))) {
    throw DomainError.validation('AWARD.INVALID_CONGRESS_DATE', '职代会日期应为不晚于今天的 YYYY-MM-DD 日期。', 'workersCongressOn must be a YYYY-MM-DD date not later than today.', {
      errors: [{ field: 'workersCongressOn', messageZh: '日期无效或在未来', messageEn: 'invalid or in the future' }],
    });
  }
  // A congress held before the selection's year cannot have decided a recommendation for it (a 2019 congress for a 2026 selection).
  if (c.selectionYear !== undefined && c.workersCongressOn < `${c.selectionYear}-01-01`) {
    const zh = `职代会日期 ${c.workersCongressOn} 早于本次评选年度（${c.selectionYear} 年），不能作为本次推荐的审议依据；请填写审议本次推荐的职代会日期。`;
    throw DomainError.validation('AWARD.INVALID_CONGRESS_DATE', zh, `A workers' congress on ${c.workersCongressOn} is before the ${c.selectionYear} selection and cannot have decided this recommendation.`, {
      selectionYear: c.selectionYear,
      errors: [{ field: 'workersCongressOn', messageZh: `不能早于 ${c.selectionYear}-01-01`, messageEn: `not before ${c.selectionYear}-01-01` }],
    });
  }
  const notice = levelNoticeOf(c, round, n);
  return [{ type: 'NominationRecommended', data: { roundId: c.roundId, nominationId: n.nominationId, level: round.levels[0]!, workersCongressOn: c.workersCongressOn, ...(notice ? { notice } : {}) } }];
}

/**
 * The public notice a level held before it passes a nomination up (逐级公示), checked as the round's
 * own notice is: real dates, as long as the round asks, and over before the level decides (a
 * level's review after its notice's last day). None given: none recorded; a level may hold none.
 */
function levelNoticeOf(c: RecordWorkersCongressApproval | ReviewNomination, round: RoundConfig, n: NominationState): LevelNotice | undefined {
  if (!c.notice) return undefined;
  const notice = c.notice;
  const refuse = (code: string, zh: string, en: string, field: string, extra: Record<string, unknown> = {}) =>
    DomainError.unprocessable(code, zh, en, { ...extra, errors: [{ field, messageZh: zh, messageEn: en }] });
  // Not begun by today: it cannot be over, whatever the holiday calendar knows of its days (review 48 #13).
  if (isDateOnly(notice.startsOn) && notice.startsOn > shanghaiDateOf(c.at)) {
    throw refuse('AWARD.LEVEL_NOTICE_NOT_ENDED', `本级公示自 ${notice.startsOn} 开始，尚未结束，公示结束后方可据此推荐或审核。`, `This level's notice starts on ${notice.startsOn}; record its decision after it has ended.`, 'notice.startsOn', { startsOn: notice.startsOn });
  }
  // In its place among the steps (review 48 #6): a unit publicises what its workers' congress decided, after it; a
  // level publicises the list that reached it, after the level below finished its own notice.
  const previous = n.levelNotices?.[n.levelNotices.length - 1];
  const dated = isDateOnly(notice.startsOn);
  if (dated && c.type === 'RecordWorkersCongressApproval' && isDateOnly(c.workersCongressOn) && notice.startsOn < c.workersCongressOn) {
    throw refuse('AWARD.LEVEL_NOTICE_OUT_OF_ORDER', `单位内公示（${notice.startsOn} 起）应在职代会审议（${c.workersCongressOn}）之后。`, `The unit's notice (from ${notice.startsOn}) must follow its workers' congress (${c.workersCongressOn}).`, 'notice.startsOn');
  }
  if (dated && c.type === 'ReviewNomination' && previous && notice.startsOn <= previous.lastDay) {
    throw refuse(
      'AWARD.LEVEL_NOTICE_OUT_OF_ORDER',
      `本级公示（${notice.startsOn} 起）应在${reviewLevelZh(previous.level)}公示结束（${previous.lastDay}）之后。`,
      `This level's notice (from ${notice.startsOn}) must follow the end of the ${previous.level} level's notice (${previous.lastDay}).`,
      'notice.startsOn',
      { previousLevel: previous.level, previousLastDay: previous.lastDay },
    );
  }
  if (dated && c.type === 'ReviewNomination' && !previous && n.workersCongressOn && notice.startsOn < n.workersCongressOn) {
    throw refuse('AWARD.LEVEL_NOTICE_OUT_OF_ORDER', `本级公示（${notice.startsOn} 起）应在推荐单位职代会审议（${n.workersCongressOn}）之后。`, `This level's notice (from ${notice.startsOn}) must follow the recommending unit's workers' congress (${n.workersCongressOn}).`, 'notice.startsOn');
  }
  let resolved: ResolvedNoticePeriod;
  try {
    resolved = resolveNoticePeriod(notice.period, notice.startsOn, c.calendar);
  } catch (e) {
    // The same refusal, its fields named as the request has them (under notice).
    if (e instanceof DomainError && Array.isArray(e.details.errors)) {
      throw new DomainError(e.code, e.kind, e.messageZh, e.messageEn, { ...e.details, errors: e.details.errors.map((x) => ({ ...x, field: `notice.${x.field}` })) });
    }
    throw e;
  }
  requireNoticeLength(round, notice.period, resolved, c.calendar, 'notice.');
  if (instantMs(c.at) < instantMs(resolved.endsAt)) {
    throw DomainError.unprocessable(
      'AWARD.LEVEL_NOTICE_NOT_ENDED',
      `本级公示期至 ${resolved.lastDay} 24:00（北京时间）结束，公示结束后方可据此推荐或审核。`,
      `This level's notice runs until the end of ${resolved.lastDay} (Beijing time); record its decision after the notice has ended.`,
      { lastDay: resolved.lastDay, endsAt: resolved.endsAt, errors: [{ field: 'notice.startsOn', messageZh: '公示尚未结束', messageEn: 'the notice has not ended' }] },
    );
  }
  return { startsOn: resolved.startsOn, lastDay: resolved.lastDay, workingDays: resolved.workingDays, calendarDays: resolved.calendarDays };
}

export function decideReview(c: ReviewNomination, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const n = requireActiveNomination(state, c.nominationId);
  requireNextLevel(round, n, c.level);
  if (c.decision !== 'approved' && c.decision !== 'rejected') {
    throw DomainError.validation('AWARD.INVALID_DECISION', "审核结论应为 'approved' 或 'rejected'。", "decision must be 'approved' or 'rejected'.");
  }
  if (c.decision === 'approved') {
    if (round.levels.indexOf(c.level) === 0) {
      // The recommending level decides after its workers' congress (职代会), so its approval is recorded with that date.
      throw DomainError.unprocessable(
        'AWARD.WORKERS_CONGRESS_REQUIRED',
        `推荐单位须经职代会（职工大会）审议后推荐：请办理“${ACTION_LABELS.RecordWorkersCongressApproval}”，登记职代会审议日期，而不是直接审核通过“${reviewLevelZh(c.level)}”一级；审核只用于不予推荐。`,
        `The recommending unit recommends after its workers' congress: record the congress date (recommend) rather than approving the ${c.level} level by review.`,
        { nominationId: n.nominationId, level: c.level, allowedActions: [awardActionName('RecordWorkersCongressApproval')], allowedActionLabels: labelledAwardActions(['RecordWorkersCongressApproval']) },
      );
    }
    const notice = levelNoticeOf(c, round, n);
    return [{ type: 'NominationReviewed', data: { roundId: c.roundId, nominationId: n.nominationId, level: c.level, decision: 'approved', ...(c.note ? { note: c.note } : {}), ...(notice ? { notice } : {}) } }];
  }
  const note = requireText(c.note, 'AWARD.NOTE_REQUIRED', 'note', '不予推荐时须说明理由。', 'A rejection needs a note giving the reason.');
  // A level may decline after its notice too (an objection it upheld): the notice is kept with the rejection.
  const notice = levelNoticeOf(c, round, n);
  return [
    { type: 'NominationReviewed', data: { roundId: c.roundId, nominationId: n.nominationId, level: c.level, decision: 'rejected', note, ...(notice ? { notice } : {}) } },
    { type: 'NominationRemoved', data: { roundId: c.roundId, nominationId: n.nominationId, reason: 'review_rejected', level: c.level } },
    ...promotionAfter(state, round, n),
  ];
}

/**
 * 撤回推荐: before the notice the recommending organisation, or the award office running the
 * round, takes a nominee off the list (a list that fails a slate ratio, a nominee who no longer
 * wishes to stand or is barred since), with a reason and who did it on record; the next
 * substitute of the same recommender is promoted, as after any removal.
 */
export function decideWithdrawNomination(c: WithdrawNomination, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const n = requireActiveNomination(state, c.nominationId);
  const note = requireText(c.reason, 'AWARD.REASON_REQUIRED', 'reason', '撤回推荐须说明理由。', 'Withdrawing a nomination needs a reason.');
  return [
    { type: 'NominationRemoved', data: { roundId: c.roundId, nominationId: n.nominationId, reason: 'withdrawn', note, by: c.actor.orgId === n.recommenderOrgId ? 'recommender' : 'award_office' } },
    ...promotionAfter(state, round, n),
  ];
}

function requireOpenClearance(n: NominationState, department: GrantClearance['department']): void {
  if (!n.requiredClearances.includes(department)) {
    throw DomainError.validation(
      'AWARD.CLEARANCE_NOT_REQUIRED',
      `推荐 ${n.nominationId} 无需征求${DEPARTMENT_LABELS[department]?.zh ?? department}意见（需征求：${n.requiredClearances.map((d) => DEPARTMENT_LABELS[d]?.zh ?? d).join('、') || '无'}）。`,
      `Nomination ${n.nominationId} does not need sign-off from ${department} (needed: ${n.requiredClearances.join(', ') || 'none'}).`,
    );
  }
}

export function decideGrantClearance(c: GrantClearance, state: AwardRoundState): AwardRoundEvent[] {
  requireRound(state, c);
  const n = requireActiveNomination(state, c.nominationId);
  requireOpenClearance(n, c.department);
  if (n.clearances[c.department] === 'granted') return [];
  return [{ type: 'ClearanceGranted', data: { roundId: c.roundId, nominationId: n.nominationId, department: c.department, ...(c.note ? { note: c.note } : {}) } }];
}

export function decideRefuseClearance(c: RefuseClearance, state: AwardRoundState): AwardRoundEvent[] {
  const round = requireRound(state, c);
  const n = requireActiveNomination(state, c.nominationId);
  requireOpenClearance(n, c.department);
  if (n.clearances[c.department] === 'granted') {
    throw DomainError.conflict(
      'AWARD.CLEARANCE_ALREADY_GRANTED',
      `${DEPARTMENT_LABELS[c.department].zh}已对${n.nominee.name}（推荐 ${n.nominationId}）出具同意意见；如情况有变，请通过异议或撤销程序处理。`,
      `${c.department} has already signed off nomination ${n.nominationId}; if things changed, use an objection or revocation.`,
    );
  }
  const note = requireText(c.note, 'AWARD.NOTE_REQUIRED', 'note', '部门不同意时须说明理由。', 'A refused clearance needs a note giving the reason.');
  return [
    { type: 'ClearanceRefused', data: { roundId: c.roundId, nominationId: n.nominationId, department: c.department, note } },
    { type: 'NominationRemoved', data: { roundId: c.roundId, nominationId: n.nominationId, reason: 'clearance_refused', department: c.department } },
    ...promotionAfter(state, round, n),
  ];
}
