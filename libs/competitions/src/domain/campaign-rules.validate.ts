import { beijingDate, isIsoDate, isIsoInstant, isBefore } from './calendar';
import { AGGREGATIONS, CAMPAIGN_CATEGORY_KEYS, CAMPAIGN_METRICS, CampaignMetric, GRADES, GRADE_LABELS, isCampaignCategory, isCampaignMetric, NORMALISATIONS, REPORTING_CADENCES } from './campaign.catalogue';
import { AssessmentScheme, CampaignProfile, CampaignRules } from './campaign-rules';
import { FieldProblem, isBlank, problem } from './field-problem';
import { HIERARCHY_LEVEL_LABELS, HIERARCHY_LEVELS, HierarchyLevel, isHierarchyLevel, levelRank } from './levels';
import { campaignSpan } from './reporting-periods';
import { MAX_METRIC_VALUE } from './progress-metrics';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const duplicates = <T>(xs: T[]): T[] => xs.filter((x, i) => xs.indexOf(x) !== i);

/** Score scales are 0–100, 0–10, 0–1000 in the notices; beyond this is a typing error. */
const MAX_SCALE = 10_000;

export function profileProblems(p: CampaignProfile): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (isBlank(p.title)) out.push(problem('title', '请填写竞赛活动名称。', 'Give the campaign a title.'));
  if (isBlank(p.theme)) out.push(problem('theme', '请填写竞赛主题。', 'Give the campaign a theme.'));
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) out.push(problem('year', '年度应为 2000 至 2100 之间的整数。', 'The year must be a whole number between 2000 and 2100.'));
  if (!isHierarchyLevel(p.level)) out.push(problem('level', `竞赛层级无效，应为 ${HIERARCHY_LEVELS.join('、')} 之一。`, `The level must be one of ${HIERARCHY_LEVELS.join(', ')}.`));
  if (isBlank(p.organizerOrgId)) out.push(problem('organizerOrgId', '请指定主办的竞赛委员会。', 'Name the organising committee.'));
  return out;
}

function categoryProblems(categories: unknown): FieldProblem[] {
  if (!Array.isArray(categories) || categories.length === 0) {
    return [problem('categories', '请至少选择一个竞赛类别。', 'Choose at least one competition category.')];
  }
  const out = categories.flatMap((c, i) =>
    isCampaignCategory(c) ? [] : [problem(`categories[${i}]`, `未知的竞赛类别“${String(c)}”，可选：${CAMPAIGN_CATEGORY_KEYS.join('、')}。`, `Unknown category "${String(c)}"; choose from ${CAMPAIGN_CATEGORY_KEYS.join(', ')}.`)],
  );
  for (const d of duplicates(categories)) out.push(problem('categories', `竞赛类别“${String(d)}”重复。`, `Category "${String(d)}" is listed twice.`));
  return out;
}

function windowProblems(w: CampaignRules['applicationWindow'] | undefined): FieldProblem[] {
  const out: FieldProblem[] = [];
  const opens = w?.opensAt;
  const closes = w?.closesAt;
  if (!isIsoInstant(opens)) out.push(problem('applicationWindow.opensAt', '报名开始时间无效，应为带时区的时间（如 2021-06-01T00:00:00+08:00）。', 'opensAt must be an ISO instant with an offset (e.g. 2021-06-01T00:00:00+08:00).'));
  if (!isIsoInstant(closes)) out.push(problem('applicationWindow.closesAt', '报名截止时间无效，应为带时区的时间（如 2021-07-23T00:00:00+08:00）。', 'closesAt must be an ISO instant with an offset.'));
  if (isIsoInstant(opens) && isIsoInstant(closes) && !isBefore(opens, closes)) {
    out.push(problem('applicationWindow', '报名开始时间必须早于截止时间。', 'The application window must open before it closes.'));
  }
  return out;
}

/** Real calendar dates (Date.parse rolls 2027-02-30 over to 03-02), the end after the start. */
function periodProblems(p: CampaignRules['campaignPeriod']): FieldProblem[] {
  if (p === undefined || p === null) return [];
  if (typeof p !== 'object' || Array.isArray(p)) return [problem('campaignPeriod', '竞赛周期应包含开始日期和结束日期。', 'campaignPeriod must give startsOn and endsOn.')];
  const out: FieldProblem[] = [];
  if (!isIsoDate(p.startsOn)) out.push(problem('campaignPeriod.startsOn', '竞赛周期开始日期无效，应为真实存在的日期（YYYY-MM-DD）。', 'campaignPeriod.startsOn must be a real date written YYYY-MM-DD.'));
  if (!isIsoDate(p.endsOn)) out.push(problem('campaignPeriod.endsOn', '竞赛周期结束日期无效，应为真实存在的日期（YYYY-MM-DD）。', 'campaignPeriod.endsOn must be a real date written YYYY-MM-DD.'));
  if (isIsoDate(p.startsOn) && isIsoDate(p.endsOn) && p.startsOn >= p.endsOn) {
    out.push(problem('campaignPeriod', '竞赛周期的结束日期应晚于开始日期。', 'The campaign period must end after it starts.'));
  }
  return out;
}

function criteriaProblems(criteria: unknown): FieldProblem[] {
  if (!Array.isArray(criteria) || criteria.length === 0) return [problem('assessment.criteria', '请至少设置一项评估指标。', 'Add at least one assessment criterion.')];
  const out: FieldProblem[] = [];
  criteria.forEach((c, i) => {
    if (isBlank(c?.key)) out.push(problem(`assessment.criteria[${i}].key`, '指标代码不能为空。', 'A criterion needs a key.'));
    if (isBlank(c?.name)) out.push(problem(`assessment.criteria[${i}].name`, '指标名称不能为空。', 'A criterion needs a name.'));
    if (!isNumber(c?.weight) || c.weight <= 0) out.push(problem(`assessment.criteria[${i}].weight`, '指标权重必须为正数。', 'A criterion weight must be a positive number.'));
  });
  for (const d of duplicates(criteria.map((c) => c?.key).filter((k) => !isBlank(k)))) {
    out.push(problem('assessment.criteria', `指标代码“${d}”重复，每项指标的代码必须唯一。`, `Criterion key "${d}" is used twice; keys must be unique.`));
  }
  const weights = criteria.map((c) => c?.weight);
  if (weights.every((w) => isNumber(w) && w > 0)) {
    const sum = weights.reduce((a, b) => a + b, 0);
    // Weights such as 33.3 + 33.3 + 33.4 must still add up; tolerate float rounding only.
    if (Math.abs(sum - 100) > 1e-9) out.push(problem('assessment.criteria', `各项指标权重之和应为 100，当前为 ${Math.round(sum * 1000) / 1000}。`, `Criterion weights must sum to exactly 100; they sum to ${Math.round(sum * 1000) / 1000}.`));
  }
  return out;
}

function bandProblems(bands: unknown, scale: { min: number; max: number } | null): FieldProblem[] {
  if (!Array.isArray(bands) || bands.length === 0) return [problem('assessment.gradeBands', '请设置等次分数线（优秀/良好/合格/不合格）。', 'Add grade bands (excellent/good/pass/fail).')];
  const out: FieldProblem[] = [];
  bands.forEach((b, i) => {
    if (!(GRADES as readonly unknown[]).includes(b?.grade)) out.push(problem(`assessment.gradeBands[${i}].grade`, `等次无效，应为 ${GRADES.join('、')} 之一。`, `Grade must be one of ${GRADES.join(', ')}.`));
    if (!isNumber(b?.minScore)) out.push(problem(`assessment.gradeBands[${i}].minScore`, '分数线必须为数字。', 'minScore must be a number.'));
    else if (scale && (b.minScore < scale.min || b.minScore > scale.max)) {
      out.push(problem(`assessment.gradeBands[${i}].minScore`, `分数线 ${b.minScore} 超出评分范围 ${scale.min}–${scale.max}。`, `minScore ${b.minScore} lies outside the scale ${scale.min}–${scale.max}.`));
    }
  });
  for (const d of duplicates(bands.map((b) => b?.grade))) out.push(problem('assessment.gradeBands', `等次“${GRADE_LABELS[d as never] ?? d}”重复。`, `Grade "${String(d)}" appears twice.`));
  const scores = bands.map((b) => b?.minScore).filter(isNumber);
  for (const d of duplicates(scores)) out.push(problem('assessment.gradeBands', `分数线 ${d} 重复，各等次分数线必须不同。`, `minScore ${d} is used by two bands; bands must be distinct.`));
  if (scale && scores.length === bands.length && Math.min(...scores) !== scale.min) {
    out.push(problem('assessment.gradeBands', `最低等次的分数线应等于评分下限 ${scale.min}，使所有分数都有对应等次。`, `The lowest band must start at the scale minimum ${scale.min} so every score gets a grade.`));
  }
  const ranked = [...bands].filter((b) => isNumber(b?.minScore) && GRADES.includes(b?.grade)).sort((a, b) => b.minScore - a.minScore);
  const inOrder = ranked.every((b, i) => i === 0 || GRADES.indexOf(ranked[i - 1].grade) < GRADES.indexOf(b.grade));
  if (!inOrder) out.push(problem('assessment.gradeBands', '等次越高，分数线应越高（优秀 > 良好 > 合格 > 不合格）。', 'Better grades need higher minimum scores (excellent > good > pass > fail).'));
  return out;
}

/** The most assessors a campaign may require per project: a panel, not a crowd. */
export const MAXIMUM_MIN_ASSESSORS = 100;

export function assessmentProblems(a: AssessmentScheme | undefined): FieldProblem[] {
  const out = criteriaProblems(a?.criteria);
  const scaleOk = isNumber(a?.scale?.min) && isNumber(a?.scale?.max) && a.scale.min < a.scale.max && Math.abs(a.scale.min) <= MAX_SCALE && Math.abs(a.scale.max) <= MAX_SCALE;
  if (!scaleOk) out.push(problem('assessment.scale', `评分范围无效：下限必须小于上限，且均在 ±${MAX_SCALE} 之内。`, `The score scale needs a minimum below its maximum, both within ±${MAX_SCALE}.`));
  const scale = scaleOk ? a!.scale : null;
  const minAssessors = a?.minAssessors;
  if (!Number.isInteger(minAssessors) || (minAssessors as number) < 1) {
    out.push(problem('assessment.minAssessors', '每个项目至少需要 1 名评估专家。', 'At least one assessor per project is needed.'));
  } else if ((minAssessors as number) > MAXIMUM_MIN_ASSESSORS) {
    out.push(problem('assessment.minAssessors', `每个项目最少评估专家数不能超过 ${MAXIMUM_MIN_ASSESSORS} 名。`, `At most ${MAXIMUM_MIN_ASSESSORS} assessors per project may be required.`));
  }
  if (!(AGGREGATIONS as readonly unknown[]).includes(a?.aggregation)) {
    out.push(problem('assessment.aggregation', `计分方式无效，应为 ${AGGREGATIONS.join('、')} 之一。`, `Aggregation must be one of ${AGGREGATIONS.join(', ')}.`));
  } else if (a!.aggregation === 'trimmed_mean' && Number.isInteger(minAssessors) && (minAssessors as number) < 3) {
    out.push(problem('assessment.minAssessors', '“去掉一个最高分和一个最低分”至少需要 3 名评估专家。', 'A trimmed mean (dropping the highest and lowest) needs at least 3 assessors.'));
  }
  out.push(...bandProblems(a?.gradeBands, scale));
  if (a?.normalisation !== undefined && a.normalisation !== null && !(NORMALISATIONS as readonly unknown[]).includes(a.normalisation)) {
    out.push(problem('assessment.normalisation', `排名方式无效，应为 ${NORMALISATIONS.join('、')} 之一（不填则按总分排名）。`, `normalisation must be one of ${NORMALISATIONS.join(', ')} (leave it out to rank on totals).`));
  }
  const t = a?.disagreementThreshold;
  if (!isNumber(t) || t <= 0 || (scale !== null && t > scale.max - scale.min)) {
    out.push(problem('assessment.disagreementThreshold', '评分分歧阈值必须为正数，且不超过评分范围。', 'The disagreement threshold must be positive and no wider than the scale.'));
  }
  return out;
}

function approvalLevelProblems(levels: unknown, campaignLevel: HierarchyLevel | undefined): FieldProblem[] {
  if (!Array.isArray(levels) || levels.length === 0) return [problem('approvalLevels', '请至少指定一级立项审批（如 city）。', 'Name at least one approval level (e.g. city).')];
  const out = levels.flatMap((l, i) =>
    isHierarchyLevel(l) ? [] : [problem(`approvalLevels[${i}]`, `未知的审批层级“${String(l)}”。`, `Unknown approval level "${String(l)}".`)],
  );
  for (const d of duplicates(levels)) out.push(problem('approvalLevels', `审批层级“${String(d)}”重复。`, `Approval level "${String(d)}" is listed twice.`));
  // Projects are approved by competition committees, which sit at county, city and province level.
  levels.forEach((l, i) => {
    if (isHierarchyLevel(l) && !(APPROVAL_LEVELS as readonly string[]).includes(l)) {
      out.push(problem(`approvalLevels[${i}]`, `“${HIERARCHY_LEVEL_LABELS[l]}”不设竞赛委员会，不能作为立项审批层级；可选：县级 county、市级 city、省级 province。`, `Projects are approved by committees at county, city or province level, not at ${l} level.`));
    }
  });
  const known = levels.filter(isHierarchyLevel);
  if (known.some((l, i) => i > 0 && levelRank(known[i - 1]) <= levelRank(l))) {
    out.push(problem('approvalLevels', '审批层级应由低到高排列（如先县级后市级）。', 'List approval levels from lowest to highest (e.g. county, then city).'));
  }
  if (isHierarchyLevel(campaignLevel) && known.some((l) => levelRank(l) < levelRank(campaignLevel))) {
    out.push(problem('approvalLevels', '审批层级不能高于主办竞赛委员会的层级。', 'An approval level cannot be above the organising committee’s level.'));
  }
  return out;
}

function targetProblems(targets: unknown): FieldProblem[] {
  if (!Array.isArray(targets)) return [problem('targets', '目标任务应为列表（可为空）。', 'Targets must be a list (it may be empty).')];
  const out = targets.flatMap((t, i) => [
    ...(isCampaignMetric(t?.metric) ? [] : [problem(`targets[${i}].metric`, `未知的目标指标“${String(t?.metric)}”。`, `Unknown target metric "${String(t?.metric)}".`)]),
    ...(isNumber(t?.target) && t.target > 0 ? [] : [problem(`targets[${i}].target`, '目标值必须为正数。', 'A target must be a positive number.')]),
    ...(isNumber(t?.target) && t.target > 0 && isCampaignMetric(t?.metric) && !MEASURED_METRICS.includes(t.metric) && !Number.isInteger(t.target)
      ? [problem(`targets[${i}].target`, `目标值应为整数（单位：${CAMPAIGN_METRICS[t.metric as CampaignMetric].unitZh}）。`, `A target of ${String(t.metric)} is a count: a whole number.`)]
      : []),
    ...(isNumber(t?.target) && t.target > MAX_METRIC_VALUE
      ? [problem(`targets[${i}].target`, `目标值超出合理范围，最多 ${MAX_METRIC_VALUE.toLocaleString('en-US')}。`, `A target may be at most ${MAX_METRIC_VALUE.toLocaleString('en-US')}.`)]
      : []),
  ]);
  for (const d of duplicates(targets.map((t) => t?.metric))) out.push(problem('targets', `目标指标“${String(d)}”重复。`, `Target metric "${String(d)}" is listed twice.`));
  return out;
}

/** Figures measured rather than counted: their targets may have decimals. */
export const MEASURED_METRICS: readonly string[] = ['energy_saved_tce'];

/** The levels whose competition committees approve projects. */
export const APPROVAL_LEVELS: readonly HierarchyLevel[] = ['county', 'city', 'province'];

/**
 * The span reports are owed over (the campaign period, else the campaign's year) must run past
 * the application deadline: a campaign whose year is over before entries close would leave its
 * projects nothing to report.
 */
export function spanProblems(r: Partial<CampaignRules>, year: number | undefined): FieldProblem[] {
  const closesAt = r.applicationWindow?.closesAt;
  if (!isIsoInstant(closesAt) || typeof year !== 'number' || !Number.isInteger(year)) return [];
  // A period that is no real span is refused on its own (periodProblems).
  if (r.campaignPeriod && (!isIsoDate(r.campaignPeriod.startsOn) || !isIsoDate(r.campaignPeriod.endsOn) || r.campaignPeriod.startsOn >= r.campaignPeriod.endsOn)) return [];
  const span = campaignSpan({ campaignPeriod: r.campaignPeriod ?? null }, year);
  const closesOn = beijingDate(closesAt);
  if (span.endsOn >= closesOn) return [];
  const field = r.campaignPeriod ? 'campaignPeriod.endsOn' : 'year';
  return [
    problem(
      field,
      `竞赛周期（${span.startsOn} 至 ${span.endsOn}）在报名截止（${closesOn}）前已结束，参赛项目将无期可报。请核对${r.campaignPeriod ? '竞赛周期' : '年度，或设置竞赛周期 campaignPeriod'}。`,
      `The campaign runs ${span.startsOn} to ${span.endsOn}, ending before entries close on ${closesOn}: projects would have nothing to report. Check the ${r.campaignPeriod ? 'campaign period' : 'year, or set campaignPeriod'}.`,
    ),
  ];
}

/** Every problem with a set of rules, so the committee can fix them in one go. */
export function rulesProblems(r: Partial<CampaignRules>, campaignLevel?: HierarchyLevel): FieldProblem[] {
  return [
    ...categoryProblems(r.categories),
    ...windowProblems(r.applicationWindow),
    ...((REPORTING_CADENCES as readonly unknown[]).includes(r.reportingCadence)
      ? []
      : [problem('reportingCadence', `信息反馈频次无效，应为 ${REPORTING_CADENCES.join('、')} 之一。`, `The reporting cadence must be one of ${REPORTING_CADENCES.join(', ')}.`)]),
    ...assessmentProblems(r.assessment),
    ...approvalLevelProblems(r.approvalLevels, campaignLevel),
    ...targetProblems(r.targets),
    ...periodProblems(r.campaignPeriod),
  ];
}
