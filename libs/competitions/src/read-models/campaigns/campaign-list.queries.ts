import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { Page } from '@jingsai/api-kit';
import { CAMPAIGN_CATEGORIES, CAMPAIGN_STATUS_LABELS, CampaignCategory, CampaignStatus, HIERARCHY_LEVEL_LABELS, HierarchyLevel } from '../../domain';
import { campaignOrgs } from './campaign-list.projection';

export interface CampaignListFilter {
  callerOrgId: string;
  /** Administrators see every campaign. */
  everything: boolean;
  /** An assessor also sees the campaigns of the projects assigned to them, wherever they sit. */
  assessorUserId?: string;
  status?: string;
  year?: number;
  limit: number;
  offset: number;
}

export interface CampaignListItem {
  campaignId: string;
  title: string;
  theme: string;
  year: number;
  level: string;
  levelLabel: string;
  organizerOrgId: string;
  status: string;
  statusLabel: string;
  rulesVersion: number;
  categories: Array<{ key: string; zh: string; en: string }>;
  applicationWindow: { opensAt: string; closesAt: string };
  applicationWindowClosed: boolean;
  approvalLevels: string[];
  /** The same levels in Chinese (县级, 市级 …), as the detail labels them. */
  approvalLevelLabels: string[];
  revision: number;
  updatedAt: string;
}

function toItem(r: any): CampaignListItem {
  const categories = JSON.parse(r.categories) as string[];
  return {
    campaignId: r.campaign_id,
    title: r.title,
    theme: r.theme,
    year: r.year,
    level: r.level,
    levelLabel: HIERARCHY_LEVEL_LABELS[r.level as HierarchyLevel] ?? r.level,
    organizerOrgId: r.organizer_org_id,
    status: r.status,
    statusLabel: CAMPAIGN_STATUS_LABELS[r.status as CampaignStatus] ?? r.status,
    rulesVersion: r.rules_version,
    categories: categories.map((key) => ({ key, ...(CAMPAIGN_CATEGORIES[key as CampaignCategory] ?? { zh: key, en: key }) })),
    applicationWindow: { opensAt: r.opens_at, closesAt: r.closes_at },
    applicationWindowClosed: r.window_closed === 1,
    approvalLevels: JSON.parse(r.approval_levels),
    approvalLevelLabels: (JSON.parse(r.approval_levels) as string[]).map((l) => HIERARCHY_LEVEL_LABELS[l as HierarchyLevel] ?? l),
    revision: r.revision,
    updatedAt: r.updated_at,
  };
}

/** Campaigns with a project this assessor is assigned to (the board's assessor index). */
const ASSESSED_CAMPAIGNS = 'SELECT b.campaign_id FROM board_assessors a JOIN board b ON b.project_id = a.project_id WHERE a.user_id = ?';

/** Whether the assessor is assigned to a project of the campaign: they read its rules and scheme to score. */
export function assessesIn(db: Database, userId: string, campaignId: string): boolean {
  return db.prepare(`SELECT 1 FROM (${ASSESSED_CAMPAIGNS}) WHERE campaign_id = ? LIMIT 1`).get(userId, campaignId) !== undefined;
}

/**
 * Campaigns the caller may see: those organised within its subtree (drafts included) and the
 * published or closed ones organised by its ancestors, which it can enter, and for an assessor those
 * they assess in. Newest year first.
 */
export function listCampaigns(db: Database, f: CampaignListFilter): Page<CampaignListItem> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (!f.everything) {
    const ancestors = campaignOrgs.pathOf(db, f.callerOrgId).split('/').filter((id) => id && id !== f.callerOrgId);
    const inScope = ['instr(organizer_path, ?) > 0'];
    args.push(`/${f.callerOrgId}/`);
    if (ancestors.length > 0) {
      // Published at some time (a draft closed unpublished stays out of sight, as a draft).
      inScope.push(`(organizer_org_id IN (${ancestors.map(() => '?').join(',')}) AND status <> 'draft' AND rules_version > 0)`);
      args.push(...ancestors);
    }
    if (f.assessorUserId !== undefined) {
      inScope.push(`campaign_id IN (${ASSESSED_CAMPAIGNS})`);
      args.push(f.assessorUserId);
    }
    where.push(`(${inScope.join(' OR ')})`);
  }
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.year !== undefined) {
    where.push('year = ?');
    args.push(f.year);
  }
  const sql = `FROM campaign_list${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const [total, rows] = readTogether(db, () => [
    (db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n,
    db.prepare(`SELECT * ${sql} ORDER BY year DESC, created_at DESC, campaign_id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset),
  ] as const);
  return { items: rows.map(toItem), total, limit: f.limit, offset: f.offset };
}

/** Status and application window of the given campaigns, for deciding what can be done now. */
export interface CampaignWindow {
  status: CampaignStatus;
  applicationWindow: { opensAt: string; closesAt: string };
  /** The committee that set the deadline (and alone extends it). */
  organizerOrgId: string;
  /** The campaign's last day: its period's, else its year's. */
  endsOn: string;
}

export function campaignWindows(db: Database, campaignIds: string[]): Map<string, CampaignWindow> {
  const ids = [...new Set(campaignIds)];
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT campaign_id, status, opens_at, closes_at, organizer_org_id, period_ends, year FROM campaign_list WHERE campaign_id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as Array<{ campaign_id: string; status: CampaignStatus; opens_at: string; closes_at: string; organizer_org_id: string; period_ends: string | null; year: number }>;
  return new Map(
    rows.map((r) => [
      r.campaign_id,
      { status: r.status, applicationWindow: { opensAt: r.opens_at, closesAt: r.closes_at }, organizerOrgId: r.organizer_org_id, endsOn: r.period_ends ?? `${r.year}-12-31` },
    ]),
  );
}
