import { Decider } from '@jingsai/shared';
import { CampaignCommand } from './campaign.commands';
import { decideCampaign } from './campaign.decide';
import { CampaignEvent } from './campaign.events';
import { evolveCampaign } from './campaign.evolve';
import { CampaignState, initialCampaignState } from './campaign.state';

/** The campaign aggregate (竞赛活动, stream `campaign-<campaignId>`). */
export const campaignDecider: Decider<CampaignState, CampaignCommand, CampaignEvent> = {
  initialState: initialCampaignState,
  decide: decideCampaign,
  evolve: evolveCampaign,
};
