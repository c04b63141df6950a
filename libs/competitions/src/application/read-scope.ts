import { AuthUser, OrgDirectory, requireSameOrg, requireWithinScope } from '@jingsai/auth';
import { ReadScope } from '../read-models/read-scope';

/**
 * The rows a caller may read: everything for an administrator, the own organisation for a
 * unit, the subtree of the caller's organisation for everyone else. A narrower `orgId` asked
 * for must lie in that scope.
 */
export function readScopeOf(user: AuthUser, orgs: OrgDirectory, orgId?: string): ReadScope {
  const isAdmin = user.roles.includes('admin');
  const unitOnly = user.roles.includes('unit') && !user.roles.includes('committee') && !isAdmin;
  if (orgId && !isAdmin) {
    if (unitOnly) requireSameOrg(user.orgId, orgId);
    else requireWithinScope(orgs, user.orgId, orgId);
  }
  if (isAdmin) return { kind: 'all' };
  if (unitOnly) return { kind: 'org', orgId: user.orgId };
  const node = orgs.get(user.orgId);
  return { kind: 'subtree', orgId: user.orgId, path: node ? `/${[...node.path, user.orgId].join('/')}/` : undefined };
}

/**
 * Whose projects a caller's project lists hold: an assessor (and nothing else) the ones assigned to
 * them, as their board shows; anyone else the organisations of their scope (`readScopeOf`).
 */
export function projectScopeOf(user: AuthUser, orgs: OrgDirectory, orgId?: string): ReadScope | { kind: 'assessor'; userId: string } {
  const assessorOnly = user.roles.includes('assessor') && !user.roles.some((r) => r === 'admin' || r === 'committee' || r === 'unit');
  return assessorOnly ? { kind: 'assessor', userId: user.userId } : readScopeOf(user, orgs, orgId);
}

/** Organisation names next to ids, for people who read them; an unknown organisation is named null. */
export function withOrgNames<T extends { orgId?: string; key?: string }>(orgs: OrgDirectory, rows: T[], field: 'orgId' | 'key' = 'orgId') {
  const ids = rows.map((r) => String(r[field] ?? ''));
  const names = orgNames(orgs, ids);
  return rows.map((r, i) => ({ ...r, orgName: names.get(ids[i]!) ?? null }));
}

/** Names of organisations by id: a page names the same few over and over, so each is looked up once, all together where the directory can. */
export function orgNames(orgs: OrgDirectory, ids: readonly string[]): ReadonlyMap<string, string> {
  const unique = [...new Set(ids)];
  return orgs.names?.(unique) ?? new Map(unique.flatMap((id) => { const name = orgs.get(id)?.name; return name === undefined ? [] : [[id, name] as const]; }));
}
