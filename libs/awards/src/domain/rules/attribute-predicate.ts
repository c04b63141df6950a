import { NOMINEE_ATTRIBUTES, attributeValueProblem, predicateValueProblems } from './nominee-attributes';

/** A value a nomination can carry as an attribute (occupationCategory, migrantWorker, age …). */
export type AttributeValue = string | number | boolean;

/** Attributes of a nominee as stated on the nomination; used by slate ratios and sub-quotas. */
export type NomineeAttributes = Record<string, AttributeValue | null | undefined>;

/**
 * Selects nominees by one attribute: `equals` a value, is `oneOf` several, or, with neither,
 * is the boolean `true` (e.g. `{ attribute: 'migrantWorker' }`).
 */
export interface AttributePredicate {
  attribute: string;
  equals?: AttributeValue;
  oneOf?: AttributeValue[];
}

export function matchesPredicate(predicate: AttributePredicate, attributes: NomineeAttributes): boolean {
  const value = attributes[predicate.attribute];
  if (predicate.oneOf !== undefined) return value !== undefined && value !== null && predicate.oneOf.includes(value);
  if (predicate.equals !== undefined) return value === predicate.equals;
  return value === true;
}

/** A short human form, e.g. `occupationCategory = industrial_worker` or `migrantWorker`. */
export function describePredicate(predicate: AttributePredicate): string {
  if (predicate.oneOf !== undefined) return `${predicate.attribute} ∈ {${predicate.oneOf.join(', ')}}`;
  if (predicate.equals !== undefined) return `${predicate.attribute} = ${String(predicate.equals)}`;
  return predicate.attribute;
}

export interface SpecProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

const isValue = (v: unknown): v is AttributeValue => ['string', 'number', 'boolean'].includes(typeof v);

/** Problems with a predicate typed into a rule set or a round (empty when it is well formed). */
export function validatePredicate(p: unknown, field: string): SpecProblem[] {
  if (typeof p !== 'object' || p === null) return [{ field, messageZh: '应为属性条件对象', messageEn: 'must be an attribute predicate object' }];
  const o = p as Record<string, unknown>;
  const problems: SpecProblem[] = [];
  // Only attributes a nomination can carry: a ratio on any other would never match anyone.
  const known = typeof o.attribute === 'string' && NOMINEE_ATTRIBUTES[o.attribute] !== undefined;
  if (typeof o.attribute !== 'string' || o.attribute.trim() === '') {
    problems.push({ field: `${field}.attribute`, messageZh: '缺少属性名', messageEn: 'attribute name is required' });
  } else if (!known) {
    const problem = attributeValueProblem(o.attribute, undefined)!;
    problems.push({ field: `${field}.attribute`, messageZh: problem.zh, messageEn: problem.en });
  }
  if (o.equals !== undefined && o.oneOf !== undefined) {
    problems.push({ field, messageZh: 'equals 与 oneOf 只能二选一', messageEn: 'give either equals or oneOf, not both' });
  }
  if (o.equals !== undefined && !isValue(o.equals)) {
    problems.push({ field: `${field}.equals`, messageZh: '应为字符串、数字或布尔值', messageEn: 'must be a string, number or boolean' });
  } else if (o.equals !== undefined && known) {
    problems.push(...predicateValueProblems(o.attribute as string, [o.equals as AttributeValue], `${field}.equals`));
  }
  if (o.oneOf !== undefined && (!Array.isArray(o.oneOf) || o.oneOf.length === 0 || !o.oneOf.every(isValue))) {
    problems.push({ field: `${field}.oneOf`, messageZh: '应为非空取值列表', messageEn: 'must be a non-empty list of values' });
  } else if (o.oneOf !== undefined && known) {
    problems.push(...predicateValueProblems(o.attribute as string, o.oneOf as AttributeValue[], `${field}.oneOf`));
  }
  if (o.equals === undefined && o.oneOf === undefined && known && NOMINEE_ATTRIBUTES[o.attribute as string]!.type !== 'boolean') {
    problems.push({ field, messageZh: `属性 ${String(o.attribute)} 不是是/否属性，请用 equals 或 oneOf 给出取值`, messageEn: `${String(o.attribute)} is not a yes/no attribute; give equals or oneOf` });
  }
  for (const key of Object.keys(o)) {
    if (!['attribute', 'equals', 'oneOf'].includes(key)) {
      problems.push({ field: `${field}.${key}`, messageZh: `未知参数 ${key}`, messageEn: `unknown parameter ${key}` });
    }
  }
  return problems;
}
