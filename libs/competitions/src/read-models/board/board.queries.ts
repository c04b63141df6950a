import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { Page } from '@jingsai/api-kit';
import { subtreeClause } from '../read-scope';
import { STEP_IS_CALLERS } from './board-awaiting';
import { CAMPAIGN_CATEGORIES, CAMPAIGN_CATEGORY_KEYS, CampaignCategory, campaignSpan, planWithinCampaign, GRADE_LABELS, Grade, HIERARCHY_LEVEL_LABELS, HierarchyLevel, PROJECT_STATUSES, PROJECT_STATUS_LABELS, ProjectStatus } from '../../domain';

/**
 * Whose projects the caller may see: all (admin), a subtree (committee, auditor …), one
 * organisation (unit), the projects an assessor is assigned to.
 */
export type BoardScope = { kind: 'all' } | { kind: 'subtree'; orgId: string; path?: string } | { kind: 'org'; orgId: string } | { kind: 'assessor'; userId: string };

/**
 * "Awaiting my action": a committee (approvals at its level, rectifications to review, scores
 * complete and awaiting finalisation, summaries to accept), a unit (drafts and returned
 * applications, findings to rectify, overdue reports, the summary once assessed), an assessor
 * (projects still to score).
 */
export type BoardAwaiting = { kind: 'committee'; level: string | null; orgId: string } | { kind: 'unit' } | { kind: 'assessor'; userId: string };


export interface BoardFilter {
  scope: BoardScope;
  campaignId?: string;
  category?: string;
  /** Projects of this organisation or its subtree. */
  orgId?: string;
  status?: string;
  awaiting?: BoardAwaiting;
  limit: number;
  offset: number;
  /** Also count the projects by stage and by category (each over the other filters). */
  counts?: boolean;
}

/** How many projects each stage and category holds, with the board's other filters applied (a console's tabs). */
export interface BoardCounts {
  byStatus: Array<{ status: string; label: string; count: number }>;
  byCategory: Array<{ category: string; label: string; count: number }>;
}

export interface BoardItem {
  projectId: string;
  campaignId: string;
  category: string;
  categoryLabel: string;
  orgId: string;
  /** Ancestor ids from the root down to the project's organisation's parent. */
  orgPath: string[];
  status: ProjectStatus;
  statusLabel: string;
  title: string;
  submittedAt: string | null;
  waitingSince: string;
  nextApprovalLevel: string | null;
  nextApprovalLevelLabel: string | null;
  approvedLevels: string[];
  returnedReason: string | null;
  returnedLevel: string | null;
  /** Why it was not approved (不予立项), once rejected. */
  rejectedReason: string | null;
  lateAttempts: number;
  extensionUntil: string | null;
  /** Assessors assigned, and those of them still to score. */
  assessors: string[];
  pendingAssessors: string[];
  /** Findings the unit must still rectify, and rectifications awaiting the committee. */
  openFindings: number;
  findingsToReview: number;
  overduePeriods: string[];
  total: number | null;
  grade: string | null;
  gradeLabel: string | null;
  /** Milestones recorded (重要推进节点): an instant commendation is given at one. */
  milestones: number;
  /** A safety or quality accident on the project (一票否决): no commendation may be given. */
  vetoed: boolean;
  /** Assessors whose sheet counts, and how many finalisation needs (null before the assessment opens). */
  scoresCounted: number;
  /** Assessors whose sheet counts (for the offered actions; not shown: before the result only those who see every sheet learn who scored). */
  scoredBy: string[];
  /**
   * JSON of the organisation each assessor was assigned under (for the offered actions: one signed
   * in for another may not score). Parsed by the caller only for an assessor of the row: every
   * board page reads it, few need it.
   */
  assessorOrgsJson: string;
  /** The committee of each finding awaiting verification ('' when not recorded): it, or one above it, verifies. */
  reviewInspectors: string[];
  /** The committee that opened the assessment (null: not opened, or recorded before this was kept); for the caller's actions, not shown. */
  assessmentOpenedBy: string | null;
  scoresNeeded: number | null;
  /** Fields a submission would still find missing in the registration form and implementation plan (empty once complete). */
  applicationMissing: string[];
  revision: number;
  updatedAt: string;
}

/**
 * The columns an item is made of, read as arrays (`raw`): building a keyed object per row, and
 * computing the generated awaits_* columns `SELECT *` would have brought, cost more than the
 * rest of a page query (a unit's page of four projects: 79 to 27 µs).
 */
const ITEM_COLUMNS =
  'project_id, campaign_id, category, org_id, org_path, status, title, submitted_at, waiting_since, next_level, approved_levels, returned_reason, ' +
  'returned_level, late_attempts, extension_until, assessors, pending_assessors, open_findings, findings_to_review, overdue_periods, total, grade, milestones, vetoed, scored, scores_needed, rejected_reason, application_missing, revision, updated_at, assessor_orgs, assessment_opened_by, finding_inspectors, findings_awaiting, plan_starts_on, plan_ends_on';

/** Where each of ITEM_COLUMNS is in a row read raw, for the few read before the row is made an item. */
const AT = Object.fromEntries(ITEM_COLUMNS.split(',').map((c, i) => [c.trim(), i])) as Record<'campaign_id' | 'status' | 'plan_starts_on', number>;

/** The committee of each finding awaiting verification; most rows have none, and decode nothing (every board answer reads every row's). */
function reviewInspectorsOf(findingInspectors: string, findingsAwaiting: string): string[] {
  if (findingsAwaiting === '[]') return [];
  const inspectors = JSON.parse(findingInspectors) as Record<string, string>;
  return (JSON.parse(findingsAwaiting) as string[]).map((f) => inspectors[f] ?? '');
}

function toItem(r: unknown[], spans: ReadonlyMap<string, CampaignSpan>): BoardItem {
  const [
    projectId, campaignId, category, orgId, orgPath, status, title, submittedAt, waitingSince, nextLevel, approvedLevels, returnedReason,
    returnedLevel, lateAttempts, extensionUntil, assessors, pendingAssessors, openFindings, findingsToReview, overduePeriods, total, grade, milestones, vetoed, scored, scoresNeeded, rejectedReason, applicationMissing, revision, updatedAt, assessorOrgs, assessmentOpenedBy, findingInspectors, findingsAwaiting, planStartsOn, planEndsOn,
  ] = r as [
    string, string, string, string, string, string, string, string | null, string, string | null, string, string | null,
    string | null, number, string | null, string, string, number, number, string, number | null, string | null, number, number, string, number | null, string | null, string, number, string, string, string | null, string, string, string | null, string | null,
  ];

  const scoredBy = JSON.parse(scored) as string[];
  return {
    projectId,
    campaignId,
    category,
    categoryLabel: CAMPAIGN_CATEGORIES[category as CampaignCategory]?.zh ?? category,
    orgId,
    orgPath: orgPath.split('/').filter(Boolean).slice(0, -1),
    status: status as ProjectStatus,
    statusLabel: PROJECT_STATUS_LABELS[status as ProjectStatus] ?? status,
    title,
    submittedAt,
    waitingSince,
    nextApprovalLevel: nextLevel,
    nextApprovalLevelLabel: nextLevel ? (HIERARCHY_LEVEL_LABELS[nextLevel as HierarchyLevel] ?? nextLevel) : null,
    approvedLevels: JSON.parse(approvedLevels) as string[],
    returnedReason,
    returnedLevel,
    rejectedReason,
    lateAttempts,
    extensionUntil,
    assessors: JSON.parse(assessors) as string[],
    pendingAssessors: JSON.parse(pendingAssessors) as string[],
    openFindings,
    findingsToReview,
    overduePeriods: JSON.parse(overduePeriods) as string[],
    total,
    grade,
    gradeLabel: grade ? (GRADE_LABELS[grade as Grade] ?? grade) : null,
    milestones,
    vetoed: vetoed === 1,
    scoresCounted: scoredBy.length,
    scoredBy,
    assessorOrgsJson: assessorOrgs,
    assessmentOpenedBy,
    reviewInspectors: reviewInspectorsOf(findingInspectors, findingsAwaiting),
    scoresNeeded,
    applicationMissing: [...(JSON.parse(applicationMissing) as string[]), ...planOutside(status, planStartsOn, planEndsOn, spans.get(campaignId))],
    revision,
    updatedAt,
  };
}


type CampaignSpan = { startsOn: string; endsOn: string };

/**
 * The plan's fields a submission would refuse for the campaign's days (review 53 #3): kept out
 * of application_missing, which is written when the draft is, because the campaign's period may
 * be amended after it.
 */
function planOutside(status: string, startsOn: string | null, endsOn: string | null, span: CampaignSpan | undefined): string[] {
  if ((status !== 'draft' && status !== 'returned') || startsOn === null || endsOn === null || !span) return [];
  return planWithinCampaign({ startsOn, endsOn }, span).map((p) => p.field);
}

/** The campaigns' days (their period, else their year; the board's own copy) for the drafts and returned applications among these rows. */
function spansFor(db: Database, rows: readonly unknown[][]): Map<string, CampaignSpan> {
  const ids = [...new Set(rows.filter((r) => (r[AT.status] === 'draft' || r[AT.status] === 'returned') && r[AT.plan_starts_on] !== null).map((r) => r[AT.campaign_id] as string))];
  if (ids.length === 0) return new Map();
  const found = db.prepare(`SELECT campaign_id, year, period FROM board_campaigns WHERE campaign_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ campaign_id: string; year: number | null; period: string | null }>;
  return new Map(found.filter((c) => c.year !== null).map((c) => [c.campaign_id, campaignSpan({ campaignPeriod: c.period ? (JSON.parse(c.period) as CampaignSpan) : null }, c.year!)]));
}

/** The board, oldest wait first, filtered to the caller's scope. */
export function listBoard(db: Database, f: BoardFilter): Page<BoardItem> & Partial<BoardCounts> {
  const where: string[] = [];
  const args: unknown[] = [];
  // Each clause with its filter, so a count by stage can leave the stage filter out (and one by category the category's).
  const clauses: Array<{ on: 'status' | 'category' | null; clause: string; values: unknown[] }> = [];
  let on: 'status' | 'category' | null = null;
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
    clauses.push({ on, clause, values });
  };
  if (f.scope.kind === 'subtree') add(...subtreeClause('org_path', f.scope.orgId, f.scope.path));
  if (f.scope.kind === 'org') add('org_id = ?', f.scope.orgId);
  // What awaits an assessor lies inside their assignments already: one lookup of the few still to score, not of every assignment.
  const awaitingOwnScores = f.awaiting?.kind === 'assessor' && f.scope.kind === 'assessor' && f.awaiting.userId === f.scope.userId;
  if (f.scope.kind === 'assessor' && !awaitingOwnScores) add('project_id IN (SELECT project_id FROM board_assessors WHERE user_id = ?)', f.scope.userId);
  // One organisation's few rows are found by its own index: '+' keeps the planner off the campaign
  // and status indexes, which would walk every project of the campaign or in the status.
  const own = f.scope.kind === 'org' ? '+' : '';
  if (f.campaignId) add(`${own}campaign_id = ?`, f.campaignId);
  on = 'category';
  if (f.category) add('category = ?', f.category);
  on = null;
  if (f.orgId) add('instr(org_path, ?) > 0', `/${f.orgId}/`);
  on = 'status';
  if (f.status) add(`${own}status = ?`, f.status);
  on = null;
  // awaits_committee holds the level a submission waits for, or '*' for what any level's committee does next.
  if (f.awaiting?.kind === 'committee') {
    // Two clauses: the first is the index's (an OR of both would scan the board). A row awaiting "a committee" awaits the one
    // whose step it is, or one above it (review 53 #1): the index holds step_owner, so the second is read from its entries too.
    add("awaits_committee IN (?, '*')", f.awaiting.level);
    add(`(awaits_committee <> '*' OR ${STEP_IS_CALLERS})`, `/${f.awaiting.orgId}/`, `/${f.awaiting.orgId}/`);
  }
  if (f.awaiting?.kind === 'unit') add('awaits_unit = 1');
  if (f.awaiting?.kind === 'assessor') {
    // '+status': look the assessor's few projects up by key rather than scan every project under assessment.
    add("+status = 'under_assessment' AND project_id IN (SELECT project_id FROM board_assessors WHERE user_id = ? AND pending = 1)", f.awaiting.userId);
  }
  const sql = `FROM board${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  // The page is chosen on index entries, then only its rows are read whole; one organisation's
  // few rows are read in order straight from its index entries (no second pass, no sort).
  const page = f.scope.kind === 'org'
    ? `SELECT ${ITEM_COLUMNS} ${sql} ORDER BY waiting_since, project_id LIMIT ? OFFSET ?`
    : `SELECT ${ITEM_COLUMNS} FROM board WHERE rowid IN (SELECT rowid ${sql} ORDER BY waiting_since, project_id LIMIT ? OFFSET ?) ORDER BY waiting_since, project_id`;
  const [total, rows, spans] = readTogether(db, () => {
    const found = db.prepare(page).raw(true).all(...args, f.limit, f.offset) as unknown[][];
    return [(db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n, found, spansFor(db, found)] as const;
  });
  return { items: rows.map((r) => toItem(r, spans)), total, limit: f.limit, offset: f.offset, ...(f.counts ? boardCounts(db, clauses) : {}) };
}

function boardCounts(db: Database, clauses: ReadonlyArray<{ on: 'status' | 'category' | null; clause: string; values: unknown[] }>): BoardCounts {
  const countBy = (column: 'status' | 'category') => {
    const kept = clauses.filter((c) => c.on !== column);
    const sql = `SELECT ${column} AS key, COUNT(*) AS n FROM board${kept.length ? ` WHERE ${kept.map((c) => c.clause).join(' AND ')}` : ''} GROUP BY ${column}`;
    return new Map((db.prepare(sql).all(...kept.flatMap((c) => c.values)) as Array<{ key: string; n: number }>).map((r) => [r.key, r.n]));
  };
  const statuses = countBy('status');
  const categories = countBy('category');
  return {
    // Every stage in the loop's order, an empty one too (a tab shows 0); categories as the campaign has them, in the catalogue's order.
    byStatus: PROJECT_STATUSES.map((status) => ({ status, label: PROJECT_STATUS_LABELS[status], count: statuses.get(status) ?? 0 })),
    byCategory: CAMPAIGN_CATEGORY_KEYS.filter((c) => categories.has(c)).map((category) => ({ category, label: CAMPAIGN_CATEGORIES[category].zh, count: categories.get(category)! })),
  };
}

export function boardItem(db: Database, projectId: string): BoardItem | undefined {
  const row = db.prepare(`SELECT ${ITEM_COLUMNS} FROM board WHERE project_id = ?`).raw(true).get(projectId) as unknown[] | undefined;
  return row ? toItem(row, spansFor(db, [row])) : undefined;
}

/** The approval levels of campaigns (the board's own copy, following rule amendments), by campaign id. */
export function approvalLevels(db: Database, campaignIds: string[]): Map<string, string[]> {
  const ids = [...new Set(campaignIds)];
  if (ids.length === 0) return new Map();
  const rows = db.prepare(`SELECT campaign_id, approval_levels FROM board_campaigns WHERE campaign_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ campaign_id: string; approval_levels: string }>;
  return new Map(rows.map((r) => [r.campaign_id, JSON.parse(r.approval_levels) as string[]]));
}

/** How many projects of a campaign are in each of these categories (any stage). */
export function projectsByCategory(db: Database, campaignId: string, categories: readonly string[]): Array<{ category: string; count: number }> {
  if (categories.length === 0) return [];
  const rows = db.prepare(`SELECT category, COUNT(*) AS n FROM board WHERE campaign_id = ? AND category IN (${categories.map(() => '?').join(',')}) GROUP BY category`).all(campaignId, ...categories) as Array<{ category: string; n: number }>;
  return categories.map((category) => ({ category, count: rows.find((r) => r.category === category)?.n ?? 0 }));
}
