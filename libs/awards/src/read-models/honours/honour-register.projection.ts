import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { AwardRoundEvent, DerivedHonourConferred, HonourConferred, NominationSubmitted } from '../../application/award-domain';
import { INSTANT_COMMENDATION_DDL, INSTANT_COMMENDATION_EVENTS, applyInstantCommendationEvent } from './instant-commendation.rows';

const STATUS_OF: Record<string, 'revoked' | 'withdrawn' | 'suspended' | 'valid'> = {
  HonourRevoked: 'revoked',
  HonourWithdrawn: 'withdrawn',
  HonourSuspended: 'suspended',
  HonourReinstated: 'valid',
};

/**
 * The honours register (荣誉名录): every conferred honour per recipient with its current status
 * and its history, from award rounds and, as 即时表彰, from project milestones. Revocation is
 * final here as in the round: no later row makes it valid again.
 */
export const honourRegisterProjection: Projection = {
  name: 'award_honours',
  // 2: instant commendations (source, project and milestone columns; round columns nullable).
  // 3: a round's honour keeps the project its nomination rested on (project_id), for the veto review (review 51 #2).
  version: 3,
  eventTypes: ['NominationSubmitted', 'HonourConferred', 'DerivedHonourConferred', ...Object.keys(STATUS_OF), ...INSTANT_COMMENDATION_EVENTS],
  deferredIndexes: ['award_honours_recipient', 'award_honours_recipient_org'],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS award_honours (
        honour_id TEXT PRIMARY KEY, source_kind TEXT NOT NULL, round_id TEXT, nomination_id TEXT,
        project_id TEXT, milestone_id TEXT, given_by_org_id TEXT,
        recipient_kind TEXT NOT NULL, recipient_id TEXT, recipient_name TEXT NOT NULL, recipient_org_id TEXT,
        award_type TEXT NOT NULL, level TEXT, pool TEXT, conferred_on TEXT NOT NULL, source_honour_id TEXT,
        status TEXT NOT NULL, status_changed_at TEXT NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS award_honours_recipient ON award_honours(recipient_id);
      CREATE INDEX IF NOT EXISTS award_honours_recipient_org ON award_honours(recipient_org_id);
      CREATE TABLE IF NOT EXISTS award_honour_history (
        honour_id TEXT NOT NULL, position INTEGER NOT NULL, event_type TEXT NOT NULL, status TEXT NOT NULL,
        reason TEXT, mode TEXT, at TEXT NOT NULL, actor_user_id TEXT NOT NULL, actor_role TEXT NOT NULL,
        PRIMARY KEY (honour_id, position)
      );
      CREATE TABLE IF NOT EXISTS award_honour_nominations (round_id TEXT NOT NULL, nomination_id TEXT NOT NULL, project_id TEXT, PRIMARY KEY (round_id, nomination_id));
      ${INSTANT_COMMENDATION_DDL}
    `);
  },
  reset(db: Database) {
    db.exec('DROP TABLE IF EXISTS award_honours; DROP TABLE IF EXISTS award_honour_history; DROP TABLE IF EXISTS award_honour_orgs; DROP TABLE IF EXISTS award_honour_projects; DROP TABLE IF EXISTS award_honour_nominations;');
  },
  apply(event: RecordedEvent, db: Database) {
    if (INSTANT_COMMENDATION_EVENTS.includes(event.type)) return applyInstantCommendationEvent(event, db);
    const e = event as unknown as RecordedEvent<AwardRoundEvent>;
    const at = e.metadata.occurredAt;
    const history = (honourId: string, status: string, reason: string | null, mode: string | null) =>
      db
        .prepare('INSERT OR IGNORE INTO award_honour_history (honour_id, position, event_type, status, reason, mode, at, actor_user_id, actor_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(honourId, e.position, e.type, status, reason, mode, at, e.metadata.actor.userId, e.metadata.actor.role);
    if (e.type === 'NominationSubmitted') {
      // The project a nomination rests on: each project rule of its verdict names it (project_standing always does when there is one).
      const d = e.data as NominationSubmitted['data'] & { roundId: string };
      const projectId = (d.verdict?.reasons ?? []).map((r) => r.facts?.projectId).find((p): p is string => typeof p === 'string') ?? null;
      db.prepare('INSERT OR IGNORE INTO award_honour_nominations (round_id, nomination_id, project_id) VALUES (?, ?, ?)').run(d.roundId, d.nominationId, projectId);
      return;
    }
    if (e.type === 'HonourConferred' || e.type === 'DerivedHonourConferred') {
      const d = e.data as HonourConferred['data'] | DerivedHonourConferred['data'];
      db.prepare(
        `INSERT OR IGNORE INTO award_honours (honour_id, source_kind, round_id, nomination_id, project_id, recipient_kind, recipient_id, recipient_name, recipient_org_id,
           award_type, level, pool, conferred_on, source_honour_id, status, status_changed_at, position)
         VALUES (?, 'round', ?, ?, (SELECT project_id FROM award_honour_nominations WHERE round_id = ? AND nomination_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?, ?)`,
      ).run(
        d.honourId, d.roundId, d.nominationId, d.roundId, d.nominationId, d.recipient.kind, d.recipient.id, d.recipient.name, d.recipient.orgId,
        d.awardType, d.level, 'pool' in d ? d.pool : null, d.conferredOn, 'sourceHonourId' in d ? d.sourceHonourId : null, at, e.position,
      );
      history(d.honourId, 'valid', 'basis' in d ? d.basis : null, null);
      return;
    }
    const status = STATUS_OF[e.type];
    if (!status) return;
    const d = e.data as { honourId: string; reason: string; mode?: string };
    const current = db.prepare('SELECT status FROM award_honours WHERE honour_id = ?').get(d.honourId) as { status: string } | undefined;
    if (!current || (current.status === 'revoked' && e.type !== 'HonourRevoked')) return;
    // Revoked stays revoked; an event already applied (position not newer) changes nothing.
    db.prepare("UPDATE award_honours SET status = ?, status_changed_at = ?, position = ? WHERE honour_id = ? AND status != 'revoked' AND position < ?").run(
      status, at, e.position, d.honourId, e.position,
    );
    history(d.honourId, status, d.reason, d.mode ?? null);
  },
};
