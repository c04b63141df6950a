import { DomainError, DomainErrorDetails, HONOUR_CHANGES_ALLOWED, HonourChange } from '@jingsai/shared';
import { HonourStatus } from '../catalogue/award-catalogue';
import { instantMs, shanghaiDateOf } from '../calendar/date-only';
import { AwardRoundCommand, ReinstateHonour, RevokeHonour, SuspendHonour, WithdrawHonour } from './award-round.commands';
import { AwardRoundStage, AwardRoundState, HonourRecord, NominationState, ObjectionState, RoundConfig } from './award-round.state';

/** A nomination's reviews and clearances: taken while the list can still change, during and after the notice too. */
const REVIEW_ACTIONS: readonly string[] = ['RecordWorkersCongressApproval', 'ReviewNomination', 'GrantClearance', 'RefuseClearance'];

/**
 * The actions taken on one nomination (each under /nominations/{id}). Withdrawing one is for
 * before the notice: once it is public, a nominee leaves the list by an upheld objection.
 */
export const NOMINATION_ACTIONS: readonly string[] = [...REVIEW_ACTIONS, 'WithdrawNomination'];

/** What may be done in each stage; named in every illegal-transition refusal. */
export const ALLOWED_ACTIONS: Record<AwardRoundStage, string[]> = {
  none: ['CreateAwardRound'],
  nominating: ['Nominate', ...NOMINATION_ACTIONS, 'StartPublicNotice'],
  notice: ['RaiseObjection', 'ResolveObjection', 'EndPublicNotice', ...REVIEW_ACTIONS],
  notice_ended: ['ResolveObjection', 'Confer', 'ReopenNominations', ...REVIEW_ACTIONS],
  conferred: ['RevokeHonour', 'WithdrawHonour', 'SuspendHonour', 'ReinstateHonour', 'ConferDerivedHonour', 'CloseDerivedHonourFollowUp'],
};

/** Taken by the scheduler only, with no route for a caller: never offered, never named in a refusal. */
export const SCHEDULED_ACTIONS: readonly string[] = ['EndPublicNotice', 'ConferDerivedHonour', 'CloseDerivedHonourFollowUp'];

type HonourCommandType = (RevokeHonour | WithdrawHonour | SuspendHonour | ReinstateHonour)['type'];

export const HONOUR_COMMAND_OF: Readonly<Record<HonourChange, HonourCommandType>> = { revoke: 'RevokeHonour', withdraw: 'WithdrawHonour', suspend: 'SuspendHonour', reinstate: 'ReinstateHonour' };

/** The honour lifecycle (`HONOUR_CHANGES_ALLOWED`, shared with instant commendations) as this round's commands. */
export const HONOUR_ALLOWED = Object.fromEntries(
  Object.entries(HONOUR_CHANGES_ALLOWED).map(([status, changes]) => [status, changes.map((change) => HONOUR_COMMAND_OF[change])]),
) as Record<HonourStatus, HonourCommandType[]>;

const HONOUR_ACTIONS: readonly string[] = Object.values(HONOUR_COMMAND_OF);

/** Whether some honour of the round is in a status that allows this honour action. */
export const someHonourAllows = (state: AwardRoundState, type: string): boolean => state.honours.some((h) => (HONOUR_ALLOWED[h.status] as string[]).includes(type));

export const STAGE_LABELS: Record<AwardRoundStage, { zh: string; en: string }> = {
  none: { zh: '未创建', en: 'not created' },
  nominating: { zh: '推荐中', en: 'nominating' },
  notice: { zh: '公示中', en: 'public notice running' },
  notice_ended: { zh: '公示已结束', en: 'public notice ended' },
  conferred: { zh: '已表彰', en: 'conferred' },
};

/** A notice given ahead of its first day, not yet begun at `at`: nothing of it is public yet. */
export function noticeScheduledAt(state: Pick<AwardRoundState, 'stage' | 'notice'>, at: string): boolean {
  return state.stage === 'notice' && state.notice !== null && instantMs(at) < instantMs(state.notice.startsAt);
}

/**
 * The stage as people read it on `today` (a Beijing date): a notice given ahead of its first day
 * is 公示待开始 until then, since nobody can object to it yet; one whose last day has passed is
 * 公示期已满 until its end is recorded (by the scheduler, or by a conferral), since nobody can
 * object to it any more.
 */
export function stageLabelOn(stage: AwardRoundStage, notice: { startsOn?: string | null; lastDay?: string | null } | null | undefined, today: string): { zh: string; en: string } {
  if (stage === 'notice' && notice?.startsOn && today < notice.startsOn) return { zh: '公示待开始', en: 'public notice scheduled' };
  if (stage === 'notice' && notice?.lastDay && today > notice.lastDay) return { zh: '公示期已满', en: 'public notice period over' };
  return STAGE_LABELS[stage];
}

/** What each action is called where people read it (a refusal's message, a console's buttons). */
export const ACTION_LABELS: Record<string, string> = {
  CreateAwardRound: '创建评选轮次',
  Nominate: '推荐',
  RecordWorkersCongressApproval: '记录职代会审议',
  ReviewNomination: '审核推荐',
  GrantClearance: '出具征求意见（同意）',
  RefuseClearance: '出具征求意见（不同意）',
  WithdrawNomination: '撤回推荐',
  StartPublicNotice: '开始公示',
  RaiseObjection: '提出异议',
  ResolveObjection: '处理异议',
  EndPublicNotice: '结束公示',
  ReopenNominations: '重新开放推荐',
  Confer: '表彰',
  RevokeHonour: '撤销荣誉',
  ConferDerivedHonour: '重新授予随之授予的荣誉',
  CloseDerivedHonourFollowUp: '确认不再重新授予',
  WithdrawHonour: '摘牌',
  SuspendHonour: '暂停荣誉',
  ReinstateHonour: '恢复荣誉',
};

/**
 * The name an action goes by in the API (allowedActions, refusals): the command type in
 * snake_case (`Nominate` → `nominate`, `StartPublicNotice` → `start_public_notice`), the same
 * vocabulary as projects' and campaigns' actions, so a console reads one kind of name.
 */
export const awardActionName = (commandType: string): string => commandType.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
export const awardActionNames = (commandTypes: readonly string[]): string[] => commandTypes.map(awardActionName);

/** The API names of the actions a caller can take in a round's stage (the scheduler's left out). */
export const allowedAwardActions = (stage: AwardRoundStage): string[] => awardActionNames(ALLOWED_ACTIONS[stage].filter((type) => !SCHEDULED_ACTIONS.includes(type)));

export const labelledAwardActions = (commandTypes: readonly string[]) =>
  commandTypes.map((type) => ({ action: awardActionName(type), label: ACTION_LABELS[type] ?? type }));

/**
 * The stage's actions as a refusal names them: every one a caller can take (not the
 * scheduler's), an honour action only when some honour's status allows it.
 */
export function stageActions(state: AwardRoundState, callerActions?: readonly string[]): string[] {
  return ALLOWED_ACTIONS[state.stage].filter(
    (type) => !SCHEDULED_ACTIONS.includes(type) && (!HONOUR_ACTIONS.includes(type) || someHonourAllows(state, type)) && (!callerActions || callerActions.includes(type)),
  );
}

/** A 409 on a round: the actions named in snake_case and in Chinese (`allowedActionLabels`), as the round view names them. */
export function illegalRoundState(code: string, zh: string, en: string, currentState: string, commandTypes: readonly string[], extra: DomainErrorDetails = {}): DomainError {
  return DomainError.illegalState(code, zh, en, currentState, awardActionNames(commandTypes), { ...extra, allowedActionLabels: labelledAwardActions(commandTypes) });
}

export function illegalTransition(state: AwardRoundState, action: string, callerActions?: readonly string[], at?: string): DomainError {
  const stage = at ? stageLabelOn(state.stage, state.notice, shanghaiDateOf(at)) : STAGE_LABELS[state.stage];
  const scheduled = at !== undefined && noticeScheduledAt(state, at);
  // Before a notice given ahead begins, the award office may still take the list back (reopen nominations).
  const allowed = scheduled ? [...stageActions(state, callerActions).filter((a) => a !== 'RaiseObjection'), ...(!callerActions || callerActions.includes('ReopenNominations') ? ['ReopenNominations'] : [])] : stageActions(state, callerActions);
  const zh = (a: string) => ACTION_LABELS[a] ?? a;
  const advice = scheduled && action !== 'ReopenNominations' ? `公示自 ${state.notice!.startsOn} 起，尚未开始；如需调整名单，请由评选办公室“重新开放推荐”（撤回公示安排）后办理。` : '';
  return illegalRoundState(
    'AWARD.ILLEGAL_TRANSITION',
    `评选轮次当前为“${stage.zh}”，不能${zh(action)}；当前可办理：${allowed.map(zh).join('、') || '无'}。${advice}`,
    `The award round's stage is: ${stage.en}; ${awardActionName(action)} is not allowed. Allowed: ${awardActionNames(allowed).join(', ') || 'none'}.`,
    state.stage,
    allowed,
  );
}

/** The round's configuration, refusing when it does not exist (or already exists, for creation). */
export function requireRound(state: AwardRoundState, command: AwardRoundCommand): RoundConfig {
  if (!state.round) {
    throw DomainError.notFound('AWARD.ROUND_NOT_FOUND', `评选轮次 ${command.roundId} 不存在，请先创建。`, `Award round ${command.roundId} does not exist; create it first.`);
  }
  if (!ALLOWED_ACTIONS[state.stage].includes(command.type)) throw illegalTransition(state, command.type, command.callerActions, command.at);
  return state.round;
}

export function requireNomination(state: AwardRoundState, nominationId: string): NominationState {
  const n = state.nominations.find((x) => x.nominationId === nominationId);
  if (!n) {
    throw DomainError.notFound('AWARD.NOMINATION_NOT_FOUND', `推荐 ${nominationId} 不存在。`, `Nomination ${nominationId} does not exist in this round.`);
  }
  return n;
}

export function requireActiveNomination(state: AwardRoundState, nominationId: string): NominationState {
  const n = requireNomination(state, nominationId);
  if (n.status !== 'active') {
    const zh = n.status === 'removed' ? '已被移出' : '已因异议撤回';
    const en = n.status === 'removed' ? 'was removed' : 'was withdrawn after an objection';
    throw illegalRoundState('AWARD.NOMINATION_NOT_ACTIVE', `推荐 ${nominationId} ${zh}，不能再办理。`, `Nomination ${nominationId} ${en}; nothing more can be done with it.`, n.status, []);
  }
  return n;
}

export function requireObjection(state: AwardRoundState, objectionId: string): ObjectionState {
  const o = state.objections.find((x) => x.objectionId === objectionId);
  if (!o) throw DomainError.notFound('AWARD.OBJECTION_NOT_FOUND', `异议 ${objectionId} 不存在。`, `Objection ${objectionId} does not exist.`);
  return o;
}

export function requireHonour(state: AwardRoundState, honourId: string): HonourRecord {
  const h = state.honours.find((x) => x.honourId === honourId);
  if (!h) throw DomainError.notFound('AWARD.HONOUR_NOT_FOUND', `荣誉 ${honourId} 不存在。`, `Honour ${honourId} does not exist in this round.`);
  return h;
}

/** Refuses a blank free-text field the domain asks for (a reason, a note). */
export function requireText(value: string | undefined, code: string, field: string, zh: string, en: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw DomainError.validation(code, zh, en, { errors: [{ field, messageZh: zh, messageEn: en }] });
  }
  return value.trim();
}
