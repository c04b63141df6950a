import { streamIdOf } from '@jingsai/shared';

/** The stream of a campaign's events. */
export const campaignStream = (campaignId: string) => streamIdOf('campaign', campaignId);
