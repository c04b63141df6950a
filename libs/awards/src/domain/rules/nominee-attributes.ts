import type { Label } from '../catalogue/award-catalogue';
import type { AttributeValue, SpecProblem } from './attribute-predicate';

export const OCCUPATION_CATEGORIES = ['industrial_worker', 'frontline_technician', 'science_education', 'enterprise_head', 'other'] as const;

type AttributeType = { type: 'boolean' } | { type: 'integer'; min: number; max: number } | { type: 'one_of'; values: readonly string[] };

/**
 * Every attribute a nomination may carry, with its type. They drive slate ratios and sub-quotas
 * (NATIONAL_MAY_DAY_MEDAL_RATIOS, SHANXI_FRONTLINE_RATIOS) and derived honours (青年岗位能手:
 * skillsChampion and age), so an unknown key or a value of the wrong type would silently
 * count a nominee in or out; both are refused instead.
 */
export const NOMINEE_ATTRIBUTES: Record<string, AttributeType & { label: Label }> = {
  occupationCategory: { type: 'one_of', values: OCCUPATION_CATEGORIES, label: { zh: '人员类别', en: 'occupation category' } },
  migrantWorker: { type: 'boolean', label: { zh: '农民工', en: 'migrant worker' } },
  nonPublic: { type: 'boolean', label: { zh: '非公有制领域', en: 'non-public sector' } },
  enterpriseEmployee: { type: 'boolean', label: { zh: '企业职工', en: 'enterprise employee' } },
  frontline: { type: 'boolean', label: { zh: '一线职工', en: 'frontline' } },
  skillsChampion: { type: 'boolean', label: { zh: '技能竞赛优胜者', en: 'skills-contest champion' } },
  age: { type: 'integer', min: 16, max: 100, label: { zh: '年龄', en: 'age' } },
};

export const NOMINEE_ATTRIBUTE_KEYS = Object.keys(NOMINEE_ATTRIBUTES);

/** What is wrong with one value of a known attribute, or null when it fits. */
export function attributeValueProblem(key: string, value: unknown): Label | null {
  const spec = NOMINEE_ATTRIBUTES[key];
  if (!spec) return { zh: `未知属性 ${key}（可用：${NOMINEE_ATTRIBUTE_KEYS.join('、')}）`, en: `unknown attribute ${key} (known: ${NOMINEE_ATTRIBUTE_KEYS.join(', ')})` };
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : { zh: `${spec.label.zh}应为 true 或 false`, en: `${spec.label.en} must be true or false` };
    case 'integer':
      return Number.isInteger(value) && (value as number) >= spec.min && (value as number) <= spec.max
        ? null
        : { zh: `${spec.label.zh}应为 ${spec.min} 到 ${spec.max} 之间的整数`, en: `${spec.label.en} must be a whole number from ${spec.min} to ${spec.max}` };
    case 'one_of':
      return typeof value === 'string' && spec.values.includes(value)
        ? null
        : { zh: `${spec.label.zh}应为 ${spec.values.join('、')} 之一`, en: `${spec.label.en} must be one of ${spec.values.join(', ')}` };
  }
}

/** Problems with the attributes stated on a nomination; null means "not stated". */
export function validateNomineeAttributes(attributes: unknown, field = 'attributes'): SpecProblem[] {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return [{ field, messageZh: '人选属性应为对象', messageEn: 'attributes must be an object' }];
  }
  return Object.entries(attributes as Record<string, unknown>).flatMap(([key, value]) => {
    const problem = value === null ? (NOMINEE_ATTRIBUTES[key] ? null : attributeValueProblem(key, value)) : attributeValueProblem(key, value);
    return problem ? [{ field: `${field}.${key}`, messageZh: problem.zh, messageEn: problem.en }] : [];
  });
}

/** Problems with the values a predicate compares an attribute to (its name already known). */
export function predicateValueProblems(key: string, values: readonly AttributeValue[], field: string): SpecProblem[] {
  return values.flatMap((v) => {
    const problem = attributeValueProblem(key, v);
    return problem ? [{ field, messageZh: problem.zh, messageEn: problem.en }] : [];
  });
}
