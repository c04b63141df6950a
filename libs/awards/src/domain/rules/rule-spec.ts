import { Grade, HonourLevel, HonourType, Label } from '../catalogue/award-catalogue';

export const ORG_FACT_KINDS = ['safety_accident', 'occupational_hazard', 'mass_incident', 'wage_arrears', 'no_union'] as const;
/** Dated facts about an organisation that bar it from awards for a while. */
export type OrgFactKind = (typeof ORG_FACT_KINDS)[number];

export const ORG_FACT_LABELS: Record<OrgFactKind, Label> = {
  safety_accident: { zh: '安全生产事故', en: 'safety accident' },
  occupational_hazard: { zh: '严重职业危害', en: 'serious occupational hazard' },
  mass_incident: { zh: '群体性事件', en: 'mass incident' },
  wage_arrears: { zh: '拖欠工资', en: 'wage arrears' },
  no_union: { zh: '未建工会', en: 'no trade union' },
};

export const PROJECT_INCIDENT_KINDS = ['safety_accident', 'quality_accident', 'environmental_accident', 'occupational_hazard'] as const;
/** Incidents recorded on a competition project. */
export type ProjectIncidentKind = (typeof PROJECT_INCIDENT_KINDS)[number];

export const PROJECT_INCIDENT_LABELS: Record<ProjectIncidentKind, Label> = {
  safety_accident: { zh: '安全事故', en: 'safety accident' },
  quality_accident: { zh: '质量事故', en: 'quality accident' },
  environmental_accident: { zh: '环境污染事故', en: 'environmental accident' },
  occupational_hazard: { zh: '职业危害事件', en: 'occupational hazard' },
};

/** Severity grades of a project incident, as the competitions context records them. */
export const INCIDENT_SEVERITY_LABELS: Record<string, Label> = {
  minor: { zh: '一般', en: 'minor' },
  serious: { zh: '较大', en: 'serious' },
  major: { zh: '重大', en: 'major' },
  catastrophic: { zh: '特别重大', en: 'catastrophic' },
};

/**
 * One eligibility rule of a rule set, as data. The `rule` key selects the check; the other keys
 * are its parameters. Rule sets are versioned, so a rule's meaning never changes under a verdict.
 */
export type RuleSpec =
  /** The project was approved in the campaign from an application filed before the deadline (Jiujiang rule). */
  | { rule: 'applied_on_time' }
  | { rule: 'summary_accepted' }
  | { rule: 'min_grade'; grade: Grade }
  | { rule: 'nominee_kind_matches' }
  | { rule: 'no_double_nomination' }
  /** A valid (or suspended) honour of these types blocks a repeat; `level` limits it to honours at that level. */
  | { rule: 'no_repeat_honour'; awardTypes?: HonourType[]; level?: HonourLevel }
  /** A valid honour of one of these types, at `level` or above, conferred within the last `withinYears` years. */
  | { rule: 'prerequisite_honour'; awardTypes: HonourType[]; level: HonourLevel; withinYears: number }
  /** Org facts of these kinds bar the organisation for `years` years from the fact, or for the fact's calendar year. */
  | { rule: 'exclusion_window'; facts: OrgFactKind[]; years: number | 'same_year' }
  /** 一票否决: any such incident on the project cancels eligibility outright. */
  | { rule: 'project_veto'; incidentKinds: ProjectIncidentKind[] }
  | { rule: 'no_unrectified_finding' };

export type RuleKey = RuleSpec['rule'];

export const RULE_KEYS: readonly RuleKey[] = [
  'applied_on_time',
  'summary_accepted',
  'min_grade',
  'nominee_kind_matches',
  'no_double_nomination',
  'no_repeat_honour',
  'prerequisite_honour',
  'exclusion_window',
  'project_veto',
  'no_unrectified_finding',
];

export const RULE_LABELS: Record<RuleKey, Label> = {
  applied_on_time: { zh: '按时报名参赛', en: 'entered before the deadline' },
  summary_accepted: { zh: '竞赛总结已通过', en: 'summary accepted' },
  min_grade: { zh: '考核等次达标', en: 'minimum assessment grade' },
  nominee_kind_matches: { zh: '推荐对象类型相符', en: 'nominee kind matches the award' },
  no_double_nomination: { zh: '未在本轮重复推荐', en: 'not nominated twice in the round' },
  no_repeat_honour: { zh: '不重复授予', en: 'no repeat of an honour held' },
  prerequisite_honour: { zh: '具备前置荣誉', en: 'prerequisite honour held' },
  exclusion_window: { zh: '不在限制期内', en: 'outside any exclusion window' },
  project_veto: { zh: '无一票否决事项', en: 'no veto incident' },
  no_unrectified_finding: { zh: '督导问题已整改', en: 'no unrectified finding' },
};

/**
 * The campaign's entry rule binds every round of the campaign, whatever the award's rule set
 * (Jiujiang: a unit that did not enter by the deadline takes part in no national or provincial
 * May Day selection). Rules judging a nominee on a project of the round's campaign include it,
 * first, when the rule set leaves it out (the national presets judge the nominee only).
 */
export function withCampaignEntryRule(rules: readonly RuleSpec[]): RuleSpec[] {
  return rules.some((r) => r.rule === 'applied_on_time') ? [...rules] : [{ rule: 'applied_on_time' }, ...rules];
}
