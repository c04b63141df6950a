import { AuthUser } from '@jingsai/auth';
import { RequestLike } from '@jingsai/api-kit';
import { AmendCampaignDraftRequestDto, AmendCampaignRulesRequestDto, CloseCampaignRequestDto, CreateCampaignRequestDto } from './campaign.request.dto';

export class CreateCampaignCommand {
  constructor(readonly body: CreateCampaignRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class AmendCampaignDraftCommand {
  constructor(readonly campaignId: string, readonly body: AmendCampaignDraftRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class PublishCampaignCommand {
  constructor(readonly campaignId: string, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class AmendCampaignRulesCommand {
  constructor(readonly campaignId: string, readonly body: AmendCampaignRulesRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class CloseCampaignCommand {
  constructor(readonly campaignId: string, readonly body: CloseCampaignRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
