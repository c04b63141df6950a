import { DomainEvent } from '@jingsai/shared';
import { CampaignDefinition, CampaignRules } from './campaign-rules';

export type CampaignCreated = DomainEvent<'CampaignCreated', { campaignId: string } & CampaignDefinition>;

/** Only the fields that changed. */
export type CampaignDraftAmended = DomainEvent<'CampaignDraftAmended', { campaignId: string; changes: Partial<CampaignDefinition> }>;

/** The draft's rules become rules version 1. */
export type CampaignPublished = DomainEvent<'CampaignPublished', { campaignId: string; rulesVersion: 1 }>;

/**
 * A new rules version. `changes` holds the fields that changed; `rules` the complete rules of
 * the new version, so a reader needs no fold to know what was in force.
 */
export type CampaignRulesAmended = DomainEvent<
  'CampaignRulesAmended',
  {
    campaignId: string;
    rulesVersion: number;
    changes: Partial<CampaignRules>;
    rules: CampaignRules;
    reason: string;
    /** When the new rules took effect (the command's time); absent on events written before it was recorded. */
    amendedAt?: string;
  }
>;

export type CampaignApplicationWindowClosed = DomainEvent<'CampaignApplicationWindowClosed', { campaignId: string; closesAt: string }>;

export type CampaignClosed = DomainEvent<'CampaignClosed', { campaignId: string; reason: string | null }>;

export type CampaignEvent =
  | CampaignCreated
  | CampaignDraftAmended
  | CampaignPublished
  | CampaignRulesAmended
  | CampaignApplicationWindowClosed
  | CampaignClosed;
