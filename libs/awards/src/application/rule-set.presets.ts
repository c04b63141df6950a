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
    label: { zh: '山西省：一线职工不低于 50%（参照职代会一线职工代表比例）', en: 'Shanxi: frontline at least 50% (after the workers’ congress representatives’ share)' },
    // The notice sets the share for the workers' congress (职代会中的一线职工代表比例不低于50%) and asks that the reform feed the May Day
    // and Worker Pioneer selections; DOMAIN applies the share to award lists. The citation says both (review 54 #7).
    content: {
      citation: '山西省总工会、山西省人民政府国有资产监督管理委员会《山西省关于充分发挥国有企业在推进产业工人队伍建设改革中带动作用的实施意见》：职代会中的一线职工代表比例不低于50%（本预设参照该比例审核推荐名单）',
      year: 2023, rules: [{ rule: 'nominee_kind_matches' }, { rule: 'no_double_nomination' }], ratios: SHANXI_FRONTLINE_RATIOS, clearances: DEFAULT_CLEARANCES,
    },
  },
];

/** The preset the eligibility board judges by when neither a rule set nor a round names one. */
export const DEFAULT_ELIGIBILITY_PRESET = RULE_SET_PRESETS.find((p) => p.key === 'jiujiang_campaign_2021')!;
