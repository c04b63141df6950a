import { MAX_CLIENT_ID_LENGTH } from '@jingsai/shared';
import { Label } from '../catalogue/award-catalogue';
import { AttributePredicate, NomineeAttributes, SpecProblem, describePredicate, matchesPredicate, validatePredicate } from './attribute-predicate';
import { NOMINEE_ATTRIBUTES } from './nominee-attributes';

/**
 * A structural ratio (结构比例) over the whole slate: the share of nominees matching `where`
 * among those matching `denominator` ('all' = the whole slate) must be `op` `percent`.
 * Enterprise heads ≤ 22% of enterprise employees is `{ where: head, op: '<=', percent: 22,
 * denominator: { attribute: 'enterpriseEmployee' } }`: only nominees in the denominator count
 * towards the numerator.
 */
export interface RatioSpec {
  key: string;
  label: Label;
  where: AttributePredicate;
  op: '>=' | '<=';
  percent: number;
  denominator: 'all' | AttributePredicate;
}

export interface RatioResult {
  key: string;
  label: Label;
  op: '>=' | '<=';
  /** The required percentage. */
  required: number;
  /** The actual percentage, rounded to one decimal. */
  actual: number;
  numerator: number;
  denominator: number;
  met: boolean;
  /**
   * Nominees on the list who do not state an attribute the ratio reads, which the award office
   * should know rather than guess (review 54 #4): those in its base who leave out what it counts
   * are counted as not matching; for a nested base (enterprise employees), those who leave out
   * what the base reads are left out of it (review 56 #3). Absent when every nominee states them.
   */
  unstated?: { count: number; attributes: string[]; noteZh: string; noteEn: string };
}

const stated = (attributes: NomineeAttributes, attribute: string) => attributes[attribute] !== undefined && attributes[attribute] !== null;
const namedZh = (attribute: string) => `“${NOMINEE_ATTRIBUTES[attribute]?.label.zh ?? attribute}”（attributes.${attribute}）`;

/**
 * What one nominee leaves out that a ratio reads, as the slate counts it (review 56 #3, 57 #3): a
 * nested base's attribute keeps the nominee out of the base ('base'); the counted one, for a
 * nominee in the base, counts as not matching ('counted'). Null when it touches the ratio not.
 */
function leftOut(r: RatioSpec, attributes: NomineeAttributes): { attribute: string; role: 'base' | 'counted' } | null {
  if (r.denominator !== 'all' && !stated(attributes, r.denominator.attribute)) return { attribute: r.denominator.attribute, role: 'base' };
  if ((r.denominator === 'all' || matchesPredicate(r.denominator, attributes)) && !stated(attributes, r.where.attribute)) return { attribute: r.where.attribute, role: 'counted' };
  return null;
}

/**
 * What a nominee leaves out that the round's ratios read, as a note for the nomination's answer,
 * which the award office should hear when it nominates, not when the public notice is refused
 * for a ratio (review 54 #4). Each ratio is read as the slate reads it (review 57 #3): a base's
 * attribute left out keeps the nominee out of that base; the counted attribute left out counts as
 * not matching, for a nominee in the base. A nomination's attributes are not amended later
 * (review 56 #1), so it says so. Undefined when nothing left out touches a ratio.
 */
export function unstatedRatioNote(ratios: readonly RatioSpec[], attributes: NomineeAttributes): { zh: string; en: string } | undefined {
  const outOfBase = new Set<string>();
  const notCounted = new Set<string>();
  for (const r of ratios) {
    const out = leftOut(r, attributes);
    if (out) (out.role === 'base' ? outOfBase : notCounted).add(out.attribute);
  }
  if (outOfBase.size === 0 && notCounted.size === 0) return undefined;
  const zh = [
    ...(notCounted.size > 0 ? [`未填写${[...notCounted].map(namedZh).join('、')}，统计比例时按不符合计`] : []),
    ...(outOfBase.size > 0 ? [`未填写${[...outOfBase].map(namedZh).join('、')}，未计入相应比例的基数`] : []),
  ];
  const en = [
    ...(notCounted.size > 0 ? [`it does not state ${[...notCounted].map((a) => `attributes.${a}`).join(', ')}, so it counts as not matching`] : []),
    ...(outOfBase.size > 0 ? [`it does not state ${[...outOfBase].map((a) => `attributes.${a}`).join(', ')}, so it is left out of the base`] : []),
  ];
  return {
    zh: `本轮结构比例：本次推荐${zh.join('；')}（推荐提交后不能补填）。`,
    en: `The round's structure ratios: ${en.join('; ')} (a nomination's attributes are not amended later).`,
  };
}

/** The ratio's note on nominees who leave out what it reads (see {@link RatioResult.unstated}). */
function unstatedOf(r: RatioSpec, nominees: ReadonlyArray<{ attributes: NomineeAttributes }>): RatioResult['unstated'] {
  const base = r.denominator === 'all' ? null : r.denominator;
  const outs = nominees.map((n) => leftOut(r, n.attributes));
  const outOfBase = outs.filter((o) => o?.role === 'base');
  const notCounted = outs.filter((o) => o?.role === 'counted');
  if (outOfBase.length === 0 && notCounted.length === 0) return undefined;
  const zh = [
    ...(notCounted.length > 0 ? [`${notCounted.length} 名人选未填写${namedZh(r.where.attribute)}，按不符合计`] : []),
    ...(base && outOfBase.length > 0 ? [`${outOfBase.length} 名人选未填写${namedZh(base.attribute)}，未计入比例基数`] : []),
  ];
  const en = [
    ...(notCounted.length > 0 ? [`${notCounted.length} nominee(s) do not state attributes.${r.where.attribute}, counted as not matching`] : []),
    ...(base && outOfBase.length > 0 ? [`${outOfBase.length} nominee(s) do not state attributes.${base.attribute}, left out of the base`] : []),
  ];
  return {
    count: outOfBase.length + notCounted.length,
    attributes: [...(notCounted.length > 0 ? [r.where.attribute] : []), ...(base && outOfBase.length > 0 ? [base.attribute] : [])],
    noteZh: `${zh.join('；')}。`,
    noteEn: `${en.join('; ')}.`,
  };
}

/**
 * Checks every ratio over the whole list of nominees. Whether a ratio is met is decided on exact
 * counts, not on the rounded percentage. An empty denominator meets a cap ('<=') and misses a
 * floor ('>=') unless the floor is 0%.
 */
export function checkSlate(ratios: readonly RatioSpec[], nominees: ReadonlyArray<{ attributes: NomineeAttributes }>): RatioResult[] {
  return ratios.map((r) => {
    const inDenominator = nominees.filter((n) => r.denominator === 'all' || matchesPredicate(r.denominator, n.attributes));
    const numerator = inDenominator.filter((n) => matchesPredicate(r.where, n.attributes)).length;
    const denominator = inDenominator.length;
    const actual = denominator === 0 ? 0 : Math.round((numerator * 1000) / denominator) / 10;
    const met =
      denominator === 0
        ? r.op === '<=' || r.percent === 0
        : r.op === '>='
          ? numerator * 100 >= r.percent * denominator
          : numerator * 100 <= r.percent * denominator;
    const unstated = unstatedOf(r, nominees);
    return { key: r.key, label: r.label, op: r.op, required: r.percent, actual, numerator, denominator, met, ...(unstated ? { unstated } : {}) };
  });
}

/** The ratios that are not met, in a form to put on a refusal. */
export function unmetRatios(results: readonly RatioResult[]): RatioResult[] {
  return results.filter((r) => !r.met);
}

/** One line per ratio, e.g. `migrant_workers: 8.3% (1/12) ≥ 10% required`. */
export function describeRatioResult(r: RatioResult): string {
  return `${r.key}: ${r.actual}% (${r.numerator}/${r.denominator}) ${r.op} ${r.required}% required`;
}

export function describeRatio(r: RatioSpec): string {
  const of = r.denominator === 'all' ? 'all' : describePredicate(r.denominator);
  return `${describePredicate(r.where)} ${r.op} ${r.percent}% of ${of}`;
}

/** The longest key and label a ratio or sub-quota may have: a label is a heading on the slate, not a document. */
const MAX_KEY = MAX_CLIENT_ID_LENGTH;
const MAX_LABEL = 200;

/**
 * A ratio's or a sub-quota's key and label: a key of 1 to 64 characters, not used before in the
 * list, and a label of Chinese and English text of at most 200 characters each (any JSON value
 * was once stored for a round's sub-quota, and served back to a console that renders label.zh).
 */
export function keyAndLabelProblems(o: Record<string, unknown>, at: string, keys: Set<string>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (typeof o.key !== 'string' || o.key === '') problems.push({ field: `${at}.key`, messageZh: '缺少 key', messageEn: 'key is required' });
  else if (o.key.length > MAX_KEY) problems.push({ field: `${at}.key`, messageZh: `key 不能超过 ${MAX_KEY} 个字符`, messageEn: `key must be at most ${MAX_KEY} characters` });
  else if (keys.has(o.key)) problems.push({ field: `${at}.key`, messageZh: `key ${o.key} 重复`, messageEn: `key ${o.key} is used twice` });
  else keys.add(o.key);
  const label = o.label as Record<string, unknown> | undefined;
  if (!label || typeof label !== 'object' || Array.isArray(label)) {
    problems.push({ field: `${at}.label`, messageZh: '缺少中英文名称', messageEn: 'label {zh, en} is required' });
    return problems;
  }
  for (const lang of ['zh', 'en'] as const) {
    const text = label[lang];
    if (typeof text !== 'string' || text.trim() === '') problems.push({ field: `${at}.label.${lang}`, messageZh: `缺少名称（${lang}）`, messageEn: `label.${lang} is required text` });
    else if (text.length > MAX_LABEL) problems.push({ field: `${at}.label.${lang}`, messageZh: `名称不能超过 ${MAX_LABEL} 个字符`, messageEn: `label.${lang} must be at most ${MAX_LABEL} characters` });
  }
  return problems;
}

/** Every problem in a list of ratio specs. */
export function validateRatioSpecs(ratios: unknown, field = 'ratios'): SpecProblem[] {
  if (!Array.isArray(ratios)) return [{ field, messageZh: '结构比例应为列表', messageEn: 'ratios must be a list' }];
  const problems: SpecProblem[] = [];
  const keys = new Set<string>();
  ratios.forEach((r, i) => {
    const at = `${field}[${i}]`;
    if (typeof r !== 'object' || r === null) {
      problems.push({ field: at, messageZh: '结构比例应为对象', messageEn: 'a ratio must be an object' });
      return;
    }
    const o = r as Record<string, unknown>;
    problems.push(...keyAndLabelProblems(o, at, keys));
    problems.push(...validatePredicate(o.where, `${at}.where`));
    if (o.op !== '>=' && o.op !== '<=') problems.push({ field: `${at}.op`, messageZh: "op 应为 '>=' 或 '<='", messageEn: "op must be '>=' or '<='" });
    if (typeof o.percent !== 'number' || !Number.isFinite(o.percent) || o.percent < 0 || o.percent > 100) {
      problems.push({ field: `${at}.percent`, messageZh: '百分比应在 0 到 100 之间', messageEn: 'percent must be between 0 and 100' });
    }
    if (o.denominator !== 'all') problems.push(...validatePredicate(o.denominator, `${at}.denominator`));
  });
  return problems;
}
