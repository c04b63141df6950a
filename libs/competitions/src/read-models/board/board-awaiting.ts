/**
 * Whose move it is, as SQL over a board row (the board's generated columns awaits_committee
 * and awaits_unit). A submission awaits the committee of its next approval level; these await
 * the committee at any level in scope.
 *
 * Written with `=` and OR, not `status IN (…)`: in a generated column SQLite builds the IN list's
 * lookup table again for every row it computes, which made reading or updating a board row
 * about ten times slower.
 */
const statusIs = (...statuses: string[]) => `(${statuses.map((s) => `status = '${s}'`).join(' OR ')})`;

const OPEN_LOOP = statusIs('in_progress', 'under_assessment', 'assessed', 'summary_submitted');

/** Scores complete and awaiting finalisation, a summary to accept, rectifications to review. */
export const AWAITING_COMMITTEE = `((status = 'under_assessment' AND pending_assessors = '[]') OR status = 'summary_submitted' OR (findings_to_review > 0 AND ${OPEN_LOOP}))`;

/** Drafts and returned applications, the summary once assessed, findings to rectify, overdue reports. */
export const AWAITING_UNIT = `(${statusIs('draft', 'returned', 'assessed')} OR ((open_findings > 0 OR overdue_periods <> '[]') AND ${OPEN_LOOP}))`;

const OPEN_LOOP_STATUSES = ['in_progress', 'under_assessment', 'assessed', 'summary_submitted'];

/** The board row's columns {@link stepOwner} reads. */
export interface StepOwnerRow {
  status: string;
  org_path: string;
  pending_assessors: string;
  assessment_opened_by: string | null;
  findings_to_review: number;
  findings_awaiting: string;
  finding_inspectors: string;
}

/**
 * Whose step a row awaiting "a committee" ('*', {@link AWAITING_COMMITTEE}) is, as the column
 * step_owner keeps it: '' when any committee over the project may take it (a summary, which any
 * of them may return; a step recorded before its owner was), else the deepest on the project's
 * path of the committees that own a step waiting: the one that opened the assessment (its
 * finalisation), the ones that inspected (their rectifications). Every owner is on the path, so a
 * caller on it owns a step exactly when the deepest is at or below it. Null when the row awaits
 * no such step.
 */
export function stepOwner(row: StepOwnerRow): string | null {
  if (row.status === 'summary_submitted') return '';
  const owners: string[] = [];
  if (row.status === 'under_assessment' && row.pending_assessors === '[]') owners.push(row.assessment_opened_by ?? '');
  if (row.findings_to_review > 0 && OPEN_LOOP_STATUSES.includes(row.status) && row.findings_awaiting !== '[]') {
    const inspectors = JSON.parse(row.finding_inspectors) as Record<string, string>;
    owners.push(...(JSON.parse(row.findings_awaiting) as string[]).map((f) => inspectors[f] ?? ''));
  }
  if (owners.length === 0) return null;
  if (owners.includes('')) return '';
  const depth = (orgId: string) => row.org_path.indexOf(`/${orgId}/`);
  return owners.reduce((deepest, o) => (depth(o) > depth(deepest) ? o : deepest));
}

/**
 * SQL over a board row: whether a '*' row's step is the caller's (both parameters: `/callerId/`),
 * from step_owner; in the awaiting index, so a committee's page and count stay on index entries.
 * The caller is on the project's path (a committee's scope is its subtree; one who also holds the
 * admin role reads every row, and is not every committee, review 56 #9).
 */
export const STEP_IS_CALLERS = "(instr(org_path, ?) > 0 AND (coalesce(step_owner, '') = '' OR instr(org_path, '/' || step_owner || '/') >= instr(org_path, ?)))";
