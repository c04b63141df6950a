import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { RuleSetContent } from '../../application/award-domain';

interface VersionRow {
  rule_set_id: string;
  version: number;
  citation: string;
  year: number;
  content: string;
  published_at: string;
  published_by: string;
}

/** Rule sets with their latest version, newest year first. */
export function listRuleSets(db: Database, f: { year?: number; limit: number; offset: number }) {
  const where = f.year === undefined ? '' : 'WHERE v.year = ?';
  const args: unknown[] = f.year === undefined ? [] : [f.year];
  const latest = `FROM award_rule_set_versions v JOIN (SELECT rule_set_id, MAX(version) AS latest, COUNT(*) AS versions FROM award_rule_set_versions GROUP BY rule_set_id) m
    ON m.rule_set_id = v.rule_set_id AND m.latest = v.version ${where}`;
  const [total, rows] = readTogether(db, () => [
    (db.prepare(`SELECT COUNT(*) AS n ${latest}`).get(...args) as { n: number }).n,
    db.prepare(`SELECT v.*, m.versions ${latest} ORDER BY v.year DESC, v.rule_set_id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as Array<VersionRow & { versions: number }>,
  ] as const);
  return {
    items: rows.map((r) => ({ ruleSetId: r.rule_set_id, latestVersion: r.version, versions: r.versions, citation: r.citation, year: r.year, publishedAt: r.published_at })),
    total,
    limit: f.limit,
    offset: f.offset,
  };
}

/** One version's content (the latest when `version` is omitted), or undefined. */
export function ruleSetVersionContent(db: Database, ruleSetId: string, version?: number): (RuleSetContent & { ruleSetId: string; version: number }) | undefined {
  const row = (
    version === undefined
      ? db.prepare('SELECT * FROM award_rule_set_versions WHERE rule_set_id = ? ORDER BY version DESC LIMIT 1').get(ruleSetId)
      : db.prepare('SELECT * FROM award_rule_set_versions WHERE rule_set_id = ? AND version = ?').get(ruleSetId, version)
  ) as VersionRow | undefined;
  return row ? { ruleSetId: row.rule_set_id, version: row.version, ...(JSON.parse(row.content) as RuleSetContent) } : undefined;
}
