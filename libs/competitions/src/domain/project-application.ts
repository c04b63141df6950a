import { isIsoDate } from './calendar';
import { CAMPAIGN_METRICS, CampaignMetric, isCampaignMetric } from './campaign.catalogue';
import { MEASURED_METRICS } from './campaign-rules.validate';
import { FieldProblem, isBlank, problem } from './field-problem';
import { MAX_METRIC_VALUE } from './progress-metrics';

/** 参赛报名表. */
export type RegistrationForm = {
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
  /** Workers taking part. */
  headcount: number;
  participatingEnterprises?: number | null;
  notes?: string | null;
};

/** 竞赛实施方案: goals, period and measures, with optional figures to aim for. */
export type ImplementationPlan = {
  goals: string;
  startsOn: string;
  endsOn: string;
  measures: string;
  targets?: Array<{ metric: CampaignMetric; target: number }>;
};

/** The largest headcount a registration form may state: no competition enters more workers. */
export const MAXIMUM_HEADCOUNT = 10_000_000;
/** The most participating enterprises a registration form may state. */
export const MAXIMUM_PARTICIPATING_ENTERPRISES = 1_000_000;

const PHONE = /^[0-9+\-() ]{5,20}$/;
const wholeBetween = (v: unknown, min: number, max: number): boolean => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * Problems with the application. A draft may be incomplete but nothing in it may be wrong;
 * a submission must also be complete (both documents filed, as the Jiujiang notice asks).
 */
export function applicationProblems(title: unknown, form: Partial<RegistrationForm> | undefined, plan: Partial<ImplementationPlan> | undefined, mode: 'draft' | 'submit'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const complete = mode === 'submit';
  if (isBlank(title)) out.push(problem('title', '请填写项目名称。', 'Give the project a title.'));
  if (complete && isBlank(form?.contactName)) out.push(problem('registrationForm.contactName', '请填写联系人。', 'Name a contact person.'));
  if (complete && isBlank(form?.contactPhone)) out.push(problem('registrationForm.contactPhone', '请填写联系电话。', 'Give a contact phone number.'));
  else if (!isBlank(form?.contactPhone) && !PHONE.test(form!.contactPhone!)) out.push(problem('registrationForm.contactPhone', '联系电话格式不正确。', 'The phone number is not valid.'));
  if (form?.headcount !== undefined || complete) {
    if (!wholeBetween(form?.headcount, complete ? 1 : 0, MAXIMUM_HEADCOUNT)) {
      out.push(problem('registrationForm.headcount', `参赛职工人数应为不超过 ${MAXIMUM_HEADCOUNT} 的正整数。`, `Headcount must be a positive whole number, at most ${MAXIMUM_HEADCOUNT}.`));
    }
  }
  const enterprises = form?.participatingEnterprises;
  if (enterprises !== undefined && enterprises !== null && !wholeBetween(enterprises, 0, MAXIMUM_PARTICIPATING_ENTERPRISES)) {
    out.push(
      problem(
        'registrationForm.participatingEnterprises',
        `参赛企业数应为 0 至 ${MAXIMUM_PARTICIPATING_ENTERPRISES} 的整数。`,
        `Participating enterprises must be a whole number from 0 to ${MAXIMUM_PARTICIPATING_ENTERPRISES}.`,
      ),
    );
  }
  if (complete && isBlank(plan?.goals)) out.push(problem('implementationPlan.goals', '请填写竞赛目标。', 'State the goals.'));
  if (complete && isBlank(plan?.measures)) out.push(problem('implementationPlan.measures', '请填写主要措施。', 'Describe the measures.'));
  for (const f of ['startsOn', 'endsOn'] as const) {
    const v = plan?.[f];
    const given = typeof v === 'string' && v !== '';
    if ((given || complete) && !isIsoDate(v)) out.push(problem(`implementationPlan.${f}`, '请填写有效日期（YYYY-MM-DD）。', 'Give a real date written YYYY-MM-DD.'));
  }
  if (isIsoDate(plan?.startsOn) && isIsoDate(plan?.endsOn) && plan!.startsOn! > plan!.endsOn!) {
    out.push(problem('implementationPlan', '竞赛开始日期不能晚于结束日期。', 'The plan cannot end before it starts.'));
  }
  (plan?.targets ?? []).forEach((t, i) => {
    if (!isCampaignMetric(t?.metric)) out.push(problem(`implementationPlan.targets[${i}].metric`, `未知的指标“${String(t?.metric)}”。`, `Unknown metric "${String(t?.metric)}".`));
    if (typeof t?.target !== 'number' || !(t.target > 0)) out.push(problem(`implementationPlan.targets[${i}].target`, '目标值必须为正数。', 'A target must be a positive number.'));
    else if (t.target > MAX_METRIC_VALUE) {
      out.push(problem(`implementationPlan.targets[${i}].target`, `目标值超出合理范围，最多 ${MAX_METRIC_VALUE.toLocaleString('en-US')}。`, `A target may be at most ${MAX_METRIC_VALUE.toLocaleString('en-US')}.`));
    } else if (isCampaignMetric(t.metric) && !MEASURED_METRICS.includes(t.metric) && !Number.isInteger(t.target)) {
      // A count, as the campaign's own targets are (review 41 #10: 1.5 participant-times was taken here).
      out.push(problem(`implementationPlan.targets[${i}].target`, `目标值应为整数（单位：${CAMPAIGN_METRICS[t.metric].unitZh}）。`, `A target of ${t.metric} is a count: a whole number.`));
    }
  });
  return out;
}

/** The three parts of an application a draft edit replaces whole: each part's problems depend on that part alone. */
export type ApplicationPart = 'title' | 'registrationForm' | 'implementationPlan';

/** The part a problem's field belongs to (`registrationForm.contactName` → `registrationForm`). */
export function applicationPartOf(field: string): ApplicationPart {
  const head = field.split(/[.[]/)[0];
  return head === 'registrationForm' || head === 'implementationPlan' ? head : 'title';
}

/**
 * What a submission would still find missing or wrong in these parts of an application (all
 * three when `parts` is absent). A part left out of `parts` is not looked at, so a read model
 * can recompute only the parts an edit replaced.
 */
export function submissionProblems(
  app: { title?: unknown; registrationForm?: Partial<RegistrationForm>; implementationPlan?: Partial<ImplementationPlan> },
  parts?: readonly ApplicationPart[],
  /** The campaign's days, where the caller knows them: the plan must fall in them, as submitting checks (review 51 #7). */
  span?: { startsOn: string; endsOn: string },
): FieldProblem[] {
  const all = [...applicationProblems(app.title, app.registrationForm, app.implementationPlan, 'submit'), ...planWithinCampaign(app.implementationPlan, span)];
  return parts ? all.filter((p) => parts.includes(applicationPartOf(p.field))) : all;
}

/**
 * The plan's dates against the campaign's days (its period, else its year): a plan may start a
 * little before the period or run past it within the same years, but not outside the campaign's
 * calendar years (review 50 #8: a 2019–2025 plan was entered in a 2021 campaign), nor wholly
 * before or after its period (review 52 #4). Reports and the assessment's timing read the plan's
 * last day.
 */
export function planWithinCampaign(plan: Partial<ImplementationPlan> | undefined, span: { startsOn: string; endsOn: string } | undefined): FieldProblem[] {
  if (!span || !isIsoDate(plan?.startsOn) || !isIsoDate(plan?.endsOn)) return [];
  const { startsOn, endsOn } = plan as { startsOn: string; endsOn: string };
  const firstYear = span.startsOn.slice(0, 4);
  const lastYear = span.endsOn.slice(0, 4);
  const years = firstYear === lastYear ? `${firstYear} 年度` : `${firstYear}—${lastYear} 年度`;
  const period = `活动期间 ${span.startsOn} 至 ${span.endsOn}`;
  const out: FieldProblem[] = [];
  if (startsOn < `${firstYear}-01-01`) {
    out.push(problem('implementationPlan.startsOn', `竞赛实施方案的开始日期 ${startsOn} 早于竞赛活动所在年度，应在 ${years}内（${period}）。`, `The plan starts on ${startsOn}, before the campaign's years (it runs ${span.startsOn} to ${span.endsOn}).`));
  } else if (startsOn > span.endsOn) {
    out.push(problem('implementationPlan.startsOn', `竞赛实施方案的开始日期 ${startsOn} 晚于竞赛活动结束，与活动期间没有重叠（${period}）。`, `The plan starts on ${startsOn}, after the campaign ends (it runs ${span.startsOn} to ${span.endsOn}).`));
  }
  if (endsOn > `${lastYear}-12-31`) {
    out.push(problem('implementationPlan.endsOn', `竞赛实施方案的结束日期 ${endsOn} 晚于竞赛活动所在年度，应在 ${years}内（${period}）。`, `The plan ends on ${endsOn}, after the campaign's years (it runs ${span.startsOn} to ${span.endsOn}).`));
  } else if (endsOn < span.startsOn) {
    out.push(problem('implementationPlan.endsOn', `竞赛实施方案的结束日期 ${endsOn} 早于竞赛活动开始，与活动期间没有重叠（${period}）。`, `The plan ends on ${endsOn}, before the campaign begins (it runs ${span.startsOn} to ${span.endsOn}).`));
  }
  return out;
}
