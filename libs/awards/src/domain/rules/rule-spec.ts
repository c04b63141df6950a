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
/**
 * Whom an organisation's exclusion window bars when the nominee is a person (review 50 #3): every
 * worker of it (`all`, the default, as rule sets published before this read), or only its head
 * (`organisations_and_heads`: 企业及其负责人, a person whose occupationCategory is enterprise_head).
 * A unit or team nominated is the organisation itself and is barred either way.
 */
export const WINDOW_APPLIES_TO = ['all', 'organisations_and_heads'] as const;
export type WindowAppliesTo = (typeof WINDOW_APPLIES_TO)[number];

export const WINDOW_APPLIES_TO_LABELS: Record<WindowAppliesTo, { zh: string; en: string }> = {
  all: { zh: '单位及其全体职工', en: 'the organisation and every worker of it' },
  organisations_and_heads: { zh: '单位及其负责人', en: 'the organisation and its head' },
};

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
  | { rule: 'exclusion_window'; facts: OrgFactKind[]; years: number | 'same_year'; appliesTo?: WindowAppliesTo }
  /** 一票否决: any such incident on the project cancels eligibility outright. */
  | { rule: 'project_veto'; incidentKinds: ProjectIncidentKind[] }
  | { rule: 'no_unrectified_finding' }
  /** The project is not terminated, withdrawn or rejected (终止、撤回、不予立项): every round judges it of a nomination resting on a project. */
  | { rule: 'project_standing' };

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
  'project_standing',
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
  project_standing: { zh: '项目未终止、撤回或不予立项', en: 'project not terminated, withdrawn or rejected' },
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

/** The exclusion windows every round judges (DOMAIN): a fact bars for these, unless the rule set sets its own for it. */
export const MANDATORY_EXCLUSION_WINDOWS: ReadonlyArray<Extract<RuleSpec, { rule: 'exclusion_window' }>> = [
  { rule: 'exclusion_window', facts: ['safety_accident', 'occupational_hazard', 'mass_incident'], years: 3 },
  { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year' },
];

/** 一票否决 as every round judges it: a safety or quality accident on the project cancels eligibility outright. */
export const MANDATORY_VETO_KINDS: readonly ProjectIncidentKind[] = ['safety_accident', 'quality_accident'];

/**
 * The rules no rule set can leave out (review 45 #2): what the notices state as bars, not as the
 * choices of one selection. Beside the campaign's entry rule, a nomination resting on a project is
 * judged by the project's standing (not terminated, withdrawn or rejected) and by 一票否决 for a
 * safety or quality accident on it (a rule set may add incident kinds, not remove these), as a unit
 * or team nominated without naming a project is by the veto over its own projects in the round's
 * campaign (`campaignProjects`); and an
 * organisation nominated (a unit, or a team, whose enterprise answers for it) by its exclusion
 * windows: three years from an accident, a serious occupational hazard or a mass incident, the
 * year of wage arrears or of having no union, for each fact the rule set does not window itself
 * for at least as long. A person is judged by the windows of their organisation only where the rule set
 * says so: DOMAIN bars the organisation.
 */
export function withMandatoryRules(rules: readonly RuleSpec[], on: { project: boolean; nomineeKind: string; campaignProjects?: boolean }): RuleSpec[] {
  const out = on.project ? withCampaignEntryRule(rules) : [...rules];
  if (on.project && !out.some((r) => r.rule === 'project_standing')) out.splice(1, 0, { rule: 'project_standing' });
  if (on.nomineeKind !== 'person') {
    for (const w of MANDATORY_EXCLUSION_WINDOWS) {
      // A fact the rule set windows for at least as long keeps its window; a shorter one does not shorten the bar (review 47 #6).
      const missing = w.facts.filter((f) => !rules.some((r) => r.rule === 'exclusion_window' && r.facts.includes(f) && windowCovers(r.years, w.years)));
      if (missing.length > 0) out.push({ ...w, facts: missing });
    }
  }
  // Without a project, the veto still judges a unit's or team's own projects in the round's campaign (review 48 #7).
  if (!on.project && !on.campaignProjects) return out;
  const veto = out.findIndex((r) => r.rule === 'project_veto');
  if (veto < 0) return [...out, { rule: 'project_veto', incidentKinds: [...MANDATORY_VETO_KINDS] }];
  const kinds = (out[veto] as Extract<RuleSpec, { rule: 'project_veto' }>).incidentKinds;
  out[veto] = { rule: 'project_veto', incidentKinds: [...kinds, ...MANDATORY_VETO_KINDS.filter((k) => !kinds.includes(k))] };
  return out;
}

/** Whether a window of `years` bars at least as long as one of `minimum`: any window covers the fact's own year. */
function windowCovers(years: number | 'same_year', minimum: number | 'same_year'): boolean {
  if (minimum === 'same_year') return true;
  return years !== 'same_year' && years >= minimum;
}
