import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { ORG_OWNERSHIP_LABELS, OrgOwnership, isNonPublicOwnership } from '@jingsai/organizations';
import { CAMPAIGN_METRICS, CampaignMetric, CampaignTarget, HONOUR_TARGET_AWARD_TYPES, combinePeriods, comparePeriods, periodLabel, PROGRESS_METRIC_KEYS, PROGRESS_METRICS, ProgressMetric, ProgressMetrics, round2 } from '../../domain';
import { ReadScope, Where } from '../read-scope';

export const COVERAGE_GROUPS = ['region', 'industry', 'ownership', 'period'] as const;
export type CoverageGroup = (typeof COVERAGE_GROUPS)[number];

interface Row { project_id: string; org_id: string; status: string; kind: string | null; form_enterprises: number | null; ownership: string | null; industry: string | null; region: string | null; summary: string | null }

/** Flows add up across projects; a stock (studios, enterprises) is a unit's standing count, which its several projects restate. */
const FLOW_KEYS = PROGRESS_METRIC_KEYS.filter((k) => PROGRESS_METRICS[k].accrues === 'flow');
const STOCK_KEYS = PROGRESS_METRIC_KEYS.filter((k) => PROGRESS_METRICS[k].accrues === 'stock');

function add(into: ProgressMetrics, m: ProgressMetrics): void {
  for (const k of FLOW_KEYS) if (typeof m[k] === 'number') into[k] = round2((into[k] ?? 0) + m[k]);
}

/**
 * One bucket's figures: projects, units (and non-public ones), the metrics, enterprises with the
 * non-public share. Participating enterprises are a unit's standing count: a unit's several
 * projects restate the same enterprises, so each unit counts with its largest figure, not the sum.
 */
function bucket() {
  return {
    projects: new Set<string>(), units: new Set<string>(), nonPublicUnits: new Set<string>(), metrics: {} as ProgressMetrics,
    enterprisesOf: new Map<string, number>(), nonPublicOf: new Map<string, number>(),
    /** Each stock metric's largest figure per unit (studios …). */
    stocksOf: new Map<ProgressMetric, Map<string, number>>(),
  };
}
type Bucket = ReturnType<typeof bucket>;

function count(b: Bucket, row: Row, figures: ProgressMetrics): void {
  b.projects.add(row.project_id);
  b.units.add(row.org_id);
  if (isNonPublicOwnership(row.ownership)) b.nonPublicUnits.add(row.org_id);
  // Reported, else declared on the registration form, else an enterprise taking part is one participating enterprise itself.
  const reported = figures.participating_enterprises;
  const enterprises = typeof reported === 'number' ? reported : (row.form_enterprises ?? (row.kind === 'enterprise' ? 1 : undefined));
  if (typeof enterprises === 'number') b.enterprisesOf.set(row.org_id, Math.max(b.enterprisesOf.get(row.org_id) ?? 0, enterprises));
  // The non-public enterprises reported, else a non-public unit's own enterprises are all non-public (one base for both counts).
  const nonPublic = typeof figures.non_public_enterprises === 'number' ? figures.non_public_enterprises : isNonPublicOwnership(row.ownership) ? enterprises : undefined;
  if (typeof nonPublic === 'number') b.nonPublicOf.set(row.org_id, Math.max(b.nonPublicOf.get(row.org_id) ?? 0, nonPublic));
  for (const k of STOCK_KEYS) {
    const v = figures[k];
    if (typeof v !== 'number') continue;
    const perUnit = b.stocksOf.get(k) ?? b.stocksOf.set(k, new Map()).get(k)!;
    perUnit.set(row.org_id, Math.max(perUnit.get(row.org_id) ?? 0, v));
  }
  add(b.metrics, figures);
}

/** The enterprise counts a bucket shows as metrics: those any project reported (the totals'), so that every group shows what the totals do. */
type Shown = { participating: boolean; nonPublic: boolean };

function view(b: Bucket, shown?: Shown) {
  const sum = (units: Iterable<[string, number]>) => [...units].reduce((n, [, v]) => n + v, 0);
  const enterprises = sum(b.enterprisesOf);
  const nonPublicEnterprises = sum(b.nonPublicOf);
  const metrics: ProgressMetrics = { ...b.metrics };
  for (const [k, perUnit] of b.stocksOf) metrics[k] = round2(sum(perUnit));
  // The enterprise counts keep their own bases (a non-public unit's enterprises stand in for unreported non-public ones). A
  // group shows them whenever the totals do: one whose units all stood in for their figure showed none while the totals
  // counted them, so the groups did not add up to the total (review 54 #1).
  if (shown ? shown.participating : metrics.participating_enterprises !== undefined) metrics.participating_enterprises = enterprises;
  if (shown ? shown.nonPublic : metrics.non_public_enterprises !== undefined) metrics.non_public_enterprises = nonPublicEnterprises;
  return {
    projects: b.projects.size,
    participatingUnits: b.units.size,
    nonPublicUnits: b.nonPublicUnits.size,
    enterprises,
    nonPublicEnterprises,
    nonPublicSharePercent: enterprises > 0 ? round2((nonPublicEnterprises / enterprises) * 100) : null,
    metrics: PROGRESS_METRIC_KEYS.filter((k) => metrics[k] !== undefined).map((k) => ({ key: k, label: PROGRESS_METRICS[k].zh, unitZh: PROGRESS_METRICS[k].unitZh, value: metrics[k]! })),
  };
}

/** The actual figure for a campaign target, or null when nothing measures it; honours are counted as conferred and still held. */
function actualFor(metric: CampaignMetric, total: Bucket, totals: ReturnType<typeof view>, honours: (awardType: string) => number): number | null {
  if (metric === 'non_public_enterprises') return totals.nonPublicEnterprises;
  if (metric === 'enterprises') return totals.enterprises;
  const awardType = HONOUR_TARGET_AWARD_TYPES[metric];
  if (awardType) return honours(awardType);
  const reported = PROGRESS_METRIC_KEYS.find((k) => PROGRESS_METRICS[k].campaignMetric === metric) as ProgressMetric | undefined;
  if (!reported) return null;
  // A stock: each unit once, at its largest figure (as the totals give it).
  if (PROGRESS_METRICS[reported].accrues === 'stock') return round2([...(total.stocksOf.get(reported) ?? new Map<string, number>()).values()].reduce((n, v) => n + v, 0));
  return total.metrics[reported] ?? 0;
}

/**
 * Coverage and outcomes of a campaign in the caller's scope, grouped by region, industry,
 * ownership or reporting period. A project counts with its accepted summary's totals where
 * there is one, otherwise with its latest (superseding) report per period combined: flows
 * summed, stocks (participating enterprises) as of its latest period (`combinePeriods`).
 * Across projects every figure adds up. By period only reports count (a summary's totals
 * belong to no one period).
 */
export function coverageStatistics(db: Database, f: { scope: ReadScope; campaignId: string; groupBy: CoverageGroup }) {
  // In one read transaction: a projection committing meanwhile cannot tear the answer.
  return readTogether(db, () => coverageStatisticsNow(db, f));
}

function coverageStatisticsNow(db: Database, f: { scope: ReadScope; campaignId: string; groupBy: CoverageGroup }) {
  const campaign = db.prepare('SELECT * FROM cov_campaigns WHERE campaign_id = ?').get(f.campaignId) as { title: string; targets: string } | undefined;
  const w = new Where().add('p.campaign_id = ?', f.campaignId).add('p.approved = 1').scope(f.scope, undefined, 'o.path', 'p.org_id');
  const rows = db
    .prepare(`SELECT p.project_id, p.org_id, p.status, o.kind, p.form_enterprises, o.ownership, o.industry, o.region, s.outcomes AS summary FROM cov_projects p JOIN cov_orgs o USING (org_id)
      LEFT JOIN cov_summaries s ON s.project_id = p.project_id AND s.accepted = 1${w.sql} ORDER BY p.project_id`)
    .all(...w.args) as Row[];
  const reportsOf = db.prepare('SELECT period, metrics FROM cov_reports WHERE project_id = ? ORDER BY period');
  const total = bucket();
  const groups = new Map<string, Bucket>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, bucket()).get(key)!;
  let fromSummaries = 0;
  let endedUnreported = 0;
  for (const row of rows) {
    const reports = (reportsOf.all(row.project_id) as Array<{ period: string; metrics: string }>).map((r) => ({ period: r.period, metrics: JSON.parse(r.metrics) as ProgressMetrics }));
    const fromReports = combinePeriods(reports);
    const figures = row.summary ? (JSON.parse(row.summary) as ProgressMetrics) : fromReports;
    // A project withdrawn or terminated before it reported anything never took part.
    if (!row.summary && reports.length === 0 && (row.status === 'withdrawn' || row.status === 'terminated')) {
      endedUnreported++;
      continue;
    }
    if (row.summary) fromSummaries++;
    count(total, row, figures);
    if (f.groupBy === 'period') for (const r of reports) count(group(r.period), row, r.metrics);
    else count(group(row[f.groupBy] ?? ''), row, figures);
  }
  const totals = view(total);
  const shown: Shown = { participating: totals.metrics.some((m) => m.key === 'participating_enterprises'), nonPublic: totals.metrics.some((m) => m.key === 'non_public_enterprises') };
  // Honours of recipients in scope, conferred in the campaign's rounds and not revoked or withdrawn.
  const honours = (awardType: string) => {
    const h = new Where().add('h.campaign_id = ?', f.campaignId).add('h.award_type = ?', awardType).add('h.held = 1').scope(f.scope, undefined, 'o.path', 'h.org_id');
    return (db.prepare(`SELECT COUNT(*) FROM cov_honours h LEFT JOIN cov_orgs o USING (org_id)${h.sql}`).pluck().get(...h.args) as number) ?? 0;
  };
  const targets = (JSON.parse(campaign?.targets ?? '[]') as CampaignTarget[]).map((t) => {
    const actual = actualFor(t.metric, total, totals, honours);
    return {
      metric: t.metric,
      label: CAMPAIGN_METRICS[t.metric]?.zh ?? t.metric,
      unitZh: CAMPAIGN_METRICS[t.metric]?.unitZh ?? '',
      target: t.target,
      actual,
      // Multiplied first: (a / b) * 100 carries the division's error (108,750 of 3,000,000 came out 3.6249… and rounded to 3.62).
      percentComplete: actual === null || t.target <= 0 ? null : round2((actual * 100) / t.target),
    };
  });
  const label = (key: string) => (key === '' ? '未填写' : f.groupBy === 'ownership' ? (ORG_OWNERSHIP_LABELS[key as OrgOwnership] ?? key) : f.groupBy === 'period' ? periodLabel(key) : key);
  // Periods in the order of time (across a change of cadence 2021-Q3 before 2021-10), other groups by key.
  const order = f.groupBy === 'period' ? comparePeriods : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    campaignId: f.campaignId,
    campaignTitle: campaign?.title ?? null,
    groupBy: f.groupBy,
    projectsFromAcceptedSummary: fromSummaries,
    /** Approved projects left out: withdrawn or terminated before any report. */
    projectsEndedBeforeReporting: endedUnreported,
    // By period only reports count, while the totals take accepted summaries: say so where they differ.
    ...(f.groupBy === 'period' && fromSummaries > 0
      ? { noteZh: `${fromSummaries} 个项目的总结已通过，合计按总结数据计算；按报送期分组只统计各期报告，各组之和可能与合计不同。` }
      : {}),
    totals,
    targets,
    groups: [...groups.entries()].sort(([a], [b]) => order(a, b)).map(([key, b]) => ({ key: key || null, label: label(key), ...view(b, shown) })),
  };
}
