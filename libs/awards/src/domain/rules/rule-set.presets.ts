import { ClearanceSpec } from './clearance-spec';
import { RuleSetContent } from './rule-set.decider';
import { RuleSpec } from './rule-spec';
import { RatioSpec } from './slate-ratios';

/**
 * Ready-made rule-set contents, published as version 1 of a rule set by the seeding code.
 * Nominee attributes they read: occupationCategory ('industrial_worker' | 'frontline_technician'
 * | 'science_education' | 'enterprise_head' | 'other'), migrantWorker, nonPublic,
 * enterpriseEmployee, frontline (booleans), age (number), skillsChampion (boolean).
 */
const category = (value: string) => ({ attribute: 'occupationCategory', equals: value });

/** National May Day medal structure ratios (全国五一劳动奖章, 2022 and 2024 notices). */
export const NATIONAL_MAY_DAY_MEDAL_RATIOS: RatioSpec[] = [
  { key: 'industrial_workers', label: { zh: '产业工人', en: 'industrial workers' }, where: category('industrial_worker'), op: '>=', percent: 35, denominator: 'all' },
  {
    key: 'frontline_technicians',
    label: { zh: '其他一线职工和专业技术人员', en: 'other frontline staff and technicians' },
    where: category('frontline_technician'),
    op: '>=',
    percent: 20,
    denominator: 'all',
  },
  { key: 'science_education', label: { zh: '科教人员', en: 'science and education staff' }, where: category('science_education'), op: '>=', percent: 20, denominator: 'all' },
  { key: 'migrant_workers', label: { zh: '农民工', en: 'migrant workers' }, where: { attribute: 'migrantWorker' }, op: '>=', percent: 10, denominator: 'all' },
  { key: 'non_public', label: { zh: '非公有制领域', en: 'non-public sector' }, where: { attribute: 'nonPublic' }, op: '>=', percent: 35, denominator: 'all' },
  {
    key: 'enterprise_heads',
    label: { zh: '企业负责人（占企业职工）', en: 'enterprise heads (of enterprise employees)' },
    where: category('enterprise_head'),
    op: '<=',
    percent: 22,
    denominator: { attribute: 'enterpriseEmployee' },
  },
];

/** Shanxi: frontline representatives at least half of the list. */
export const SHANXI_FRONTLINE_RATIOS: RatioSpec[] = [
  { key: 'frontline', label: { zh: '一线代表', en: 'frontline representatives' }, where: { attribute: 'frontline' }, op: '>=', percent: 50, denominator: 'all' },
];

/** Sign-offs asked for before a list advances; state-owned enterprises add audit and discipline inspection. */
export const DEFAULT_CLEARANCES: ClearanceSpec = {
  byNomineeKind: {
    unit: ['market_regulation', 'tax', 'labour_inspection', 'work_safety', 'environment'],
    team: ['labour_inspection', 'work_safety'],
    person: ['labour_inspection'],
  },
  stateOwnedExtra: ['audit', 'discipline_inspection'],
};

/** The Jiujiang campaign rules (九江 2021): hard entry deadline, summary, grade, exclusion windows, veto. */
export const JIUJIANG_CAMPAIGN_RULES: RuleSpec[] = [
  { rule: 'applied_on_time' },
  { rule: 'summary_accepted' },
  { rule: 'min_grade', grade: 'good' },
  { rule: 'nominee_kind_matches' },
  { rule: 'no_double_nomination' },
  { rule: 'no_repeat_honour' },
  { rule: 'exclusion_window', facts: ['safety_accident', 'occupational_hazard', 'mass_incident'], years: 3, appliesTo: 'organisations_and_heads' },
  { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year', appliesTo: 'organisations_and_heads' },
  { rule: 'project_veto', incidentKinds: ['safety_accident', 'quality_accident'] },
  { rule: 'no_unrectified_finding' },
];

export const JIUJIANG_CAMPAIGN_2021: RuleSetContent = {
  citation: '九江市劳动竞赛委员会 2021',
  year: 2021,
  rules: JIUJIANG_CAMPAIGN_RULES,
  ratios: [],
  clearances: DEFAULT_CLEARANCES,
};

// Nominee-side rules only: national medals are not tied to one campaign's projects.
const NATIONAL_MEDAL_RULES: RuleSpec[] = [
  { rule: 'nominee_kind_matches' },
  { rule: 'no_double_nomination' },
  { rule: 'no_repeat_honour', awardTypes: ['may_day_medal'], level: 'national' },
  { rule: 'exclusion_window', facts: ['safety_accident', 'occupational_hazard', 'mass_incident'], years: 3, appliesTo: 'organisations_and_heads' },
  { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year', appliesTo: 'organisations_and_heads' },
];

export const NATIONAL_MAY_DAY_MEDAL_2022: RuleSetContent = {
  citation: '中华全国总工会 2022 年全国五一劳动奖推荐评选通知',
  year: 2022,
  rules: NATIONAL_MEDAL_RULES,
  ratios: NATIONAL_MAY_DAY_MEDAL_RATIOS,
  clearances: DEFAULT_CLEARANCES,
};

export const NATIONAL_MAY_DAY_MEDAL_2024: RuleSetContent = {
  ...NATIONAL_MAY_DAY_MEDAL_2022,
  citation: '中华全国总工会 2024 年全国五一劳动奖推荐评选通知',
  year: 2024,
};
