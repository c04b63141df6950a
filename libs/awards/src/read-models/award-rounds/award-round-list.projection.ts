import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { AwardRoundEvent } from '../../application/award-domain';

type Of<T extends AwardRoundEvent['type']> = Extract<AwardRoundEvent, { type: T }>['data'];

const STAGE_AFTER: Partial<Record<AwardRoundEvent['type'], string>> = {
  PublicNoticeStarted: 'notice',
  PublicNoticeEnded: 'notice_ended',
  NominationsReopened: 'nominating',
  HonourConferred: 'conferred',
};
const NOMINATION_STATUS: Partial<Record<AwardRoundEvent['type'], string>> = { NominationRemoved: 'removed', NominationWithdrawnAfterObjection: 'withdrawn' };

/**
 * Award rounds (评选轮次) for the scoped list: the round, the organisation that runs it (the
 * award office that created it), its stage and nominations; objections with who raised them.
 */
export const awardRoundListProjection: Projection = {
  name: 'award_rounds',
  // 2: award_round_recommenders, so the list shows a round above the caller only to those who take part in it.
  // 3: who raised each objection (the user), so they can follow it.
  // 4: the round's honours, conferred and still held, kept here (they were counted from the honour register's table).
  version: 4,
  eventTypes: [
    'AwardRoundCreated', 'NominationSubmitted', 'NominationRemoved', 'NominationWithdrawnAfterObjection', 'SubstitutePromoted',
    'PublicNoticeStarted', 'PublicNoticeEnded', 'NominationsReopened', 'HonourConferred', 'ObjectionRaised', 'ObjectionUpheld', 'ObjectionDismissed',
    'DerivedHonourConferred', 'HonourRevoked', 'HonourWithdrawn',
  ],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS award_rounds (
        round_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, award_type TEXT NOT NULL, honour_level TEXT NOT NULL,
        rule_set_id TEXT NOT NULL, rule_set_version INTEGER NOT NULL, org_id TEXT NOT NULL, stage TEXT NOT NULL,
        notice_starts_on TEXT, notice_last_day TEXT, notice_ends_at TEXT, created_at TEXT NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS award_rounds_campaign ON award_rounds(campaign_id, award_type);
      CREATE TABLE IF NOT EXISTS award_round_honours (round_id TEXT NOT NULL, honour_id TEXT NOT NULL, held INTEGER NOT NULL, PRIMARY KEY (round_id, honour_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS award_round_nominations (
        round_id TEXT NOT NULL, nomination_id TEXT NOT NULL, nominee_kind TEXT NOT NULL, nominee_id TEXT NOT NULL, nominee_name TEXT NOT NULL,
        nominee_org_id TEXT NOT NULL, recommender_org_id TEXT NOT NULL, pool TEXT NOT NULL, substitute INTEGER NOT NULL, status TEXT NOT NULL,
        PRIMARY KEY (round_id, nomination_id)
      );
      CREATE TABLE IF NOT EXISTS award_round_recommenders (round_id TEXT NOT NULL, org_id TEXT NOT NULL, quota INTEGER NOT NULL, PRIMARY KEY (round_id, org_id));
      CREATE TABLE IF NOT EXISTS award_round_objections (
        round_id TEXT NOT NULL, objection_id TEXT NOT NULL, nomination_id TEXT NOT NULL, objector TEXT NOT NULL, grounds TEXT NOT NULL,
        status TEXT NOT NULL, note TEXT, raised_at TEXT NOT NULL, resolved_at TEXT, raised_by TEXT,
        PRIMARY KEY (round_id, objection_id)
      );
    `);
  },
  reset(db: Database) {
    db.exec('DROP TABLE IF EXISTS award_rounds; DROP TABLE IF EXISTS award_round_nominations; DROP TABLE IF EXISTS award_round_recommenders; DROP TABLE IF EXISTS award_round_objections; DROP TABLE IF EXISTS award_round_honours;');
  },
  apply(event: RecordedEvent, db: Database) {
    const e = event as unknown as RecordedEvent<AwardRoundEvent>;
    const at = e.metadata.occurredAt;
    // The round's honours: held from their conferral until revoked or withdrawn (a suspension passes).
    if (e.type === 'HonourConferred' || e.type === 'DerivedHonourConferred') {
      const d = e.data as { roundId: string; honourId: string };
      db.prepare('INSERT OR IGNORE INTO award_round_honours (round_id, honour_id, held) VALUES (?, ?, 1)').run(d.roundId, d.honourId);
    } else if (e.type === 'HonourRevoked' || e.type === 'HonourWithdrawn') {
      const d = e.data as { roundId: string; honourId: string };
      db.prepare('UPDATE award_round_honours SET held = 0 WHERE round_id = ? AND honour_id = ?').run(d.roundId, d.honourId);
      return;
    }
    switch (e.type) {
      case 'AwardRoundCreated': {
        const d = e.data as Of<'AwardRoundCreated'>;
        db.prepare(
          `INSERT OR IGNORE INTO award_rounds (round_id, campaign_id, award_type, honour_level, rule_set_id, rule_set_version, org_id, stage, created_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'nominating', ?, ?)`,
        ).run(d.roundId, d.campaignId, d.awardType, d.honourLevel, d.ruleSetId, d.ruleSetVersion, e.metadata.actor.orgId, at, e.position);
        for (const q of d.quotasByRecommender ?? []) {
          db.prepare('INSERT OR IGNORE INTO award_round_recommenders (round_id, org_id, quota) VALUES (?, ?, ?)').run(d.roundId, q.orgId, q.quota);
        }
        return;
      }
      case 'NominationSubmitted': {
        const d = e.data as Of<'NominationSubmitted'>;
        db.prepare(
          `INSERT OR IGNORE INTO award_round_nominations (round_id, nomination_id, nominee_kind, nominee_id, nominee_name, nominee_org_id, recommender_org_id, pool, substitute, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')`,
        ).run(d.roundId, d.nominationId, d.nominee.kind, d.nominee.id, d.nominee.name, d.nominee.orgId, d.recommenderOrgId, d.pool, d.substitute ? 1 : 0);
        return;
      }
      case 'NominationRemoved':
      case 'NominationWithdrawnAfterObjection': {
        const d = e.data as { roundId: string; nominationId: string };
        db.prepare('UPDATE award_round_nominations SET status = ? WHERE round_id = ? AND nomination_id = ?').run(NOMINATION_STATUS[e.type], d.roundId, d.nominationId);
        return;
      }
      case 'SubstitutePromoted': {
        const d = e.data as Of<'SubstitutePromoted'>;
        db.prepare('UPDATE award_round_nominations SET substitute = 0 WHERE round_id = ? AND nomination_id = ?').run(d.roundId, d.nominationId);
        return;
      }
      case 'ObjectionRaised': {
        const d = e.data as Of<'ObjectionRaised'>;
        db.prepare(
          `INSERT OR IGNORE INTO award_round_objections (round_id, objection_id, nomination_id, objector, grounds, status, raised_at, raised_by) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
        ).run(d.roundId, d.objectionId, d.nominationId, JSON.stringify(d.objector), d.grounds, at, e.metadata.actor?.userId ?? null);
        return;
      }
      case 'ObjectionUpheld':
      case 'ObjectionDismissed': {
        const d = e.data as Of<'ObjectionUpheld'>;
        db.prepare('UPDATE award_round_objections SET status = ?, note = ?, resolved_at = ? WHERE round_id = ? AND objection_id = ?').run(
          e.type === 'ObjectionUpheld' ? 'upheld' : 'dismissed', d.note, at, d.roundId, d.objectionId,
        );
        return;
      }
      default: {
        const stage = STAGE_AFTER[e.type];
        if (!stage) return;
        const d = e.data as { roundId: string } & Partial<Of<'PublicNoticeStarted'>>;
        if (e.type === 'PublicNoticeStarted') {
          db.prepare('UPDATE award_rounds SET notice_starts_on = ?, notice_last_day = ?, notice_ends_at = ? WHERE round_id = ?').run(d.startsOn, d.lastDay, d.endsAt, d.roundId);
        }
        // Back to nominating: the old notice no longer stands (the round view shows none either).
        if (e.type === 'NominationsReopened') {
          db.prepare('UPDATE award_rounds SET notice_starts_on = NULL, notice_last_day = NULL, notice_ends_at = NULL WHERE round_id = ? AND position < ?').run(d.roundId, e.position);
        }
        // Stages only move forward; the position guard keeps a replayed event from moving one back.
        db.prepare('UPDATE award_rounds SET stage = ?, position = ? WHERE round_id = ? AND position < ?').run(stage, e.position, d.roundId, e.position);
      }
    }
  },
};
