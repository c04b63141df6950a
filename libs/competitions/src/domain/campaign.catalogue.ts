/** A catalogue entry: the users' word, an English gloss. */
export interface Label {
  zh: string;
  en: string;
}

/** Competition categories (竞赛类别) named in the notices (DOMAIN.md, "Campaign"). */
export const CAMPAIGN_CATEGORIES = {
  leading: { zh: '引领性劳动竞赛', en: 'Leading labour competition' },
  key_project: { zh: '重点工程立功竞赛', en: 'Key-project merit competition' },
  mass_innovation: { zh: '群众性创新竞赛', en: 'Mass innovation competition' },
  green_low_carbon: { zh: '绿色低碳（节能减排）竞赛', en: 'Green and low-carbon (energy saving) competition' },
  skills: { zh: '职业技能竞赛', en: 'Vocational skills contest' },
  ankang_cup: { zh: '安康杯竞赛', en: 'Ankang Cup (safety and health) competition' },
  worker_pioneer: { zh: '工人先锋号创建', en: 'Worker Pioneer team creation' },
  non_public: { zh: '非公企业劳动竞赛', en: 'Non-public enterprise competition' },
} as const satisfies Record<string, Label>;
export type CampaignCategory = keyof typeof CAMPAIGN_CATEGORIES;
export const CAMPAIGN_CATEGORY_KEYS = Object.keys(CAMPAIGN_CATEGORIES) as CampaignCategory[];

export interface MetricLabel extends Label {
  unitZh: string;
}

/** Figures campaigns set targets for and projects report (目标任务, 信息反馈). */
export const CAMPAIGN_METRICS = {
  enterprises: { zh: '参赛企业', en: 'Participating enterprises', unitZh: '家' },
  non_public_enterprises: { zh: '参赛非公企业', en: 'Participating non-public enterprises', unitZh: '家' },
  participant_times: { zh: '参与职工人次', en: 'Participant-times', unitZh: '人次' },
  technical_innovations: { zh: '技术革新项目', en: 'Technical innovations', unitZh: '项' },
  operating_methods: { zh: '先进操作法', en: 'Advanced operating methods', unitZh: '项' },
  suggestions_made: { zh: '合理化建议（提出）', en: 'Rational suggestions made', unitZh: '条' },
  suggestions_adopted: { zh: '合理化建议（采纳）', en: 'Rational suggestions adopted', unitZh: '条' },
  five_small_results: { zh: '“五小”成果', en: '"Five small" results', unitZh: '项' },
  innovation_studios: { zh: '劳模（工匠）创新工作室', en: 'Model-worker innovation studios', unitZh: '个' },
  energy_saved_tce: { zh: '节能量', en: 'Energy saved', unitZh: '吨标准煤' },
  safety_training_times: { zh: '安全培训人次', en: 'Safety training attendance', unitZh: '人次' },
  chief_technician_studios: { zh: '首席技师工作室', en: 'Chief technician studios', unitZh: '个' },
  chief_technicians: { zh: '首席技师', en: 'Chief technicians', unitZh: '名' },
  high_skill_talents_trained: { zh: '培养高技能人才', en: 'High-skill talent trained', unitZh: '名' },
  new_technicians: { zh: '新增技师、高级技师', en: 'New technicians and senior technicians', unitZh: '名' },
  featured_teams: { zh: '特色班组', en: 'Featured teams', unitZh: '个' },
  ankang_cup_winners: { zh: '安康杯竞赛优胜集体', en: 'Ankang Cup winning collectives', unitZh: '个' },
  energy_saving_supervisors: { zh: '职工节能减排义务监督员', en: 'Volunteer energy-saving supervisors', unitZh: '人' },
  demonstration_studios: { zh: '示范性劳模创新工作室', en: 'Demonstration model-worker innovation studios', unitZh: '个' },
  may_day_certificates: { zh: '五一劳动奖状', en: 'May Day Labour Certificates', unitZh: '个' },
  may_day_medals: { zh: '五一劳动奖章', en: 'May Day Labour Medals', unitZh: '名' },
  worker_pioneer_titles: { zh: '工人先锋号', en: 'Worker Pioneer titles', unitZh: '个' },
  // Lijiang sets these as well: 劳动模范和先进工作者不少于40名, 技术状元不少于5名、技术能手不少于10名 (review 43 #3).
  model_workers: { zh: '劳动模范/先进工作者', en: 'Model Workers / Advanced Workers', unitZh: '名' },
  technical_experts: { zh: '技术能手/技术状元', en: 'Technical Experts / Champions', unitZh: '名' },
} as const satisfies Record<string, MetricLabel>;
export type CampaignMetric = keyof typeof CAMPAIGN_METRICS;

/** Targets counted in honours (五一劳动奖状 …): conferred in the campaign's award rounds and not revoked or withdrawn since. */
export const HONOUR_TARGET_AWARD_TYPES: Partial<Record<CampaignMetric, string>> = {
  may_day_certificates: 'may_day_certificate',
  may_day_medals: 'may_day_medal',
  worker_pioneer_titles: 'worker_pioneer',
  model_workers: 'model_worker',
  technical_experts: 'technical_expert',
};
export const CAMPAIGN_METRIC_KEYS = Object.keys(CAMPAIGN_METRICS) as CampaignMetric[];

export const REPORTING_CADENCES = ['monthly', 'quarterly'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];
export const REPORTING_CADENCE_LABELS: Record<ReportingCadence, string> = { monthly: '按月报送', quarterly: '按季度报送' };

export const AGGREGATIONS = ['mean', 'trimmed_mean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  mean: '算术平均',
  trimmed_mean: '去掉一个最高分和一个最低分后平均',
};

/**
 * How a campaign ranks its assessed projects when not by their totals: per-assessor z-scores
 * (标准分), each a versioned computation that never changes once published, so a replay of the
 * log reproduces a published ranking exactly. A new method or a fix is a new version.
 */
export const NORMALISATIONS = ['z_score_v1'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];
export const NORMALISATION_LABELS: Record<Normalisation, string> = { z_score_v1: '按评估专家标准分（z 分数，第 1 版）排名' };

/** Grades, best first. */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export const CAMPAIGN_STATUSES = ['draft', 'published', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '草稿', published: '已发布', closed: '已结束' };

export const isCampaignCategory = (v: unknown): v is CampaignCategory => typeof v === 'string' && Object.hasOwn(CAMPAIGN_CATEGORIES, v);
export const isCampaignMetric = (v: unknown): v is CampaignMetric => typeof v === 'string' && Object.hasOwn(CAMPAIGN_METRICS, v);
