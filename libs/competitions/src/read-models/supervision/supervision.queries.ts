import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { Page } from '@jingsai/api-kit';
import { CAMPAIGN_CATEGORIES, CampaignCategory, INCIDENT_KIND_LABELS, INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS, IncidentKind, IncidentSeverity, periodLabel } from '../../domain';
import { ancestorsOf, ReadScope, Where } from '../read-scope';

const DAY_MS = 86_400_000;
export const OVERDUE_KIND_LABELS = { report: '推进情况逾期未报', rectification: '督导问题逾期未整改' } as const;
export const OVERDUE_STATE_LABELS: Record<string, string> = {
  open: '待处理',
  reported: '已报整改待验收',
  accepted: '已整改验收',
  filed_late: '已补报',
  unfiled: '未补报（项目已进入评估）',
  project_withdrawn: '项目已撤回',
  project_terminated: '项目已终止',
  unrectified_at_summary: '总结通过时仍未整改（项目已结束）',
};

export interface SupervisionFilter {
  scope: ReadScope;
  campaignId?: string;
  orgId?: string;
  limit: number;
  offset: number;
}

const project = (r: any) => ({
  projectId: r.project_id,
  campaignId: r.campaign_id,
  title: r.title,
  category: r.category,
  categoryLabel: CAMPAIGN_CATEGORIES[r.category as CampaignCategory]?.zh ?? r.category,
  orgId: r.org_id,
  orgPath: ancestorsOf(r.org_path),
});

/**
 * Calendar days (Beijing) from the due date to the day of `until`: due 2021-10-10, on 2021-10-11
 * it is 逾期 1 天 at any hour, as a committee counts it.
 */
/** The Beijing calendar day of an instant, as the UTC midnight of that date (ms). */
const beijingDayMs = (instant: string | number): number => Date.parse(new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10));

function daysPast(dueOn: string, until: string): number {
  return Math.max(0, Math.round((beijingDayMs(until) - Date.parse(dueOn)) / DAY_MS));
}

/** The next Beijing midnight after `now` (ms): when a count of Beijing calendar days grows. */
const nextBeijingMidnight = (now: Date): number => beijingDayMs(now.getTime()) + DAY_MS - 8 * 3_600_000;

function page<T>(db: Database, from: string, w: Where, order: string, f: SupervisionFilter, map: (r: any) => T): Page<T> {
  const [total, rows] = readTogether(db, () => [
    (db.prepare(`SELECT COUNT(*) AS n ${from}${w.sql}`).get(...w.args) as { n: number }).n,
    db.prepare(`SELECT * ${from}${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.args, f.limit, f.offset),
  ] as const);
  return { items: rows.map(map), total, limit: f.limit, offset: f.offset };
}

/** How many groups a breakdown lists: the largest ones, enough for a dashboard; `total` counts every item. */
export const BREAKDOWN_LIMIT = 20;

/** Counts grouped by one column, largest first, at most `limit` groups. */
function countBy(db: Database, from: string, w: Where, column: string, limit = BREAKDOWN_LIMIT): Array<{ key: string; count: number }> {
  const sql = `SELECT ${column} AS key, COUNT(*) AS count ${from}${w.sql} GROUP BY ${column} ORDER BY count DESC, key LIMIT ?`;
  return (db.prepare(sql).all(...w.args, limit) as any[]).map((r) => ({ key: r.key, count: r.count }));
}

/**
 * Overdue reports (逾期未报) and rectifications past their deadline (逾期未整改), oldest first; open
 * ones unless `includeResolved`; with the count by kind and the organisations and projects with the most.
 */
export function listOverdue(db: Database, f: SupervisionFilter & { kind?: 'report' | 'rectification'; includeResolved?: boolean; now: Date }) {
  // In one read transaction: a projection committing meanwhile cannot tear the answer.
  return readTogether(db, () => listOverdueNow(db, f));
}

function listOverdueNow(db: Database, f: SupervisionFilter & { kind?: 'report' | 'rectification'; includeResolved?: boolean; now: Date }) {
  const w = new Where().scope(f.scope, f.orgId, 'o.org_path', 'o.org_id');
  if (f.campaignId) w.add('o.campaign_id = ?', f.campaignId);
  if (f.kind) w.add('o.kind = ?', f.kind);
  if (!f.includeResolved) w.add('o.resolved_at IS NULL');
  // Counts and the page's keys come from the covering indexes; only the page's rows are read
  // whole. (Reading every matching key into JS and counting there cost 7 ms and much garbage for
  // a city's 4,000 overdue items at 10^7 events; these queries take 4 ms together.)
  const from = 'FROM sup_overdue o';
  const total = (db.prepare(`SELECT COUNT(*) AS n ${from}${w.sql}`).get(...w.args) as { n: number }).n;
  const wanted = db
    .prepare(`SELECT o.kind, o.project_id, o.item_key ${from}${w.sql} ORDER BY o.due_on, o.project_id, o.item_key LIMIT ? OFFSET ?`)
    .raw()
    .all(...w.args, f.limit, f.offset) as Array<[string, string, string]>;
  const read = db.prepare('SELECT * FROM sup_overdue o JOIN sup_projects p USING (project_id) WHERE o.kind = ? AND o.project_id = ? AND o.item_key = ?');
  const items = wanted.map(([kind, projectId, key]) => overdueItem(read.get(kind, projectId, key), f.now));
  const byKind = countBy(db, from, w, 'o.kind', Object.keys(OVERDUE_KIND_LABELS).length).map((c) => ({
    ...c,
    label: OVERDUE_KIND_LABELS[c.key as keyof typeof OVERDUE_KIND_LABELS] ?? c.key,
  }));
  return {
    items, total, limit: f.limit, offset: f.offset,
    byKind, byOrg: countBy(db, from, w, 'o.org_id'), byProject: countBy(db, from, w, 'o.project_id'),
  };
}

function overdueItem(r: any, now: Date) {
  return {
    // The row's key (kind, project, period or finding) as one stable id: a list row a console can key and link by.
    itemId: `${r.kind}:${r.project_id}:${r.item_key}`,
    ...project(r),
    kind: r.kind as keyof typeof OVERDUE_KIND_LABELS,
    kindLabel: OVERDUE_KIND_LABELS[r.kind as keyof typeof OVERDUE_KIND_LABELS],
    period: r.kind === 'report' ? r.item_key : null,
    // Across a change of cadence the list mixes months and quarters: each named as people read it.
    periodLabel: r.kind === 'report' ? periodLabel(r.item_key) : null,
    findingId: r.kind === 'rectification' ? r.item_key : null,
    detail: r.detail,
    dueOn: r.due_on,
    markedAt: r.marked_at,
    state: r.state,
    stateLabel: OVERDUE_STATE_LABELS[r.state] ?? r.state,
    resolvedAt: r.resolved_at,
    reportedAt: r.reported_at ?? null,
    daysOverdue: daysPast(r.due_on, r.resolved_at ?? r.reported_at ?? now.toISOString()),
  };
}

/** Projects in progress with no report for longer than one reporting cycle, as of `now` (停滞项目). */
export function listStalled(db: Database, f: SupervisionFilter & { now: Date }) {
  // In one read transaction: a projection committing meanwhile cannot tear the answer.
  return readTogether(db, () => listStalledNow(db, f));
}

function listStalledNow(db: Database, f: SupervisionFilter & { now: Date }) {
  const now = f.now.toISOString();
  const w = new Where().scope(f.scope, f.orgId).add("status = 'in_progress'").add('stalled_after <= ?', now);
  if (f.campaignId) w.add('campaign_id = ?', f.campaignId);
  const result = page(db, 'FROM sup_projects', w, 'stalled_after, project_id', f, (r) => ({
    ...project(r),
    cadence: r.cadence,
    approvedAt: r.approved_at,
    lastReportAt: r.last_report_at,
    stalledSince: r.stalled_after,
    // Beijing calendar days, as the overdue list counts them.
    daysSinceLastReport: r.last_report_at ? Math.max(0, Math.round((beijingDayMs(f.now.getTime()) - beijingDayMs(r.last_report_at)) / DAY_MS)) : null,
    // The rule behind stalledSince: one reporting cycle and the 10 days a report is given after its period.
    reason: `${r.last_report_at ? '最近一次报送后' : '立项后'}超过一个报送周期（${r.cadence === 'monthly' ? '1 个月' : '3 个月'}）及报送期限 10 日未报送${r.last_report_at ? '' : '任何'}推进情况`,
  }));
  // When the list next reads differently by the clock alone: a project in scope turns stalled, or a listed one's day count grows.
  const next = new Where().scope(f.scope, f.orgId).add("status = 'in_progress'").add('stalled_after > ?', now);
  if (f.campaignId) next.add('campaign_id = ?', f.campaignId);
  const nextStalled = (db.prepare(`SELECT MIN(stalled_after) AS at FROM sup_projects${next.sql}`).get(...next.args) as { at: string | null }).at;
  const nextDay = result.items.some((i) => i.lastReportAt) ? [nextBeijingMidnight(f.now)] : [];
  return { ...result, turnsAtMs: Math.min(Infinity, nextStalled ? Date.parse(nextStalled) : Infinity, ...nextDay) };
}

/** Safety and quality incidents, latest first, with counts by severity (every grade listed) and organisation. */
export function listIncidents(db: Database, f: SupervisionFilter & { severity?: string; kind?: string }) {
  // In one read transaction: a projection committing meanwhile cannot tear the answer.
  return readTogether(db, () => listIncidentsNow(db, f));
}

function listIncidentsNow(db: Database, f: SupervisionFilter & { severity?: string; kind?: string }) {
  const w = new Where().scope(f.scope, f.orgId);
  if (f.campaignId) w.add('campaign_id = ?', f.campaignId);
  if (f.severity) w.add('severity = ?', f.severity);
  if (f.kind) w.add('kind = ?', f.kind);
  const result = page(db, 'FROM sup_incidents', w, 'occurred_on DESC, project_id, incident_id', f, (r) => ({
    ...project(r),
    incidentId: r.incident_id,
    occurredOn: r.occurred_on,
    severity: r.severity,
    severityLabel: INCIDENT_SEVERITY_LABELS[r.severity as IncidentSeverity]?.zh ?? r.severity,
    kind: r.kind,
    kindLabel: INCIDENT_KIND_LABELS[r.kind as IncidentKind]?.zh ?? r.kind,
    description: r.description,
    recordedAt: r.recorded_at,
  }));
  const counted = new Map(countBy(db, 'FROM sup_incidents', w, 'severity').map((c) => [c.key, c.count]));
  const bySeverity = INCIDENT_SEVERITIES.map((s) => ({ severity: s, label: INCIDENT_SEVERITY_LABELS[s].zh, count: counted.get(s) ?? 0 }));
  return { ...result, bySeverity, byOrg: countBy(db, 'FROM sup_incidents', w, 'org_id') };
}
