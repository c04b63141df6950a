import { CampaignCategory, CampaignStatus } from './campaign.catalogue';
import { CampaignRules } from './campaign-rules';
import { Campaign } from './campaign.state';
import { HierarchyLevel } from './levels';
import { campaignSpan } from './reporting-periods';

/**
 * What a project command needs to know about its campaign, looked up by the handler from the
 * campaign's current state (build it with `campaignRulesSnapshot`).
 */
export interface CampaignRulesSnapshot {
  campaignId: string;
  status: CampaignStatus;
  /** 0 while the campaign is a draft. */
  rulesVersion: number;
  categories: CampaignCategory[];
  applicationWindow: CampaignRules['applicationWindow'];
  approvalLevels: HierarchyLevel[];
  /** The organising committee: it set the application deadline, and only it may extend it. */
  organizerOrgId: string;
  /** Its name, for the messages people read (looked up by the handler; the id when absent). */
  organizerName?: string | null;
  /** The days the campaign runs (its period, else its year): nothing is entered after it. */
  span?: { startsOn: string; endsOn: string };
}

export function campaignRulesSnapshot(campaign: Campaign): CampaignRulesSnapshot {
  return {
    campaignId: campaign.campaignId,
    status: campaign.status,
    rulesVersion: campaign.rulesVersion,
    categories: [...campaign.rules.categories],
    applicationWindow: { ...campaign.rules.applicationWindow },
    approvalLevels: [...campaign.rules.approvalLevels],
    organizerOrgId: campaign.organizerOrgId,
    span: campaignSpan(campaign.rules, campaign.year),
  };
}
