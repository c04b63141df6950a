import {
  AGGREGATION_LABELS, CAMPAIGN_CATEGORIES, CAMPAIGN_METRICS, CAMPAIGN_STATUS_LABELS, Campaign, CampaignRules, GRADE_LABELS, HIERARCHY_LEVEL_LABELS,
  REPORTING_CADENCE_LABELS, allowedCampaignActions, CAMPAIGN_ACTION_LABELS, campaignSpan,
} from '../domain';

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

/** A campaign with its current rules and every published version (which rules judged what). */
export function campaignView(c: Campaign, revision: number | null) {
  return {
    campaignId: c.campaignId,
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
    ruleVersions: Object.entries(c.ruleVersions)
      .map(([version, v]) => ({ version: Number(version), reason: v.reason, rules: labelledRules(v.rules) }))
      .sort((a, b) => a.version - b.version),
    allowedActions: allowedCampaignActions(c),
    allowedActionLabels: allowedCampaignActions(c).map((action) => ({ action, label: CAMPAIGN_ACTION_LABELS[action] })),
    revision,
  };
}
