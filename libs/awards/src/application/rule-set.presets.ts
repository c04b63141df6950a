import {
  DEFAULT_CLEARANCES, JIUJIANG_CAMPAIGN_2021, Label, NATIONAL_MAY_DAY_MEDAL_2022, NATIONAL_MAY_DAY_MEDAL_2024, RuleSetContent, SHANXI_FRONTLINE_RATIOS,
} from './award-domain';

export interface RuleSetPreset {
  key: string;
  label: Label;
  content: RuleSetContent;
}

/** The domain's ready-made rule-set contents, as the console offers them (publish one to use it). */
export const RULE_SET_PRESETS: RuleSetPreset[] = [
  { key: 'national_may_day_medal_2024', label: { zh: '全国五一劳动奖章（2024 年结构比例）', en: 'National May Day medal, 2024 ratios' }, content: NATIONAL_MAY_DAY_MEDAL_2024 },
  { key: 'national_may_day_medal_2022', label: { zh: '全国五一劳动奖章（2022 年结构比例）', en: 'National May Day medal, 2022 ratios' }, content: NATIONAL_MAY_DAY_MEDAL_2022 },
  { key: 'jiujiang_campaign_2021', label: { zh: '九江市劳动竞赛评选条件（2021）', en: 'Jiujiang campaign rules, 2021' }, content: JIUJIANG_CAMPAIGN_2021 },
  {
    key: 'shanxi_frontline',
    label: { zh: '山西省：一线代表不低于 50%', en: 'Shanxi: frontline representatives at least 50%' },
    content: { citation: '山西省总工会 一线代表比例要求', year: 2023, rules: [{ rule: 'nominee_kind_matches' }, { rule: 'no_double_nomination' }], ratios: SHANXI_FRONTLINE_RATIOS, clearances: DEFAULT_CLEARANCES },
  },
];

/** The preset the eligibility board judges by when neither a rule set nor a round names one. */
export const DEFAULT_ELIGIBILITY_PRESET = RULE_SET_PRESETS.find((p) => p.key === 'jiujiang_campaign_2021')!;
