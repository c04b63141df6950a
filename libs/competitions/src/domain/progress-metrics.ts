import { round2 } from './assessment-scoring';
import { CampaignMetric, MetricLabel } from './campaign.catalogue';
import { FieldProblem, problem } from './field-problem';
import { comparePeriods } from './reporting-periods';

export interface ProgressMetricLabel extends MetricLabel {
  /** Counts are whole numbers; measured quantities (energy) may have decimals. */
  whole: boolean;
  /** The campaign target metric (目标任务) this figure counts towards. */
  campaignMetric: CampaignMetric;
  /**
   * `flow`: what happened in the period (participant-times, innovations, suggestions, energy
   * saved), so a project's periods add up. `stock`: a standing count each report restates (the
   * enterprises taking part), so adding periods would count the same enterprise again.
   */
  accrues: 'flow' | 'stock';
}

/** Figures a project reports per period (信息反馈) and in its summary (totals for the whole period). */
export const PROGRESS_METRICS = {
  participants: { zh: '参与职工人次', en: 'Participant-times', unitZh: '人次', whole: true, campaignMetric: 'participant_times', accrues: 'flow' },
  participating_enterprises: { zh: '参赛企业', en: 'Participating enterprises', unitZh: '家', whole: true, campaignMetric: 'enterprises', accrues: 'stock' },
  // Of those, the non-public ones (非公企业覆盖面): a county union running the non-public competition reports them; left out, a non-public unit's own count stands for it.
  non_public_enterprises: { zh: '参赛非公企业', en: 'Participating non-public enterprises', unitZh: '家', whole: true, campaignMetric: 'non_public_enterprises', accrues: 'stock' },
  technical_innovations: { zh: '技术革新项目', en: 'Technical innovations', unitZh: '项', whole: true, campaignMetric: 'technical_innovations', accrues: 'flow' },
  operating_methods: { zh: '先进操作法', en: 'Advanced operating methods', unitZh: '项', whole: true, campaignMetric: 'operating_methods', accrues: 'flow' },
  suggestions_made: { zh: '合理化建议（提出）', en: 'Rational suggestions made', unitZh: '条', whole: true, campaignMetric: 'suggestions_made', accrues: 'flow' },
  suggestions_adopted: { zh: '合理化建议（采纳）', en: 'Rational suggestions adopted', unitZh: '条', whole: true, campaignMetric: 'suggestions_adopted', accrues: 'flow' },
  five_small_results: { zh: '“五小”成果', en: '"Five small" results', unitZh: '项', whole: true, campaignMetric: 'five_small_results', accrues: 'flow' },
  energy_saved_tce: { zh: '节能量', en: 'Energy saved', unitZh: '吨标准煤', whole: false, campaignMetric: 'energy_saved_tce', accrues: 'flow' },
  safety_training_times: { zh: '安全培训人次', en: 'Safety training attendance', unitZh: '人次', whole: true, campaignMetric: 'safety_training_times', accrues: 'flow' },
  innovation_studios: { zh: '劳模（工匠）创新工作室', en: 'Model-worker innovation studios', unitZh: '个', whole: true, campaignMetric: 'innovation_studios', accrues: 'stock' },
  // Shanghai's 「十百千万」 (seeds/001): chief technicians and their studios, high-skill talent trained, new technicians, featured teams, Ankang Cup winners.
  chief_technician_studios: { zh: '首席技师工作室', en: 'Chief technician studios', unitZh: '个', whole: true, campaignMetric: 'chief_technician_studios', accrues: 'stock' },
  chief_technicians: { zh: '首席技师', en: 'Chief technicians', unitZh: '名', whole: true, campaignMetric: 'chief_technicians', accrues: 'stock' },
  high_skill_talents_trained: { zh: '培养高技能人才', en: 'High-skill talent trained', unitZh: '名', whole: true, campaignMetric: 'high_skill_talents_trained', accrues: 'flow' },
  new_technicians: { zh: '新增技师、高级技师', en: 'New technicians and senior technicians', unitZh: '名', whole: true, campaignMetric: 'new_technicians', accrues: 'flow' },
  featured_teams: { zh: '特色班组', en: 'Featured teams', unitZh: '个', whole: true, campaignMetric: 'featured_teams', accrues: 'stock' },
  ankang_cup_winners: { zh: '安康杯竞赛优胜集体', en: 'Ankang Cup winning collectives', unitZh: '个', whole: true, campaignMetric: 'ankang_cup_winners', accrues: 'flow' },
  // Nantong (seeds/000): volunteer energy-saving supervisors and city-level demonstration studios, both standing counts.
  energy_saving_supervisors: { zh: '职工节能减排义务监督员', en: 'Volunteer energy-saving supervisors', unitZh: '人', whole: true, campaignMetric: 'energy_saving_supervisors', accrues: 'stock' },
  demonstration_studios: { zh: '示范性劳模创新工作室', en: 'Demonstration model-worker innovation studios', unitZh: '个', whole: true, campaignMetric: 'demonstration_studios', accrues: 'stock' },
} as const satisfies Record<string, ProgressMetricLabel>;
export type ProgressMetric = keyof typeof PROGRESS_METRICS;
export const PROGRESS_METRIC_KEYS = Object.keys(PROGRESS_METRICS) as ProgressMetric[];

/** The figures a report gives; a metric left out was not reported (it is not zero). */
export type ProgressMetrics = Partial<Record<ProgressMetric, number>>;

/** The report metrics as a user picks them: code and name (participants（参与职工人次）、…). */
const REPORT_METRIC_CHOICES_ZH = PROGRESS_METRIC_KEYS.map((k) => `${k}（${PROGRESS_METRICS[k].zh}）`).join('、');

export const isProgressMetric = (v: unknown): v is ProgressMetric => typeof v === 'string' && Object.hasOwn(PROGRESS_METRICS, v);

/**
 * Problems with reported figures: none at all, unknown metrics, values that are not non-negative
 * numbers (whole numbers for counts), and more suggestions adopted than made.
 */
/** The largest figure any metric or target may hold (one billion): larger is a typing error. */
export const MAX_METRIC_VALUE = 1_000_000_000;

/**
 * What is wrong with a set of figures. `onePeriod`: they are one period's report, whose flows are
 * that period's new counts, so suggestions adopted are not held to those made in the same period
 * (August's are adopted in September); the running totals are (`runningTotalProblems`).
 */
export function metricsProblems(metrics: unknown, field: string, onePeriod = false): FieldProblem[] {
  if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
    return [problem(field, '请按指标填写数据。', 'Give the figures as an object of metric → number.')];
  }
  const out: FieldProblem[] = [];
  if (Object.keys(metrics).length === 0) {
    out.push(problem(field, `请至少填报一项指标（${PROGRESS_METRIC_KEYS.map((k) => PROGRESS_METRICS[k].zh).join('、')}）；没有进展的指标请填 0。`, `Report at least one metric (${PROGRESS_METRIC_KEYS.join(', ')}); give 0 where there was none.`));
  }
  for (const [key, value] of Object.entries(metrics)) {
    if (!isProgressMetric(key)) {
      // A campaign's target key (participant_times) is the usual slip: name the report's key for the same figure.
      const meant = PROGRESS_METRIC_KEYS.find((k) => PROGRESS_METRICS[k].campaignMetric === key && k !== key);
      const hintZh = meant ? `“${key}”是竞赛目标任务的指标代码，报送时${PROGRESS_METRICS[meant].zh}请填 ${meant}。` : `未知的指标“${key}”。`;
      const hintEn = meant ? `"${key}" is a campaign target metric; report ${PROGRESS_METRICS[meant].en.toLowerCase()} as ${meant}.` : `Unknown metric "${key}".`;
      out.push(problem(`${field}.${key}`, `${hintZh}可填：${REPORT_METRIC_CHOICES_ZH}。`, `${hintEn} Use ${PROGRESS_METRIC_KEYS.join(', ')}.`));
      continue;
    }
    const m = PROGRESS_METRICS[key];
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && (!m.whole || Number.isInteger(value));
    if (!ok) {
      out.push(
        problem(`${field}.${key}`, `${m.zh}应为${m.whole ? '非负整数' : '非负数'}（单位：${m.unitZh}）。`, `${m.en} must be a ${m.whole ? 'whole number' : 'number'}, zero or more.`),
      );
    } else if (value > MAX_METRIC_VALUE) {
      // A typo, not a province: a whole country's competitions count participant-times in the hundreds of millions a year.
      out.push(problem(`${field}.${key}`, `${m.zh}（${value}）超出合理范围，最多 ${MAX_METRIC_VALUE.toLocaleString('en-US')}，请核对。`, `${m.en} (${value}) is beyond ${MAX_METRIC_VALUE.toLocaleString('en-US')}; check the figure.`));
    }
  }
  const { suggestions_made: made, suggestions_adopted: adopted, participating_enterprises: all, non_public_enterprises: nonPublic } = metrics as ProgressMetrics;
  if (typeof all === 'number' && typeof nonPublic === 'number' && nonPublic > all) {
    out.push(problem(`${field}.non_public_enterprises`, `参赛非公企业（${nonPublic} 家）不能多于参赛企业（${all} 家）。`, `Non-public enterprises (${nonPublic}) cannot exceed participating enterprises (${all}).`));
  }
  if (!onePeriod && typeof made === 'number' && typeof adopted === 'number' && adopted > made) {
    out.push(problem(`${field}.suggestions_adopted`, `采纳的合理化建议（${adopted} 条）不能多于提出的（${made} 条）。`, `Suggestions adopted (${adopted}) cannot exceed suggestions made (${made}).`));
  }
  return out;
}

/**
 * Period reports' running totals, through each period in order, with `report` in force for its
 * period: suggestions adopted so far may not exceed those made so far (review 50 #4: a month may
 * adopt more than it receives, the project as a whole may not).
 */
export function runningTotalProblems(reports: ReadonlyArray<{ period: string; metrics: ProgressMetrics }>, report: { period: string; metrics: ProgressMetrics }, field: string): FieldProblem[] {
  const inForce = [...reports.filter((r) => r.period !== report.period), report].sort((a, b) => comparePeriods(a.period, b.period));
  let made = 0;
  let adopted = 0;
  for (const r of inForce) {
    made += r.metrics.suggestions_made ?? 0;
    adopted += r.metrics.suggestions_adopted ?? 0;
    if (adopted > made) {
      return [
        problem(
          `${field}.suggestions_adopted`,
          `截至 ${r.period} 累计采纳的合理化建议（${adopted} 条）多于累计提出的（${made} 条），请核对本期（${report.period}）的数字。`,
          `Through ${r.period}, suggestions adopted in total (${adopted}) would exceed those made in total (${made}); check this period's (${report.period}) figures.`,
        ),
      ];
    }
  }
  return [];
}

/**
 * A project's figures over several periods (each period's report in force): flows add up; a
 * stock is the value of the latest period that reports it, since it is where the project
 * stands now (the same enterprise taking part in November and December is one enterprise).
 */
export function combinePeriods(reports: ReadonlyArray<{ period: string; metrics: ProgressMetrics }>): ProgressMetrics {
  const out: ProgressMetrics = {};
  // In the order of time, not of the keys' text: across a change of cadence 2021-Q3 comes before 2021-10.
  const inOrder = [...reports].sort((a, b) => comparePeriods(a.period, b.period));
  for (const r of inOrder) {
    for (const k of PROGRESS_METRIC_KEYS) {
      const v = r.metrics[k];
      if (typeof v !== 'number') continue;
      out[k] = PROGRESS_METRICS[k].accrues === 'stock' ? v : round2((out[k] ?? 0) + v);
    }
  }
  return out;
}

/** One figure of a summary beside what the project's period reports already give. */
export interface SummaryCheck {
  metric: ProgressMetric;
  label: string;
  unit: string;
  summary: number | null;
  /** The reports in force combined (`combinePeriods`): a sum for flows, the latest value for a stock. */
  reports: number | null;
  basis: 'sum' | 'latest';
  /** The basis as a form says it (review 46 #7): 累计 figures add up over periods, 时点 ones are the count at the end. */
  basisLabel: string;
  /**
   * `below`: less than the reports already gave; `above`: more than a tenth over them (the last weeks may
   * be in no report, so a little more is normal); `unreported`: no report gives it at all; `missing`: the
   * reports give it, the summary leaves it out (an accepted summary replaces the reports in the statistics).
   */
  flag: 'below' | 'above' | 'unreported' | 'missing' | null;
  noteZh: string | null;
}

/** How far a summary may exceed its reports before it is flagged: the last weeks of the period may be in no report. */
export const SUMMARY_ABOVE_TOLERANCE = 0.1;

/**
 * What a committee checks before accepting a summary (totals for the whole period): each figure
 * against the period reports. A total below what the reports already add up to, more than a
 * tenth above it (over-reporting, 虚报), a figure no report gives, or one the reports give and
 * the summary leaves out, is flagged. The committee decides; accepting over a flag takes a note.
 */
export function summaryAgainstReports(outcomes: ProgressMetrics, reports: ReadonlyArray<{ period: string; metrics: ProgressMetrics }>): SummaryCheck[] {
  const combined = combinePeriods(reports);
  return PROGRESS_METRIC_KEYS.filter((k) => typeof outcomes[k] === 'number' || typeof combined[k] === 'number').map((k) => {
    const m = PROGRESS_METRICS[k];
    const summary = outcomes[k] ?? null;
    const fromReports = combined[k] ?? null;
    const basis = m.accrues === 'stock' ? 'latest' : 'sum';
    const what = basis === 'sum' ? '各期报告合计' : '最近一期报告';
    const over = fromReports === null || summary === null ? 0 : summary - fromReports;
    const flag =
      fromReports === null ? (summary !== null && summary > 0 ? 'unreported' : null)
      : summary === null ? 'missing'
      : summary < fromReports ? 'below'
      : over > (basis === 'sum' ? fromReports * SUMMARY_ABOVE_TOLERANCE : 0) ? 'above'
      : null;
    const percent = fromReports ? Math.round((over / fromReports) * 100) : 0;
    const noteZh =
      flag === 'below' ? `总结${m.zh} ${summary} ${m.unitZh}，少于${what} ${fromReports} ${m.unitZh}，请核实。`
      : flag === 'above'
        ? `总结${m.zh} ${summary} ${m.unitZh}，比${what} ${fromReports} ${m.unitZh}多 ${round2(over)} ${m.unitZh}（${percent}%），请核实是否属实${basis === 'latest' ? '（该项为时点数，应填期末数，不应将各期相加）' : ''}。`
      : flag === 'unreported' ? `总结${m.zh} ${summary} ${m.unitZh}，各期报告均未填报该指标，请核实来源。`
      : flag === 'missing' ? `总结未填${m.zh}，${what}为 ${fromReports} ${m.unitZh}；总结通过后统计以总结为准，该项将不再计入。`
      : null;
    const basisLabel = basis === 'sum' ? '累计（各期相加）' : '时点（期末数）';
    return { metric: k, label: m.zh, unit: m.unitZh, summary, reports: fromReports, basis, basisLabel, flag, noteZh };
  });
}
