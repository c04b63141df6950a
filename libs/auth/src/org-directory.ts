import { DomainError } from '@jingsai/shared';

/** What scope checks need to know about an organisation. */
export interface OrgNode {
  orgId: string;
  name: string;
  kind: string;
  level: string;
  ownership: string | null;
  industry: string | null;
  region: string | null;
  parentId: string | null;
  /** Ancestor ids from the root down to the parent. */
  path: string[];
}

/**
 * The organisation tree as the read model knows it. "Is X under Y" must be fast: every
 * command and query asks it.
 */
export interface OrgDirectory {
  get(orgId: string): OrgNode | undefined;
  /** True when `orgId` is `ancestorId` or lies in its subtree. */
  isWithin(orgId: string, ancestorId: string): boolean;
  /** Organisations with no parent (the heads of the trees held). */
  roots?(): string[];
  /** Names of the organisations found among `orgIds`, in one look-up (a page names dozens). */
  names?(orgIds: readonly string[]): Map<string, string>;
  /** Organisations registered under exactly this name. */
  named?(name: string): OrgNode[];
}

export const ORG_DIRECTORY = Symbol('ORG_DIRECTORY');

/**
 * Whether `orgId` heads the only tree the directory holds: its auditor reads everything. The head
 * of one tree among several (another province registered alongside) still reads only its own.
 */
export function headsTheOnlyTree(directory: OrgDirectory, orgId: string): boolean {
  if (directory.get(orgId)?.parentId !== null) return false;
  const roots = directory.roots?.() ?? [orgId];
  return roots.length === 1 && roots[0] === orgId;
}

/** Refuse unless `targetOrgId` lies within the caller's organisation subtree; an organisation nobody registered is a 404, not out of scope. */
export function requireWithinScope(directory: OrgDirectory, callerOrgId: string, targetOrgId: string, what = 'organisation'): void {
  if (!directory.isWithin(targetOrgId, callerOrgId)) {
    if (!directory.get(targetOrgId)) {
      throw DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${targetOrgId} 尚未登记，请检查组织编号。`, `Organisation ${targetOrgId} is not registered; check the id.`, { orgId: targetOrgId });
    }
    throw DomainError.forbidden(
      'AUTH.OUT_OF_SCOPE',
      '该对象不在您所在组织的管辖范围内，无权操作。',
      `This ${what} is outside your organisation's scope.`,
      { yourOrgId: callerOrgId, targetOrgId },
    );
  }
}

/** Refuse unless the caller acts for exactly this organisation (units act only for themselves). */
export function requireSameOrg(callerOrgId: string, targetOrgId: string): void {
  if (callerOrgId !== targetOrgId) {
    throw DomainError.forbidden(
      'AUTH.NOT_YOUR_ORGANISATION',
      '参赛单位只能为本单位办理此事项。',
      'A participating unit may act only for its own organisation.',
      { yourOrgId: callerOrgId, targetOrgId },
    );
  }
}
