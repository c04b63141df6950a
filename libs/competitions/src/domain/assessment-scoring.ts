import { DomainError } from '@jingsai/shared';
import { Aggregation } from './campaign.catalogue';
import { AssessmentScheme } from './campaign-rules';
import { FieldProblem, problem } from './field-problem';
import { ConflictRelation } from './project-loop.catalogue';

/**
 * Rounds half away from zero to 2 decimals, on the decimal digits rather than the binary
 * float (so 84.335 → 84.34 and 1.005 → 1.01, where `Math.round(x * 100) / 100` gives 1).
 */
export function round2(x: number): number {
  return roundTo(x, 2);
}

function roundTo(x: number, digits: number): number {
  const abs = Math.abs(x);
  const text = String(abs);
  const shifted = text.includes('e') ? abs * 10 ** digits : Number(`${text}e${digits}`);
  return ((x < 0 ? -1 : 1) * Math.round(shifted)) / 10 ** digits || 0;
}

/** One assessor's counted total for one project, as normalisation reads it. */
export interface ScoreSheetTotal {
  projectId: string;
  assessorUserId: string;
  total: number;
}

/**
 * Per-assessor z-score normalisation, version 1 (`z_score_v1`; never change it, add a version):
 * over the sheets given (the counted sheets of a campaign's assessed projects), each assessor's
 * totals are standardised against that assessor's own mean and population standard deviation,
 * z = (total − mean) / sd, so a strict and a lenient assessor weigh alike; an assessor with one
 * sheet, or the same total on every sheet, says nothing about rank (z = 0). A project's
 * normalised score is the mean of its sheets' z, to 4 decimals (half away from zero). Sheets
 * are taken in (assessor, project) order, so the floating-point sums, and the ranking, are
 * the same however the sheets were read.
 */
export function zScoresV1(sheets: readonly ScoreSheetTotal[]): Map<string, number> {
  const ordered = [...sheets].sort((a, b) => cmp(a.assessorUserId, b.assessorUserId) || cmp(a.projectId, b.projectId));
  const byAssessor = new Map<string, ScoreSheetTotal[]>();
  for (const s of ordered) byAssessor.set(s.assessorUserId, [...(byAssessor.get(s.assessorUserId) ?? []), s]);
  const zs = new Map<string, number[]>();
  for (const own of byAssessor.values()) {
    const n = own.length;
    const mean = own.reduce((acc, s) => acc + s.total, 0) / n;
    const sd = Math.sqrt(own.reduce((acc, s) => acc + (s.total - mean) ** 2, 0) / n);
    for (const s of own) zs.set(s.projectId, [...(zs.get(s.projectId) ?? []), n > 1 && sd > 0 ? (s.total - mean) / sd : 0]);
  }
  const out = new Map<string, number>();
  for (const projectId of [...zs.keys()].sort(cmp)) {
    const list = zs.get(projectId)!;
    out.set(projectId, roundTo(list.reduce((a, b) => a + b, 0) / list.length, 4));
  }
  return out;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An assessor's weighted total: Σ score × weight / 100 over the scheme's criteria, rounded to
 * 2 decimals. Weights sum to 100, so the total is on the scheme's scale. The rounded figure is
 * the one shown, stored and combined, so anyone can recompute a published total by hand.
 */
export function weightedTotal(scheme: Pick<AssessmentScheme, 'criteria'>, scores: Record<string, number>): number {
  const sum = scheme.criteria.reduce((acc, c) => acc + (scores[c.key] ?? 0) * c.weight, 0);
  return round2(sum / 100);
}

export interface CombinedScores {
  /** Rounded to 2 decimals. */
  total: number;
  /** The totals that were averaged, in the order given. */
  totalsUsed: number[];
  /** The totals left out: for a trimmed mean one lowest then one highest. */
  dropped: number[];
}

/**
 * Combines assessors' totals by the campaign's rule: `mean`, or `trimmed_mean` (去掉一个最高分和
 * 一个最低分: drop ONE highest and ONE lowest, even if tied, then the mean of the rest; needs at
 * least 3). The result is rounded to 2 decimals (`round2`), once, at the end.
 *
 * Totals are never normalised: a campaign that ranks on per-assessor z-scores (`zScoresV1`)
 * does so beside them, in its statistics.
 */
export function combineScores(totals: number[], aggregation: Aggregation): CombinedScores {
  const need = aggregation === 'trimmed_mean' ? 3 : 1;
  if (totals.length < need) {
    throw DomainError.unprocessable(
      'PROJECT.NOT_ENOUGH_SCORES',
      `有效评分 ${totals.length} 份，${aggregation === 'trimmed_mean' ? '去掉最高分和最低分' : '计分'}至少需要 ${need} 份。`,
      `${totals.length} valid score(s); ${aggregation} needs at least ${need}.`,
      { have: totals.length, need },
    );
  }
  const used = [...totals];
  const dropped: number[] = [];
  if (aggregation === 'trimmed_mean') {
    const low = Math.min(...used);
    used.splice(used.indexOf(low), 1);
    const high = Math.max(...used);
    used.splice(used.indexOf(high), 1);
    dropped.push(low, high);
  }
  return { total: round2(used.reduce((a, b) => a + b, 0) / used.length), totalsUsed: used, dropped };
}

/** Spread (max − min) of the totals, to 2 decimals; 0 with fewer than two. */
/**
 * Disagreement between assessors (DOMAIN, judging fairness): the spread of the valid totals and
 * whether it is beyond the scheme's threshold, which makes the result need a review note.
 */
export function disagreementOf(totals: number[], threshold: number): { spread: number; threshold: number; flagged: boolean } {
  const spread = scoreSpread(totals);
  return { spread, threshold, flagged: spread > threshold };
}

export function scoreSpread(totals: number[]): number {
  return totals.length < 2 ? 0 : round2(Math.max(...totals) - Math.min(...totals));
}

export type ScoreSheetCode = 'PROJECT.UNKNOWN_CRITERION' | 'PROJECT.MISSING_CRITERION' | 'PROJECT.SCORE_OUT_OF_RANGE';

/**
 * What is wrong with a score sheet, every problem at once (unknown criteria first, then missing,
 * then out of range), each with a field problem naming the criterion; `code` is the first kind
 * found, `codes` every kind, so a form marks every field from one refusal.
 */
export function scoreSheetProblems(
  scheme: Pick<AssessmentScheme, 'criteria' | 'scale'>,
  scores: unknown,
): { code: ScoreSheetCode; codes: ScoreSheetCode[]; errors: FieldProblem[]; groups: Array<{ code: ScoreSheetCode; errors: FieldProblem[] }> } | null {
  const given = typeof scores === 'object' && scores !== null && !Array.isArray(scores) ? (scores as Record<string, unknown>) : {};
  const keys = scheme.criteria.map((c) => c.key);
  const groups: Array<{ code: ScoreSheetCode; errors: FieldProblem[] }> = [];
  const unknown = Object.keys(given).filter((k) => !keys.includes(k));
  if (unknown.length > 0) {
    groups.push({
      code: 'PROJECT.UNKNOWN_CRITERION',
      errors: unknown.map((k) => problem(`scores.${k}`, `评估方案中没有指标“${k}”，可评指标：${scheme.criteria.map((c) => c.name).join('、')}。`, `The scheme has no criterion "${k}"; score ${keys.join(', ')}.`)),
    });
  }
  const missing = scheme.criteria.filter((c) => !Object.hasOwn(given, c.key));
  if (missing.length > 0) {
    groups.push({ code: 'PROJECT.MISSING_CRITERION', errors: missing.map((c) => problem(`scores.${c.key}`, `请为“${c.name}”打分。`, `give a score for "${c.key}".`)) });
  }
  const { min, max } = scheme.scale;
  const outOfRange = scheme.criteria.filter((c) => {
    if (!Object.hasOwn(given, c.key)) return false;
    const v = given[c.key];
    return typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max;
  });
  if (outOfRange.length > 0) {
    groups.push({
      code: 'PROJECT.SCORE_OUT_OF_RANGE',
      errors: outOfRange.map((c) =>
        typeof given[c.key] === 'number'
          ? problem(`scores.${c.key}`, `“${c.name}”的得分应在 ${min}–${max} 之间。`, `The score for "${c.key}" must be between ${min} and ${max}.`)
          : problem(`scores.${c.key}`, `“${c.name}”的得分应为 ${min}–${max} 之间的数字（不加引号），收到的是 ${JSON.stringify(given[c.key])}。`, `The score for "${c.key}" must be a number between ${min} and ${max} (not quoted); got ${JSON.stringify(given[c.key])}.`),
      ),
    });
  }
  if (groups.length === 0) return null;
  return { code: groups[0]!.code, codes: groups.map((g) => g.code), errors: groups.flatMap((g) => g.errors), groups };
}

/**
 * How an assessor's organisation relates to the project's, or null if it does not: the same
 * organisation, an ancestor of it, or a descendant of it (判断利益冲突). Paths list ancestors,
 * root first; a path that also ends with the org itself is read the same way.
 */
export function conflictRelation(project: { orgId: string; orgPath: string[] }, assessor: { orgId: string; orgPath: string[] }): ConflictRelation | null {
  if (assessor.orgId === project.orgId) return 'same_org';
  if (project.orgPath.includes(assessor.orgId)) return 'ancestor';
  if (assessor.orgPath.includes(project.orgId)) return 'descendant';
  return null;
}
