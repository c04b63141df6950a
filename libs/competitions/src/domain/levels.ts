/**
 * Levels of the organisation tree, highest first. The same values as `ORG_LEVELS` in
 * @jingsai/organizations (a spec checks it); repeated here because domain code imports only
 * @jingsai/shared and its own siblings.
 */
export const HIERARCHY_LEVELS = ['province', 'city', 'county', 'enterprise', 'team'] as const;
export type HierarchyLevel = (typeof HIERARCHY_LEVELS)[number];

export const HIERARCHY_LEVEL_LABELS: Record<HierarchyLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县（市、区）级',
  enterprise: '企业级',
  team: '班组级',
};

/**
 * The kinds of organisation that approve projects at their level: a competition committee, or the
 * union that runs one (a Shanghai district's 区总工会, an industry union: 各区县局(产业)工会). The
 * award chain takes either as a level's reviewer too (review 46 #1).
 */
export const APPROVING_KINDS: readonly string[] = ['committee', 'union'];

/** 0 for province … 4 for team: a smaller rank is a higher level. */
export function levelRank(level: HierarchyLevel): number {
  return HIERARCHY_LEVELS.indexOf(level);
}

export function isHierarchyLevel(v: unknown): v is HierarchyLevel {
  return typeof v === 'string' && (HIERARCHY_LEVELS as readonly string[]).includes(v);
}
