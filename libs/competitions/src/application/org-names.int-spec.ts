import Database from 'better-sqlite3';
import { orgTreeProjection, SqliteOrgDirectory } from '@jingsai/organizations';
import { withOrgNames } from './read-scope';

describe('SqliteOrgDirectory names', () => {
  const db = new Database(':memory:');
  orgTreeProjection.setup(db);
  const add = db.prepare(
    "INSERT INTO org_nodes (org_id, name, kind, level, parent_id, path, depth, registered_at, revision, position) VALUES (?, ?, 'union', 'city', NULL, ?, 0, '2025-01-01', 0, 1)",
  );
  add.run('jiujiang', '九江市总工会', '/jiujiang/');
  add.run('xunyang', '浔阳区总工会', '/jiujiang/xunyang/');
  const orgs = new SqliteOrgDirectory(db);

  it('names the organisations it holds, in one look-up, and leaves out the ones it does not', () => {
    expect(orgs.names(['xunyang', 'nowhere', 'jiujiang', 'xunyang'])).toEqual(new Map([['jiujiang', '九江市总工会'], ['xunyang', '浔阳区总工会']]));
    expect(orgs.names([])).toEqual(new Map());
  });

  it('puts the name next to every row, null for an organisation not in the tree, with or without a batched directory', () => {
    const rows = [{ orgId: 'xunyang', n: 1 }, { orgId: 'gone', n: 2 }, { orgId: 'xunyang', n: 3 }];
    const expected = [{ orgId: 'xunyang', n: 1, orgName: '浔阳区总工会' }, { orgId: 'gone', n: 2, orgName: null }, { orgId: 'xunyang', n: 3, orgName: '浔阳区总工会' }];
    expect(withOrgNames(orgs, rows)).toEqual(expected);
    const onlyGet = { get: (id: string) => orgs.get(id), isWithin: () => true };
    expect(withOrgNames(onlyGet, rows)).toEqual(expected);
    expect(withOrgNames(orgs, [{ key: 'jiujiang', count: 4 }], 'key')).toEqual([{ key: 'jiujiang', count: 4, orgName: '九江市总工会' }]);
  });
});
