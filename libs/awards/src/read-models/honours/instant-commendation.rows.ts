import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { HonourLevel, shanghaiDateOf } from '../../application/award-domain';

/*
 * 即时表彰 in the honours register. A committee gives them at a project's milestone, outside any
 * round (competitions' InstantCommendationGiven). The register keeps the two facts it needs to
 * show one beside round honours, from the same log, so it is rebuilt on its own: each
 * organisation's kind and level (the level of the giving committee is the honour's level) and
 * each project's organisation (a recipient named without an organisation belongs to it).
 */

const HONOUR_LEVEL_OF_ORG: Record<string, HonourLevel> = { province: 'provincial', city: 'city', county: 'county', enterprise: 'enterprise', team: 'enterprise' };

export const INSTANT_COMMENDATION_EVENTS = ['OrganizationRegistered', 'ProjectDrafted', 'InstantCommendationGiven', 'InstantCommendationStatusChanged'];

export const INSTANT_COMMENDATION_DDL = `
  CREATE TABLE IF NOT EXISTS award_honour_orgs (org_id TEXT PRIMARY KEY, kind TEXT NOT NULL, level TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS award_honour_projects (project_id TEXT PRIMARY KEY, org_id TEXT NOT NULL);
`;

/** The honour id of an instant commendation: never the same as a round's `<roundId>/<nominationId>`. */
export const instantHonourIdOf = (projectId: string, commendationId: string): string => `instant/${projectId}/${commendationId}`;

interface Recipient {
  kind: string;
  name: string;
  orgId?: string | null;
  id?: string;
}

/** Applies one of INSTANT_COMMENDATION_EVENTS; idempotent like the rest of the register. */
export function applyInstantCommendationEvent(e: RecordedEvent, db: Database): void {
  const d = e.data as Record<string, any>;
  switch (e.type) {
    case 'OrganizationRegistered':
      db.prepare('INSERT OR IGNORE INTO award_honour_orgs (org_id, kind, level) VALUES (?, ?, ?)').run(d.orgId, d.kind, d.level);
      return;
    case 'ProjectDrafted':
      db.prepare('INSERT OR IGNORE INTO award_honour_projects (project_id, org_id) VALUES (?, ?)').run(d.projectId, d.orgId);
      return;
    case 'InstantCommendationGiven': {
      const recipient = d.recipient as Recipient;
      const org = (id: string | null | undefined) => (id ? (db.prepare('SELECT kind, level FROM award_honour_orgs WHERE org_id = ?').get(id) as { kind: string; level: string } | undefined) : undefined);
      const project = db.prepare('SELECT org_id FROM award_honour_projects WHERE project_id = ?').get(d.projectId) as { org_id: string } | undefined;
      const giver = org(e.metadata.actor.orgId);
      // A team named by its own registered organisation is that recipient, a person named with an
      // id is that person; otherwise there is no id to match a later nomination against.
      const recipientId = recipient.kind === 'team' && org(recipient.orgId)?.kind === 'team' ? recipient.orgId! : (recipient.id ?? null);
      const honourId = instantHonourIdOf(d.projectId, d.commendationId);
      db.prepare(
        `INSERT OR IGNORE INTO award_honours (honour_id, source_kind, round_id, nomination_id, project_id, milestone_id, given_by_org_id,
           recipient_kind, recipient_id, recipient_name, recipient_org_id, award_type, level, pool, conferred_on, source_honour_id, status, status_changed_at, position)
         VALUES (?, 'milestone', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, 'instant', ?, NULL, ?, NULL, 'valid', ?, ?)`,
      ).run(
        honourId, d.projectId, d.milestoneId, e.metadata.actor.orgId, recipient.kind, recipientId, recipient.name, recipient.orgId ?? project?.org_id ?? null,
        giver ? (HONOUR_LEVEL_OF_ORG[giver.level] ?? null) : null, shanghaiDateOf(e.metadata.occurredAt), e.metadata.occurredAt, e.position,
      );
      db.prepare(
        'INSERT OR IGNORE INTO award_honour_history (honour_id, position, event_type, status, reason, mode, at, actor_user_id, actor_role) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)',
      ).run(honourId, e.position, e.type, 'valid', d.citation ?? null, e.metadata.occurredAt, e.metadata.actor.userId, e.metadata.actor.role);
      return;
    }
    case 'InstantCommendationStatusChanged': {
      // As a round's honour changes: revoked stays revoked, and an event already applied changes nothing.
      const honourId = instantHonourIdOf(d.projectId, d.commendationId);
      const changed = db
        .prepare("UPDATE award_honours SET status = ?, status_changed_at = ?, position = ? WHERE honour_id = ? AND status != 'revoked' AND position < ?")
        .run(d.status, e.metadata.occurredAt, e.position, honourId, e.position);
      if (changed.changes === 0) return;
      db.prepare(
        'INSERT OR IGNORE INTO award_honour_history (honour_id, position, event_type, status, reason, mode, at, actor_user_id, actor_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(honourId, e.position, e.type, d.status, d.reason ?? null, d.mode ?? null, e.metadata.occurredAt, e.metadata.actor.userId, e.metadata.actor.role);
      return;
    }
  }
}
