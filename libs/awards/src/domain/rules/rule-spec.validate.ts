import { AWARD_TYPES, DERIVED_HONOUR_TYPES, GRADES, HONOUR_LEVELS, isOneOf } from '../catalogue/award-catalogue';
import { SpecProblem } from './attribute-predicate';
import { ORG_FACT_KINDS, PROJECT_INCIDENT_KINDS, RULE_KEYS, RuleKey, WINDOW_APPLIES_TO } from './rule-spec';

/** The longest window a rule may name, in years: notices speak of one to five (三年内), and a date thousands of years on has no calendar. */
export const MAX_RULE_YEARS = 100;

/** A problem with a rule spec; `unknown` marks a rule key the engine does not know. */
export interface RuleProblem extends SpecProblem {
  unknown?: boolean;
}

const HONOUR_TYPES = [...AWARD_TYPES, ...DERIVED_HONOUR_TYPES];

const PARAMS: Record<RuleKey, string[]> = {
  applied_on_time: [],
  summary_accepted: [],
  min_grade: ['grade'],
  nominee_kind_matches: [],
  no_double_nomination: [],
  no_repeat_honour: ['awardTypes', 'level'],
  prerequisite_honour: ['awardTypes', 'level', 'withinYears'],
  exclusion_window: ['facts', 'years', 'appliesTo'],
  project_veto: ['incidentKinds'],
  no_unrectified_finding: [],
  project_standing: [],
};

function listOf(list: readonly string[], value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isOneOf(list, v)) && new Set(value).size === value.length;
}

/** Checks one rule's parameters; returns every problem (empty when valid). */
function checkParams(key: RuleKey, o: Record<string, unknown>, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (param: string, zh: string, en: string) => problems.push({ field: `${at}.${param}`, messageZh: zh, messageEn: en });
  for (const k of Object.keys(o)) {
    if (k !== 'rule' && !PARAMS[key].includes(k)) bad(k, `规则 ${key} 没有参数 ${k}`, `rule ${key} has no parameter ${k}`);
  }
  switch (key) {
    case 'min_grade':
      if (!isOneOf(GRADES, o.grade)) bad('grade', `等次应为 ${GRADES.join('/')} 之一`, `grade must be one of ${GRADES.join(', ')}`);
      break;
    case 'no_repeat_honour':
      if (o.awardTypes !== undefined && !listOf(HONOUR_TYPES, o.awardTypes)) bad('awardTypes', '荣誉类型列表无效', 'awardTypes must be a non-empty list of distinct known honour types');
      if (o.level !== undefined && !isOneOf(HONOUR_LEVELS, o.level)) bad('level', `级别应为 ${HONOUR_LEVELS.join('/')} 之一`, `level must be one of ${HONOUR_LEVELS.join(', ')}`);
      break;
    case 'prerequisite_honour':
      if (!listOf(HONOUR_TYPES, o.awardTypes)) bad('awardTypes', '前置荣誉类型列表无效', 'awardTypes must be a non-empty list of distinct known honour types');
      if (!isOneOf(HONOUR_LEVELS, o.level)) bad('level', `级别应为 ${HONOUR_LEVELS.join('/')} 之一`, `level must be one of ${HONOUR_LEVELS.join(', ')}`);
      if (!Number.isInteger(o.withinYears) || (o.withinYears as number) < 1 || (o.withinYears as number) > MAX_RULE_YEARS) bad('withinYears', `年限应为 1 至 ${MAX_RULE_YEARS} 的整数`, `withinYears must be a whole number from 1 to ${MAX_RULE_YEARS}`);
      break;
    case 'exclusion_window':
      if (!listOf(ORG_FACT_KINDS, o.facts)) bad('facts', `事实类型应为 ${ORG_FACT_KINDS.join('/')} 中的若干项`, `facts must be a non-empty list of ${ORG_FACT_KINDS.join(', ')}`);
      if (o.years !== 'same_year' && (!Number.isInteger(o.years) || (o.years as number) < 1 || (o.years as number) > MAX_RULE_YEARS)) {
        bad('years', `年限应为 1 至 ${MAX_RULE_YEARS} 的整数或 'same_year'`, `years must be a whole number from 1 to ${MAX_RULE_YEARS} or 'same_year'`);
      }
      if (o.appliesTo !== undefined && !isOneOf(WINDOW_APPLIES_TO, o.appliesTo)) bad('appliesTo', `适用对象应为 ${WINDOW_APPLIES_TO.join('/')} 之一`, `appliesTo must be one of ${WINDOW_APPLIES_TO.join(', ')}`);
      break;
    case 'project_veto':
      if (!listOf(PROJECT_INCIDENT_KINDS, o.incidentKinds)) bad('incidentKinds', `事故类型应为 ${PROJECT_INCIDENT_KINDS.join('/')} 中的若干项`, `incidentKinds must be a non-empty list of ${PROJECT_INCIDENT_KINDS.join(', ')}`);
      break;
    case 'applied_on_time':
    case 'summary_accepted':
    case 'nominee_kind_matches':
    case 'no_double_nomination':
    case 'no_unrectified_finding':
    case 'project_standing':
      break;
  }
  return problems;
}

/** Every problem in a list of rule specs: unknown rule keys, bad or unknown parameters, duplicates of parameterless rules. */
export function validateRuleSpecs(rules: unknown): RuleProblem[] {
  if (!Array.isArray(rules)) return [{ field: 'rules', messageZh: '规则应为列表', messageEn: 'rules must be a list' }];
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    const at = `rules[${i}]`;
    if (typeof r !== 'object' || r === null) {
      problems.push({ field: at, messageZh: '规则应为对象', messageEn: 'a rule must be an object' });
      return;
    }
    const o = r as Record<string, unknown>;
    if (!isOneOf(RULE_KEYS, o.rule)) {
      problems.push({ field: `${at}.rule`, unknown: true, messageZh: `未知规则：${String(o.rule)}`, messageEn: `unknown rule: ${String(o.rule)}` });
      return;
    }
    if (PARAMS[o.rule].length === 0 && seen.has(o.rule)) {
      problems.push({ field: `${at}.rule`, messageZh: `规则 ${o.rule} 重复`, messageEn: `rule ${o.rule} is listed twice` });
    }
    seen.add(o.rule);
    problems.push(...checkParams(o.rule, o, at));
  });
  return problems;
}
