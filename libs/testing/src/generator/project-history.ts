import {
  AssessmentScheme, CampaignCategory, CampaignReportingFacts, CampaignRulesSnapshot, HierarchyLevel, ProgressMetrics, Project, ProjectCommand,
  ProjectEvent, ProjectState, owedPeriods, projectDecider,
} from '@jingsai/competitions';
import { Actor, SYSTEM_ACTOR } from '@jingsai/shared';
import { GeneratedOrg } from './province';
import { Random } from './random';
import { StreamBuilder, addDays, beijing } from './stream-builder';

/** Where a generated project's history stops. */
export type ProjectFate = 'submitted' | 'approved_lower' | 'in_progress' | 'under_assessment' | 'summarized' | 'returned' | 'rejected' | 'withdrawn';

/** A campaign as projects see it: facts the handlers would look up for them. */
export interface CampaignFacts {
  campaignId: string;
  year: number;
  snapshot: CampaignRulesSnapshot;
  reporting: CampaignReportingFacts;
  scheme: AssessmentScheme;
  categories: CampaignCategory[];
  committees: Map<string, Actor>;
}

export interface ProjectPlan {
  projectId: string;
  enterprise: GeneratedOrg;
  campaign: CampaignFacts;
  fate: ProjectFate;
  /** Nothing is dated on or after this day (YYYY-MM-DD, Beijing). */
  today: string;
  assessors: Actor[];
}

/** What the benchmarks need to know about a generated project. */
export interface ProjectSummary {
  projectId: string;
  orgId: string;
  campaignId: string;
  status: string;
  /** Committee org that must approve next (submitted projects). */
  nextApproverOrgId: string | null;
  /** Assessors assigned (under assessment). */
  assessors: Array<{ userId: string; orgId: string }>;
  /** Periods a report may be filed or corrected for today (in progress). */
  periods: string[];
  /** Of those, the periods with a report on record (filing one again corrects it, which takes a reason). */
  reported?: string[];
  events: number;
}

const TITLES = ['职工技能大比武', '“五小”群众性创新竞赛', '重点工程立功竞赛', '节能降耗劳动竞赛', '安全生产知识竞赛', '岗位练兵技术比武', '质量提升攻关竞赛'];
const NARRATIVES = ['按计划推进，本期组织技能比武一场', '开展岗位练兵，征集合理化建议', '技术攻关取得阶段性成果', '组织安全培训，落实整改措施'];

function metrics(rnd: Random, scale: number): ProgressMetrics {
  const made = rnd.int(5, 60) * scale;
  return {
    participants: rnd.int(100, 2000) * scale,
    participating_enterprises: 1,
    technical_innovations: rnd.int(0, 8) * scale,
    suggestions_made: made,
    suggestions_adopted: Math.floor(made * (0.3 + rnd.next() * 0.5)),
    safety_training_times: rnd.int(50, 600) * scale,
    ...(rnd.chance(0.4) ? { energy_saved_tce: Math.round(rnd.next() * 500) / 10 } : {}),
  };
}

const scores = (rnd: Random, scheme: AssessmentScheme, base: number): Record<string, number> =>
  Object.fromEntries(scheme.criteria.map((c) => [c.key, Math.max(scheme.scale.min, Math.min(scheme.scale.max, base + rnd.int(-8, 8)))]));

type Step = { at: string; command: () => ProjectCommand | null; commendation?: true };

/**
 * One project's history through the real project decider, dated in order: application, approval
 * by the levels the tree requires, monthly progress reports (some late, corrected or overdue),
 * milestones with instant commendations, inspections with findings and rectification, the odd
 * incident, then assessment, scores, summary. Stops at the plan's fate or before `today`.
 */
export function projectHistory(plan: ProjectPlan, rnd: Random): { builder: StreamBuilder<ProjectState, ProjectCommand, ProjectEvent>; summary: ProjectSummary } {
  const { projectId, enterprise: ent, campaign, today } = plan;
  // Directly under the city (市直) there is no lower level to stop after.
  const fate = plan.fate === 'approved_lower' && !ent.countyId ? 'submitted' : plan.fate;
  const b = new StreamBuilder<ProjectState, ProjectCommand, ProjectEvent>(`project-${projectId}`, projectDecider);
  const y = campaign.year;
  const unit: Actor = { userId: `u-${ent.orgId}`, role: 'unit', orgId: ent.orgId, name: `${ent.name}工会` };
  const county = ent.countyId ? campaign.committees.get(ent.countyId)! : null;
  const city = campaign.committees.get(ent.cityId!)!;
  const applicableLevels: HierarchyLevel[] = county ? ['county', 'city'] : ['city'];
  const base = (at: string, actor: Actor) => ({ projectId, at, actor });
  const approval = (at: string, actor: Actor) => ({ ...base(at, actor), campaign: campaign.snapshot, approverLevel: (actor === city ? 'city' : 'county') as HierarchyLevel, applicableLevels });
  const run = (c: ProjectCommand) => b.run(c as ProjectCommand & { at: string; actor: Actor });
  const before = (date: string) => date < today;

  const category = ent.ownership === 'non_public' && rnd.chance(0.5) ? 'non_public' : rnd.pick(campaign.categories);
  const startsOn = `${y}-04-01`;
  const endsOn = `${y}-12-31`;
  let day = addDays(`${y}-01-05`, rnd.int(1, 50));
  run({
    type: 'DraftProject', ...base(beijing(day, 9), unit), campaignId: campaign.campaignId, orgId: ent.orgId, title: `${ent.name.replace(/（\d+）$/, '')}${rnd.pick(TITLES)}`, category,
    campaign: campaign.snapshot,
    registrationForm: { contactName: '王主席', contactPhone: `0791-${rnd.int(8000000, 8999999)}`, headcount: rnd.int(30, 3000), participatingEnterprises: 1 },
    implementationPlan: { goals: '以赛促学、以赛促训，提升职工技能水平', startsOn, endsOn, measures: '岗位练兵、技术比武、合理化建议征集' },
  });
  day = addDays(day, rnd.int(1, 20));
  run({ type: 'SubmitProject', ...base(beijing(day, 15), unit), campaign: campaign.snapshot });
  const summary: ProjectSummary = { projectId, orgId: ent.orgId, campaignId: campaign.campaignId, status: 'submitted', nextApproverOrgId: (county ?? city).orgId, assessors: [], periods: [], events: 0 };
  const finish = () => {
    summary.status = (b.state as Project).status;
    summary.events = b.events.length;
    return { builder: b, summary };
  };
  if (fate === 'submitted') return finish();
  if (fate === 'withdrawn') {
    run({ type: 'WithdrawProject', ...base(beijing(addDays(day, 3), 11), unit), reason: '企业生产任务调整，撤回申报' });
    return finish();
  }
  if (fate === 'returned' || fate === 'rejected') {
    const by = county ?? city;
    day = addDays(day, rnd.int(2, 8));
    if (fate === 'returned') run({ type: 'ReturnProject', ...approval(beijing(day, 10), by), reason: '实施方案措施不够具体，请补充后重新提交' });
    else run({ type: 'RejectProject', ...approval(beijing(day, 10), by), reason: '项目内容与本次竞赛主题不符' });
    summary.nextApproverOrgId = null;
    return finish();
  }
  if (county) {
    day = addDays(day, rnd.int(2, 10));
    run({ type: 'ApproveProject', ...approval(beijing(day, 10), county) });
    summary.nextApproverOrgId = city.orgId;
    if (fate === 'approved_lower') return finish();
  }
  day = addDays(day, rnd.int(2, 10));
  run({ type: 'ApproveProject', ...approval(beijing(day, 11), city) });
  summary.nextApproverOrgId = null;

  // The middle of the loop, as dated steps in order.
  const assessmentDay = fate === 'under_assessment' ? addDays(today, -rnd.int(5, 25)) : `${y + 1}-01-${String(rnd.int(8, 20)).padStart(2, '0')}`;
  const steps: Step[] = [];
  const scale = Math.max(1, Math.round((b.state as Project).registrationForm.headcount / 500));
  const owed = owedPeriods(campaign.reporting, { startsOn, endsOn });
  for (const p of owed) {
    const filed = addDays(p.endsOn, rnd.chance(0.1) ? rnd.int(11, 20) : rnd.int(1, 10));
    if (rnd.chance(0.04)) {
      steps.push({ at: beijing(addDays(p.dueOn, 1), 0, 5), command: () => ({ type: 'MarkProgressReportOverdue', ...base(beijing(addDays(p.dueOn, 1), 0, 5), SYSTEM_ACTOR), period: p.period, dueOn: p.dueOn }) });
      continue;
    }
    const at = beijing(filed, 16);
    const m = metrics(rnd, scale);
    steps.push({ at, command: () => ({ type: 'FileProgressReport', ...base(at, unit), reportId: `${projectId}-r-${p.period}`, period: p.period, metrics: m, narrative: rnd.pick(NARRATIVES), reporting: campaign.reporting }) });
    if (rnd.chance(0.15)) {
      const cat = beijing(addDays(filed, rnd.int(1, 5)), 9);
      const fixed = { ...m, participants: (m.participants ?? 0) + rnd.int(1, 50) };
      steps.push({ at: cat, command: () => ({ type: 'FileProgressReport', ...base(cat, unit), reportId: `${projectId}-r-${p.period}-c`, period: p.period, metrics: fixed, narrative: '更正本期数据', reason: '核实后更正参与人数', reporting: campaign.reporting }) });
    }
  }
  const milestones = rnd.int(1, 3);
  for (let i = 1; i <= milestones; i++) {
    const reachedOn = `${y}-${String(4 + i * 2).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const at = beijing(addDays(reachedOn, rnd.int(0, 3)), 14);
    const milestoneId = `${projectId}-m${i}`;
    steps.push({ at, command: () => ({ type: 'RecordMilestone', ...base(at, unit), milestoneId, title: `第${i}阶段技能比武完成`, reachedOn, description: '比武结果已公示' }) });
    if (rnd.chance(0.35)) {
      const cat = beijing(addDays(reachedOn, 7), 10);
      steps.push({ at: cat, commendation: true, command: () => ({ type: 'GiveInstantCommendation', ...base(cat, city), commendationId: `${milestoneId}-k`, milestoneId, recipient: { kind: 'team', name: '一线班组', orgId: `${ent.orgId}-t1` }, recipientOrgPath: [...ent.path, ent.orgId], citation: '比武成绩突出，予以即时表彰' }) });
    }
  }
  const inspections = rnd.int(0, 2);
  for (let i = 1; i <= inspections; i++) {
    const inspectedOn = `${y}-${String(5 + i * 2).padStart(2, '0')}-${String(rnd.int(1, 25)).padStart(2, '0')}`;
    const at = beijing(inspectedOn, 15);
    const inspectionId = `${projectId}-i${i}`;
    const findings = Array.from({ length: rnd.int(0, 2) }, (_, k) => ({ findingId: `${inspectionId}-${k + 1}`, description: '现场安全防护不到位', severity: rnd.pick(['minor', 'major'] as const), rectifyBy: addDays(inspectedOn, 30) }));
    steps.push({ at, command: () => ({ type: 'RecordInspection', ...base(at, county ?? city), inspectionId, inspectedOn, findings }) });
    for (const f of findings) {
      const reported = beijing(addDays(inspectedOn, rnd.int(5, 35)), 10);
      steps.push({ at: reported, command: () => ({ type: 'ReportRectification', ...base(reported, unit), findingId: f.findingId, description: '已完成整改并组织复查' }) });
      const decided = beijing(addDays(inspectedOn, 40), 10);
      const reject = rnd.chance(0.15);
      steps.push({ at: decided, command: () => (reject ? { type: 'RejectRectification', ...base(decided, county ?? city), findingId: f.findingId, note: '整改不彻底，请补充材料' } : { type: 'AcceptRectification', ...base(decided, county ?? city), findingId: f.findingId, note: null }) });
      if (reject) {
        const again = beijing(addDays(inspectedOn, 45), 10);
        steps.push({ at: again, command: () => ({ type: 'ReportRectification', ...base(again, unit), findingId: f.findingId, description: '补充整改材料' }) });
        const ok = beijing(addDays(inspectedOn, 50), 10);
        steps.push({ at: ok, command: () => ({ type: 'AcceptRectification', ...base(ok, county ?? city), findingId: f.findingId, note: '同意' }) });
      }
    }
  }
  if (rnd.chance(0.04)) {
    const occurredOn = `${y}-${String(rnd.int(5, 10)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const at = beijing(addDays(occurredOn, 1), 9);
    steps.push({ at, command: () => ({ type: 'RecordSafetyIncident', ...base(at, unit), incidentId: `${projectId}-x1`, occurredOn, severity: 'minor', kind: rnd.pick(['safety_accident', 'quality_accident'] as const), description: '作业人员轻微受伤，已妥善处置' }) });
    // 一票否决: no commendation from the day of the accident on.
    const vetoFrom = beijing(occurredOn, 0);
    for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.commendation && steps[i]!.at >= vetoFrom) steps.splice(i, 1);
  }
  steps.sort((a, b2) => (a.at < b2.at ? -1 : a.at > b2.at ? 1 : 0));
  const cutoff = beijing(fate === 'in_progress' ? today : assessmentDay, 0);
  for (const s of steps) {
    if (s.at >= cutoff) break;
    const c = s.command();
    if (c) run(c);
  }
  if (fate === 'in_progress') {
    summary.periods = owed.filter((p) => p.startsOn <= today).map((p) => p.period);
    const onRecord = new Set((b.state as Project).progress.reports.map((r) => r.period));
    summary.reported = summary.periods.filter((p) => onRecord.has(p));
    return finish();
  }

  // Assessment (评估考核), then the summary (总结).
  let at = beijing(assessmentDay, 10);
  const assessors = rnd.sample(plan.assessors, rnd.int(3, 5));
  const profile = (a: Actor) => ({ userId: a.userId, orgId: a.orgId, orgPath: ['jx'], name: a.name ?? a.userId });
  run({ type: 'OpenAssessment', ...base(at, city), assessors: assessors.map(profile), projectOrgPath: ent.path, scheme: campaign.scheme, rulesVersion: campaign.snapshot.rulesVersion });
  summary.assessors = assessors.map((a) => ({ userId: a.userId, orgId: a.orgId }));
  const quality = rnd.int(62, 95);
  let d = assessmentDay;
  for (const a of assessors) {
    d = addDays(d, rnd.int(0, 2));
    if (!before(d)) break;
    run({ type: 'RecordScore', ...base(beijing(d, 15), a), assessorUserId: a.userId, scores: scores(rnd, campaign.scheme, quality) });
    if (rnd.chance(0.1)) run({ type: 'RecordScore', ...base(beijing(d, 17), a), assessorUserId: a.userId, scores: scores(rnd, campaign.scheme, quality), reason: '复核后更正' });
  }
  if (rnd.chance(0.7) && before(d)) run({ type: 'RecordSelfScore', ...base(beijing(d, 18), unit), scores: scores(rnd, campaign.scheme, Math.min(100, quality + 5)) });
  if (fate === 'under_assessment') return finish();
  d = addDays(d, rnd.int(1, 5));
  // A committee reviews the scores before fixing the result; a wide spread cannot be finalised without it.
  run({ type: 'FinalizeAssessment', ...base(beijing(d, 10), city), note: '经专家组复核，评分有效' });
  d = addDays(d, rnd.int(3, 15));
  const outcomes = metrics(rnd, scale * 9);
  run({ type: 'SubmitSummary', ...base(beijing(d, 10), unit), outcomes, experience: '以赛促训，形成可推广的先进操作法' });
  if (rnd.chance(0.15)) {
    d = addDays(d, 3);
    run({ type: 'ReturnSummary', ...base(beijing(d, 10), county ?? city), reason: '参与人次与各期报告合计不一致，请核实' });
    d = addDays(d, 3);
    run({ type: 'SubmitSummary', ...base(beijing(d, 10), unit), outcomes: { ...outcomes, participants: (outcomes.participants ?? 0) + 1 }, experience: '以赛促训，形成可推广的先进操作法（已核实）' });
  }
  at = beijing(addDays(d, rnd.int(2, 6)), 10);
  run({ type: 'AcceptSummary', ...base(at, city), note: '同意' });
  return finish();
}
