import { assertNever } from '@jingsai/shared';
import { CampaignDefinition, CampaignRules } from './campaign-rules';
import { CampaignEvent } from './campaign.events';
import { Campaign, CampaignState } from './campaign.state';

/** The 竞赛周期 is a rule (it decides the reports owed), kept with the rules, not the profile. */
function split(d: CampaignDefinition): { profile: Omit<CampaignDefinition, keyof CampaignRules>; rules: CampaignRules } {
  const { categories, applicationWindow, reportingCadence, assessment, approvalLevels, targets, campaignPeriod, ...profile } = d;
  const rules: CampaignRules = { categories, applicationWindow, reportingCadence, assessment, approvalLevels, targets };
  return { profile, rules: campaignPeriod === undefined ? rules : { ...rules, campaignPeriod } };
}

/** Folds one event into a new state; never throws, never mutates. */
export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'CampaignCreated') {
    const { campaignId, ...definition } = event.data;
    const { profile, rules } = split(definition);
    return { status: 'draft', campaignId, ...profile, rules, rulesVersion: 0, ruleVersions: {}, applicationWindowClosed: false, closedReason: null };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: Campaign, event: Exclude<CampaignEvent, { type: 'CampaignCreated' }>): Campaign {
  switch (event.type) {
    case 'CampaignDraftAmended': {
      const { title, theme, year, level, organizerOrgId } = state;
      const merged = split({ title, theme, year, level, organizerOrgId, ...state.rules, ...event.data.changes });
      return { ...state, ...merged.profile, rules: merged.rules };
    }
    case 'CampaignPublished':
      return { ...state, status: 'published', rulesVersion: 1, ruleVersions: { 1: { rules: state.rules, reason: null, since: null } } };
    case 'CampaignRulesAmended': {
      const { rulesVersion, rules, reason, amendedAt } = event.data;
      return { ...state, rules, rulesVersion, ruleVersions: { ...state.ruleVersions, [rulesVersion]: { rules, reason, since: amendedAt ?? null } } };
    }
    case 'CampaignApplicationWindowClosed':
      return { ...state, applicationWindowClosed: true };
    case 'CampaignClosed':
      return { ...state, status: 'closed', closedReason: event.data.reason };
    default:
      return assertNever(event);
  }
}
