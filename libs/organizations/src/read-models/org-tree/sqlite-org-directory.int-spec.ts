import { ReadModelDatabase } from '@jingsai/event-store';
import { recorded } from '@jingsai/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgTreeProjection } from './org-tree.projection';
import { SqliteOrgDirectory } from './sqlite-org-directory';

const registered = (orgId: string, name: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', {
    orgId,
    name,
    kind: parentPath.length < 2 ? 'committee' : 'union',
    level: ['city', 'county', 'enterprise'][parentPath.length]!,
    ownership: null,
    industry: null,
    region: null,
    parentId: parentPath[parentPath.length - 1] ?? null,
    parentPath,
  });

/**
 * The directory the service asks on its own connection, while the projection thread writes the
 * tree through another one (as a `cli rebuild` in another process would).
 */
describe('SqliteOrgDirectory', () => {
  let service: ReadModelDatabase;
  let projector: ReadModelDatabase;
  let directory: SqliteOrgDirectory;
  const apply = (...events: ReturnType<typeof registered>[] | ReturnType<typeof recorded>[]) =>
    projector.db.transaction(() => events.forEach((e) => orgTreeProjection.apply(e, projector.db)))();

  beforeEach(() => {
    const file = join(mkdtempSync(join(tmpdir(), 'org-directory-')), 'read-models.sqlite');
    projector = new ReadModelDatabase(file);
    projector.setUp([orgTreeProjection]);
    service = new ReadModelDatabase(file);
    directory = new SqliteOrgDirectory(service.db);
    apply(registered('jj', '九江市劳动竞赛委员会', []), registered('jj-xz', '浔阳区劳动竞赛委员会', ['jj']));
  });
  afterEach(() => {
    service.close();
    projector.close();
  });

  it('answers from the tree as another connection last committed it: a new unit, a rename, a rebuilt tree', () => {
    expect(directory.get('jj-xz')).toMatchObject({ name: '浔阳区劳动竞赛委员会', path: ['jj'] });
    expect(directory.get('jj-steel')).toBeUndefined();
    expect(directory.isWithin('jj-steel', 'jj')).toBe(false);

    apply(registered('jj-steel', '九江钢铁工会', ['jj', 'jj-xz']));
    expect(directory.get('jj-steel')).toMatchObject({ name: '九江钢铁工会', parentId: 'jj-xz', path: ['jj', 'jj-xz'] });
    expect(directory.isWithin('jj-steel', 'jj')).toBe(true);

    apply(recorded('OrganizationUpdated', { orgId: 'jj-xz', changes: { name: '浔阳区总工会' } }));
    expect(directory.get('jj-xz')?.name).toBe('浔阳区总工会');

    // A version change of the projection empties the tree and replays it.
    projector.db.transaction(() => {
      orgTreeProjection.reset(projector.db);
      orgTreeProjection.setup(projector.db);
    })();
    expect(directory.get('jj-xz')).toBeUndefined();
    apply(registered('jj', '九江市劳动竞赛委员会', []));
    expect(directory.get('jj')?.name).toBe('九江市劳动竞赛委员会');
    expect(directory.get('jj-steel')).toBeUndefined();
  });

  it('keeps a node it read while the tree stays the same, and hands it out frozen', () => {
    const node = directory.get('jj-xz')!;
    expect(Object.isFrozen(node) && Object.isFrozen(node.path)).toBe(true);
    // Changed behind the triggers' back, which only a test does: the kept node is still answered.
    projector.db.exec("DROP TRIGGER org_nodes_updated; UPDATE org_nodes SET name = 'x' WHERE org_id = 'jj-xz'");
    expect(directory.get('jj-xz')).toBe(node);
    expect(new SqliteOrgDirectory(service.db, 0).get('jj-xz')?.name).toBe('x');
  });

  it('keeps no miss on an id no registration can have (longer than 64 characters), which a request may send', () => {
    const long = 'x'.repeat(100_000);
    expect(directory.get(long)).toBeUndefined();
    expect(directory.get('jj')).toBeDefined();
    expect((directory as unknown as { kept: { size: number } }).kept.size).toBe(1);
  });

  it('reads every look-up from the file when the tree has no version table (an older file before its setup)', () => {
    projector.db.exec('DROP TRIGGER org_nodes_inserted; DROP TRIGGER org_nodes_updated; DROP TRIGGER org_nodes_deleted; DROP TABLE org_tree_version');
    expect(directory.get('jj-new')).toBeUndefined();
    projector.db.exec("INSERT INTO org_nodes SELECT 'jj-new', name, kind, level, ownership, industry, region, parent_id, '/jj/jj-new/', depth, registered_at, revision, position FROM org_nodes WHERE org_id = 'jj-xz'");
    expect(directory.get('jj-new')).toMatchObject({ orgId: 'jj-new', path: ['jj'] });
  });
});
