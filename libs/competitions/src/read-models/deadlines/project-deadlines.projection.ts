import { DeadlineBatch, ensureDeadlineTable, resetDeadlines } from '@jingsai/api-kit';
import { Projection } from '@jingsai/event-store';
import { RecordedEvent, streamIdOf } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import {
  addDays, beijingDate, commonPeriodStart, CampaignEvent, nextRegimeFrom, parsePeriod, takeOverLater, CampaignReportingFacts, campaignSpan, endOfBeijingDay, owedPeriods, ProjectApproved, ProjectEvent, ReportingCadence, ReportingPeriod,
} from '../../domain';
import { RecordedOf } from '../recorded-of';

/** Due items this projection writes; the competitions module registers a handler for each kind. */
export const REPORT_DUE = 'progress_report_due';
export const RECTIFICATION_DUE = 'rectification_due';
export const WINDOW_CLOSE = 'campaign_window_close';
const OWNER = 'project_deadlines';

/** Due dates are set and settled in memory for the length of a batch, and written once each. */
const deadlines = new DeadlineBatch();
const upsertDeadline = deadlines.upsert.bind(deadlines);
const settleDeadline = deadlines.settle.bind(deadlines);

const CAMPAIGN_TYPES = ['CampaignCreated', 'CampaignDraftAmended', 'CampaignPublished', 'CampaignRulesAmended', 'CampaignApplicationWindowClosed', 'CampaignClosed'];
const PROJECT_TYPES = [
  'ProjectDrafted', 'ProjectDraftEdited', 'ProjectApproved', 'ProgressReportFiled', 'ProgressReportCorrected', 'ProgressReportOverdue', 'AssessmentOpened',
  'InspectionRecorded', 'RectificationReported', 'RectificationAccepted', 'RectificationRejected', 'RectificationOverdue', 'SummaryAccepted',
  'ProjectWithdrawn', 'ProjectTerminated',
];

interface CampaignRow {
  campaign_id: string; year: number; cadence: ReportingCadence; closes_at: string; status: string; period_starts: string | null; period_ends: string | null;
  /** JSON of the reporting regimes once the cadence or span changed (see `reportingRegimes`); null: one, the rules in the row. */
  regimes: string | null;
}

/** The rules in the row, as reporting facts. */
function rowFacts(c: CampaignRow): CampaignReportingFacts {
  const period = c.period_starts && c.period_ends ? { startsOn: c.period_starts, endsOn: c.period_ends } : null;
  return { rulesVersion: 0, cadence: c.cadence, ...campaignSpan({ campaignPeriod: period }, c.year) };
}

/** The campaign's reporting regimes, the last in force, as the domain's `reportingRegimes` works them out. */
const regimesOf = (c: CampaignRow): CampaignReportingFacts[] => (c.regimes ? (JSON.parse(c.regimes) as CampaignReportingFacts[]) : [rowFacts(c)]);

/**
 * After the rules changed from `before` to `after` (cadence or span): the new cadence takes over
 * on the day `cadenceTakesOver` gives; the earlier regime owes the periods begun before it. A
 * change recorded without its time (older logs) cannot be placed: the new rules owe every period.
 */
function nextRegimes(before: CampaignRow, after: CampaignRow, changedAt: string | undefined): string | null {
  if (!changedAt) return null;
  const regimes = regimesOf(before);
  const last = regimes[regimes.length - 1]!;
  const from = nextRegimeFrom(last, after.cadence, beijingDate(changedAt));
  last.owedBefore = from;
  return JSON.stringify([...regimes, { ...rowFacts(after), owedFrom: from }]);
}

type CampaignPeriod = { startsOn: string; endsOn: string } | null | undefined;
const setPeriod = (db: Database, campaignId: string, p: CampaignPeriod) =>
  db.prepare('UPDATE pd_campaigns SET period_starts = ?, period_ends = ? WHERE campaign_id = ?').run(p?.startsOn ?? null, p?.endsOn ?? null, campaignId);

function campaign(db: Database, campaignId: string): CampaignRow | undefined {
  return db.prepare('SELECT * FROM pd_campaigns WHERE campaign_id = ?').get(campaignId) as CampaignRow | undefined;
}

function applyCampaign(e: RecordedOf<CampaignEvent>, db: Database): void {
  const windowDue = (c: CampaignRow) =>
    upsertDeadline(db, OWNER, { kind: WINDOW_CLOSE, streamId: e.streamId, key: 'window', dueAt: c.closes_at, payload: { campaignId: c.campaign_id } });
  switch (e.type) {
    case 'CampaignCreated': {
      const d = e.data;
      db.prepare("INSERT OR IGNORE INTO pd_campaigns (campaign_id, year, cadence, closes_at, status, period_starts, period_ends) VALUES (?, ?, ?, ?, 'draft', ?, ?)")
        .run(d.campaignId, d.year, d.reportingCadence, d.applicationWindow.closesAt, d.campaignPeriod?.startsOn ?? null, d.campaignPeriod?.endsOn ?? null);
      return;
    }
    case 'CampaignDraftAmended': {
      const c = e.data.changes;
      if (c.year !== undefined) db.prepare('UPDATE pd_campaigns SET year = ? WHERE campaign_id = ?').run(c.year, e.data.campaignId);
      if (c.reportingCadence) db.prepare('UPDATE pd_campaigns SET cadence = ? WHERE campaign_id = ?').run(c.reportingCadence, e.data.campaignId);
      if (c.applicationWindow) db.prepare('UPDATE pd_campaigns SET closes_at = ? WHERE campaign_id = ?').run(c.applicationWindow.closesAt, e.data.campaignId);
      if (c.campaignPeriod !== undefined) setPeriod(db, e.data.campaignId, c.campaignPeriod);
      return;
    }
    case 'CampaignPublished': {
      db.prepare("UPDATE pd_campaigns SET status = 'published' WHERE campaign_id = ?").run(e.data.campaignId);
      const c = campaign(db, e.data.campaignId);
      if (c) windowDue(c);
      return;
    }
    case 'CampaignRulesAmended': {
      const { rules, campaignId } = e.data;
      const before = campaign(db, campaignId);
      db.prepare('UPDATE pd_campaigns SET cadence = ?, closes_at = ? WHERE campaign_id = ?').run(rules.reportingCadence, rules.applicationWindow.closesAt, campaignId);
      setPeriod(db, campaignId, rules.campaignPeriod);
      const c = campaign(db, campaignId);
      // A moved deadline moves the due item; one already closed stays settled.
      if (c?.status === 'published' && e.data.changes.applicationWindow) windowDue(c);
      // Another cadence or span: running projects owe the periods the new rules define (as filing checks them), not the old ones.
      // Compared as the domain compares them (reportingRegimes): the cadence and the span they resolve to, so a period set to the calendar year changes nothing.
      const [was, now] = before && c ? [rowFacts(before), rowFacts(c)] : [null, null];
      if (was && now && c && (was.cadence !== now.cadence || was.startsOn !== now.startsOn || was.endsOn !== now.endsOn)) {
        const regimes = nextRegimes(before!, c, e.data.amendedAt);
        db.prepare('UPDATE pd_campaigns SET regimes = ? WHERE campaign_id = ?').run(regimes, campaignId);
        // Regimes started again: no project's takeover stands.
        if (regimes === null) db.prepare('UPDATE pd_projects SET takeovers = NULL WHERE campaign_id = ? AND takeovers IS NOT NULL').run(campaignId);
        replanReports(db, { ...c, regimes });
      }
      return;
    }
    case 'CampaignApplicationWindowClosed':
      return settleDeadline(db, WINDOW_CLOSE, e.streamId, 'window');
    case 'CampaignClosed':
      db.prepare("UPDATE pd_campaigns SET status = 'closed' WHERE campaign_id = ?").run(e.data.campaignId);
      return settleDeadline(db, WINDOW_CLOSE, e.streamId, 'window');
  }
}

/**
 * Report due dates per period owed: the project's plan within the campaign's span, by its
 * cadence, leaving out periods already due by the day of approval (the unit could not file
 * them). Events from before `approvedAt` was recorded fall back on when they were recorded.
 */
function reportsDue(e: RecordedOf<ProjectApproved>, db: Database, projectId: string): void {
  const approvedAt = e.data.approvedAt ?? e.metadata.occurredAt;
  db.prepare('UPDATE pd_projects SET approved_at = ?, reporting = 1 WHERE project_id = ?').run(approvedAt, projectId);
  const p = db.prepare('SELECT * FROM pd_projects WHERE project_id = ?').get(projectId) as PdProject | undefined;
  const c = p && campaign(db, p.campaign_id);
  if (!p || !c) return;
  for (const x of owedReports(c, p, approvedAt)) upsertDeadline(db, OWNER, { kind: REPORT_DUE, streamId: e.streamId, ...x });
}

interface PdProject {
  project_id: string; campaign_id: string; starts_on: string; ends_on: string; approved_at: string | null;
  /** The last day of the latest period it filed a report for (null: none yet). */
  last_report_end: string | null;
  /** JSON {regime index: day}: where a period it filed under earlier rules moved a change's takeover for it (`projectRegimes`). */
  takeovers: string | null;
}

/** The project's regimes: the campaign's, with the takeovers its own filed periods moved. */
function projectFacts(c: CampaignRow, p: PdProject): CampaignReportingFacts[] {
  const facts = regimesOf(c);
  if (p.takeovers) for (const [index, day] of Object.entries(JSON.parse(p.takeovers) as Record<string, string>)) takeOverLater(facts, Number(index), day);
  return facts;
}

/** The report due items a project owes under the campaign's reporting regimes. */
function owedReports(c: CampaignRow, p: PdProject, approvedAt: string) {
  // Owed when due after the day of approval (owedSinceApproval), that day worked out once.
  const approvedOn = beijingDate(approvedAt);
  return projectFacts(c, p)
    .flatMap((facts) => periodsOwed(facts, { startsOn: p.starts_on, endsOn: p.ends_on }))
    .filter((x) => x.period.dueOn > approvedOn)
    .map(({ period, dueAt }) => ({ key: period.period, dueAt, payload: { projectId: p.project_id, period: period.period, dueOn: period.dueOn } }));
}

/**
 * After the reporting rules changed, each project still reporting owes the periods of the
 * regimes (see `reportingRegimes`: every month once, none due retroactively): due items no
 * regime owes any more are removed (the scheduler stops looking at them), new ones are set. A
 * period already settled (filed, or marked overdue) stays settled; one a later change owes
 * again is set again, open, since its item was removed rather than settled.
 */
function replanReports(db: Database, c: CampaignRow): void {
  // The look-up of open items reads the table, not the batch's due dates.
  deadlines.flush(db);
  const running = db.prepare('SELECT * FROM pd_projects WHERE campaign_id = ? AND reporting = 1 AND approved_at IS NOT NULL').all(c.campaign_id) as PdProject[];
  const open = db.prepare('SELECT item_key AS key FROM deadlines WHERE kind = ? AND stream_id = ? AND settled = 0');
  const drop = db.prepare('DELETE FROM deadlines WHERE kind = ? AND stream_id = ? AND item_key = ? AND settled = 0');
  const moved = db.prepare('UPDATE pd_projects SET takeovers = ? WHERE project_id = ?');
  for (const found of running) {
    const p = c.regimes ? withTakeover(c, found) : found;
    if (p.takeovers !== found.takeovers) moved.run(p.takeovers, p.project_id);
    const streamId = streamIdOf('project', p.project_id);
    const owed = owedReports(c, p, p.approved_at!);
    const keys = new Set(owed.map((x) => x.key));
    for (const item of open.all(REPORT_DUE, streamId) as Array<{ key: string }>) if (!keys.has(item.key)) drop.run(REPORT_DUE, streamId, item.key);
    for (const x of owed) upsertDeadline(db, OWNER, { kind: REPORT_DUE, streamId, ...x });
  }
}

/**
 * After a change (the campaign's last regime is new): a period the project filed under the
 * earlier rules that begins on or after the new cadence's day keeps its months under those rules;
 * the new cadence takes over for it on the first day periods of both begin after that period
 * (`projectRegimes`, which reads the same from the project's reports). A reset of the regimes
 * (a change without its time) drops every takeover.
 */
function withTakeover(c: CampaignRow, p: PdProject): PdProject {
  const facts = projectFacts(c, p);
  const k = facts.length - 1;
  const from = facts[k]!.owedFrom;
  if (k < 1 || !from || !p.last_report_end || p.last_report_end < from) return p;
  const day = commonPeriodStart(facts[k - 1]!.cadence, facts[k]!.cadence, addDays(p.last_report_end, 1));
  return { ...p, takeovers: JSON.stringify({ ...(p.takeovers ? (JSON.parse(p.takeovers) as Record<string, string>) : {}), [k]: day }) };
}

/** Projects of a campaign mostly share plans: their periods are worked out once (a calendar walk per project was a tenth of a rebuild). */
const periodsSeen = new Map<string, Array<{ period: ReportingPeriod; dueAt: string }>>();
function periodsOwed(facts: CampaignReportingFacts, plan: { startsOn: string; endsOn: string }) {
  const key = `${facts.cadence}|${facts.startsOn}|${facts.endsOn}|${facts.owedFrom ?? ''}|${facts.owedBefore ?? ''}|${plan.startsOn}|${plan.endsOn}`;
  let periods = periodsSeen.get(key);
  if (!periods) {
    periods = owedPeriods(facts, plan).map((period) => ({ period, dueAt: endOfBeijingDay(period.dueOn) }));
    if (periodsSeen.size >= 10_000) periodsSeen.clear();
    periodsSeen.set(key, periods);
  }
  return periods;
}

/** No more reports are owed (assessment opened, or the project ended). */
const stopReporting = (db: Database, projectId: string) => db.prepare('UPDATE pd_projects SET reporting = 0 WHERE project_id = ? AND reporting = 1').run(projectId);

function applyProject(e: RecordedOf<ProjectEvent>, db: Database): void {
  switch (e.type) {
    case 'ProjectDrafted': {
      const { projectId, campaignId, implementationPlan: plan } = e.data;
      db.prepare('INSERT OR IGNORE INTO pd_projects (project_id, campaign_id, starts_on, ends_on) VALUES (?, ?, ?, ?)').run(projectId, campaignId, plan?.startsOn ?? '', plan?.endsOn ?? '');
      return;
    }
    case 'ProjectDraftEdited': {
      const plan = e.data.changes.implementationPlan;
      if (plan) db.prepare('UPDATE pd_projects SET starts_on = ?, ends_on = ? WHERE project_id = ?').run(plan.startsOn ?? '', plan.endsOn ?? '', e.data.projectId);
      return;
    }
    case 'ProjectApproved':
      return reportsDue(e, db, e.data.projectId);
    case 'ProgressReportFiled': {
      // The latest period reported: a change of cadence while it was under way leaves its months under the rules it was filed under.
      const endsOn = parsePeriod(e.data.period)?.endsOn;
      if (endsOn) db.prepare('UPDATE pd_projects SET last_report_end = ? WHERE project_id = ? AND (last_report_end IS NULL OR last_report_end < ?)').run(endsOn, e.data.projectId, endsOn);
      return settleDeadline(db, REPORT_DUE, e.streamId, e.data.period);
    }
    case 'ProgressReportCorrected':
    case 'ProgressReportOverdue':
      return settleDeadline(db, REPORT_DUE, e.streamId, e.data.period);
    case 'AssessmentOpened':
      stopReporting(db, e.data.projectId);
      return settleDeadline(db, REPORT_DUE, e.streamId);
    case 'InspectionRecorded':
      for (const f of e.data.findings) {
        upsertDeadline(db, OWNER, { kind: RECTIFICATION_DUE, streamId: e.streamId, key: f.findingId, dueAt: endOfBeijingDay(f.rectifyBy), payload: { projectId: e.data.projectId, findingId: f.findingId, rectifyBy: f.rectifyBy } });
      }
      return;
    case 'RectificationReported':
    case 'RectificationAccepted':
    case 'RectificationOverdue':
      return settleDeadline(db, RECTIFICATION_DUE, e.streamId, e.data.findingId);
    case 'RectificationRejected':
      // Owed again: its deadline (unchanged) is looked at again.
      return deadlines.reopen(db, OWNER, RECTIFICATION_DUE, e.streamId, e.data.findingId);
    case 'SummaryAccepted':
      // No more reports; a finding the summary was accepted without is still owed, and its deadline still passes.
      stopReporting(db, e.data.projectId);
      return settleDeadline(db, REPORT_DUE, e.streamId);
    case 'ProjectWithdrawn':
    case 'ProjectTerminated':
      stopReporting(db, e.data.projectId);
      settleDeadline(db, REPORT_DUE, e.streamId);
      return settleDeadline(db, RECTIFICATION_DUE, e.streamId);
    default:
      return;
  }
}

/**
 * Deadlines that pass by themselves (DOMAIN.md, "Time"): the application window closing, each
 * progress report's due date once a project runs, each finding's rectification deadline. Set
 * when they arise, settled when what they wait for is recorded (or can no longer be owed).
 */
export const projectDeadlinesProjection: Projection = {
  name: OWNER,
  // 3: no report is due for a period that fell due before the project was approved; 4: a change of cadence re-plans running projects;
  // 5: only with the periods falling due after the day of the change; 7: a change of cadence keeps the old periods due by its day;
  // 8: across a change of cadence every month is owed once, the periods begun before the new cadence takes over under the old;
  // 9: a period no regime owes any more is removed, not settled, so a later change that owes it again sets it open;
  // 10: a period filed under earlier rules, begun on or after the new cadence's day, keeps its months under them (projectRegimes);
  // 11: a change is one when the cadence or the span it resolves to changes, and a stretch pushed along begins on a common period start.
  version: 11,
  eventTypes: [...CAMPAIGN_TYPES, ...PROJECT_TYPES],
  // The scheduler's index (setup builds it, as the scheduler's own look does).
  deferredIndexes: ['deadlines_due'],
  setup(db: Database) {
    ensureDeadlineTable(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS pd_campaigns (
        campaign_id TEXT PRIMARY KEY, year INTEGER NOT NULL, cadence TEXT NOT NULL, closes_at TEXT NOT NULL, status TEXT NOT NULL, period_starts TEXT, period_ends TEXT, regimes TEXT
      );
      CREATE TABLE IF NOT EXISTS pd_projects (
        project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL,
        approved_at TEXT, reporting INTEGER NOT NULL DEFAULT 0, last_report_end TEXT, takeovers TEXT
      );
    `);
  },
  reset(db: Database) {
    resetDeadlines(db, OWNER);
    db.exec('DROP TABLE IF EXISTS pd_campaigns; DROP TABLE IF EXISTS pd_projects;');
  },
  apply(event: RecordedEvent, db: Database) {
    if (CAMPAIGN_TYPES.includes(event.type)) return applyCampaign(event as unknown as RecordedOf<CampaignEvent>, db);
    return applyProject(event as unknown as RecordedOf<ProjectEvent>, db);
  },
  flush: (db: Database) => deadlines.flush(db),
  discard: (db: Database) => deadlines.discard(db),
};
