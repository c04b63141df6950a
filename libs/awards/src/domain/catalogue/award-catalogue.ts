/** Bilingual label used by every catalogue entry. */
export interface Label {
  zh: string;
  en: string;
}

export const NOMINEE_KINDS = ['unit', 'team', 'person'] as const;
/** What is nominated: a unit (单位), a team (班组) or a person (个人). */
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

export const NOMINEE_KIND_LABELS: Record<NomineeKind, Label> = {
  unit: { zh: '单位', en: 'unit' },
  team: { zh: '班组', en: 'team' },
  person: { zh: '个人', en: 'person' },
};

export const AWARD_TYPES = [
  'may_day_certificate',
  'may_day_medal',
  'worker_pioneer',
  'model_worker',
  'technical_expert',
  'instant',
] as const;
/** Award types a round can be run for (DOMAIN.md, "Award round"). */
export type AwardType = (typeof AWARD_TYPES)[number];

export interface AwardTypeEntry extends Label {
  nomineeKinds: readonly NomineeKind[];
}

export const AWARD_TYPE_CATALOGUE: Record<AwardType, AwardTypeEntry> = {
  may_day_certificate: { zh: '五一劳动奖状', en: 'May Day Labor Certificate', nomineeKinds: ['unit'] },
  may_day_medal: { zh: '五一劳动奖章', en: 'May Day Labor Medal', nomineeKinds: ['person'] },
  worker_pioneer: { zh: '工人先锋号', en: 'Worker Pioneer', nomineeKinds: ['team'] },
  model_worker: { zh: '劳动模范/先进工作者', en: 'Model Worker / Advanced Worker', nomineeKinds: ['person'] },
  technical_expert: { zh: '技术能手/技术状元', en: 'Technical Expert / Champion', nomineeKinds: ['person'] },
  instant: { zh: '即时表彰', en: 'Instant commendation', nomineeKinds: ['team', 'person'] },
};

export const REVIEW_LEVELS = ['unit', 'county', 'city', 'province'] as const;
/**
 * Levels of 逐级推荐, lowest first: the recommending unit (after its workers' congress), then the
 * county, city and province reviews, each taken by that level of the organisation tree.
 */
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

export const REVIEW_LEVEL_LABELS: Record<ReviewLevel, Label> = {
  unit: { zh: '推荐单位', en: 'recommending unit' },
  county: { zh: '县级', en: 'county' },
  city: { zh: '市级', en: 'city' },
  province: { zh: '省级', en: 'provincial' },
};

/** A review level as people read it (县级 …); an unknown one as given. */
export const reviewLevelZh = (level: string): string => REVIEW_LEVEL_LABELS[level as ReviewLevel]?.zh ?? level;

/** The shortest public notice (公示) a round may ask for: 5 working days, as the notices require. */
export const MINIMUM_NOTICE_DAYS = 5;
/**
 * The longest public notice: 60 working days (about three months). The notices ask for 5 to 7
 * days; a longer one is a typing error, and counting working days is a walk over the calendar.
 */
export const MAXIMUM_NOTICE_WORKING_DAYS = 60;
/** The longest notice given by calendar dates: 90 days, as long as 60 working days can take. */
export const MAXIMUM_NOTICE_CALENDAR_DAYS = 90;
/** The largest quota (pool, recommender, sub-quota) and substitute order: no honour list is longer. */
export const MAXIMUM_QUOTA = 100_000;
/** The highest rule-set version a round or a new version may name. */
export const MAXIMUM_RULE_SET_VERSION = 100_000;

export const DERIVED_HONOUR_TYPES = ['youth_post_expert'] as const;
/** Honours that follow from a recipient's attributes rather than from a nomination. */
export type DerivedHonourType = (typeof DERIVED_HONOUR_TYPES)[number];

export const DERIVED_HONOUR_CATALOGUE: Record<DerivedHonourType, Label> = {
  youth_post_expert: { zh: '青年岗位能手', en: 'Youth Post Expert' },
};

/** Any honour a nominee can hold: a round's award type or a derived honour. */
export type HonourType = AwardType | DerivedHonourType;

export const POOLS = ['regular', 'competition_reserved', 'instant'] as const;
/** Quota pools of a round; each has its own quota. */
export type Pool = (typeof POOLS)[number];

export const POOL_LABELS: Record<Pool, Label> = {
  regular: { zh: '常规', en: 'regular' },
  competition_reserved: { zh: '竞赛表彰', en: 'reserved for competition winners' },
  instant: { zh: '即时', en: 'instant' },
};

export const GRADES = ['fail', 'pass', 'good', 'excellent'] as const;
/** Assessment grade bands, listed from lowest to highest. */
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, Label> = {
  excellent: { zh: '优秀', en: 'excellent' },
  good: { zh: '良好', en: 'good' },
  pass: { zh: '合格', en: 'pass' },
  fail: { zh: '不合格', en: 'fail' },
};

/** Rank of a grade: higher is better (fail 0 … excellent 3). */
export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

export const HONOUR_LEVELS = ['enterprise', 'county', 'city', 'provincial', 'national'] as const;
/** The level an honour was conferred at, from lowest to highest. */
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

export const HONOUR_LEVEL_LABELS: Record<HonourLevel, Label> = {
  enterprise: { zh: '企业级', en: 'enterprise' },
  county: { zh: '县级', en: 'county' },
  city: { zh: '市级', en: 'city' },
  provincial: { zh: '省级', en: 'provincial' },
  national: { zh: '全国', en: 'national' },
};

export function honourLevelRank(level: HonourLevel): number {
  return HONOUR_LEVELS.indexOf(level);
}

export const DEPARTMENTS = [
  'market_regulation',
  'tax',
  'labour_inspection',
  'work_safety',
  'environment',
  'audit',
  'discipline_inspection',
] as const;
/** Departments whose sign-off (征求意见) a nominee may need. */
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, Label> = {
  market_regulation: { zh: '市场监管', en: 'market regulation' },
  tax: { zh: '税务', en: 'tax' },
  labour_inspection: { zh: '劳动保障监察', en: 'labour inspection' },
  work_safety: { zh: '应急管理（安全生产）', en: 'work safety' },
  environment: { zh: '生态环境', en: 'environment' },
  audit: { zh: '审计', en: 'audit' },
  discipline_inspection: { zh: '纪检监察', en: 'discipline inspection' },
};

export const OWNERSHIPS = ['state_owned', 'non_public', 'collective', 'foreign'] as const;
/** Ownership of an organisation (国有 / 非公 / 集体 / 外资). */
export type Ownership = (typeof OWNERSHIPS)[number];

export const HONOUR_STATUSES = ['valid', 'revoked', 'withdrawn', 'suspended'] as const;
/** Current status of a conferred honour; only 'valid' counts as held. */
export type HonourStatus = (typeof HONOUR_STATUSES)[number];

export const HONOUR_STATUS_LABELS: Record<HonourStatus, Label> = {
  valid: { zh: '有效', en: 'valid' },
  revoked: { zh: '已撤销', en: 'revoked' },
  withdrawn: { zh: '已摘牌', en: 'withdrawn' },
  suspended: { zh: '已暂停', en: 'suspended' },
};

/** A nomination's status in its round: active, removed at review or by a refused clearance, withdrawn after an upheld objection. */
export const NOMINATION_STATUS_LABELS: Record<'active' | 'removed' | 'withdrawn' | 'conferred', Label> = {
  active: { zh: '推荐中', en: 'active' },
  conferred: { zh: '已表彰', en: 'conferred' },
  removed: { zh: '已移出', en: 'removed' },
  withdrawn: { zh: '已因异议撤回', en: 'withdrawn after an objection' },
};

/**
 * The verdict of the eligibility board: eligible, pending (it fails only on rules whose deadline
 * has not come, such as an application window still open), nominated (it fails only because it is
 * already on this round's list), honoured (only because it holds the honour already, on the list
 * or not), or not eligible. Nominated and honoured are not bars: the winner is not disqualified
 * (review 49 #8, 50 #9); `eligible` stays false, as it may not be nominated again.
 */
export type EligibilityVerdictStatus = 'eligible' | 'pending' | 'nominated' | 'honoured' | 'ineligible';

export const ELIGIBILITY_VERDICT_LABELS: Record<EligibilityVerdictStatus, Label> = {
  eligible: { zh: '符合条件', en: 'eligible' },
  pending: { zh: '待定（尚未到期）', en: 'pending (not yet due)' },
  nominated: { zh: '已推荐（本轮名单中）', en: 'nominated (on this round’s list)' },
  honoured: { zh: '已获该荣誉', en: 'holds this honour' },
  ineligible: { zh: '不符合条件', en: 'not eligible' },
};

/** A department's sign-off (征求意见) on a nominee. */
export const CLEARANCE_STATUS_LABELS: Record<'pending' | 'granted' | 'refused', Label> = {
  pending: { zh: '待反馈', en: 'pending' },
  granted: { zh: '同意', en: 'granted' },
  refused: { zh: '不同意', en: 'refused' },
};

/** An objection (异议) raised during the public notice. */
export const OBJECTION_STATUS_LABELS: Record<'open' | 'upheld' | 'dismissed', Label> = {
  open: { zh: '待核查', en: 'open' },
  upheld: { zh: '属实', en: 'upheld' },
  dismissed: { zh: '不属实', en: 'dismissed' },
};

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
