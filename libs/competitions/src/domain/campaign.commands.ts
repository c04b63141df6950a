import { Actor } from '@jingsai/shared';
import { CampaignDefinition, CampaignRules } from './campaign-rules';
import { HierarchyLevel } from './levels';

interface CampaignCommandBase {
  campaignId: string;
  at: string;
  actor: Actor;
}

export interface CreateCampaign extends CampaignCommandBase, CampaignDefinition {
  type: 'CreateCampaign';
  /** The organising committee's level in the tree, looked up by the handler (absent: not known): a campaign's level is its organiser's. */
  organizerLevel?: HierarchyLevel | null;
}

/** Free edit before publication; omitted fields stay as they are. */
export interface AmendCampaignDraft extends CampaignCommandBase {
  type: 'AmendCampaignDraft';
  changes: Partial<CampaignDefinition>;
  /** As on CreateCampaign. */
  organizerLevel?: HierarchyLevel | null;
}

export interface PublishCampaign extends CampaignCommandBase {
  type: 'PublishCampaign';
}

/** A change of rules after publication: a new rules version, with a reason. */
export interface AmendCampaignRules extends CampaignCommandBase {
  type: 'AmendCampaignRules';
  changes: Partial<CampaignRules>;
  reason: string;
}

/** Sent by the deadline scheduler once `closesAt` has passed; repeats are harmless. */
export interface CloseApplicationWindow extends CampaignCommandBase {
  type: 'CloseApplicationWindow';
}

export interface CloseCampaign extends CampaignCommandBase {
  type: 'CloseCampaign';
  reason?: string | null;
}

export type CampaignCommand = CreateCampaign | AmendCampaignDraft | PublishCampaign | AmendCampaignRules | CloseApplicationWindow | CloseCampaign;
