import { BatchRows, FlushedRow, Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import {
  CampaignEvent, ProjectApproved, ProjectApprovedAtLevel, ProjectDraftEdited, ProjectDrafted, ProjectRejected, ProjectReturned, ProjectSubmissionRefused,
  ProjectSubmitted, ProjectTerminated, ProjectWithdrawn, SubmissionExtensionGranted, applicationPartOf, submissionProblems,
} from '../../domain';
import { orgPathTable } from '../org-paths/org-paths';
import { LOOP_TYPES, LoopEvent, loopChanges } from './board-loop';
import { AWAITING_COMMITTEE, AWAITING_UNIT, StepOwnerRow, stepOwner } from './board-awaiting';
import { RecordedOf } from '../recorded-of';

export const boardOrgs = orgPathTable('board_orgs');

const CAMPAIGN_TYPES = ['CampaignCreated', 'CampaignDraftAmended', 'CampaignRulesAmended'];
const PROJECT_TYPES = [
  'ProjectDrafted', 'ProjectDraftEdited', 'ProjectSubmitted', 'ProjectSubmissionRefused', 'ProjectApprovedAtLevel', 'ProjectApproved',
  'ProjectReturned', 'ProjectRejected', 'SubmissionExtensionGranted', 'ProjectWithdrawn', 'ProjectTerminated', ...LOOP_TYPES,
];

type Changes = Record<string, string | number | null>;

/** The application stage's events: the ones this board follows. */
type ApplicationEvent =
  | ProjectDrafted | ProjectDraftEdited | ProjectSubmitted | ProjectSubmissionRefused | ProjectApprovedAtLevel | ProjectApproved
  | ProjectReturned | ProjectRejected | SubmissionExtensionGranted | ProjectWithdrawn | ProjectTerminated;

/** The campaign's approval levels at which the organisation has a committee above (or at) it. */
function requiredLevels(db: Database, campaignId: string, orgId: string): string[] {
  const row = db.prepare('SELECT approval_levels FROM board_campaigns WHERE campaign_id = ?').get(campaignId) as { approval_levels: string } | undefined;
  const levels = row ? (JSON.parse(row.approval_levels) as string[]) : [];
  const committees = boardOrgs.committeeLevels(db, orgId);
  return levels.filter((l) => committees.includes(l));
}

function nextLevel(db: Database, campaignId: string, orgId: string, approved: string[]): string | null {
  return requiredLevels(db, campaignId, orgId).find((l) => !approved.includes(l)) ?? null;
}

function flushRows(db: Database): void {
  rows.flush(db, (row) => syncAssessors(db, row));
}

/** The campaign's approval levels and days (its year and period: a plan is checked against them on the board, review 53 #3). */
function setCampaign(db: Database, campaignId: string, c: { approvalLevels?: string[]; year?: number; campaignPeriod?: { startsOn: string; endsOn: string } | null }): void {
  db.prepare("INSERT OR IGNORE INTO board_campaigns (campaign_id, approval_levels) VALUES (?, '[]')").run(campaignId);
  if (c.approvalLevels) db.prepare('UPDATE board_campaigns SET approval_levels = ? WHERE campaign_id = ?').run(JSON.stringify(c.approvalLevels), campaignId);
  if (c.year !== undefined) db.prepare('UPDATE board_campaigns SET year = ? WHERE campaign_id = ?').run(c.year, campaignId);
  if (c.campaignPeriod !== undefined) db.prepare('UPDATE board_campaigns SET period = ? WHERE campaign_id = ?').run(c.campaignPeriod ? JSON.stringify(c.campaignPeriod) : null, campaignId);
}

function applyCampaign(e: RecordedOf<CampaignEvent>, db: Database): void {
  switch (e.type) {
    case 'CampaignCreated':
      return setCampaign(db, e.data.campaignId, { approvalLevels: e.data.approvalLevels, year: e.data.year, campaignPeriod: e.data.campaignPeriod ?? null });
    case 'CampaignDraftAmended':
      return setCampaign(db, e.data.campaignId, e.data.changes);
    case 'CampaignRulesAmended': {
      setCampaign(db, e.data.campaignId, { approvalLevels: e.data.rules.approvalLevels, campaignPeriod: e.data.rules.campaignPeriod ?? null });
      // The scan below reads the table, not the batch's rows.
      flushRows(db);
      // Approvals still awaited now follow the new levels (the deciders use the current rules).
      const waiting = db.prepare("SELECT project_id, org_id, approved_levels FROM board WHERE campaign_id = ? AND status = 'submitted'").all(e.data.campaignId) as any[];
      for (const p of waiting) {
        db.prepare('UPDATE board SET next_level = ? WHERE project_id = ?').run(nextLevel(db, e.data.campaignId, p.org_id, JSON.parse(p.approved_levels)), p.project_id);
      }
      // Another cadence leaves the periods missed under the old one overdue: they may still be filed late.
      return;
    }
    default:
      return;
  }
}

/** The columns an event changes on its project's row. */
function projectChanges(e: RecordedOf<ApplicationEvent>, row: any, db: Database): Changes {
  const at = e.metadata.occurredAt;
  const closed = (status: string): Changes => ({ status, next_level: null, waiting_since: at });
  switch (e.type) {
    case 'ProjectDrafted':
      return {};
    case 'ProjectDraftEdited': {
      const c = e.data.changes;
      return {
        ...(c.title !== undefined ? { title: c.title } : {}), ...(c.category !== undefined ? { category: c.category } : {}),
        application_missing: missingAfterEdit(row.application_missing, c),
        ...(c.implementationPlan !== undefined ? planDates(c.implementationPlan) : {}),
      };
    }
    case 'ProjectSubmitted':
      return {
        status: 'submitted', submitted_at: e.data.submittedAt, waiting_since: at, approved_levels: '[]',
        next_level: nextLevel(db, row.campaign_id, row.org_id, []),
      };
    case 'ProjectSubmissionRefused':
      return { late_attempts: row.late_attempts + 1 };
    case 'SubmissionExtensionGranted':
      return { extension_until: e.data.until };
    case 'ProjectApprovedAtLevel':
      return { approved_levels: JSON.stringify([...JSON.parse(row.approved_levels), e.data.level]), next_level: e.data.nextLevel, waiting_since: at };
    case 'ProjectApproved':
      // A return's reason stays on the row while the resubmission is decided (what the reviewer checks the fix against), and goes with 立项 (review 38 #2).
      return { ...closed('in_progress'), approved_levels: JSON.stringify(e.data.approvedLevels), returned_reason: null, returned_level: null };
    case 'ProjectReturned':
      return { ...closed('returned'), approved_levels: '[]', returned_reason: e.data.reason, returned_level: e.data.level };
    case 'ProjectRejected':
      return { ...closed('rejected'), rejected_reason: e.data.reason };
    case 'ProjectWithdrawn':
      return closed('withdrawn');
    case 'ProjectTerminated':
      return closed('terminated');
    default:
      return {};
  }
}

/** The plan's days, when they are dates (a draft may lack them; application_missing then names them). */
function planDates(plan: { startsOn?: unknown; endsOn?: unknown } | undefined): Changes {
  const day = (d: unknown) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
  return { plan_starts_on: day(plan?.startsOn), plan_ends_on: day(plan?.endsOn) };
}

/** The fields a submission would find missing: an edit replaces a part whole, so only the parts it replaced are looked at again. */
function missingAfterEdit(before: string, changes: ProjectDraftEdited['data']['changes']): string {
  const parts = (['title', 'registrationForm', 'implementationPlan'] as const).filter((k) => changes[k] !== undefined);
  if (parts.length === 0) return before;
  const kept = (JSON.parse(before) as string[]).filter((f) => !parts.includes(applicationPartOf(f)));
  return JSON.stringify([...kept, ...submissionProblems(changes, parts).map((p) => p.field)]);
}

/** The columns the event handlers read: decoding the whole row for every event cost more than the update. */
const ROW_COLUMNS = [
  'project_id', 'campaign_id', 'org_id', 'revision', 'approved_levels', 'late_attempts', 'overdue_periods', 'open_findings', 'findings_to_review',
  'assessors', 'pending_assessors', 'milestones', 'scored', 'application_missing', 'assessor_orgs', 'finding_inspectors', 'findings_awaiting',
  'status', 'org_path', 'assessment_opened_by', 'step_owner',
];

/** A project's row is read once per batch and written once, however many of its events the batch holds. */
const rows = new BatchRows('board', 'project_id', ROW_COLUMNS);

function applyProject(e: RecordedOf<ApplicationEvent>, db: Database): void {
  const at = e.metadata.occurredAt;
  if (e.type === 'ProjectDrafted') {
    const d = e.data;
    rows.insert(db, {
      project_id: d.projectId, campaign_id: d.campaignId, category: d.category, org_id: d.orgId, org_path: boardOrgs.pathOf(db, d.orgId),
      status: 'draft', title: d.title, submitted_at: null, waiting_since: at, next_level: null, approved_levels: '[]', returned_reason: null,
      returned_level: null, late_attempts: 0, extension_until: null, drafted_at: at, revision: e.revision, position: e.position, updated_at: at,
      assessors: '[]', pending_assessors: '[]', open_findings: 0, findings_to_review: 0, overdue_periods: '[]', total: null, grade: null,
      milestones: 0, vetoed: 0, scored: '[]', scores_needed: null, rejected_reason: null, assessor_orgs: '{}', assessment_opened_by: null, finding_inspectors: '{}', findings_awaiting: '[]',
      step_owner: null,
      application_missing: JSON.stringify(submissionProblems(d).map((p) => p.field)),
      ...planDates(d.implementationPlan),
    });
    return;
  }
  const row = rows.get(db, e.data.projectId) as any;
  // Each event applies once: a row already at or past this revision has seen it.
  if (!row || row.revision >= e.revision) return;
  const own = LOOP_TYPES.includes(e.type) ? loopChanges(e as unknown as RecordedOf<LoopEvent>, row) : projectChanges(e, row, db);
  const owner = stepOwner({ ...row, ...own } as StepOwnerRow);
  rows.update(db, row.project_id, { ...own, ...(owner !== row.step_owner ? { step_owner: owner } : {}), revision: e.revision, position: e.position, updated_at: at });
}

/** board_assessors mirrors the assessor lists, so "projects of assessor X" is an index lookup. */
function syncAssessors(db: Database, { key: projectId, current, base, dirty }: FlushedRow): void {
  if (!dirty.has('assessors') && !dirty.has('pending_assessors')) return;
  if (base === null && current.assessors === '[]') return;
  const assessors = JSON.parse(String(current.assessors)) as string[];
  const pending = new Set(JSON.parse(String(current.pending_assessors)) as string[]);
  // Only the rows that change: a score clears one assessor's pending flag and leaves the others be.
  const stored = db.prepare('SELECT user_id, pending FROM board_assessors WHERE project_id = ?').all(projectId) as Array<{ user_id: string; pending: number }>;
  const wanted = new Map(assessors.map((a) => [a, pending.has(a) ? 1 : 0]));
  const remove = db.prepare('DELETE FROM board_assessors WHERE user_id = ? AND project_id = ?');
  for (const s of stored) if (!wanted.has(s.user_id)) remove.run(s.user_id, projectId);
  const had = new Map(stored.map((s) => [s.user_id, s.pending]));
  const upsert = db.prepare('INSERT OR REPLACE INTO board_assessors (user_id, project_id, pending) VALUES (?, ?, ?)');
  for (const [a, p] of wanted) if (had.get(a) !== p) upsert.run(a, projectId, p);
}

/**
 * The project board (项目看板): one row per project with what approvers, units, assessors and
 * committees need to see whose move it is: status, the approval level awaited, since when, why
 * a project or summary was returned, assessors still to score, findings to rectify or review,
 * overdue reports, and the assessment result. Keeps its own copy of organisation paths and
 * campaign approval levels. Version 2 follows the later stages (评估、总结); version 3 indexes
 * whose move it is (awaits_committee / awaits_unit) and each assessor's projects; version 5
 * drops overdue periods of a cadence the campaign no longer has; version 6 follows every event on a
 * project's stream (the row's revision is the stream's, for If-Match) and keeps its milestones,
 * whether an accident vetoes commendations (一票否决) and the valid score sheets against those
 * finalisation needs, so the row offers only actions that hold; version 7 keeps why a project was
 * rejected (不予立项), as it keeps why one was returned; version 8 keeps what a draft still lacks
 * for submission (the fields the submit check would name), so a draft is offered `submit` only
 * when it would be accepted; version 9 keeps a period missed under an earlier cadence overdue
 * (it may still be filed late) where a change of cadence used to drop it; version 10 keeps the
 * organisation each assessor was assigned under, so one signed in for another is not offered scoring.
 * Version 13: a union at an approval level (a district's 区总工会) approves there, as a committee does;
 * version 14: only the levels above the project's organisation, not its own (review 47 #2).
 */
export const boardProjection: Projection = {
  name: 'board',
  // 15: the committee of each finding awaiting verification (finding_inspectors, findings_awaiting; review 51 #4).
  // 16: the plan's days and the campaign's (plan_starts_on, plan_ends_on; board_campaigns.year, .period; review 53 #3).
  // 17: whose step a row awaiting "a committee" is (step_owner, in the awaiting index; review 53 #1).
  version: 17,
  eventTypes: [boardOrgs.eventType, ...CAMPAIGN_TYPES, ...PROJECT_TYPES],
  // board_campaign also serves the rare rules amendment's re-levelling, which can scan without it.
  deferredIndexes: ['board_waiting', 'board_campaign', 'board_org_path', 'board_org_wait', 'board_status', 'board_awaiting_committee_wait'],
  setup(db: Database) {
    boardOrgs.setup(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS board_campaigns (campaign_id TEXT PRIMARY KEY, approval_levels TEXT NOT NULL, year INTEGER, period TEXT);
      CREATE TABLE IF NOT EXISTS board (
        project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, category TEXT NOT NULL, org_id TEXT NOT NULL, org_path TEXT NOT NULL,
        status TEXT NOT NULL, title TEXT NOT NULL, submitted_at TEXT, waiting_since TEXT NOT NULL, next_level TEXT,
        approved_levels TEXT NOT NULL, returned_reason TEXT, returned_level TEXT, late_attempts INTEGER NOT NULL,
        extension_until TEXT, drafted_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL,
        assessors TEXT NOT NULL DEFAULT '[]', pending_assessors TEXT NOT NULL DEFAULT '[]', open_findings INTEGER NOT NULL DEFAULT 0,
        findings_to_review INTEGER NOT NULL DEFAULT 0, overdue_periods TEXT NOT NULL DEFAULT '[]', total REAL, grade TEXT,
        milestones INTEGER NOT NULL DEFAULT 0, vetoed INTEGER NOT NULL DEFAULT 0, scored TEXT NOT NULL DEFAULT '[]', scores_needed INTEGER,
        rejected_reason TEXT, application_missing TEXT NOT NULL DEFAULT '[]', assessor_orgs TEXT NOT NULL DEFAULT '{}', assessment_opened_by TEXT,
        finding_inspectors TEXT NOT NULL DEFAULT '{}', findings_awaiting TEXT NOT NULL DEFAULT '[]', plan_starts_on TEXT, plan_ends_on TEXT, step_owner TEXT,
        awaits_committee TEXT GENERATED ALWAYS AS (CASE WHEN status = 'submitted' THEN next_level WHEN ${AWAITING_COMMITTEE} THEN '*' END) VIRTUAL,
        awaits_unit INTEGER GENERATED ALWAYS AS (${AWAITING_UNIT}) VIRTUAL
      );
      CREATE TABLE IF NOT EXISTS board_assessors (
        user_id TEXT NOT NULL, project_id TEXT NOT NULL, pending INTEGER NOT NULL, PRIMARY KEY (user_id, project_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS board_assessors_project ON board_assessors(project_id);
      CREATE INDEX IF NOT EXISTS board_waiting ON board(waiting_since, project_id);
      -- org_path last: a page walks the wait order and a count stays inside the index, both testing the scope on the entry.
      CREATE INDEX IF NOT EXISTS board_campaign ON board(campaign_id, status, waiting_since, project_id, org_path);
      CREATE INDEX IF NOT EXISTS board_org_path ON board(org_path);
      -- A unit's own board: its few projects found and ordered on index entries, no sort (49 to 32 µs a page).
      DROP INDEX IF EXISTS board_org;
      CREATE INDEX IF NOT EXISTS board_org_wait ON board(org_id, waiting_since, project_id);
      CREATE INDEX IF NOT EXISTS board_status ON board(status, waiting_since, project_id);
      -- Covering what a committee's awaiting page sorts by: a city's thousands of waiting projects are
      -- ordered on index entries and only the page's rows are read (17 ms to 1.5 ms at 10^7 events).
      -- step_owner last: whether a step is the caller's is read on the entry too.
      DROP INDEX IF EXISTS board_awaiting_committee;
      CREATE INDEX IF NOT EXISTS board_awaiting_committee_wait ON board(awaits_committee, org_path, waiting_since, project_id, step_owner) WHERE awaits_committee IS NOT NULL;
    `);
  },
  reset(db: Database) {
    boardOrgs.reset(db);
    db.exec('DROP TABLE IF EXISTS board; DROP TABLE IF EXISTS board_campaigns; DROP TABLE IF EXISTS board_assessors;');
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type === boardOrgs.eventType) return boardOrgs.apply(event, db);
    if (CAMPAIGN_TYPES.includes(event.type)) return applyCampaign(event as unknown as RecordedOf<CampaignEvent>, db);
    return applyProject(event as unknown as RecordedOf<ApplicationEvent>, db);
  },
  flush: flushRows,
  discard: (db: Database) => rows.discard(db),
};
