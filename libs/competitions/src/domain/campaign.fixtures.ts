import { Actor } from '@jingsai/shared';
import { CampaignDefinition, keyProjectAssessmentPreset } from './campaign-rules';
import { CampaignEvent } from './campaign.events';

/**
 * The Jiujiang 2021 campaign (seeds/003: 九江市劳动竞赛委员会), used by the specs. Forms were
 * due "7月22日前"; read here as by the end of 22 July, Beijing time.
 */
export const JIUJIANG = {
  campaignId: 'jj-2021',
  committeeOrgId: 'jj-committee',
  opensAt: '2021-06-15T00:00:00+08:00',
  closesAt: '2021-07-23T00:00:00+08:00',
} as const;

export const jiujiangCommittee: Actor = { userId: 'u-jj', role: 'committee', orgId: JIUJIANG.committeeOrgId, name: '市劳动竞赛委员会办公室' };

export function jiujiangDefinition(): CampaignDefinition {
  return {
    title: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛',
    theme: '建功“十四五”、奋进新征程',
    year: 2021,
    level: 'city',
    organizerOrgId: JIUJIANG.committeeOrgId,
    categories: ['skills', 'mass_innovation', 'key_project', 'non_public', 'green_low_carbon', 'worker_pioneer'],
    applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: JIUJIANG.closesAt },
    reportingCadence: 'quarterly',
    assessment: keyProjectAssessmentPreset(),
    approvalLevels: ['county', 'city'],
    targets: [
      { metric: 'enterprises', target: 300 },
      { metric: 'participant_times', target: 100000 },
    ],
  };
}

export function jiujiangCreated(): CampaignEvent {
  return { type: 'CampaignCreated', data: { campaignId: JIUJIANG.campaignId, ...jiujiangDefinition() } };
}

export const jiujiangPublished: CampaignEvent = { type: 'CampaignPublished', data: { campaignId: JIUJIANG.campaignId, rulesVersion: 1 } };
