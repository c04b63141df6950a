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
