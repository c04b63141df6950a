import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { ROLE_LABELS } from '@jingsai/auth';
import { WITHDRAWAL_MODE_LABELS, type Role, type WithdrawalMode } from '@jingsai/shared';
import {
  AWARD_TYPE_CATALOGUE, DERIVED_HONOUR_CATALOGUE, HONOUR_LEVEL_LABELS, HONOUR_STATUS_LABELS, INCIDENT_SEVERITY_LABELS, MANDATORY_VETO_KINDS, PROJECT_INCIDENT_LABELS, HonourHeld, HonourLevel, HonourStatus, HonourType, Label, ProjectIncidentKind,
} from '../../application/award-domain';

interface HonourRow {
  honour_id: string;
  source_kind: 'round' | 'milestone';
  round_id: string | null;
  nomination_id: string | null;
  project_id: string | null;
  milestone_id: string | null;
  given_by_org_id: string | null;
  recipient_kind: string;
  recipient_id: string | null;
  recipient_name: string;
  recipient_org_id: string | null;
  award_type: string;
  level: string | null;
  pool: string | null;
  conferred_on: string;
  source_honour_id: string | null;
  status: string;
  status_changed_at: string;
}

export interface HonourFilter {
  recipientId?: string;
  awardType?: string;
  status?: string;
  /** Only the honours held now (valid): a revoked, withdrawn or suspended one drops out of current honours. */
  current?: boolean;
  roundId?: string;
  /** Only honours of this campaign: conferred in its rounds (the round list's) or given at its projects' milestones (the board's). */
  campaignId?: string;
  /** Only recipients whose organisation lies under this materialised path (`/root/…/orgId/`). */
  withinPath?: string;
  limit: number;
  offset: number;
}

const awardLabel = (t: string): Label => (AWARD_TYPE_CATALOGUE as Record<string, Label>)[t] ?? (DERIVED_HONOUR_CATALOGUE as Record<string, Label>)[t] ?? { zh: t, en: t };

/** What each step of an honour's history did, as people say it (a status change by the status it led to). */
const HISTORY_EVENT_LABELS: Record<string, string> = {
  HonourConferred: '授予', DerivedHonourConferred: '随之授予', HonourRevoked: '撤销', HonourWithdrawn: '摘牌', HonourSuspended: '暂停', HonourReinstated: '恢复',
  InstantCommendationGiven: '给予即时表彰',
};
const CHANGE_BY_STATUS: Record<string, string> = { valid: '恢复', revoked: '撤销', withdrawn: '摘牌', suspended: '暂停' };

function history(db: Database, honourId: string) {
  const rows = db
    .prepare('SELECT event_type AS event, status, reason, mode, at, actor_user_id AS actorUserId, actor_role AS actorRole FROM award_honour_history WHERE honour_id = ? ORDER BY position')
    .all(honourId) as Array<{ event: string; status: string | null; mode: string | null; actorRole: string | null }>;
  return rows.map((h) => ({
    ...h,
    eventLabel: HISTORY_EVENT_LABELS[h.event] ?? (h.status ? CHANGE_BY_STATUS[h.status] : undefined) ?? h.event,
    // 责令 / 自动 / 自然摘牌, as the award office says it (review 55 #3).
    modeLabel: h.mode ? (WITHDRAWAL_MODE_LABELS[h.mode as WithdrawalMode] ?? h.mode) : null,
    statusLabel: h.status ? (HONOUR_STATUS_LABELS[h.status as HonourStatus] ?? null) : null,
    actorRoleLabel: h.actorRole ? (ROLE_LABELS[h.actorRole as Role] ?? h.actorRole) : null,
  }));
}

const VETO_FACT_TABLES = ['award_rounds', 'award_elig_projects', 'award_elig_incidents'];
const vetoTablesSeen = new WeakSet<Database>();

/** Whether the projections the veto review reads share this file (they do in the service; a projection's own test has its tables only). */
function vetoFactsReadable(db: Database): boolean {
  if (vetoTablesSeen.has(db)) return true;
  const n = db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN (${VETO_FACT_TABLES.map(() => '?').join(', ')})`).pluck().get(...VETO_FACT_TABLES) as number;
  if (n === VETO_FACT_TABLES.length) vetoTablesSeen.add(db);
  return n === VETO_FACT_TABLES.length;
}

/**
 * 一票否决 accidents on the projects an honour rests on, for the award office to review (review 49 #1):
 * the project its nomination named, and for a unit or team also its own projects in the round's
 * campaign, as the veto judged its nomination (review 51 #2: a person's honour rests on the
 * project named, not on every project of the employer); an instant commendation on its project.
 * The kinds are the veto every round judges (safety, quality). Only while the honour stands (valid
 * or suspended); revoking it stays a human decision, so this is a flag with the facts, never a
 * change of status. `beforeConferral`: the accident predates the honour, so it was conferred on
 * facts that would have barred it.
 */
function vetoReview(db: Database, r: HonourRow) {
  if (r.status !== 'valid' && r.status !== 'suspended') return undefined;
  if (!vetoFactsReadable(db)) return undefined;
  const kinds = MANDATORY_VETO_KINDS.map(() => '?').join(', ');
  const columns = 'i.project_id AS projectId, p.title, i.kind, i.severity, i.occurred_on AS occurredOn';
  const ownProjects =
    r.source_kind === 'round' && r.recipient_kind !== 'person' && r.recipient_org_id !== null
      ? ` OR i.project_id IN (SELECT ep.project_id FROM award_elig_projects ep JOIN award_rounds ar ON ar.campaign_id = ep.campaign_id WHERE ar.round_id = ? AND ep.org_id = ?)`
      : '';
  const args = [r.project_id, ...(ownProjects ? [r.round_id, r.recipient_org_id] : []), ...MANDATORY_VETO_KINDS];
  if (r.project_id === null && !ownProjects) return undefined;
  const rows = db
    .prepare(`SELECT ${columns} FROM award_elig_incidents i LEFT JOIN award_elig_projects p ON p.project_id = i.project_id WHERE (i.project_id = ?${ownProjects}) AND i.kind IN (${kinds}) ORDER BY i.occurred_on, i.project_id`)
    .all(...args) as Array<{ projectId: string; title: string | null; kind: ProjectIncidentKind; severity: string; occurredOn: string }>;
  if (rows.length === 0) return undefined;
  const incidents = rows.map((x) => ({ ...x, kindLabel: PROJECT_INCIDENT_LABELS[x.kind] ?? { zh: x.kind, en: x.kind }, severityLabel: INCIDENT_SEVERITY_LABELS[x.severity] ?? { zh: x.severity, en: x.severity }, beforeConferral: x.occurredOn <= r.conferred_on }));
  const zh = incidents.map((x) => `项目${x.title ? `“${x.title}”（${x.projectId}）` : ` ${x.projectId} `}${x.occurredOn} ${x.severityLabel.zh}${x.kindLabel.zh}${x.beforeConferral ? '（早于表彰）' : '（表彰之后）'}`).join('；');
  return {
    incidents,
    noteZh: `本荣誉所依托的竞赛项目发生一票否决事故：${zh}。请核查是否撤销。`,
    noteEn: `A veto accident on a project this honour rests on: ${incidents.map((x) => `${x.projectId} ${x.kind} on ${x.occurredOn}${x.beforeConferral ? ' (before the conferral)' : ''}`).join('; ')}. Review whether to revoke it.`,
  };
}

/** `withReview`: with the veto review (the register's list and detail; the public check has no use for it). */
function view(db: Database, r: HonourRow, withReview = true) {
  const review = withReview ? vetoReview(db, r) : undefined;
  return {
    honourId: r.honour_id,
    roundId: r.round_id,
    nominationId: r.nomination_id,
    // Where it came from: a round's conferral, or a committee at a project milestone (即时表彰).
    source:
      r.source_kind === 'milestone'
        ? { kind: 'milestone', projectId: r.project_id, milestoneId: r.milestone_id, givenByOrgId: r.given_by_org_id }
        : { kind: 'round', roundId: r.round_id, nominationId: r.nomination_id },
    recipient: { kind: r.recipient_kind, id: r.recipient_id, name: r.recipient_name, orgId: r.recipient_org_id },
    awardType: r.award_type,
    awardTypeLabel: awardLabel(r.award_type),
    level: r.level,
    levelLabel: r.level === null ? null : (HONOUR_LEVEL_LABELS[r.level as HonourLevel] ?? { zh: r.level, en: r.level }),
    pool: r.pool,
    conferredOn: r.conferred_on,
    sourceHonourId: r.source_honour_id,
    status: r.status,
    statusLabel: HONOUR_STATUS_LABELS[r.status as HonourStatus] ?? { zh: r.status, en: r.status },
    statusChangedAt: r.status_changed_at,
    /** Held now: only a valid honour is (it stays in the register, with its history, either way). */
    current: r.status === 'valid',
    history: history(db, r.honour_id),
    // Present only when a veto accident touches what it rests on: for review, not a change of status.
    ...(review ? { vetoReview: review } : {}),
  };
}

export function listHonours(db: Database, f: HonourFilter) {
  const where: string[] = [];
  const args: unknown[] = [];
  for (const [column, value] of [['recipient_id', f.recipientId], ['award_type', f.awardType], ['status', f.status], ['round_id', f.roundId]] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  if (f.current) where.push("status = 'valid'");
  if (f.campaignId !== undefined) {
    where.push('(round_id IN (SELECT round_id FROM award_rounds WHERE campaign_id = ?) OR project_id IN (SELECT project_id FROM board WHERE campaign_id = ?))');
    args.push(f.campaignId, f.campaignId);
  }
  if (f.withinPath !== undefined) {
    // A subtree is a range on the materialised path: every path below `/a/b/` sorts in [`/a/b/`, `/a/b0`).
    where.push('recipient_org_id IN (SELECT org_id FROM org_nodes WHERE path >= ? AND path < ?)');
    args.push(f.withinPath, `${f.withinPath.slice(0, -1)}0`);
  }
  const sql = `FROM award_honours ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return readTogether(db, () => {
    const total = (db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n;
    const rows = db.prepare(`SELECT * ${sql} ORDER BY conferred_on DESC, honour_id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as HonourRow[];
    // What an award office reconciles its targets with (review 43 #3): every matching honour by type, and how many are held now.
    // `counted` as coverage counts a target (a suspension passes), `held` the valid ones (review 44 #7).
    const counts = db
      .prepare(`SELECT award_type AS awardType, COUNT(*) AS total, SUM(status = 'valid') AS held, SUM(status IN ('valid', 'suspended')) AS counted ${sql} GROUP BY award_type ORDER BY award_type`)
      .all(...args) as Array<{ awardType: string; total: number; held: number; counted: number }>;
    const byType = counts.map((c) => ({ ...c, awardTypeLabel: awardLabel(c.awardType) }));
    return { items: rows.map((r) => view(db, r)), total, limit: f.limit, offset: f.offset, byType };
  });
}

export function getHonour(db: Database, honourId: string, withReview = true) {
  const row = db.prepare('SELECT * FROM award_honours WHERE honour_id = ?').get(honourId) as HonourRow | undefined;
  return row ? view(db, row, withReview) : undefined;
}

/**
 * The answer to "is this honour valid?". Only the status 'valid' answers true; revoked,
 * withdrawn and suspended honours answer false with their status and the reason recorded.
 */
export function checkHonour(db: Database, honourId: string) {
  const h = getHonour(db, honourId, false);
  if (!h) return undefined;
  const events = h.history as Array<{ event: string; status?: string | null; reason?: string | null; mode?: string | null; modeLabel?: string | null }>;
  const last = events[events.length - 1];
  // Belt and braces: a revocation anywhere in the history answers "not valid", whatever the status column says.
  const valid = h.status === 'valid' && !events.some((e) => e.event === 'HonourRevoked' || e.status === 'revoked');
  return {
    honourId: h.honourId,
    valid,
    status: h.status,
    statusLabel: h.statusLabel,
    recipient: h.recipient,
    awardType: h.awardType,
    awardTypeLabel: h.awardTypeLabel,
    level: h.level,
    levelLabel: h.levelLabel,
    conferredOn: h.conferredOn,
    ...(h.status === 'valid' ? {} : { since: h.statusChangedAt, reason: last?.reason ?? null }),
    // How it was withdrawn (摘牌), for one that was.
    ...(h.status === 'withdrawn' ? { mode: last?.mode ?? null, modeLabel: last?.modeLabel ?? null } : {}),
  };
}

/** Every honour a recipient holds or held, in the shape the eligibility engine reads. */
export function honoursHeldBy(db: Database, recipientId: string, recipientKind?: string): HonourHeld[] {
  // An honour of unknown level (given by an organisation the register does not know) cannot count at any level.
  const rows = (
    recipientKind
      ? db.prepare('SELECT * FROM award_honours WHERE recipient_id = ? AND recipient_kind = ? AND level IS NOT NULL').all(recipientId, recipientKind)
      : db.prepare('SELECT * FROM award_honours WHERE recipient_id = ? AND level IS NOT NULL').all(recipientId)
  ) as HonourRow[];
  return rows.map((r) => ({ honourId: r.honour_id, awardType: r.award_type as HonourType, level: r.level as HonourLevel, conferredOn: r.conferred_on, status: r.status as HonourStatus }));
}

/** A recipient's honours from award rounds, with the round each is in (what a derived honour can follow). */
export interface RoundHonourRow {
  honourId: string;
  roundId: string;
  awardType: string;
  status: string;
  conferredOn: string;
  sourceHonourId: string | null;
}

export function roundHonoursOf(db: Database, recipientId: string, recipientKind: string): RoundHonourRow[] {
  return db
    .prepare(
      `SELECT honour_id AS honourId, round_id AS roundId, award_type AS awardType, status, conferred_on AS conferredOn, source_honour_id AS sourceHonourId
       FROM award_honours WHERE recipient_id = ? AND recipient_kind = ? AND source_kind = 'round' ORDER BY conferred_on, position`,
    )
    .all(recipientId, recipientKind) as RoundHonourRow[];
}
