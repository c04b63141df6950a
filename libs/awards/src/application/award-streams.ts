import { streamIdOf, CLIENT_ID_PATTERN } from '@jingsai/shared';

export const roundStream = (roundId: string) => streamIdOf('awardRound', roundId);
export const ruleSetStream = (ruleSetId: string) => streamIdOf('ruleSet', ruleSetId);
export const projectStream = (projectId: string) => streamIdOf('project', projectId);
export const campaignStream = (campaignId: string) => streamIdOf('campaign', campaignId);
export const organizationStream = (orgId: string) => streamIdOf('organization', orgId);

/** Ids typed by clients: the same characters organisations and campaigns allow. */
export const ID_PATTERN = CLIENT_ID_PATTERN;
