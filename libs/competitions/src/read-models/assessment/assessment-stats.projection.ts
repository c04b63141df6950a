import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { ProjectEvent, VETO_INCIDENT_KINDS } from '../../domain';
import { orgPathTable } from '../org-paths/org-paths';
import { RecordedOf } from '../recorded-of';

export const assessmentOrgs = orgPathTable('assessment_stats_orgs');

const PROJECT_TYPES = [
  'ProjectDrafted', 'ProjectDraftEdited', 'AssessmentOpened', 'AssessorAddedAfterLock', 'AssessorOrganisationCorrected', 'ConflictOfInterestWaived', 'ConflictOfInterestDeclared', 'ScoreRecorded',
  'ScoreCorrected', 'SelfScoreRecorded', 'AssessmentFinalized', 'SummaryAccepted', 'ProjectWithdrawn', 'ProjectTerminated', 'ProjectSubmitted', 'SafetyIncidentRecorded',
];

interface AssessorEntry { userId: string; orgId: string; name: string; addedAfterLock: boolean; waived: boolean; declaredConflict: boolean }

function assessors(db: Database, projectId: string): AssessorEntry[] | null {
  const row = db.prepare('SELECT assessors FROM as_projects WHERE project_id = ?').get(projectId) as { assessors: string } | undefined;
  return row ? (JSON.parse(row.assessors) as AssessorEntry[]) : null;
}

function setAssessors(db: Database, projectId: string, change: (list: AssessorEntry[]) => AssessorEntry[]): void {
  const list = assessors(db, projectId);
  if (list) db.prepare('UPDATE as_projects SET assessors = ? WHERE project_id = ?').run(JSON.stringify(change(list)), projectId);
}

function applyProject(e: RecordedOf<ProjectEvent>, db: Database): void {
  const set = (projectId: string, columns: Record<string, unknown>) => {
    const cols = Object.keys(columns);
    db.prepare(`UPDATE as_projects SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE project_id = @project_id`).run({ ...columns, project_id: projectId });
  };
  switch (e.type) {
    case 'ProjectDrafted': {
      const d = e.data;
      db.prepare("INSERT OR IGNORE INTO as_projects (project_id, campaign_id, org_id, org_path, title, category, status, assessors) VALUES (?, ?, ?, ?, ?, ?, 'draft', '[]')")
        .run(d.projectId, d.campaignId, d.orgId, assessmentOrgs.pathOf(db, d.orgId), d.title, d.category);
      return;
    }
    case 'ProjectDraftEdited': {
      const c = e.data.changes;
      if (c.title !== undefined) set(e.data.projectId, { title: c.title });
      if (c.category !== undefined) set(e.data.projectId, { category: c.category });
      return;
    }
    // What a ranking read for 评优 must show beside a grade: an entry filed late (视为未参赛) and an accident that vetoes (一票否决).
    case 'ProjectSubmitted':
      db.prepare('UPDATE as_projects SET late_entry = ? WHERE project_id = ? AND late_entry IS NULL').run(e.data.underExtension ? 1 : 0, e.data.projectId);
      return;
    case 'SafetyIncidentRecorded':
      if (VETO_INCIDENT_KINDS.includes(e.data.kind)) db.prepare('UPDATE as_projects SET veto_kind = ? WHERE project_id = ? AND veto_kind IS NULL').run(e.data.kind, e.data.projectId);
      return;
    case 'AssessmentOpened': {
      const { projectId, scheme, rulesVersion } = e.data;
      const list = e.data.assessors.map((a) => ({ userId: a.userId, orgId: a.orgId, name: a.name, addedAfterLock: false, waived: false, declaredConflict: false }));
      set(projectId, {
        status: 'under_assessment', rules_version: rulesVersion, criteria: JSON.stringify(scheme.criteria), aggregation: scheme.aggregation, assessors: JSON.stringify(list),
        threshold: scheme.disagreementThreshold,
      });
      return;
    }
    case 'AssessorAddedAfterLock': {
      const a = e.data.assessor;
      return setAssessors(db, e.data.projectId, (list) => (list.some((x) => x.userId === a.userId) ? list : [...list, { userId: a.userId, orgId: a.orgId, name: a.name, addedAfterLock: true, waived: false, declaredConflict: false }]));
    }
    case 'AssessorOrganisationCorrected': {
      const a = e.data.assessor;
      return setAssessors(db, e.data.projectId, (list) => list.map((x) => (x.userId === a.userId ? { ...x, orgId: a.orgId, name: a.name, waived: false } : x)));
    }
    case 'ConflictOfInterestWaived':
      return setAssessors(db, e.data.projectId, (list) => list.map((x) => (x.userId === e.data.assessorUserId ? { ...x, waived: true } : x)));
    case 'ConflictOfInterestDeclared':
      return setAssessors(db, e.data.projectId, (list) => list.map((x) => (x.userId === e.data.assessorUserId ? { ...x, declaredConflict: true } : x)));
    case 'ScoreRecorded':
    case 'ScoreCorrected': {
      const d = e.data;
      db.prepare(
        `INSERT INTO as_scores (project_id, assessor_user_id, revision, scores, weighted_total) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (project_id, assessor_user_id) DO UPDATE SET revision = excluded.revision, scores = excluded.scores, weighted_total = excluded.weighted_total
         WHERE excluded.revision >= as_scores.revision`,
      ).run(d.projectId, d.assessorUserId, d.revision, JSON.stringify(d.scores), d.weightedTotal);
      return;
    }
    case 'SelfScoreRecorded':
      return set(e.data.projectId, { self_total: e.data.weightedTotal });
    case 'AssessmentFinalized': {
      const d = e.data;
      set(d.projectId, {
        status: 'assessed', total: d.total, grade: d.grade, aggregation: d.aggregation, totals_used: JSON.stringify(d.totalsUsed), dropped: JSON.stringify(d.dropped),
        spread: d.disagreement.spread, threshold: d.disagreement.threshold, flagged: d.disagreement.flagged ? 1 : 0, finalized_at: e.metadata.occurredAt,
      });
      return;
    }
    case 'SummaryAccepted':
      return set(e.data.projectId, { status: 'summarized' });
    case 'ProjectWithdrawn':
      return set(e.data.projectId, { status: 'withdrawn' });
    case 'ProjectTerminated':
      return set(e.data.projectId, { status: 'terminated' });
    default:
      return;
  }
}

/**
 * Assessment statistics (评估考核统计): per project the assessors, each one's latest weighted
 * total, the combined total, grade and disagreement; rankings are computed when read.
 */
export const assessmentStatsProjection: Projection = {
  name: 'assessment_stats',
  // 2: the disagreement threshold is kept from the opening, so a spread is flagged while scores come in; 3: a late entry and a vetoing accident.
  version: 3,
  eventTypes: [assessmentOrgs.eventType, ...PROJECT_TYPES],
  deferredIndexes: ['as_projects_campaign'],
  setup(db: Database) {
    assessmentOrgs.setup(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS as_projects (
        project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL,
        status TEXT NOT NULL, rules_version INTEGER, criteria TEXT, aggregation TEXT, assessors TEXT NOT NULL, self_total REAL,
        total REAL, grade TEXT, totals_used TEXT, dropped TEXT, spread REAL, threshold REAL, flagged INTEGER, finalized_at TEXT,
        late_entry INTEGER, veto_kind TEXT
      );
      CREATE TABLE IF NOT EXISTS as_scores (
        project_id TEXT NOT NULL, assessor_user_id TEXT NOT NULL, revision INTEGER NOT NULL, scores TEXT NOT NULL, weighted_total REAL NOT NULL,
        PRIMARY KEY (project_id, assessor_user_id)
      );
      CREATE INDEX IF NOT EXISTS as_projects_campaign ON as_projects(campaign_id, category);
    `);
  },
  reset(db: Database) {
    assessmentOrgs.reset(db);
    db.exec('DROP TABLE IF EXISTS as_projects; DROP TABLE IF EXISTS as_scores;');
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type === assessmentOrgs.eventType) return assessmentOrgs.apply(event, db);
    return applyProject(event as unknown as RecordedOf<ProjectEvent>, db);
  },
};
