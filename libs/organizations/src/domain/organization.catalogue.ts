/** Kinds of organisation in the tree (DOMAIN.md, "Who uses it"). */
export const ORG_KINDS = ['committee', 'union', 'enterprise', 'team'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Levels of the tree, highest first: province > city > county > enterprise > team. */
export const ORG_LEVELS = ['province', 'city', 'county', 'enterprise', 'team'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** Ownership, because coverage is reported by it (e.g. 非公企业竞赛覆盖面). */
export const ORG_OWNERSHIPS = ['state_owned', 'non_public', 'collective', 'foreign'] as const;
export type OrgOwnership = (typeof ORG_OWNERSHIPS)[number];

/** Dated facts about an organisation that award eligibility reads later. */
export const ORG_FACT_KINDS = ['safety_accident', 'occupational_hazard', 'mass_incident', 'wage_arrears', 'no_union'] as const;
export type OrgFactKind = (typeof ORG_FACT_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '劳动竞赛委员会',
  union: '工会',
  enterprise: '企业',
  team: '班组',
};

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县（市、区）级',
  enterprise: '企业级',
  team: '班组级',
};

/**
 * The non-public sector (非公有制经济) as the statistics and the notices count it: private
 * enterprises and foreign-invested ones (外资, including Hong Kong, Macao and Taiwan capital).
 * State-owned and collective ownership are public.
 */
export const isNonPublicOwnership = (ownership: string | null | undefined): boolean => ownership === 'non_public' || ownership === 'foreign';

export const ORG_OWNERSHIP_LABELS: Record<OrgOwnership, string> = {
  state_owned: '国有',
  non_public: '非公',
  collective: '集体',
  foreign: '外资',
};

export const ORG_FACT_KIND_LABELS: Record<OrgFactKind, string> = {
  safety_accident: '安全生产事故',
  occupational_hazard: '严重职业危害',
  mass_incident: '群体性事件',
  wage_arrears: '拖欠工资',
  no_union: '未建立工会',
};

/**
 * How long a fact bars the organisation from awards (DOMAIN.md, "exclusion windows"):
 * three years from the event, or the calendar year of the event. Applied by award eligibility.
 */
export const ORG_FACT_EXCLUSIONS: Record<OrgFactKind, 'three_years' | 'same_year'> = {
  safety_accident: 'three_years',
  occupational_hazard: 'three_years',
  mass_incident: 'three_years',
  wage_arrears: 'same_year',
  no_union: 'same_year',
};

/** 0 for province … 4 for team: a smaller rank is a higher level. */
export function orgLevelRank(level: OrgLevel): number {
  return ORG_LEVELS.indexOf(level);
}

/**
 * Whether a child of `childKind` at `childLevel` may sit under a parent at `parentLevel`.
 * The parent must be a higher level; a committee or union may also sit at its parent's level
 * (an enterprise's own union, a city committee under the city union).
 */
export function mayNestUnder(parentLevel: OrgLevel, childLevel: OrgLevel, childKind: OrgKind): boolean {
  const parent = orgLevelRank(parentLevel);
  const child = orgLevelRank(childLevel);
  if (childKind === 'committee' || childKind === 'union') return parent <= child;
  return parent < child;
}

export function isOrgKind(v: unknown): v is OrgKind {
  return typeof v === 'string' && (ORG_KINDS as readonly string[]).includes(v);
}
export function isOrgLevel(v: unknown): v is OrgLevel {
  return typeof v === 'string' && (ORG_LEVELS as readonly string[]).includes(v);
}
export function isOrgOwnership(v: unknown): v is OrgOwnership {
  return typeof v === 'string' && (ORG_OWNERSHIPS as readonly string[]).includes(v);
}
export function isOrgFactKind(v: unknown): v is OrgFactKind {
  return typeof v === 'string' && (ORG_FACT_KINDS as readonly string[]).includes(v);
}
