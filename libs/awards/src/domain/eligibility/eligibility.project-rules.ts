import { deadlineEndMs } from '@jingsai/shared';
import { GRADE_LABELS, Grade, gradeRank } from '../catalogue/award-catalogue';
import { toEpochDay } from '../calendar/date-only';
import { INCIDENT_SEVERITY_LABELS, PROJECT_INCIDENT_LABELS, RuleKey, RuleSpec } from '../rules/rule-spec';
import { EligibilityInput, EligibilityReason, ProjectFacts } from './eligibility.facts';

/** The context every rule check receives: the input and the verdict date (Asia/Shanghai). */
export interface RuleContext {
  input: EligibilityInput;
  asOfDate: string;
}

export function reason(rule: RuleKey, passed: boolean, messageZh: string, messageEn: string, facts: Record<string, unknown>): EligibilityReason {
  return { rule, passed, messageZh, messageEn, facts };
}

/** A project as a message names it: by its title with its id where the title is known, else by its id. */
export const projectCalled = (p: Pick<ProjectFacts, 'projectId' | 'title'>): string => (p.title ? `“${p.title}”（${p.projectId}）` : ` ${p.projectId} `);

function withProject(rule: RuleKey, ctx: RuleContext, check: (p: ProjectFacts) => EligibilityReason): EligibilityReason {
  const p = ctx.input.project;
  if (!p) {
    // Said the same for every project rule (the refusal says it once): what to send, not a linking step that does not exist (review 50 #11).
    return reason(rule, false, '本轮评选规则须核对推荐对象所依托的竞赛项目，请在推荐中填写项目编号（projectId）。', "This round's rules check the competition project the nominee rests on: give it as projectId in the nomination.", { projectId: null });
  }
  return check(p);
}

/**
 * Whether the application window is still open at the verdict: before the closing instant when it
 * is known, else on or before the deadline date. Unknown deadline: closed (the rule stays strict).
 */
function windowStillOpen(p: ProjectFacts, ctx: RuleContext): boolean {
  const asOfMs = Date.parse(ctx.input.asOf);
  const closesMs = p.applicationClosesAt ? Date.parse(p.applicationClosesAt) : Number.NaN;
  // A deadline ends as submission takes it (deadlineEndMs: through its named second, or at a Beijing midnight).
  if (ctx.input.asOf.length > 10 && !Number.isNaN(asOfMs) && !Number.isNaN(closesMs)) return asOfMs < deadlineEndMs(p.applicationClosesAt!);
  return p.applicationDeadlineOn !== undefined && toEpochDay(ctx.asOfDate) <= toEpochDay(p.applicationDeadlineOn);
}

/** A withdrawn, terminated or rejected project can never file again, open window or not. */
const CLOSED_PROJECT_STATUSES: ReadonlySet<string> = new Set(['withdrawn', 'terminated', 'rejected']);

/** Jiujiang rule: entered (报名表 + 实施方案) before the deadline and approved in this campaign. */
export function appliedOnTime(ctx: RuleContext): EligibilityReason {
  return withProject('applied_on_time', ctx, (p) => {
    const facts = {
      projectId: p.projectId,
      campaignId: p.campaignId,
      roundCampaignId: ctx.input.round.campaignId ?? null,
      approved: p.approved,
      submittedOnTime: p.submittedOnTime,
      lateRefusalRecorded: p.lateRefusalRecorded,
      applicationDeadlineOn: p.applicationDeadlineOn ?? null,
      submittedOn: p.submittedOn ?? null,
    };
    const deadlineZh = p.applicationDeadlineOn ? `（截止日期 ${p.applicationDeadlineOn}）` : '';
    const deadlineEn = p.applicationDeadlineOn ? ` (deadline ${p.applicationDeadlineOn})` : '';
    const r = (passed: boolean, zh: string, en: string) => reason('applied_on_time', passed, zh, en, facts);
    // What the bar keeps it from, as the award at stake: the notice names May Day awards; another round bars it by its own rule set.
    const mayDay = String(ctx.input.awardType ?? '').startsWith('may_day');
    const barZh = mayDay ? '视为未参赛，不能参加五一各奖项评选。' : '视为未参赛；本轮评选规则要求按时报名，不能参加本轮评选。';
    const barEn = mayDay ? 'it is deemed not to have entered and cannot take part in May Day award selection.' : "it is deemed not to have entered, and this round's rules require an entry on time, so it cannot take part in this round.";
    if (ctx.input.round.campaignId !== undefined && p.campaignId !== ctx.input.round.campaignId) {
      return r(false, `项目${projectCalled(p)}属于竞赛活动 ${p.campaignId}，不属于本轮所在的活动 ${ctx.input.round.campaignId}。`, `Project ${p.projectId} belongs to campaign ${p.campaignId}, not to this round's campaign ${ctx.input.round.campaignId}.`);
    }
    // Nothing is late before the deadline: a project not yet filed (or refused before a window
    // that was reopened) can still apply on time, so it reads as not yet due, not as "deemed not
    // to have entered".
    if (p.submittedOnTime !== true && !CLOSED_PROJECT_STATUSES.has(p.status) && windowStillOpen(p, ctx)) {
      return {
        ...r(
          false,
          `项目${projectCalled(p)}尚未报送参赛报名表和竞赛实施方案，报名尚未截止${deadlineZh}：截止前报送并获立项即满足本项，目前尚不能评选。`,
          `Project ${p.projectId} has not filed the registration form and implementation plan yet; the application window is still open${deadlineEn}: filing before it closes and being approved meets this rule. Not eligible yet.`,
        ),
        pending: true,
      };
    }
    if (p.submittedOnTime === null) {
      return r(false, `项目${projectCalled(p)}未报送参赛报名表和竞赛实施方案${deadlineZh}，${barZh}`, `Project ${p.projectId} never filed the registration form and implementation plan${deadlineEn}; ${barEn}`);
    }
    if (p.submittedOnTime === false) {
      // Filed later under an extension and approved: said, as the application's own story, and still late.
      const extended = p.approved;
      const refusedZh = (p.lateRefusalRecorded ? `，逾期报送${extended ? '曾' : '已'}被拒收并记录` : '') + (extended ? '，其后经批准延期报送并已立项，但延期报送仍属逾期报名' : '');
      const refusedEn = (p.lateRefusalRecorded ? '; the late submission was refused and recorded' : '') + (extended ? '; it was then filed under an extension and approved, which is still a late application' : '');
      const onZh = p.submittedOn ? `于 ${p.submittedOn} ` : '';
      const onEn = p.submittedOn ? ` on ${p.submittedOn}` : '';
      return r(false, `项目${projectCalled(p)}${onZh}逾期报名${deadlineZh}${refusedZh}，${barZh}`, `Project ${p.projectId} applied late${onEn}${deadlineEn}${refusedEn}; ${barEn}`);
    }
    if (!p.approved) {
      return r(false, `项目${projectCalled(p)}按时报名但未获立项批准（当前状态：${p.statusLabel ?? p.status}）。`, `Project ${p.projectId} applied on time but was not approved (status: ${p.status}).`);
    }
    return r(true, `项目${projectCalled(p)}在截止日期前报名${deadlineZh}并已在活动 ${p.campaignId} 中立项。`, `Project ${p.projectId} applied before the deadline${deadlineEn} and was approved in campaign ${p.campaignId}.`);
  });
}

export function summaryAccepted(ctx: RuleContext): EligibilityReason {
  return withProject('summary_accepted', ctx, (p) => {
    const facts = { projectId: p.projectId, summaryAccepted: p.summaryAccepted, status: p.status };
    return p.summaryAccepted
      ? reason('summary_accepted', true, `项目${projectCalled(p)}的竞赛总结已通过。`, `The summary of project ${p.projectId} was accepted.`, facts)
      : reason('summary_accepted', false, `项目${projectCalled(p)}的竞赛总结尚未通过（当前状态：${p.statusLabel ?? p.status}）。`, `The summary of project ${p.projectId} has not been accepted (status: ${p.status}).`, facts);
  });
}

export function minGrade(spec: Extract<RuleSpec, { rule: 'min_grade' }>, ctx: RuleContext): EligibilityReason {
  return withProject('min_grade', ctx, (p) => {
    const facts = { projectId: p.projectId, grade: p.grade, minimum: spec.grade };
    const min = GRADE_LABELS[spec.grade];
    if (p.grade === null) {
      return reason('min_grade', false, `项目${projectCalled(p)}尚无考核等次，要求不低于“${min.zh}”。`, `Project ${p.projectId} has no assessment grade yet; at least "${min.en}" is required.`, facts);
    }
    const got = GRADE_LABELS[p.grade as Grade];
    const ok = gradeRank(p.grade) >= gradeRank(spec.grade);
    return reason(
      'min_grade',
      ok,
      `项目${projectCalled(p)}考核等次为“${got.zh}”，要求不低于“${min.zh}”。`,
      `Project ${p.projectId} was graded "${got.en}"; at least "${min.en}" is required.`,
      facts,
    );
  });
}

/** The rule set's veto incidents on a project, on or before the verdict date. */
function vetoingIncidents(spec: Extract<RuleSpec, { rule: 'project_veto' }>, p: ProjectFacts, ctx: RuleContext) {
  const kinds: readonly string[] = spec.incidentKinds;
  return p.incidents.filter((i) => kinds.includes(i.kind) && toEpochDay(i.occurredOn) <= toEpochDay(ctx.asOfDate));
}

/** A project's veto incidents as a message lists them: date, severity and kind. */
function describeIncidents(incidents: ProjectFacts['incidents']): { zh: string; en: string } {
  const label = (i: { kind: string }) => PROJECT_INCIDENT_LABELS[i.kind as keyof typeof PROJECT_INCIDENT_LABELS] ?? { zh: i.kind, en: i.kind };
  const severity = (i: { severity: string }) => INCIDENT_SEVERITY_LABELS[i.severity] ?? { zh: i.severity, en: i.severity };
  return {
    zh: incidents.map((i) => `${i.occurredOn} ${severity(i).zh}${label(i).zh}`).join('；'),
    en: incidents.map((i) => `${severity(i).en} ${label(i).en} on ${i.occurredOn}`).join('; '),
  };
}

/**
 * 一票否决: a listed incident on the project, on or before the verdict date, cancels eligibility.
 * A unit or team nominated without a project is judged on its projects in the round's campaign.
 */
export function projectVeto(spec: Extract<RuleSpec, { rule: 'project_veto' }>, ctx: RuleContext): EligibilityReason {
  const { project, campaignProjects } = ctx.input;
  if (!project && campaignProjects) return campaignProjectsVeto(spec, ctx, campaignProjects, null);
  const named = namedProjectVeto(spec, ctx);
  // The veto follows the unit or team, not the project a recommender chooses to name (review 50 #1): its other projects in the campaign are judged too.
  if (!named.passed || !project || !campaignProjects) return named;
  const others = campaignProjectsVeto(spec, ctx, campaignProjects.filter((p) => p.projectId !== project.projectId), project);
  return others.passed ? named : others;
}

function namedProjectVeto(spec: Extract<RuleSpec, { rule: 'project_veto' }>, ctx: RuleContext): EligibilityReason {
  return withProject('project_veto', ctx, (p) => {
    const vetoing = vetoingIncidents(spec, p, ctx);
    const facts = { projectId: p.projectId, incidentKinds: spec.incidentKinds, vetoingIncidents: vetoing };
    if (vetoing.length === 0) {
      return reason('project_veto', true, `项目${projectCalled(p)}无安全、质量等一票否决事故。`, `Project ${p.projectId} has no veto incident (${spec.incidentKinds.join(', ')}).`, facts);
    }
    const { zh, en } = describeIncidents(vetoing);
    return reason('project_veto', false, `项目${projectCalled(p)}发生一票否决事故（${zh}），取消评选资格。`, `Project ${p.projectId} had a veto incident (${en}); it is not eligible for any award.`, facts);
  });
}

/**
 * The veto over an organisation's own projects in the round's campaign (its facts name them as
 * projectIds, not one projectId), besides the one the nomination names, if any.
 */
function campaignProjectsVeto(spec: Extract<RuleSpec, { rule: 'project_veto' }>, ctx: RuleContext, projects: ProjectFacts[], named: ProjectFacts | null): EligibilityReason {
  const vetoed = projects.map((p) => ({ p, incidents: vetoingIncidents(spec, p, ctx) })).filter((v) => v.incidents.length > 0);
  const facts = {
    campaignId: ctx.input.round.campaignId ?? null,
    projectIds: projects.map((p) => p.projectId),
    incidentKinds: spec.incidentKinds,
    vetoedProjects: vetoed.map((v) => ({ projectId: v.p.projectId, vetoingIncidents: v.incidents })),
  };
  const campaign = ctx.input.round.campaignId ?? '';
  if (vetoed.length === 0) {
    return projects.length === 0
      ? reason('project_veto', true, `推荐对象在本轮所在的活动 ${campaign} 中没有竞赛项目，无一票否决事故。`, `The nominee has no project in this round's campaign ${campaign}, so no veto incident.`, facts)
      : reason('project_veto', true, `推荐对象在活动 ${campaign} 中的 ${projects.length} 个竞赛项目均无安全、质量等一票否决事故。`, `None of the nominee's ${projects.length} project(s) in campaign ${campaign} had a veto incident (${spec.incidentKinds.join(', ')}).`, facts);
  }
  const zh = vetoed.map((v) => `项目${projectCalled(v.p)}：${describeIncidents(v.incidents).zh}`).join('；');
  const en = vetoed.map((v) => `project ${v.p.projectId}: ${describeIncidents(v.incidents).en}`).join('; ');
  return reason(
    'project_veto',
    false,
    named
      ? `推荐对象在活动 ${campaign} 中的竞赛项目发生一票否决事故（${zh}），取消评选资格；推荐时依托其另一项目${projectCalled(named)}也同样适用。`
      : `推荐对象在活动 ${campaign} 中的竞赛项目发生一票否决事故（${zh}），取消评选资格；推荐时未填写项目也同样适用。`,
    named
      ? `Another project of the nominee in campaign ${campaign} had a veto incident (${en}); it is not eligible for any award, whichever of its projects the nomination names (here ${named.projectId}).`
      : `A project of the nominee in campaign ${campaign} had a veto incident (${en}); it is not eligible for any award, whether or not the nomination names the project.`,
    facts,
  );
}

export function noUnrectifiedFinding(ctx: RuleContext): EligibilityReason {
  return withProject('no_unrectified_finding', ctx, (p) => {
    const facts = { projectId: p.projectId, unrectifiedFindings: p.unrectifiedFindings, asOf: ctx.asOfDate };
    return p.unrectifiedFindings === 0
      ? reason('no_unrectified_finding', true, `截至 ${ctx.asOfDate}，项目${projectCalled(p)}的督导问题均已整改。`, `As of ${ctx.asOfDate}, every inspection finding on project ${p.projectId} is rectified.`, facts)
      : reason('no_unrectified_finding', false, `截至 ${ctx.asOfDate}，项目${projectCalled(p)}尚有 ${p.unrectifiedFindings} 项督导问题未整改。`, `As of ${ctx.asOfDate}, project ${p.projectId} has ${p.unrectifiedFindings} unrectified inspection finding(s).`, facts);
  });
}

const OUT_OF_STANDING: readonly string[] = ['terminated', 'withdrawn', 'rejected'];

/** 项目资格: a project terminated by its committee, withdrawn by its unit or rejected (不予立项) carries no award. */
export function projectStanding(ctx: RuleContext): EligibilityReason {
  return withProject('project_standing', ctx, (p) => {
    const facts = { projectId: p.projectId, status: p.status };
    return OUT_OF_STANDING.includes(p.status)
      ? reason('project_standing', false, `项目${projectCalled(p)}当前为“${p.statusLabel ?? p.status}”，不能据此参加评选。`, `Project ${p.projectId} is ${p.status}; no award rests on it.`, facts)
      : reason('project_standing', true, `项目${projectCalled(p)}未被终止、撤回或不予立项。`, `Project ${p.projectId} is not terminated, withdrawn or rejected.`, facts);
  });
}
