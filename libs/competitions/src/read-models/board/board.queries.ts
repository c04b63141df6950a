import type { Database } from 'better-sqlite3';
import { Page } from '@jingsai/api-kit';
import { CAMPAIGN_CATEGORIES, CampaignCategory, HIERARCHY_LEVEL_LABELS, HierarchyLevel, PROJECT_STATUS_LABELS, ProjectStatus } from '../../domain';

/** Whose projects the caller may see: all (admin), a subtree (committee, auditor …), one organisation (unit). */
export type BoardScope = { kind: 'all' } | { kind: 'subtree'; orgId: string } | { kind: 'org'; orgId: string };

/** "Awaiting my action": a committee at a level, or a unit (its drafts and returned projects). */
export type BoardAwaiting = { kind: 'committee'; level: string } | { kind: 'unit' };

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
  lateAttempts: number;
  extensionUntil: string | null;
  revision: number;
  updatedAt: string;
}

function toItem(r: any): BoardItem {
  return {
    projectId: r.project_id,
    campaignId: r.campaign_id,
    category: r.category,
    categoryLabel: CAMPAIGN_CATEGORIES[r.category as CampaignCategory]?.zh ?? r.category,
    orgId: r.org_id,
    orgPath: (r.org_path as string).split('/').filter(Boolean).slice(0, -1),
    status: r.status,
    statusLabel: PROJECT_STATUS_LABELS[r.status as ProjectStatus] ?? r.status,
    title: r.title,
    submittedAt: r.submitted_at,
    waitingSince: r.waiting_since,
    nextApprovalLevel: r.next_level,
    nextApprovalLevelLabel: r.next_level ? (HIERARCHY_LEVEL_LABELS[r.next_level as HierarchyLevel] ?? r.next_level) : null,
    approvedLevels: JSON.parse(r.approved_levels),
    returnedReason: r.returned_reason,
    returnedLevel: r.returned_level,
    lateAttempts: r.late_attempts,
    extensionUntil: r.extension_until,
    revision: r.revision,
    updatedAt: r.updated_at,
  };
}

/** The board, oldest wait first, filtered to the caller's scope. */
export function listBoard(db: Database, f: BoardFilter): Page<BoardItem> {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (f.scope.kind === 'subtree') add('instr(org_path, ?) > 0', `/${f.scope.orgId}/`);
  if (f.scope.kind === 'org') add('org_id = ?', f.scope.orgId);
  if (f.campaignId) add('campaign_id = ?', f.campaignId);
  if (f.category) add('category = ?', f.category);
  if (f.orgId) add('instr(org_path, ?) > 0', `/${f.orgId}/`);
  if (f.status) add('status = ?', f.status);
  if (f.awaiting?.kind === 'committee') add("status = 'submitted' AND next_level = ?", f.awaiting.level);
  if (f.awaiting?.kind === 'unit') add("status IN ('draft', 'returned')");
  const sql = `FROM board${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const total = (db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n;
  const rows = db.prepare(`SELECT * ${sql} ORDER BY waiting_since, project_id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset);
  return { items: rows.map(toItem), total, limit: f.limit, offset: f.offset };
}

export function boardItem(db: Database, projectId: string): BoardItem | undefined {
  const row = db.prepare('SELECT * FROM board WHERE project_id = ?').get(projectId);
  return row ? toItem(row) : undefined;
}
