import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { AWARD_TYPE_CATALOGUE, AwardType, HONOUR_LEVEL_LABELS, HonourLevel, STAGE_LABELS, stageLabelOn } from '../../application/award-domain';

/**
 * Who sees which rounds: everything, or the rounds run in the caller's subtree and the rounds
 * run above it that the caller takes part in. `path` is the caller's materialised path
 * (`/root/…/orgId/`).
 */
export type RoundScope = { kind: 'all' } | { kind: 'org'; orgId: string; ancestors: string[]; path: string };

export interface RoundFilter {
  scope: RoundScope;
  campaignId?: string;
  awardType?: string;
  stage?: string;
  limit: number;
  offset: number;
  /** Today in Beijing, for a stage read as of today (a notice not yet begun). */
  today: string;
}

interface RoundRow {
  round_id: string;
  campaign_id: string;
  award_type: string;
  honour_level: string;
  rule_set_id: string;
  rule_set_version: number;
  org_id: string;
  stage: string;
  notice_starts_on: string | null;
  notice_last_day: string | null;
  created_at: string;
  active: number;
  honours: number;
  held: number;
}

export function listRounds(db: Database, f: RoundFilter) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.scope.kind === 'org') {
    // A subtree is a range on the materialised path: every path below `/a/b/` sorts in [`/a/b/`, `/a/b0`).
    const below = [f.scope.path, `${f.scope.path.slice(0, -1)}0`];
    const up = f.scope.ancestors;
    const inSubtree = 'r.org_id IN (SELECT org_id FROM org_nodes WHERE path >= ? AND path < ?)';
    // A round above is held for everyone under it, whichever organisations hold its quotas.
    where.push(`(${inSubtree} OR r.org_id IN (${up.map(() => '?').join(', ') || "''"}))`);
    args.push(...below, ...up);
  }
  for (const [column, value] of [['r.campaign_id', f.campaignId], ['r.award_type', f.awardType], ['r.stage', f.stage]] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  const sql = `FROM award_rounds r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const [total, rows] = readTogether(db, () => [
    (db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n,
    db
      .prepare(
        `SELECT r.*,
           (SELECT COUNT(*) FROM award_round_nominations n WHERE n.round_id = r.round_id AND n.status = 'active') AS active,
           (SELECT COUNT(*) FROM award_round_honours h WHERE h.round_id = r.round_id) AS honours,
           (SELECT COUNT(*) FROM award_round_honours h WHERE h.round_id = r.round_id AND h.held = 1) AS held
         ${sql} ORDER BY r.created_at DESC, r.round_id LIMIT ? OFFSET ?`,
      )
      .all(...args, f.limit, f.offset) as RoundRow[],
  ] as const);
  return {
    items: rows.map((r) => ({
      roundId: r.round_id,
      campaignId: r.campaign_id,
      awardType: r.award_type,
      awardTypeLabel: AWARD_TYPE_CATALOGUE[r.award_type as AwardType] ?? { zh: r.award_type, en: r.award_type },
      honourLevel: r.honour_level,
      honourLevelLabel: HONOUR_LEVEL_LABELS[r.honour_level as HonourLevel] ?? { zh: r.honour_level, en: r.honour_level },
      ruleSet: { ruleSetId: r.rule_set_id, version: r.rule_set_version },
      orgId: r.org_id,
      stage: r.stage,
      stageLabel: r.stage in STAGE_LABELS ? stageLabelOn(r.stage as keyof typeof STAGE_LABELS, { startsOn: r.notice_starts_on, lastDay: r.notice_last_day }, f.today) : { zh: r.stage, en: r.stage },
      notice: r.notice_starts_on ? { startsOn: r.notice_starts_on, lastDay: r.notice_last_day } : null,
      activeNominations: r.active,
      honoursConferred: r.honours,
      // Conferred and not revoked or withdrawn since (a suspension passes), as coverage counts them against the campaign's targets.
      honoursHeld: r.held,
      createdAt: r.created_at,
    })),
    total,
    limit: f.limit,
    offset: f.offset,
  };
}

export interface ObjectionDetail {
  objectionId: string;
  nominationId: string;
  objector: unknown;
  grounds: string;
  status: string;
  note: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  /** The user who raised it. */
  raisedBy: string | null;
}

/** Objections of a round with who raised them and why (the folded round keeps only their status). */
export function objectionDetails(db: Database, roundId: string): Map<string, ObjectionDetail> {
  const rows = db
    .prepare(
      `SELECT objection_id AS objectionId, nomination_id AS nominationId, objector, grounds, status, note, raised_at AS raisedAt, resolved_at AS resolvedAt,
         raised_by AS raisedBy FROM award_round_objections WHERE round_id = ?`,
    )
    .all(roundId) as Array<ObjectionDetail & { objector: string }>;
  return new Map(rows.map((r) => [r.objectionId, { ...r, objector: JSON.parse(r.objector) as unknown }]));
}

/** Rule set of the latest round of this campaign and award type, if any (the eligibility board judges by it). */
export function latestRoundOf(db: Database, campaignId: string, awardType: string | null): { roundId: string; awardType: string; ruleSetId: string; ruleSetVersion: number } | undefined {
  // null: the campaign's latest round of any award type.
  return db
    .prepare(`SELECT round_id AS roundId, award_type AS awardType, rule_set_id AS ruleSetId, rule_set_version AS ruleSetVersion FROM award_rounds WHERE campaign_id = ?${awardType === null ? '' : ' AND award_type = ?'} ORDER BY created_at DESC LIMIT 1`)
    .get(...(awardType === null ? [campaignId] : [campaignId, awardType])) as { roundId: string; awardType: string; ruleSetId: string; ruleSetVersion: number } | undefined;
}
