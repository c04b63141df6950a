import { OrgDirectory, OrgNode } from '@jingsai/auth';
import type { Database, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';

interface OrgRow {
  org_id: string;
  name: string;
  kind: string;
  level: string;
  ownership: string | null;
  industry: string | null;
  region: string | null;
  parent_id: string | null;
  path: string;
  revision: number;
}

export interface OrgNodeView extends OrgNode {
  revision: number;
}

export function toOrgNode(r: OrgRow): OrgNodeView {
  const ids = r.path.split('/').filter(Boolean);
  return {
    orgId: r.org_id,
    name: r.name,
    kind: r.kind,
    level: r.level,
    ownership: r.ownership,
    industry: r.industry,
    region: r.region,
    parentId: r.parent_id,
    path: ids.slice(0, -1),
    revision: r.revision,
  };
}

const MAX_KEPT_ID = 64;
const KEPT_FOR_MS = 10_000;

/** A node found, or `null` for an id the tree does not hold. */
type Known = { node: OrgNodeView | null };

/**
 * The organisation directory on the org_tree read model. Every command and query asks it
 * about an organisation or two, and a row read from the read-model file cost 10–60 µs: the
 * projection thread's commits empty this connection's page cache. So the nodes read are kept,
 * frozen, while the tree's version (a one-row table its triggers move on every change) stays
 * the same; a look-up then costs the version's read. A node is read after the version it is
 * kept under, so it is never older than the tree that version names.
 */
export class SqliteOrgDirectory implements OrgDirectory {
  private byId?: Statement;
  private versionOf?: Statement<[], number>;
  private namesOf?: Statement<[string], [string, string]>;
  private byName?: Statement<[string], string>;
  private readonly kept: LRUCache<string, Known>;
  private keptVersion: number | undefined;
  private keptSince = 0;

  /** `keep`: how many organisations are held in memory (0 reads every look-up from the file). */
  constructor(
    private readonly db: Database,
    private readonly keep = 20_000,
  ) {
    this.kept = new LRUCache<string, Known>({ max: Math.max(1, keep) });
  }

  get(orgId: string): OrgNodeView | undefined {
    const version = this.keep > 0 ? this.version() : undefined;
    // Also emptied every 10 s: a file whose triggers another build's rebuild dropped (the version then
    // stands still) is served stale for that long at most, not until a restart.
    const now = Date.now();
    if (version !== this.keptVersion || version === undefined || now - this.keptSince > KEPT_FOR_MS) {
      this.kept.clear();
      this.keptVersion = version;
      this.keptSince = now;
    }
    const known = version === undefined ? undefined : this.kept.get(orgId);
    if (known) return known.node ?? undefined;
    this.byId ??= this.db.prepare('SELECT * FROM org_nodes WHERE org_id = ?');
    const row = this.byId.get(orgId) as OrgRow | undefined;
    const node = row ? freeze(toOrgNode(row)) : null;
    // Only an id a registration can have is kept (1–64 characters, CLIENT_ID_PATTERN): ids come from
    // requests, and a miss on a megabyte of one must not stay in memory.
    if (version !== undefined && orgId.length <= MAX_KEPT_ID) this.kept.set(orgId, { node });
    return node ?? undefined;
  }

  /** The tree's change count, or undefined (nothing is kept) on a file the projection's setup has not reached. */
  private version(): number | undefined {
    try {
      // Plucked on each call, as the read models' change stamp is: a statement of the same text may be shared.
      this.versionOf ??= this.db.prepare<[], number>('SELECT version FROM org_tree_version WHERE id = 1');
      return this.versionOf.pluck().get();
    } catch {
      return undefined;
    }
  }

  /** One statement for a page's organisations: 40 single look-ups cost 650 µs, this 280 µs at 10^7 events. */
  names(orgIds: readonly string[]): Map<string, string> {
    if (orgIds.length === 0) return new Map();
    this.namesOf ??= this.db.prepare<[string], [string, string]>('SELECT org_id, name FROM org_nodes WHERE org_id IN (SELECT value FROM json_each(?))').raw(true);
    return new Map(this.namesOf.all(JSON.stringify(orgIds)));
  }

  /** Organisations registered under exactly this name (a name typed where an id was not given). */
  named(name: string): OrgNodeView[] {
    this.byName ??= this.db.prepare<[string], string>('SELECT org_id FROM org_nodes WHERE name = ? ORDER BY org_id LIMIT 10').pluck();
    return this.byName.all(name).flatMap((id) => this.get(id) ?? []);
  }

  roots(): string[] {
    return this.db.prepare('SELECT org_id FROM org_nodes WHERE parent_id IS NULL ORDER BY org_id').pluck().all() as string[];
  }

  isWithin(orgId: string, ancestorId: string): boolean {
    if (orgId === ancestorId) return this.get(orgId) !== undefined;
    const node = this.get(orgId);
    return node !== undefined && node.path.includes(ancestorId);
  }
}

function freeze(node: OrgNodeView): OrgNodeView {
  Object.freeze(node.path);
  return Object.freeze(node);
}
