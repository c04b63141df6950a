import { AuthUser } from '@jingsai/auth';
import { streamIdOf } from '@jingsai/shared';
import {
  AGGREGATION_LABELS, CAMPAIGN_CATEGORIES, CAMPAIGN_METRICS, CAMPAIGN_STATUS_LABELS, Campaign, CampaignAction, CampaignRules, GRADE_LABELS, HIERARCHY_LEVEL_LABELS,
  REPORTING_CADENCE_LABELS, ReportingRegime, campaignActionsNow, campaignSpan, isOrganizerCommittee, labelledCampaignActions, reportingRegimes,
} from '../domain';

/**
 * What this caller may do to the campaign at `at`: every campaign action is the organising
 * committee's, acting as a committee (the handlers' role check and the decider's
 * CAMPAIGN.FORBIDDEN); a unit is offered to draft a project while the campaign is published;
 * anyone else, nothing.
 */
export function campaignActionsForCaller(c: Campaign, user: AuthUser, at: string): CampaignAction[] {
  const organiser = user.roles.includes('committee') && isOrganizerCommittee({ role: 'committee', orgId: user.orgId }, c.organizerOrgId);
  if (organiser) return campaignActionsNow(c, at);
  // A unit drafts a project (POST /projects) while the campaign is published, as drafting is accepted; submitting keeps to the window.
  return user.roles.includes('unit') && c.status === 'published' ? ['draft_project'] : [];
}

/** Rules with the users' words next to every code (类别, 频次, 计分方式, 等次, 层级, 指标). */
export function labelledRules(rules: CampaignRules) {
  return {
    categories: rules.categories.map((key) => ({ key, ...CAMPAIGN_CATEGORIES[key] })),
    applicationWindow: rules.applicationWindow,
    reportingCadence: rules.reportingCadence,
    reportingCadenceLabel: REPORTING_CADENCE_LABELS[rules.reportingCadence],
    assessment: {
      ...rules.assessment,
      aggregationLabel: AGGREGATION_LABELS[rules.assessment.aggregation],
      gradeBands: rules.assessment.gradeBands.map((b) => ({ ...b, label: GRADE_LABELS[b.grade] })),
    },
    approvalLevels: rules.approvalLevels.map((level) => ({ level, label: HIERARCHY_LEVEL_LABELS[level] })),
    targets: rules.targets.map((t) => ({ ...t, label: CAMPAIGN_METRICS[t.metric]?.zh ?? t.metric, unitZh: CAMPAIGN_METRICS[t.metric]?.unitZh ?? '' })),
    campaignPeriod: rules.campaignPeriod ?? null,
  };
}

/** A campaign with its current rules, every published version (which rules judged what) and what the caller may do. */
/** The reporting regimes as a committee and a unit read them: each stretch's cadence and the periods it owes. */
export function reportingRegimesView(regimes: ReportingRegime[]) {
  return regimes.map(({ facts, changedOn }) => {
    const cadenceLabel = REPORTING_CADENCE_LABELS[facts.cadence];
    const from = facts.owedFrom ?? null;
    const before = facts.owedBefore ?? null;
    const noteZh =
      from && before && from >= before ? `${cadenceLabel}未执行：${from} 起已按后续修改的规则报送`
      : from && before ? `${from} 起、${before} 前开始的报送期${cadenceLabel}`
      : from ? `${from} 起${cadenceLabel}`
      : before ? `${before} 前开始的报送期${cadenceLabel}`
      : cadenceLabel;
    return { rulesVersion: facts.rulesVersion, cadence: facts.cadence, cadenceLabel, changedOn, owedFrom: from, owedBefore: before, noteZh };
  });
}

export function campaignView(c: Campaign, revision: number | null, allowedActions: CampaignAction[]) {
  return {
    campaignId: c.campaignId,
    streamId: streamIdOf('campaign', c.campaignId),
    title: c.title,
    theme: c.theme,
    year: c.year,
    level: c.level,
    levelLabel: HIERARCHY_LEVEL_LABELS[c.level],
    organizerOrgId: c.organizerOrgId,
    status: c.status,
    statusLabel: CAMPAIGN_STATUS_LABELS[c.status],
    applicationWindowClosed: c.applicationWindowClosed,
    closedReason: c.closedReason,
    rulesVersion: c.rulesVersion,
    rules: labelledRules(c.rules),
    // The days progress reports are owed for: the 竞赛周期 when set, else the campaign's year.
    reportingSpan: { ...campaignSpan(c.rules, c.year), fromCampaignPeriod: Boolean(c.rules.campaignPeriod) },
    // When each came into force and until when, so a project's rulesVersion can be read against dates
    // (the first is in force from publication, an instant its event does not record: null).
    ruleVersions: Object.entries(c.ruleVersions)
      .map(([version, v]) => ({ version: Number(version), reason: v.reason, since: v.since ?? null, until: c.ruleVersions[Number(version) + 1]?.since ?? null, rules: labelledRules(v.rules) }))
      .sort((a, b) => a.version - b.version),
    // Which periods each stretch of reporting rules owes: after a change of cadence, the periods begun before it takes over stay on the old rules.
    reportingRegimes: c.status === 'draft' ? [] : reportingRegimesView(reportingRegimes(c)),
    allowedActions,
    allowedActionLabels: labelledCampaignActions(allowedActions),
    revision,
  };
}
