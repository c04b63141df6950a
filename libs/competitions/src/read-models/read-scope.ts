/**
 * Whose rows the caller may read: all (admin), a subtree (committee, auditor …), one
 * organisation (unit). A subtree's `path` is the materialised path of its root
 * (`/root/…/orgId/`) when the organisation is registered.
 */
export type ReadScope = { kind: 'all' } | { kind: 'subtree'; orgId: string; path?: string } | { kind: 'org'; orgId: string };

/**
 * Rows of a subtree. With the root's path known this is a range on the path column, which an
 * index answers; a substring test (the fallback) reads every row.
 */
export function subtreeClause(column: string, orgId: string, path?: string): [string, ...string[]] {
  // '0' is the character after '/': every path below `/a/b/` sorts in [`/a/b/`, `/a/b0`).
  if (path) return [`${column} >= ? AND ${column} < ?`, path, `${path.slice(0, -1)}0`];
  return [`instr(${column}, ?) > 0`, `/${orgId}/`];
}

/** Collects WHERE clauses and their arguments. */
export class Where {
  readonly clauses: string[] = [];
  readonly args: unknown[] = [];

  add(clause: string, ...values: unknown[]): this {
    this.clauses.push(clause);
    this.args.push(...values);
    return this;
  }

  /** Rows whose materialised org path (`/root/…/self/`) lies in the scope; `orgId` narrows to a subtree. */
  scope(scope: ReadScope, orgId?: string, pathColumn = 'org_path', orgColumn = 'org_id'): this {
    if (scope.kind === 'subtree') this.add(...subtreeClause(pathColumn, scope.orgId, scope.path));
    if (scope.kind === 'org') this.add(`${orgColumn} = ?`, scope.orgId);
    if (orgId) this.add(`instr(${pathColumn}, ?) > 0`, `/${orgId}/`);
    return this;
  }

  get sql(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Ancestor ids (root first) from a materialised path that ends with the organisation itself. */
export const ancestorsOf = (path: string): string[] => path.split('/').filter(Boolean).slice(0, -1);
