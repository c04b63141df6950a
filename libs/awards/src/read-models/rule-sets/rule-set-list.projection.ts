import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { RuleSetVersionPublished } from '../../application/award-domain';

/** Every published rule-set version (规则集), for the list and for eligibility queries. */
export const ruleSetListProjection: Projection = {
  name: 'award_rule_sets',
  version: 1,
  eventTypes: ['RuleSetVersionPublished'],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS award_rule_set_versions (
        rule_set_id TEXT NOT NULL, version INTEGER NOT NULL, citation TEXT NOT NULL, year INTEGER NOT NULL,
        content TEXT NOT NULL, published_at TEXT NOT NULL, published_by TEXT NOT NULL, position INTEGER NOT NULL,
        PRIMARY KEY (rule_set_id, version)
      );
    `);
  },
  reset(db: Database) {
    db.exec('DROP TABLE IF EXISTS award_rule_set_versions;');
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type !== 'RuleSetVersionPublished') return;
    const { ruleSetId, version, ...content } = (event as unknown as RecordedEvent<RuleSetVersionPublished>).data;
    db.prepare(
      'INSERT OR IGNORE INTO award_rule_set_versions (rule_set_id, version, citation, year, content, published_at, published_by, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(ruleSetId, version, content.citation, content.year, JSON.stringify(content), event.metadata.occurredAt, event.metadata.actor.userId, event.position);
  },
};
