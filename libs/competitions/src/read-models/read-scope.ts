/** Whose rows the caller may read: all (admin), a subtree (committee, auditor …), one organisation (unit). */
export type ReadScope = { kind: 'all' } | { kind: 'subtree'; orgId: string } | { kind: 'org'; orgId: string };

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
    if (scope.kind === 'subtree') this.add(`instr(${pathColumn}, ?) > 0`, `/${scope.orgId}/`);
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
