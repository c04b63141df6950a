import { BatchRows, Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { addDays, beijingDate, cadenceTakesOver, CampaignEvent, commonPeriodStart, parsePeriod, ProjectEvent, REPORT_DUE_DAYS_AFTER_PERIOD, ReportingCadence } from '../../domain';
import { orgPathTable } from '../org-paths/org-paths';
import { RecordedOf } from '../recorded-of';

export const supervisionOrgs = orgPathTable('supervision_orgs');

const CAMPAIGN_TYPES = ['CampaignCreated', 'CampaignDraftAmended', 'CampaignRulesAmended'];
const PROJECT_TYPES = [
  'ProjectDrafted', 'ProjectDraftEdited', 'ProjectApproved', 'ProgressReportFiled', 'ProgressReportCorrected', 'ProgressReportOverdue', 'InspectionRecorded',
  'RectificationReported', 'RectificationAccepted', 'RectificationRejected', 'RectificationOverdue', 'SafetyIncidentRecorded', 'AssessmentOpened',
  'ProjectWithdrawn', 'ProjectTerminated', 'SummaryAccepted',
];

const CADENCE_MONTHS: Record<string, number> = { monthly: 1, quarterly: 3 };

/**
 * The instant a project counts as stalled: its last report (or its start) plus one reporting
 * cycle and the days a report is given after its period (报送期后 10 日). A unit that files one
 * period early and the next on its due day is never silent longer than that.
 */
function stalledAfter(since: string, cadence: string): string {
  const d = new Date(since);
  d.setUTCMonth(d.getUTCMonth() + (CADENCE_MONTHS[cadence] ?? 3));
  d.setUTCDate(d.getUTCDate() + REPORT_DUE_DAYS_AFTER_PERIOD);
  return d.toISOString();
}

/** A change of cadence not yet in force: the cadence reports are owed under until the new one takes over (`cadenceTakesOver`). */
interface CadenceChange { cadence: string | null; earlier_cadence: string | null; takes_over: string | null }

/**
 * `stalledAfter` under a change of cadence: before the new cadence takes over, the periods under
 * way are the earlier cadence's (a quarter is finished quarterly), so its cycle counts, but never
 * past one cycle of the new cadence after it takes over.
 */
function stalledAfterIn(since: string, c: CadenceChange): string {
  const cadence = c.cadence ?? 'quarterly';
  if (!c.takes_over || !c.earlier_cadence || Date.parse(since) >= Date.parse(c.takes_over)) return stalledAfter(since, cadence);
  // The new cadence's first period begins on the day it takes over, and is due after the change: never retroactive.
  const earlier = stalledAfter(since, c.earlier_cadence);
  const after = stalledAfter(c.takes_over, cadence);
  return Date.parse(earlier) <= Date.parse(after) ? earlier : after;
}

interface SupProject extends CadenceChange {
  campaign_id: string; org_id: string; org_path: string; title: string; status: string; starts_on: string; last_report_at: string | null;
  /** The last day of the latest period reported (a change while it was under way leaves its months under the earlier rules). */
  last_period_end: string | null;
  /** Overdue items ever recorded for the project (sup_overdue rows). */
  overdue_items: number;
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/** The columns the handlers read; a project's row is read and written once per batch. */
const rows = new BatchRows('sup_projects', 'project_id', ['campaign_id', 'org_id', 'org_path', 'title', 'status', 'starts_on', 'cadence', 'earlier_cadence', 'takes_over', 'last_report_at', 'last_period_end', 'overdue_items']);

function applyProject(e: RecordedOf<ProjectEvent>, db: Database): void {
  const at = e.metadata.occurredAt;
  const project = (projectId: string) => rows.get(db, projectId) as SupProject | undefined;
  const setStatus = (projectId: string, status: string) => project(projectId) && rows.update(db, projectId, { status });
  // The project's campaign and organisation are copied onto the item, so a scoped list is an index range without a join.
  const overdue = (kind: string, projectId: string, key: string, dueOn: string, detail: string) => {
    const p = project(projectId);
    if (!p) return;
    const added = db.prepare(
      `INSERT OR IGNORE INTO sup_overdue (kind, project_id, item_key, due_on, detail, marked_at, state, campaign_id, org_id, org_path)
       VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
    ).run(kind, projectId, key, dueOn, detail, at, p.campaign_id, p.org_id, p.org_path);
    if (added.changes > 0) rows.update(db, projectId, { overdue_items: p.overdue_items + 1 });
  };
  // Most reports and rectifications are on time: a project with no overdue item has nothing to settle.
  const hasOverdue = (projectId: string) => (project(projectId)?.overdue_items ?? 0) > 0;
  const settle = (kind: string, projectId: string, key: string, state: string) =>
    hasOverdue(projectId) &&
    db.prepare('UPDATE sup_overdue SET state = ?, resolved_at = COALESCE(resolved_at, ?) WHERE kind = ? AND project_id = ? AND item_key = ?').run(state, at, kind, projectId, key);
  switch (e.type) {
    case 'ProjectDrafted': {
      const d = e.data;
      rows.insert(db, {
        project_id: d.projectId, campaign_id: d.campaignId, org_id: d.orgId, org_path: supervisionOrgs.pathOf(db, d.orgId), title: d.title,
        category: d.category, status: 'draft', starts_on: d.implementationPlan?.startsOn ?? '', cadence: null, earlier_cadence: null, takes_over: null,
        approved_at: null, last_report_at: null, last_period_end: null, stalled_after: null, overdue_items: 0,
      });
      return;
    }
    case 'ProjectDraftEdited': {
      const c = e.data.changes;
      if (!project(e.data.projectId)) return;
      if (c.title !== undefined) rows.update(db, e.data.projectId, { title: c.title });
      if (c.implementationPlan) rows.update(db, e.data.projectId, { starts_on: c.implementationPlan.startsOn ?? '' });
      return;
    }
    case 'ProjectApproved': {
      const p = project(e.data.projectId);
      if (!p) return;
      const campaign = db.prepare('SELECT cadence, earlier_cadence, takes_over FROM sup_campaigns WHERE campaign_id = ?').get(p.campaign_id) as CadenceChange | undefined;
      const change: CadenceChange = { cadence: campaign?.cadence ?? 'quarterly', earlier_cadence: campaign?.earlier_cadence ?? null, takes_over: campaign?.takes_over ?? null };
      const start = /^\d{4}-\d{2}-\d{2}$/.test(p.starts_on) ? later(at, `${p.starts_on}T00:00:00+08:00`) : at;
      rows.update(db, e.data.projectId, { status: 'in_progress', approved_at: at, ...change, stalled_after: stalledAfterIn(start, change) });
      return;
    }
    case 'ProgressReportFiled':
    case 'ProgressReportCorrected': {
      const row = project(e.data.projectId);
      if (!row) return;
      const last = row.last_report_at ? later(row.last_report_at, e.data.filedAt) : e.data.filedAt;
      const endsOn = parsePeriod(e.data.period)?.endsOn ?? null;
      const periodEnd = endsOn && (!row.last_period_end || endsOn > row.last_period_end) ? endsOn : row.last_period_end;
      rows.update(db, e.data.projectId, { last_report_at: last, last_period_end: periodEnd, stalled_after: stalledAfterIn(last, row) });
      // A late report closes its overdue item, saying when it came (as a reported rectification does).
      if (settle('report', e.data.projectId, e.data.period, 'filed_late')) {
        db.prepare("UPDATE sup_overdue SET reported_at = COALESCE(reported_at, ?) WHERE kind = 'report' AND project_id = ? AND item_key = ?").run(e.data.filedAt, e.data.projectId, e.data.period);
      }
      return;
    }
    case 'ProgressReportOverdue':
      overdue('report', e.data.projectId, e.data.period, e.data.dueOn, e.data.period);
      return;
    case 'InspectionRecorded':
      for (const f of e.data.findings) {
        db.prepare('INSERT OR IGNORE INTO sup_findings (project_id, finding_id, description, severity, rectify_by) VALUES (?, ?, ?, ?, ?)').run(e.data.projectId, f.findingId, f.description, f.severity, f.rectifyBy);
      }
      return;
    case 'RectificationOverdue': {
      const f = db.prepare('SELECT description FROM sup_findings WHERE project_id = ? AND finding_id = ?').get(e.data.projectId, e.data.findingId) as { description: string } | undefined;
      overdue('rectification', e.data.projectId, e.data.findingId, e.data.rectifyBy, f?.description ?? e.data.findingId);
      // Past its deadline after the summary was accepted without it: on record, but nobody can act on it any more.
      if (project(e.data.projectId)?.status === 'summarized') settle('rectification', e.data.projectId, e.data.findingId, 'unrectified_at_summary');
      return;
    }
    case 'RectificationReported':
      if (!hasOverdue(e.data.projectId)) return;
      // The days overdue stop counting at the unit's report; a rejection starts them again.
      db.prepare("UPDATE sup_overdue SET state = 'reported', reported_at = ? WHERE kind = 'rectification' AND project_id = ? AND item_key = ? AND resolved_at IS NULL").run(at, e.data.projectId, e.data.findingId);
      return;
    case 'RectificationRejected':
      if (!hasOverdue(e.data.projectId)) return;
      db.prepare("UPDATE sup_overdue SET state = 'open', reported_at = NULL WHERE kind = 'rectification' AND project_id = ? AND item_key = ? AND resolved_at IS NULL").run(e.data.projectId, e.data.findingId);
      return;
    case 'RectificationAccepted':
      settle('rectification', e.data.projectId, e.data.findingId, 'accepted');
      return;
    case 'SafetyIncidentRecorded': {
      const d = e.data;
      const p = project(d.projectId);
      if (!p) return;
      db.prepare(
        `INSERT OR IGNORE INTO sup_incidents (project_id, incident_id, campaign_id, org_id, org_path, title, occurred_on, severity, kind, description, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.projectId, d.incidentId, p.campaign_id, p.org_id, p.org_path, p.title, d.occurredOn, d.severity, d.kind, d.description, at);
      return;
    }
    // Items nobody can act on any more leave the open list with what ended them: reports can no
    // longer be filed once assessment opens; nothing is owed by a withdrawn or terminated project.
    case 'AssessmentOpened':
      if (hasOverdue(e.data.projectId)) closeOverdue(db, "project_id = ? AND kind = 'report'", [e.data.projectId], 'unfiled', at);
      return void setStatus(e.data.projectId, 'under_assessment');
    case 'ProjectWithdrawn':
      if (hasOverdue(e.data.projectId)) closeOverdue(db, 'project_id = ?', [e.data.projectId], 'project_withdrawn', at);
      return void setStatus(e.data.projectId, 'withdrawn');
    case 'ProjectTerminated':
      if (hasOverdue(e.data.projectId)) closeOverdue(db, 'project_id = ?', [e.data.projectId], 'project_terminated', at);
      return void setStatus(e.data.projectId, 'terminated');
    case 'SummaryAccepted':
      // The project is closed: a rectification still overdue stays on record as never done, not as waiting for anyone.
      if (hasOverdue(e.data.projectId)) closeOverdue(db, "project_id = ? AND kind = 'rectification'", [e.data.projectId], 'unrectified_at_summary', at);
      return void setStatus(e.data.projectId, 'summarized');
    default:
      return;
  }
}

/** Open overdue items matching `where` are closed with the state that says why. */
function closeOverdue(db: Database, where: string, args: unknown[], state: string, at: string): void {
  db.prepare(`UPDATE sup_overdue SET state = ?, resolved_at = ? WHERE ${where} AND resolved_at IS NULL`).run(state, at, ...args);
}

function applyCampaign(e: RecordedOf<CampaignEvent>, db: Database): void {
  const set = (campaignId: string, cadence: string) =>
    db.prepare('INSERT INTO sup_campaigns (campaign_id, cadence) VALUES (?, ?) ON CONFLICT (campaign_id) DO UPDATE SET cadence = excluded.cadence').run(campaignId, cadence);
  if (e.type === 'CampaignCreated') set(e.data.campaignId, e.data.reportingCadence);
  if (e.type === 'CampaignDraftAmended' && e.data.changes.reportingCadence) set(e.data.campaignId, e.data.changes.reportingCadence);
  if (e.type === 'CampaignRulesAmended') {
    const before = db.prepare('SELECT cadence, earlier_cadence, takes_over FROM sup_campaigns WHERE campaign_id = ?').get(e.data.campaignId) as CadenceChange | undefined;
    const cadence = e.data.rules.reportingCadence;
    // Periods missed under the old cadence stay overdue (they may still be filed late); the new periods are owed once it takes over.
    if (!before || before.cadence === cadence) return void set(e.data.campaignId, cadence);
    const changedAt = e.data.amendedAt ?? e.metadata.occurredAt;
    const change = cadenceChange(before, cadence, e.data.amendedAt);
    db.prepare('UPDATE sup_campaigns SET cadence = ?, earlier_cadence = ?, takes_over = ? WHERE campaign_id = ?').run(cadence, change.earlier_cadence, change.takes_over, e.data.campaignId);
    // Running projects are held to the cycles owed (not retroactively): the earlier cadence's after their last report until the
    // new one takes over, then the new one's. A change recorded without its time takes over at once, counted from the change.
    // One already stalled when the rules changed stays so. The scan reads the table, not the batch's rows.
    rows.flush(db);
    const running = db.prepare("SELECT project_id, approved_at, last_report_at, last_period_end, stalled_after FROM sup_projects WHERE campaign_id = ? AND status = 'in_progress'").all(e.data.campaignId) as Array<{
      project_id: string; approved_at: string | null; last_report_at: string | null; last_period_end: string | null; stalled_after: string | null;
    }>;
    const update = db.prepare('UPDATE sup_projects SET cadence = ?, earlier_cadence = ?, takes_over = ?, stalled_after = ? WHERE project_id = ?');
    for (const p of running) {
      // A period the project reported under the earlier rules, begun on or after the takeover, keeps its months under them (projectRegimes).
      const own = change.takes_over && p.last_period_end && `${p.last_period_end}T00:00:00+08:00` >= change.takes_over
        ? { ...change, takes_over: `${commonPeriodStart(change.earlier_cadence as ReportingCadence, cadence as ReportingCadence, addDays(p.last_period_end, 1))}T00:00:00+08:00` }
        : change;
      const alreadyStalled = p.stalled_after !== null && Date.parse(p.stalled_after) <= Date.parse(changedAt);
      const since = p.last_report_at ?? p.approved_at ?? changedAt;
      const stalled = alreadyStalled ? p.stalled_after : stalledAfterIn(own.takes_over ? since : later(since, changedAt), own);
      update.run(cadence, own.earlier_cadence, own.takes_over, stalled, p.project_id);
    }
  }
}

/**
 * The cadence a change to `cadence` leaves in force until the new one takes over, as the domain
 * places it (`cadenceTakesOver`); a change recorded without its time (older logs) takes over at once.
 * A change made before an earlier one took over keeps that one's earlier cadence, to the later day.
 */
function cadenceChange(before: CadenceChange, cadence: string, amendedAt: string | undefined): CadenceChange {
  if (!amendedAt) return { cadence, earlier_cadence: null, takes_over: null };
  const pending = before.takes_over !== null && Date.parse(amendedAt) < Date.parse(before.takes_over);
  const day = cadenceTakesOver(before.cadence as ReportingCadence, cadence as ReportingCadence, beijingDate(amendedAt));
  const takesOver = `${day}T00:00:00+08:00`;
  return {
    cadence,
    earlier_cadence: pending ? before.earlier_cadence : before.cadence,
    takes_over: pending && Date.parse(before.takes_over!) > Date.parse(takesOver) ? before.takes_over : takesOver,
  };
}

/**
 * Supervision (督导): overdue reports and rectifications, projects gone quiet (stalled), and
 * safety incidents, each row carrying the project's organisation path for scope.
 */
export const supervisionProjection: Projection = {
  name: 'supervision',
  // 2: overdue items carry their project's campaign and organisation path (scoped lists by index); 3: covering indexes;
  // 4: each project counts its overdue items, so an on-time report settles nothing; 5: items nobody can act on
  // close (assessment opened, project withdrawn or terminated), a reported rectification stops counting days,
  // and a project is stalled only a cycle and the report's due days after its last report; 6: a change of cadence re-times
  // running projects' stalled instant (and the cadence they show); 7: a late report's item says when it came (reported_at);
  // 8: a rectification open at the summary is on record as such; 9: a change of cadence no longer closes the old periods'
  // overdue items (a miss stays a miss, and may still be filed late); 10: until a new cadence takes over (a quarter under way is
  // finished quarterly), the earlier cadence's cycle counts for stalled; 11: for a project that reported the period under way, until after it.
  version: 11,
  eventTypes: [supervisionOrgs.eventType, ...CAMPAIGN_TYPES, ...PROJECT_TYPES],
  deferredIndexes: ['sup_projects_stalled', 'sup_projects_campaign', 'sup_overdue_campaign', 'sup_overdue_path', 'sup_incidents_campaign', 'sup_incidents_path'],
  setup(db: Database) {
    supervisionOrgs.setup(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS sup_campaigns (campaign_id TEXT PRIMARY KEY, cadence TEXT NOT NULL, earlier_cadence TEXT, takes_over TEXT);
      CREATE TABLE IF NOT EXISTS sup_projects (
        project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL,
        status TEXT NOT NULL, starts_on TEXT NOT NULL, cadence TEXT, earlier_cadence TEXT, takes_over TEXT, approved_at TEXT, last_report_at TEXT, last_period_end TEXT,
        stalled_after TEXT, overdue_items INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS sup_findings (project_id TEXT NOT NULL, finding_id TEXT NOT NULL, description TEXT NOT NULL, severity TEXT NOT NULL, rectify_by TEXT NOT NULL, PRIMARY KEY (project_id, finding_id));
      CREATE TABLE IF NOT EXISTS sup_overdue (
        kind TEXT NOT NULL, project_id TEXT NOT NULL, item_key TEXT NOT NULL, due_on TEXT NOT NULL, detail TEXT NOT NULL, marked_at TEXT NOT NULL,
        state TEXT NOT NULL, resolved_at TEXT, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL, reported_at TEXT,
        PRIMARY KEY (kind, project_id, item_key)
      );
      CREATE TABLE IF NOT EXISTS sup_incidents (
        project_id TEXT NOT NULL, incident_id TEXT NOT NULL, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL, title TEXT NOT NULL,
        occurred_on TEXT NOT NULL, severity TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (project_id, incident_id)
      );
      CREATE INDEX IF NOT EXISTS sup_projects_stalled ON sup_projects(status, stalled_after, org_path);
      CREATE INDEX IF NOT EXISTS sup_projects_campaign ON sup_projects(campaign_id, status, stalled_after, org_path);
      CREATE INDEX IF NOT EXISTS sup_overdue_project ON sup_overdue(project_id);
      -- Covering what the overdue list reads of every match (the page's rows alone are then read whole).
      CREATE INDEX IF NOT EXISTS sup_overdue_campaign ON sup_overdue(campaign_id, org_path, resolved_at, kind, project_id, item_key, org_id, due_on);
      CREATE INDEX IF NOT EXISTS sup_overdue_path ON sup_overdue(org_path, resolved_at, kind, project_id, item_key, org_id, due_on);
      CREATE INDEX IF NOT EXISTS sup_incidents_campaign ON sup_incidents(campaign_id, org_path);
      CREATE INDEX IF NOT EXISTS sup_incidents_path ON sup_incidents(org_path);
    `);
  },
  reset(db: Database) {
    supervisionOrgs.reset(db);
    db.exec('DROP TABLE IF EXISTS sup_campaigns; DROP TABLE IF EXISTS sup_projects; DROP TABLE IF EXISTS sup_findings; DROP TABLE IF EXISTS sup_overdue; DROP TABLE IF EXISTS sup_incidents;');
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type === supervisionOrgs.eventType) return supervisionOrgs.apply(event, db);
    if (CAMPAIGN_TYPES.includes(event.type)) return applyCampaign(event as unknown as RecordedOf<CampaignEvent>, db);
    return applyProject(event as unknown as RecordedOf<ProjectEvent>, db);
  },
  flush: (db: Database) => rows.flush(db),
  discard: (db: Database) => rows.discard(db),
};
