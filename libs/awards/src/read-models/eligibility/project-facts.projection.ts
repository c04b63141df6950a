import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';

type Data = Record<string, any>;

// Statuses each project event leads to (the competitions state diagram); events not listed leave it.
const STATUS_AFTER: Record<string, string> = {
  ProjectSubmitted: 'submitted',
  ProjectApproved: 'in_progress',
  ProjectReturned: 'returned',
  ProjectRejected: 'rejected',
  ProjectWithdrawn: 'withdrawn',
  ProjectTerminated: 'terminated',
  AssessmentOpened: 'under_assessment',
  AssessmentFinalized: 'assessed',
  SummarySubmitted: 'summary_submitted',
  SummaryAccepted: 'summarized',
  SummaryReturned: 'assessed',
};
const FINDING_STATUS_AFTER: Record<string, string> = { RectificationReported: 'reported', RectificationAccepted: 'accepted', RectificationRejected: 'rejected' };

/**
 * The project facts award eligibility judges on (DOMAIN.md, "Eligibility of a nominee"), kept
 * from the competitions log: campaign and organisation, on-time or refused-late application,
 * approval, status, grade, accepted summary, incidents and unrectified findings; and each
 * campaign's application deadline. Organisation facts come from org_tree, honours from award_honours.
 */
export const projectFactsProjection: Projection = {
  name: 'award_project_facts',
  // 2: each campaign's year, the selection year a bar "for that year" is judged against; 3: titles follow draft edits.
  version: 3,
  deferredIndexes: ['award_elig_projects_campaign', 'award_elig_projects_org'],
  eventTypes: [
    'CampaignCreated', 'CampaignDraftAmended', 'CampaignRulesAmended', 'ProjectDrafted', 'ProjectDraftEdited', 'ProjectSubmissionRefused',
    ...Object.keys(STATUS_AFTER), 'InspectionRecorded', ...Object.keys(FINDING_STATUS_AFTER), 'SafetyIncidentRecorded',
  ],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS award_elig_campaigns (campaign_id TEXT PRIMARY KEY, closes_at TEXT, year INTEGER);
      CREATE TABLE IF NOT EXISTS award_elig_projects (
        project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL,
        approved INTEGER NOT NULL DEFAULT 0, first_on_time INTEGER, first_submitted_at TEXT, late_refused_at TEXT,
        summary_accepted INTEGER NOT NULL DEFAULT 0, grade TEXT, total REAL, position INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS award_elig_projects_campaign ON award_elig_projects(campaign_id);
      CREATE INDEX IF NOT EXISTS award_elig_projects_org ON award_elig_projects(org_id);
      CREATE TABLE IF NOT EXISTS award_elig_findings (project_id TEXT NOT NULL, finding_id TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (project_id, finding_id));
      CREATE TABLE IF NOT EXISTS award_elig_incidents (
        project_id TEXT NOT NULL, incident_id TEXT NOT NULL, kind TEXT NOT NULL, occurred_on TEXT NOT NULL, severity TEXT NOT NULL,
        PRIMARY KEY (project_id, incident_id)
      );
    `);
  },
  reset(db: Database) {
    db.exec('DROP TABLE IF EXISTS award_elig_campaigns; DROP TABLE IF EXISTS award_elig_projects; DROP TABLE IF EXISTS award_elig_findings; DROP TABLE IF EXISTS award_elig_incidents;');
  },
  apply(event: RecordedEvent, db: Database) {
    const d = event.data as Data;
    switch (event.type) {
      case 'CampaignCreated':
      case 'CampaignDraftAmended':
      case 'CampaignRulesAmended': {
        const closesAt: unknown = d.applicationWindow?.closesAt ?? d.changes?.applicationWindow?.closesAt ?? d.rules?.applicationWindow?.closesAt;
        const year: unknown = event.type === 'CampaignCreated' ? d.year : d.changes?.year;
        if (typeof year === 'number') {
          db.prepare('INSERT INTO award_elig_campaigns (campaign_id, year) VALUES (?, ?) ON CONFLICT (campaign_id) DO UPDATE SET year = excluded.year').run(d.campaignId, year);
        }
        if (event.type !== 'CampaignCreated' && typeof closesAt !== 'string') return;
        db.prepare('INSERT INTO award_elig_campaigns (campaign_id, closes_at) VALUES (?, ?) ON CONFLICT (campaign_id) DO UPDATE SET closes_at = excluded.closes_at').run(
          d.campaignId, typeof closesAt === 'string' ? closesAt : null,
        );
        return;
      }
      case 'ProjectDrafted':
        db.prepare("INSERT OR IGNORE INTO award_elig_projects (project_id, campaign_id, org_id, title, status, position) VALUES (?, ?, ?, ?, 'draft', ?)").run(
          d.projectId, d.campaignId, d.orgId, d.title ?? '', event.position,
        );
        return;
      case 'ProjectDraftEdited':
        // The title the list and the reasons name follows the unit's edits.
        if (typeof d.changes?.title === 'string') db.prepare('UPDATE award_elig_projects SET title = ? WHERE project_id = ?').run(d.changes.title, d.projectId);
        return;
      case 'ProjectSubmissionRefused':
        db.prepare('UPDATE award_elig_projects SET late_refused_at = COALESCE(late_refused_at, ?) WHERE project_id = ?').run(d.attemptedAt ?? event.metadata.occurredAt, d.projectId);
        return;
      case 'InspectionRecorded':
        for (const f of Array.isArray(d.findings) ? (d.findings as Data[]) : []) {
          db.prepare("INSERT OR IGNORE INTO award_elig_findings (project_id, finding_id, status) VALUES (?, ?, 'open')").run(d.projectId, f.findingId);
        }
        return;
      case 'SafetyIncidentRecorded':
        db.prepare('INSERT OR IGNORE INTO award_elig_incidents (project_id, incident_id, kind, occurred_on, severity) VALUES (?, ?, ?, ?, ?)').run(
          d.projectId, d.incidentId, d.kind, d.occurredOn, String(d.severity ?? 'unknown'),
        );
        return;
    }
    const findingStatus = FINDING_STATUS_AFTER[event.type];
    if (findingStatus) {
      db.prepare('UPDATE award_elig_findings SET status = ? WHERE project_id = ? AND finding_id = ?').run(findingStatus, d.projectId, d.findingId);
      return;
    }
    applyProjectStage(event, d, db);
  },
};

function applyProjectStage(event: RecordedEvent, d: Data, db: Database): void {
  const status = STATUS_AFTER[event.type];
  if (!status) return;
  // The position guard makes a replayed event a no-op, so a status never moves back.
  const guard = 'WHERE project_id = ? AND position < ?';
  const args = [d.projectId, event.position];
  switch (event.type) {
    case 'ProjectSubmitted':
      db.prepare(`UPDATE award_elig_projects SET first_on_time = COALESCE(first_on_time, ?), first_submitted_at = COALESCE(first_submitted_at, ?) WHERE project_id = ?`).run(
        d.underExtension ? 0 : 1, d.submittedAt ?? event.metadata.occurredAt, d.projectId,
      );
      break;
    case 'ProjectApproved':
      db.prepare('UPDATE award_elig_projects SET approved = 1 WHERE project_id = ?').run(d.projectId);
      break;
    case 'AssessmentFinalized':
      db.prepare(`UPDATE award_elig_projects SET grade = ?, total = ? ${guard}`).run(d.grade ?? null, typeof d.total === 'number' ? d.total : null, ...args);
      break;
    case 'SummaryAccepted':
      db.prepare('UPDATE award_elig_projects SET summary_accepted = 1 WHERE project_id = ?').run(d.projectId);
      break;
  }
  db.prepare(`UPDATE award_elig_projects SET status = ?, position = ? ${guard}`).run(status, event.position, ...args);
}

/**
 * An organisation's own record, as exclusion windows read it, also holds the accidents on its
 * projects: a safety accident, or an occupational hazard graded serious (较大) or worse, on a
 * project is the organisation's (DOMAIN: it bars the organisation for three years), besides
 * vetoing that project. Each keeps the project it was recorded on.
 */
export function projectIncidentFactsOf(db: Database, orgId: string): Array<{ kind: 'safety_accident' | 'occupational_hazard'; occurredOn: string; projectId: string; projectTitle?: string }> {
  const rows = db
    .prepare(
      `SELECT i.kind, i.occurred_on AS occurredOn, i.project_id AS projectId, p.title AS projectTitle FROM award_elig_incidents i JOIN award_elig_projects p ON p.project_id = i.project_id
       WHERE p.org_id = ? AND (i.kind = 'safety_accident' OR (i.kind = 'occupational_hazard' AND i.severity IN ('serious', 'major', 'catastrophic')))
       ORDER BY i.occurred_on, i.project_id`,
    )
    .all(orgId) as Array<{ kind: 'safety_accident' | 'occupational_hazard'; occurredOn: string; projectId: string; projectTitle: string }>;
  // The title, for the reasons people read (a project of another campaign too, review 57 #5); none when it was drafted without one.
  return rows.map(({ projectTitle, ...f }) => (projectTitle ? { ...f, projectTitle } : f));
}
