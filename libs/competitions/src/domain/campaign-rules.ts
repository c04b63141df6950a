import { Aggregation, CampaignCategory, CampaignMetric, Grade, Normalisation, ReportingCadence } from './campaign.catalogue';
import { HierarchyLevel } from './levels';

export type AssessmentCriterion = {
  key: string;
  name: string;
  /** Percent; the weights of a scheme sum to exactly 100. */
  weight: number;
};

export type GradeBand = {
  grade: Grade;
  /** A total at or above this (and below the next band) earns the grade. */
  minScore: number;
};

/** How projects are assessed (评估考核). */
export type AssessmentScheme = {
  criteria: AssessmentCriterion[];
  scale: { min: number; max: number };
  minAssessors: number;
  aggregation: Aggregation;
  gradeBands: GradeBand[];
  /** Spread (max − min total) between assessors above which a project is flagged for review. */
  disagreementThreshold: number;
  /** Rank on per-assessor z-scores (see NORMALISATIONS); absent or null: rank on the totals. Totals and grades are never normalised. */
  normalisation?: Normalisation | null;
};

export type CampaignTarget = {
  metric: CampaignMetric;
  target: number;
};

/** The rules every project runs under: versioned once the campaign is published. */
export type CampaignRules = {
  categories: CampaignCategory[];
  /** 报名时间: ISO instants; submissions must arrive before `closesAt`. */
  applicationWindow: { opensAt: string; closesAt: string };
  reportingCadence: ReportingCadence;
  assessment: AssessmentScheme;
  /** Levels whose committee must approve, lowest first, e.g. ['county', 'city']. */
  approvalLevels: HierarchyLevel[];
  targets: CampaignTarget[];
  /**
   * 竞赛周期: the dates the campaign runs over; progress reports are owed for the periods inside
   * it. Absent: the campaign's calendar year.
   */
  campaignPeriod?: { startsOn: string; endsOn: string } | null;
};

export const CAMPAIGN_RULE_FIELDS = ['categories', 'applicationWindow', 'reportingCadence', 'assessment', 'approvalLevels', 'targets', 'campaignPeriod'] as const;

/** What the campaign is, apart from its rules. */
export type CampaignProfile = {
  title: string;
  theme: string;
  year: number;
  /** The level of the organising committee. */
  level: HierarchyLevel;
  organizerOrgId: string;
};

export type CampaignDefinition = CampaignProfile & CampaignRules;

/** 比质量、比工期、比技术创新、比科学管理、比安全节约、比文明施工 (key-project competitions). */
export const KEY_PROJECT_CRITERIA: readonly AssessmentCriterion[] = [
  { key: 'quality', name: '比质量', weight: 20 },
  { key: 'schedule', name: '比工期', weight: 20 },
  { key: 'technical_innovation', name: '比技术创新', weight: 15 },
  { key: 'scientific_management', name: '比科学管理', weight: 15 },
  { key: 'safety_saving', name: '比安全节约', weight: 15 },
  { key: 'civilized_construction', name: '比文明施工', weight: 15 },
];

/** A complete scheme for key-project competitions, to start a campaign form from. */
export function keyProjectAssessmentPreset(): AssessmentScheme {
  return {
    criteria: KEY_PROJECT_CRITERIA.map((c) => ({ ...c })),
    scale: { min: 0, max: 100 },
    minAssessors: 3,
    aggregation: 'trimmed_mean',
    gradeBands: [
      { grade: 'excellent', minScore: 90 },
      { grade: 'good', minScore: 80 },
      { grade: 'pass', minScore: 60 },
      { grade: 'fail', minScore: 0 },
    ],
    disagreementThreshold: 15,
  };
}

/** The band a total falls in (the highest band whose minScore it reaches). */
export function gradeFor(scheme: Pick<AssessmentScheme, 'gradeBands'>, total: number): Grade | null {
  const band = [...scheme.gradeBands].sort((a, b) => b.minScore - a.minScore).find((b) => total >= b.minScore);
  return band?.grade ?? null;
}
