import { Actor, DomainError } from '@jingsai/shared';
import { CAMPAIGN_STATUS_LABELS } from './campaign.catalogue';
import { FieldProblem } from './field-problem';
import { allowedCampaignActions, Campaign, CAMPAIGN_ACTION_LABELS, CampaignState, isOrganizerCommittee, labelledCampaignActions } from './campaign.state';
import { sameValue } from './same-value';

export function requireOrganizerCommittee(actor: Actor, organizerOrgId: string, allowSystem = false): void {
  if (allowSystem && actor.role === 'system') return;
  if (!isOrganizerCommittee(actor, organizerOrgId)) {
    throw DomainError.forbidden(
      'CAMPAIGN.FORBIDDEN',
      '只有主办该竞赛活动的竞赛委员会可以办理此事项。',
      'Only the organising competition committee may do this.',
      { role: actor.role, actorOrgId: actor.orgId, organizerOrgId },
    );
  }
}

export function requireCampaign(state: CampaignState, campaignId: string): Campaign {
  if (state.status === 'none') {
    throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${campaignId} 不存在。`, `Campaign ${campaignId} does not exist.`, { campaignId });
  }
  return state;
}

/** What to do instead, in both languages, for the state the campaign is in. */
export interface CampaignAdvice {
  zh: string;
  en: string;
}

/**
 * `actionEn` is a verb phrase completing "it cannot …" (`be published`, `have its rules
 * amended`); `advice` says what to do instead in the current state, when there is something.
 */
export function illegalCampaignTransition(state: Campaign, actionZh: string, actionEn: string, advice?: CampaignAdvice): DomainError {
  const allowed = allowedCampaignActions(state);
  return DomainError.illegalState(
    'CAMPAIGN.ILLEGAL_TRANSITION',
    `竞赛活动当前为“${CAMPAIGN_STATUS_LABELS[state.status]}”状态，不能${actionZh}。${advice ? advice.zh : ''}${allowed.length ? `当前可办理：${allowed.map((a) => CAMPAIGN_ACTION_LABELS[a]).join('、')}。` : '该活动已结束，不能再办理任何事项。'}`,
    `The campaign is ${state.status}; it cannot ${actionEn}.${advice ? ` ${advice.en}` : ''}${allowed.length ? ` Allowed now: ${allowed.join(', ')}.` : ''}`,
    state.status,
    allowed,
    { allowedActionLabels: labelledCampaignActions(allowed) },
  );
}

export function invalidCampaign(errors: FieldProblem[]): DomainError {
  return DomainError.validation(
    'CAMPAIGN.INVALID',
    `竞赛活动设置有 ${errors.length} 处问题，请按提示逐项修改。`,
    `The campaign has ${errors.length} problem(s); correct each one listed.`,
    { errors },
  );
}

/** The entries of `changes` whose keys are in `keys` and whose value differs from `current`. */
export function changedFields<T extends object>(current: T, changes: Partial<T>, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) {
    if (k in changes && changes[k] !== undefined && !sameValue(changes[k], current[k])) out[k] = changes[k];
  }
  return out;
}
