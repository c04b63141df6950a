import { addDays, beijingDate, isDateText } from './calendar';
import { ReportingCadence } from './campaign.catalogue';
import { Campaign } from './campaign.state';
import { CampaignRules } from './campaign-rules';

/**
 * A report is due by the end of the 10th day after its period ends (Beijing time): the 2021-08
 * report by 2021-09-10, the 2021-Q3 report by 2021-10-10. From `endOfBeijingDay(dueOn)` on it is
 * overdue. Ten days is the usual 信息反馈 practice in the notices ("每月/季度结束后10日内报送").
 */
export const REPORT_DUE_DAYS_AFTER_PERIOD = 10;

/** One reporting period (信息反馈周期): `2021-08` (monthly) or `2021-Q3` (quarterly). */
export interface ReportingPeriod {
  period: string;
  cadence: ReportingCadence;
  /** First and last calendar day of the period, whole months or quarters. */
  startsOn: string;
  endsOn: string;
  /** Last day on which the report is on time. */
  dueOn: string;
}

/**
 * What a progress report needs to know about its campaign, for the rules version in force:
 * the cadence and the span of days the campaign runs over (see `campaignReportingFacts`).
 */
export interface CampaignReportingFacts {
  rulesVersion: number;
  cadence: ReportingCadence;
  startsOn: string;
  endsOn: string;
  /**
   * After a change of cadence, the periods these rules owe: those beginning on or after
   * `owedFrom` and before `owedBefore` (absent or null: no bound). The months before are
   * reported under the earlier rules, those after under the later ones (see `reportingRegimes`).
   */
  owedFrom?: string | null;
  owedBefore?: string | null;
}

const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})-Q([1-4])$/;
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

function spanning(period: string, cadence: ReportingCadence, year: number, firstMonth: number, lastMonth: number): ReportingPeriod {
  const endsOn = lastDayOf(year, lastMonth);
  return { period, cadence, startsOn: `${year}-${pad(firstMonth)}-01`, endsOn, dueOn: addDays(endsOn, REPORT_DUE_DAYS_AFTER_PERIOD) };
}

// Periods are few (16 a year) and asked for on every report and every approval a rebuild replays:
// each is worked out once. Callers get a copy, so the cached one never changes.
const parsed = new Map<string, ReportingPeriod>();

/** The period a period key names (`2021-08` monthly, `2021-Q3` quarterly), or null if it names none. */
export function parsePeriod(key: unknown): ReportingPeriod | null {
  if (typeof key !== 'string') return null;
  const known = parsed.get(key);
  if (known) return { ...known };
  const period = computePeriod(key);
  if (period) {
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(key, period);
    return { ...period };
  }
  return null;
}

function computePeriod(key: string): ReportingPeriod | null {
  const m = MONTHLY.exec(key);
  if (m) return spanning(key, 'monthly', Number(m[1]), Number(m[2]), Number(m[2]));
  const q = QUARTERLY.exec(key);
  if (q) {
    const quarter = Number(q[2]);
    return spanning(key, 'quarterly', Number(q[1]), quarter * 3 - 2, quarter * 3);
  }
  return null;
}

/**
 * Periods in the order of time: by the day they end, then the day they begin, so across a change
 * of cadence `2021-Q3` comes before `2021-10` (as text it sorts after `2021-12`). Keys that name
 * no period come last, as text.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa && pb) return pa.endsOn !== pb.endsOn ? (pa.endsOn < pb.endsOn ? -1 : 1) : pa.startsOn !== pb.startsOn ? (pa.startsOn < pb.startsOn ? -1 : 1) : 0;
  if (pa || pb) return pa ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const QUARTER_ZH = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** A period as people read it: 2021年8月, 2021年第三季度 (the key itself when it names none). */
export function periodLabel(key: string): string {
  const m = MONTHLY.exec(key);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  const q = QUARTERLY.exec(key);
  return q ? `${q[1]}年${QUARTER_ZH[Number(q[2])]}` : key;
}

/** The period of this cadence that contains a date (YYYY-MM-DD). */
export function periodOf(cadence: ReportingCadence, date: string): ReportingPeriod {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return parsePeriod(cadence === 'monthly' ? `${year}-${pad(month)}` : `${year}-Q${Math.ceil(month / 3)}`)!;
}

/**
 * Every period of the cadence that overlaps the days from `startsOn` to `endsOn` (inclusive), in
 * order; a project owes one report for each. Empty when the dates are invalid or reversed.
 */
export function reportingPeriods(cadence: ReportingCadence, startsOn: string, endsOn: string): ReportingPeriod[] {
  if (!isDateText(startsOn) || !isDateText(endsOn) || startsOn > endsOn) return [];
  const out: ReportingPeriod[] = [];
  for (let p = periodOf(cadence, startsOn); p.startsOn <= endsOn; p = periodOf(cadence, addDays(p.endsOn, 1))) out.push(p);
  return out;
}

/**
 * The periods a project owes reports for: those overlapping both its implementation plan and
 * the campaign's span.
 */
export function owedPeriods(facts: CampaignReportingFacts, plan: { startsOn: string; endsOn: string }): ReportingPeriod[] {
  const from = [plan.startsOn, facts.startsOn, facts.owedFrom ?? ''].reduce((a, b) => (b > a ? b : a));
  const to = [plan.endsOn, facts.endsOn, facts.owedBefore ? addDays(facts.owedBefore, -1) : plan.endsOn].reduce((a, b) => (b < a ? b : a));
  // Bounds of a regime are days periods of both cadences begin on: the periods overlapping them begin within them.
  return reportingPeriods(facts.cadence, from, to);
}

/**
 * Whether a report for the period is owed by a project approved at `approvedAt` (null: not
 * known, owed): only when its due date falls after the day of approval, since the unit could
 * not file for the project before it was approved. An earlier period may still be reported.
 */
export function owedSinceApproval(period: Pick<ReportingPeriod, 'dueOn'>, approvedAt: string | null): boolean {
  return approvedAt === null || period.dueOn > beijingDate(approvedAt);
}

/**
 * Reporting facts for a campaign under a rules version (default: the one in force). Campaign
 * rules carry no separate reporting span, so the campaign's calendar year is used; a handler
 * that knows better may build the facts itself.
 */
export function campaignReportingFacts(campaign: Campaign, rulesVersion = campaign.rulesVersion): CampaignReportingFacts {
  const rules = campaign.ruleVersions[rulesVersion]?.rules ?? campaign.rules;
  return { rulesVersion, cadence: rules.reportingCadence, ...campaignSpan(rules, campaign.year) };
}

/** The days a campaign runs over: its 竞赛周期 when set, else its calendar year. */
export function campaignSpan(rules: Pick<CampaignRules, 'campaignPeriod'>, year: number): { startsOn: string; endsOn: string } {
  return rules.campaignPeriod ? { startsOn: rules.campaignPeriod.startsOn, endsOn: rules.campaignPeriod.endsOn } : { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
}

/**
 * One stretch of a campaign under the same reporting rules (cadence and span): its facts say
 * which periods it owes (`owedFrom`, `owedBefore`). Each month of a project's plan is reported
 * once, under one regime, and no report comes due retroactively.
 */
export interface ReportingRegime {
  facts: CampaignReportingFacts;
  /** The day (Beijing) the rules of this regime were adopted; null for the first. */
  changedOn: string | null;
  /** The rules version that began it (its facts name the latest one it continued into). */
  sinceVersion: number;
}

const nextMonth = (day: string): string => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
};

/**
 * The day a new cadence takes over after a change of the reporting rules on `changeDay`: the
 * first day, from the start of the old period the change falls in, on which periods of both
 * cadences begin and whose new period is not yet due that day. The old cadence owes the periods
 * before it (the quarter under way is finished quarterly; the months already past their due
 * day stay monthly), the new one those from it. So monthly → quarterly on 2021-08-20 takes
 * over on 2021-10-01 (2021-08 and 2021-09 still monthly), quarterly → monthly on 2021-07-05 on
 * 2021-07-01 (July's report is not due until 08-10), and on 2021-08-20 on 2021-10-01 (2021-Q3
 * still quarterly, since July's was due before the change).
 */
export function cadenceTakesOver(oldCadence: ReportingCadence, newCadence: ReportingCadence, changeDay: string): string {
  let day = periodOf(oldCadence, changeDay).startsOn;
  while (periodOf(oldCadence, day).startsOn !== day || periodOf(newCadence, day).startsOn !== day || periodOf(newCadence, day).dueOn <= changeDay) day = nextMonth(day);
  return day;
}

/**
 * The campaign's reporting regimes in order, the last one in force now. A rules version that
 * changes neither cadence nor span continues the regime before it (whose facts then name the
 * latest such version). A change recorded without its time (older logs) cannot be placed: the
 * new rules then judge every period, as they used to.
 */
export function reportingRegimes(campaign: Campaign): ReportingRegime[] {
  const regimes: ReportingRegime[] = [];
  for (let v = 1; v <= campaign.rulesVersion; v++) {
    const version = campaign.ruleVersions[v];
    if (!version) continue;
    const facts: CampaignReportingFacts = { rulesVersion: v, cadence: version.rules.reportingCadence, ...campaignSpan(version.rules, campaign.year) };
    const last = regimes[regimes.length - 1];
    if (last && last.facts.cadence === facts.cadence && last.facts.startsOn === facts.startsOn && last.facts.endsOn === facts.endsOn) {
      last.facts = { ...last.facts, rulesVersion: v };
      continue;
    }
    const since = version.since ?? null;
    if (last && since === null) regimes.length = 0;
    if (last && since !== null) {
      const changedOn = beijingDate(since);
      const from = nextRegimeFrom(last.facts, facts.cadence, changedOn);
      last.facts = { ...last.facts, owedBefore: from };
      regimes.push({ facts: { ...facts, owedFrom: from }, changedOn, sinceVersion: v });
    } else {
      regimes.push({ facts, changedOn: null, sinceVersion: v });
    }
  }
  return regimes.length > 0 ? regimes : [{ facts: campaignReportingFacts(campaign), changedOn: null, sinceVersion: 1 }];
}

/**
 * The day a regime that follows `last` is owed from, after a change of the rules on `changedOn`:
 * the day the new cadence takes over, but never before `last` itself took over (two changes within
 * one period), and always on a day periods of both cadences begin. The deadlines projection
 * places a change with this too.
 */
export function nextRegimeFrom(last: Pick<CampaignReportingFacts, 'cadence' | 'owedFrom'>, cadence: ReportingCadence, changedOn: string): string {
  const takesOver = cadenceTakesOver(last.cadence, cadence, changedOn);
  return last.owedFrom && last.owedFrom > takesOver ? commonPeriodStart(last.cadence, cadence, last.owedFrom) : takesOver;
}

/** The first day, on or after `day`, on which periods of both cadences begin. */
export function commonPeriodStart(a: ReportingCadence, b: ReportingCadence, day: string): string {
  let d = day.slice(8) === '01' ? day : nextMonth(day);
  while (periodOf(a, d).startsOn !== d || periodOf(b, d).startsOn !== d) d = nextMonth(d);
  return d;
}

/**
 * Moves one change of reporting rules for one project: the stretch at `index` is owed from `day`
 * on (never earlier than it was), and every later stretch from no earlier than that. Each
 * stretch then owes the periods begun before the next one's day.
 */
export function takeOverLater(facts: CampaignReportingFacts[], index: number, day: string): void {
  for (let j = index; j < facts.length; j++) {
    // A later stretch pushed along begins where periods of both its cadence and the one before it begin, or a month is owed twice.
    const earliest = j === index ? day : commonPeriodStart(facts[j - 1]!.cadence, facts[j]!.cadence, facts[j - 1]!.owedFrom ?? day);
    if ((facts[j]!.owedFrom ?? '') < earliest) facts[j]!.owedFrom = earliest;
    facts[j - 1]!.owedBefore = facts[j]!.owedFrom;
  }
}

/**
 * A project's reporting regimes. A period the project had already filed under earlier rules that
 * begins on or after the day the new cadence takes over (the change came while that period was
 * under way, and the unit had reported it) keeps its months under those rules: for this project
 * the new cadence takes over on the first day periods of both begin after it. So no month is
 * reported twice, and a report on record stays one the rules owe (it may be corrected).
 */
export function projectRegimes(regimes: ReportingRegime[], reports: ReadonlyArray<{ period: string; rulesVersion: number }>): ReportingRegime[] {
  if (regimes.length < 2 || reports.length === 0) return regimes;
  const facts = regimes.map((r) => ({ ...r.facts }));
  for (let i = 1; i < regimes.length; i++) {
    const from = facts[i]!.owedFrom;
    if (!from) continue;
    let lastEnd: string | null = null;
    for (const r of reports) {
      const p = r.rulesVersion < regimes[i]!.sinceVersion ? parsePeriod(r.period) : null;
      if (p && p.startsOn >= from && (lastEnd === null || p.endsOn > lastEnd)) lastEnd = p.endsOn;
    }
    if (lastEnd !== null) takeOverLater(facts, i, commonPeriodStart(facts[i - 1]!.cadence, facts[i]!.cadence, addDays(lastEnd, 1)));
  }
  return regimes.map((r, i) => ({ ...r, facts: facts[i]! }));
}

/** The periods a project owes over the campaign's regimes (see `owedPeriods`), each with the regime it is owed under. */
export function owedRegimePeriods(regimes: ReportingRegime[], plan: { startsOn: string; endsOn: string }): Array<{ period: ReportingPeriod; regime: ReportingRegime }> {
  return regimes.flatMap((regime) => owedPeriods(regime.facts, plan).map((period) => ({ period, regime })));
}
