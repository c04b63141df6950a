import { Actor } from '@jingsai/shared';
import { deadlinePassed } from './calendar';
import { CampaignStatus } from './campaign.catalogue';
import { CampaignProfile, CampaignRules } from './campaign-rules';

export interface CampaignRulesVersion {
  rules: CampaignRules;
  /** Why the rules changed; null for version 1 (as published). */
  reason: string | null;
  /** When they took effect: null for version 1 (from the start), and for an amendment recorded without its time. */
  since: string | null;
}

export interface Campaign extends CampaignProfile {
  status: CampaignStatus;
  campaignId: string;
  /** The rules in force now (the draft's rules before publication). */
  rules: CampaignRules;
  /** 0 while in draft; 1 on publication; +1 per amendment. */
  rulesVersion: number;
  /** Every published version, so history shows which rules judged what. */
  ruleVersions: Record<number, CampaignRulesVersion>;
  applicationWindowClosed: boolean;
  closedReason: string | null;
}

export type CampaignState = { status: 'none' } | Campaign;

export const initialCampaignState = (): CampaignState => ({ status: 'none' });

/**
 * What a caller can do to a campaign, each by its own route (POST, PATCH, /publish,
 * /rules-amendments, /close). Closing the application window is the scheduler's, at closesAt: no
 * route, never offered.
 */
export type CampaignAction = 'create' | 'amend_draft' | 'publish' | 'amend_rules' | 'close' | 'draft_project';

/** The users' words for campaign actions, for refusals and the console. */
export const CAMPAIGN_ACTION_LABELS: Record<CampaignAction, string> = {
  create: '创建竞赛活动',
  amend_draft: '修改竞赛活动草稿',
  publish: '发布',
  amend_rules: '修改竞赛规则',
  close: '结束竞赛活动',
  // A unit's, on the campaign: POST /projects with this campaignId.
  draft_project: '起草申报',
};

export const labelledCampaignActions = (actions: readonly CampaignAction[]) => actions.map((action) => ({ action, label: CAMPAIGN_ACTION_LABELS[action] }));

/** What may be done to a campaign in its status (for refusals, the API and the console). */
export function allowedCampaignActions(state: CampaignState): CampaignAction[] {
  switch (state.status) {
    case 'none':
      return ['create'];
    case 'draft':
      return ['amend_draft', 'publish', 'close'];
    case 'published':
      return ['amend_rules', 'close'];
    case 'closed':
      return [];
  }
}

/** What may be done at `at`: as the status allows, but a draft whose closing time has passed is not published (its window is changed first). */
export function campaignActionsNow(state: CampaignState, at: string): CampaignAction[] {
  return allowedCampaignActions(state).filter((a) => a !== 'publish' || (state.status === 'draft' && !deadlinePassed(at, state.rules.applicationWindow.closesAt)));
}

/** Whether the actor is the campaign's organising committee, which alone acts on it (CAMPAIGN.FORBIDDEN otherwise). */
/**
 * Never published: a draft, or a draft closed without ever being published. Seen only by its
 * organiser and the committees above it; anyone else is answered as if there were no such campaign.
 */
export const neverPublished = (state: CampaignState): boolean => state.status === 'draft' || (state.status !== 'none' && state.rulesVersion === 0);

export const isOrganizerCommittee = (actor: Pick<Actor, 'role' | 'orgId'>, organizerOrgId: string): boolean => actor.role === 'committee' && actor.orgId === organizerOrgId;

/** The rules of one published version, or undefined. */
export function rulesOfVersion(state: CampaignState, rulesVersion: number): CampaignRules | undefined {
  return state.status === 'none' ? undefined : state.ruleVersions[rulesVersion]?.rules;
}
