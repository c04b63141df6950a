import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { CampaignEvent, ProjectEvent } from '../../domain';
import { orgPathTable } from '../org-paths/org-paths';
import { RecordedOf } from '../recorded-of';

export const supervisionOrgs = orgPathTable('supervision_orgs');

const CAMPAIGN_TYPES = ['CampaignCreated', 'CampaignDraftAmended', 'CampaignRulesAmended'];
const PROJECT_TYPES = [
  'ProjectDrafted', 'ProjectDraftEdited', 'ProjectApproved', 'ProgressReportFiled', 'ProgressReportCorrected', 'ProgressReportOverdue', 'InspectionRecorded',
  'RectificationReported', 'RectificationAccepted', 'RectificationRejected', 'RectificationOverdue', 'SafetyIncidentRecorded', 'AssessmentOpened',
  'ProjectWithdrawn', 'ProjectTerminated',
];

const CADENCE_MONTHS: Record<string, number> = { monthly: 1, quarterly: 3 };

/** The instant a project counts as stalled: its last report (or its start) plus one reporting cycle. */
function stalledAfter(since: string, cadence: string): string {
  const d = new Date(since);
  d.setUTCMonth(d.getUTCMonth() + (CADENCE_MONTHS[cadence] ?? 3));
  return d.toISOString();
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

function applyProject(e: RecordedOf<ProjectEvent>, db: Database): void {
  const at = e.metadata.occurredAt;
  const setStatus = (projectId: string, status: string) => db.prepare('UPDATE sup_projects SET status = ? WHERE project_id = ?').run(status, projectId);
  // The project's campaign and organisation are copied onto the item, so a scoped list is an index range without a join.
  const overdue = (kind: string, projectId: string, key: string, dueOn: string, detail: string) =>
    db.prepare(
      `INSERT OR IGNORE INTO sup_overdue (kind, project_id, item_key, due_on, detail, marked_at, state, campaign_id, org_id, org_path)
       SELECT ?, ?, ?, ?, ?, ?, 'open', campaign_id, org_id, org_path FROM sup_projects WHERE project_id = ?`,
    ).run(kind, projectId, key, dueOn, detail, at, projectId);
  const settle = (kind: string, projectId: string, key: string, state: string) =>
    db.prepare('UPDATE sup_overdue SET state = ?, resolved_at = COALESCE(resolved_at, ?) WHERE kind = ? AND project_id = ? AND item_key = ?').run(state, at, kind, projectId, key);
  switch (e.type) {
    case 'ProjectDrafted': {
      const d = e.data;
      db.prepare(
        `INSERT OR IGNORE INTO sup_projects (project_id, campaign_id, org_id, org_path, title, category, status, starts_on, approved_at, last_report_at, stalled_after)
         VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, NULL, NULL, NULL)`,
      ).run(d.projectId, d.campaignId, d.orgId, supervisionOrgs.pathOf(db, d.orgId), d.title, d.category, d.implementationPlan?.startsOn ?? '');
      return;
    }
    case 'ProjectDraftEdited': {
      const c = e.data.changes;
      if (c.title !== undefined) db.prepare('UPDATE sup_projects SET title = ? WHERE project_id = ?').run(c.title, e.data.projectId);
      if (c.implementationPlan) db.prepare('UPDATE sup_projects SET starts_on = ? WHERE project_id = ?').run(c.implementationPlan.startsOn ?? '', e.data.projectId);
      return;
    }
    case 'ProjectApproved': {
      const p = db.prepare('SELECT p.starts_on, c.cadence FROM sup_projects p LEFT JOIN sup_campaigns c USING (campaign_id) WHERE project_id = ?').get(e.data.projectId) as
        | { starts_on: string; cadence: string | null }
        | undefined;
      if (!p) return;
      const start = /^\d{4}-\d{2}-\d{2}$/.test(p.starts_on) ? later(at, `${p.starts_on}T00:00:00+08:00`) : at;
      db.prepare("UPDATE sup_projects SET status = 'in_progress', approved_at = ?, cadence = ?, stalled_after = ? WHERE project_id = ?")
        .run(at, p.cadence ?? 'quarterly', stalledAfter(start, p.cadence ?? 'quarterly'), e.data.projectId);
      return;
    }
    case 'ProgressReportFiled':
    case 'ProgressReportCorrected': {
      const row = db.prepare('SELECT last_report_at, cadence FROM sup_projects WHERE project_id = ?').get(e.data.projectId) as { last_report_at: string | null; cadence: string | null } | undefined;
      if (!row) return;
      const last = row.last_report_at ? later(row.last_report_at, e.data.filedAt) : e.data.filedAt;
      db.prepare('UPDATE sup_projects SET last_report_at = ?, stalled_after = ? WHERE project_id = ?').run(last, stalledAfter(last, row.cadence ?? 'quarterly'), e.data.projectId);
      settle('report', e.data.projectId, e.data.period, 'filed_late');
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
      return;
    }
    case 'RectificationReported':
      db.prepare("UPDATE sup_overdue SET state = 'reported' WHERE kind = 'rectification' AND project_id = ? AND item_key = ? AND resolved_at IS NULL").run(e.data.projectId, e.data.findingId);
      return;
    case 'RectificationRejected':
      db.prepare("UPDATE sup_overdue SET state = 'open' WHERE kind = 'rectification' AND project_id = ? AND item_key = ? AND resolved_at IS NULL").run(e.data.projectId, e.data.findingId);
      return;
    case 'RectificationAccepted':
      settle('rectification', e.data.projectId, e.data.findingId, 'accepted');
      return;
    case 'SafetyIncidentRecorded': {
      const d = e.data;
      const p = db.prepare('SELECT campaign_id, org_id, org_path, title FROM sup_projects WHERE project_id = ?').get(d.projectId) as any;
      if (!p) return;
      db.prepare(
        `INSERT OR IGNORE INTO sup_incidents (project_id, incident_id, campaign_id, org_id, org_path, title, occurred_on, severity, kind, description, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.projectId, d.incidentId, p.campaign_id, p.org_id, p.org_path, p.title, d.occurredOn, d.severity, d.kind, d.description, at);
      return;
    }
    case 'AssessmentOpened':
      return void setStatus(e.data.projectId, 'under_assessment');
    case 'ProjectWithdrawn':
      return void setStatus(e.data.projectId, 'withdrawn');
    case 'ProjectTerminated':
      return void setStatus(e.data.projectId, 'terminated');
    default:
      return;
  }
}

function applyCampaign(e: RecordedOf<CampaignEvent>, db: Database): void {
  const set = (campaignId: string, cadence: string) => db.prepare('INSERT OR REPLACE INTO sup_campaigns (campaign_id, cadence) VALUES (?, ?)').run(campaignId, cadence);
  if (e.type === 'CampaignCreated') set(e.data.campaignId, e.data.reportingCadence);
  if (e.type === 'CampaignDraftAmended' && e.data.changes.reportingCadence) set(e.data.campaignId, e.data.changes.reportingCadence);
  if (e.type === 'CampaignRulesAmended') set(e.data.campaignId, e.data.rules.reportingCadence);
}

/**
 * Supervision (督导): overdue reports and rectifications, projects gone quiet (stalled), and
 * safety incidents, each row carrying the project's organisation path for scope.
 */
export const supervisionProjection: Projection = {
  name: 'supervision',
  // 2: overdue items carry their project's campaign and organisation path (scoped lists by index); 3: covering indexes.
  version: 3,
  eventTypes: [supervisionOrgs.eventType, ...CAMPAIGN_TYPES, ...PROJECT_TYPES],
  deferredIndexes: ['sup_projects_stalled', 'sup_projects_campaign', 'sup_overdue_campaign', 'sup_overdue_path', 'sup_incidents_campaign', 'sup_incidents_path'],
  setup(db: Database) {
    supervisionOrgs.setup(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS sup_campaigns (campaign_id TEXT PRIMARY KEY, cadence TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sup_projects (
        project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL,
        status TEXT NOT NULL, starts_on TEXT NOT NULL, cadence TEXT, approved_at TEXT, last_report_at TEXT, stalled_after TEXT
      );
      CREATE TABLE IF NOT EXISTS sup_findings (project_id TEXT NOT NULL, finding_id TEXT NOT NULL, description TEXT NOT NULL, severity TEXT NOT NULL, rectify_by TEXT NOT NULL, PRIMARY KEY (project_id, finding_id));
      CREATE TABLE IF NOT EXISTS sup_overdue (
        kind TEXT NOT NULL, project_id TEXT NOT NULL, item_key TEXT NOT NULL, due_on TEXT NOT NULL, detail TEXT NOT NULL, marked_at TEXT NOT NULL,
        state TEXT NOT NULL, resolved_at TEXT, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL,
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
};
