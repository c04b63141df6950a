import { OrgDirectory } from './org-directory';

/** Whose rows a list holds: everything, an organisation's subtree, one organisation, or an assessor's assignments. */
export type ScopeOfRows = { kind: 'all' } | { kind: 'subtree'; orgId: string } | { kind: 'org'; orgId: string } | { kind: 'assessor' };

/**
 * The same said in the answer (`scope`), so a reader never takes part of the rows for all of them:
 * `{ kind, orgId, orgName, labelZh }`, e.g. 浔阳区劳动竞赛委员会及所属单位.
 */
export function describeScope(scope: ScopeOfRows, orgs: OrgDirectory) {
  if (scope.kind === 'all') return { kind: 'all' as const, orgId: null, orgName: null, labelZh: '全部' };
  if (scope.kind === 'assessor') return { kind: 'assessor' as const, orgId: null, orgName: null, labelZh: '指派给本人评审的项目' };
  const orgName = orgs.get(scope.orgId)?.name ?? null;
  return { kind: scope.kind, orgId: scope.orgId, orgName, labelZh: scope.kind === 'org' ? '本单位' : `${orgName ?? scope.orgId}及所属单位` };
}
