import { INestApplication } from '@nestjs/common';
import { AggregateRepository, CommandContext } from '@jingsai/event-store';
import { Actor, CLOCK, Clock, Decider, DomainEvent, SYSTEM_ACTOR, deterministicId } from '@jingsai/shared';
import { organizationDecider, RegisterOrganization } from '@jingsai/organizations';
import {
  campaignDecider, campaignReportingFacts, campaignRulesSnapshot, keyProjectAssessmentPreset, projectDecider, CampaignRulesSnapshot, ProgressMetrics,
} from '@jingsai/competitions';
import { DEMO_ORGS as O, DEMO_USERS } from './demo-users';

/** The Jiujiang notice (seeds/003): forms due "2021年7月22日前", read as by the end of 22 July, Beijing time. */
export const JIUJIANG_CAMPAIGN_ID = 'jiujiang-2021';
const WINDOW = { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-23T00:00:00+08:00' };

type WithoutClock<C> = C extends unknown ? Omit<C, 'at' | 'actor'> : never;

const actorOf = (userId: string): Actor => {
  const u = DEMO_USERS.find((x) => x.userId === userId)!;
  return { userId: u.userId, role: u.roles[0]!, orgId: u.orgId, name: u.name };
};
const ADMIN = actorOf('u-admin');
const CITY = actorOf('u-city-committee');
const XUNYANG = actorOf('u-xunyang-committee');
const TEXTILE = actorOf('u-textile-union');
const PETROCHEM = actorOf('u-petrochem-union');
const ELECTRONICS = actorOf('u-electronics-union');
const ASSESSORS = ['u-assessor', 'u-assessor-qian', 'u-assessor-sun'].map(actorOf);

/**
 * Seeds the demo: the Jiujiang organisation tree and the 2021 campaign, written as it happened,
 * each event stamped with its 2021 date (a scripted clock), so history, deadlines and the
 * Jiujiang rule mean something: 浔阳纺织 applied on time and was approved by the county and
 * the city; 九江石化 (directly under the city) was approved by the city; 濂溪电子 tried to
 * submit on 25 July and its refusal is on record. Idempotent: every command id is fixed.
 */
export async function seedDemo(app: INestApplication): Promise<boolean> {
  const repo = app.get(AggregateRepository);
  const existing = await repo.state(`organization-${O.city}`, organizationDecider);
  if (existing.state.status === 'registered') return false;

  let step = 0;
  const run = async <S, C, E extends DomainEvent>(stream: string, decider: Decider<S, C, E>, at: string, actor: Actor, command: WithoutClock<C>) => {
    const ctx: CommandContext = { actor, now: new Date(at), correlationId: deterministicId('demo-seed'), commandId: deterministicId('demo-seed', String(++step)) };
    return repo.execute(stream, decider, { ...command, at: new Date(at).toISOString(), actor } as unknown as C, ctx);
  };

  const orgs: Array<[string, string, RegisterOrganization['kind'], RegisterOrganization['level'], string | null, RegisterOrganization['ownership'], string | null, string]> = [
    [O.province, '江西省总工会', 'union', 'province', null, null, null, '江西省'],
    [O.city, '九江市劳动竞赛委员会', 'committee', 'city', O.province, null, null, '九江市'],
    [O.xunyang, '浔阳区劳动竞赛委员会', 'committee', 'county', O.city, null, null, '九江市浔阳区'],
    [O.lianxi, '濂溪区劳动竞赛委员会', 'committee', 'county', O.city, null, null, '九江市濂溪区'],
    [O.textile, '浔阳纺织有限公司', 'enterprise', 'enterprise', O.xunyang, 'non_public', '纺织', '九江市浔阳区'],
    [O.electronics, '濂溪电子科技有限公司', 'enterprise', 'enterprise', O.lianxi, 'non_public', '电子信息', '九江市濂溪区'],
    [O.petrochem, '九江石化公司', 'enterprise', 'enterprise', O.city, 'state_owned', '石油化工', '九江市'],
    [O.petrochemTeam, '九江石化常减压装置班组', 'team', 'team', O.petrochem, 'state_owned', '石油化工', '九江市'],
    [O.power, '国网九江供电公司', 'enterprise', 'enterprise', O.city, 'state_owned', '电力', '九江市'],
    [O.university, '九江学院', 'union', 'enterprise', O.province, 'state_owned', '教育', '九江市'],
    [O.institute, '江西省质量和标准化研究院', 'union', 'enterprise', O.province, 'state_owned', '科研', '南昌市'],
    [O.vocational, '九江职业技术学院', 'union', 'enterprise', O.province, 'state_owned', '教育', '九江市'],
  ];
  const paths = new Map<string, string[]>();
  for (const [orgId, name, kind, level, parentId, ownership, industry, region] of orgs) {
    const parent = parentId ? { orgId: parentId, level: orgs.find((o) => o[0] === parentId)![3], parentPath: paths.get(parentId)! } : null;
    paths.set(orgId, parent ? [...parent.parentPath, parent.orgId] : []);
    await run(`organization-${orgId}`, organizationDecider, '2021-06-01T09:00:00+08:00', ADMIN, { type: 'RegisterOrganization', orgId, name, kind, level, ownership, industry, region, parent });
  }

  const campaign = `campaign-${JIUJIANG_CAMPAIGN_ID}`;
  await run(campaign, campaignDecider, '2021-06-10T10:00:00+08:00', CITY, {
    type: 'CreateCampaign',
    campaignId: JIUJIANG_CAMPAIGN_ID,
    title: '关于在全市职工中广泛开展“建功‘十四五’、奋进新征程”主题劳动和技能竞赛',
    theme: '建功“十四五”、奋进新征程',
    year: 2021,
    level: 'city',
    organizerOrgId: O.city,
    categories: ['skills', 'mass_innovation', 'key_project', 'non_public', 'green_low_carbon', 'worker_pioneer'],
    applicationWindow: WINDOW,
    reportingCadence: 'quarterly',
    assessment: keyProjectAssessmentPreset(),
    approvalLevels: ['county', 'city'],
    campaignPeriod: { startsOn: '2021-07-01', endsOn: '2022-06-30' },
    // The Jiujiang notice sets no figures to reach (Nantong's 10,000 enterprises and 3,000,000
    // participant-times are another city's), so coverage reports what was reached, against none.
    targets: [],
  });
  await run(campaign, campaignDecider, '2021-06-15T09:00:00+08:00', CITY, { type: 'PublishCampaign', campaignId: JIUJIANG_CAMPAIGN_ID });
  const snapshot = async (): Promise<CampaignRulesSnapshot> => {
    const { state } = await repo.state(campaign, campaignDecider);
    if (state.status === 'none') throw new Error('demo campaign missing');
    return campaignRulesSnapshot(state);
  };

  const project = async (projectId: string, unit: Actor, title: string, category: 'non_public' | 'key_project' | 'mass_innovation', draftedAt: string) => {
    await run(`project-${projectId}`, projectDecider, draftedAt, unit, {
      type: 'DraftProject', projectId, campaignId: JIUJIANG_CAMPAIGN_ID, orgId: unit.orgId, title, category, campaign: await snapshot(),
      registrationForm: { contactName: unit.name ?? '联系人', contactPhone: '0792-8227328', headcount: 120, participatingEnterprises: 1 },
      implementationPlan: { goals: '以赛促学、以赛促训，提升职工技能水平', startsOn: '2021-08-01', endsOn: '2022-06-30', measures: '岗位练兵、技术比武、合理化建议征集' },
    });
  };
  const approve = async (projectId: string, committee: Actor, at: string, approverLevel: 'county' | 'city', applicableLevels: Array<'county' | 'city'>) =>
    run(`project-${projectId}`, projectDecider, at, committee, { type: 'ApproveProject', projectId, campaign: await snapshot(), approverLevel, applicableLevels });

  await project('jj-textile-skills', TEXTILE, '浔阳纺织挡车工职业技能竞赛', 'non_public', '2021-07-05T10:00:00+08:00');
  await run('project-jj-textile-skills', projectDecider, '2021-07-08T15:30:00+08:00', TEXTILE, { type: 'SubmitProject', projectId: 'jj-textile-skills', campaign: await snapshot() });
  await approve('jj-textile-skills', XUNYANG, '2021-07-12T10:00:00+08:00', 'county', ['county', 'city']);
  await approve('jj-textile-skills', CITY, '2021-07-16T11:00:00+08:00', 'city', ['county', 'city']);

  await project('jj-petrochem-key', PETROCHEM, '九江石化百万吨乙烯重点工程立功竞赛', 'key_project', '2021-07-06T09:00:00+08:00');
  await run('project-jj-petrochem-key', projectDecider, '2021-07-20T17:00:00+08:00', PETROCHEM, { type: 'SubmitProject', projectId: 'jj-petrochem-key', campaign: await snapshot() });
  await approve('jj-petrochem-key', CITY, '2021-07-26T10:00:00+08:00', 'city', ['city']);

  // What the scheduler records when a deadline passes is written at that instant too, so a replay "as of" a 2021 date
  // shows the window closed (it was recorded only when the service first started, years later).
  // Only once the service's clock has passed it (a demo started on 20 July 2021, as the README shows, keeps its window open).
  const passed = (at: string) => Date.parse(at) <= app.get<Clock>(CLOCK).now().getTime();
  if (passed('2021-07-23T00:00:30+08:00')) await run(campaign, campaignDecider, '2021-07-23T00:00:30+08:00', SYSTEM_ACTOR, { type: 'CloseApplicationWindow', campaignId: JIUJIANG_CAMPAIGN_ID });
  await project('jj-electronics-innovation', ELECTRONICS, '濂溪电子“五小”群众性创新竞赛', 'mass_innovation', '2021-07-24T09:00:00+08:00');
  await run('project-jj-electronics-innovation', projectDecider, '2021-07-25T10:00:00+08:00', ELECTRONICS, { type: 'SubmitProject', projectId: 'jj-electronics-innovation', campaign: await snapshot() });
  await theLoop(repo, run, campaign, paths.get(O.textile)!, passed);
  return true;
}

type Run = <S, C, E extends DomainEvent>(stream: string, decider: Decider<S, C, E>, at: string, actor: Actor, command: WithoutClock<C>) => Promise<unknown>;

/**
 * The middle of the loop, as it happened: 浔阳纺织 reports each quarter (correcting Q3), is
 * commended at its final, rectifies an inspection finding, is scored by three third-party
 * assessors (trimmed mean 90.85, 优秀) and has its summary accepted. 九江石化 reports Q3 late
 * and has a minor incident; its Q4 report is missing, so the scheduler records it overdue.
 */
async function theLoop(repo: AggregateRepository, run: Run, campaign: string, textilePath: string[], passed: (at: string) => boolean): Promise<void> {
  const { state } = await repo.state(campaign, campaignDecider);
  if (state.status === 'none') throw new Error('demo campaign missing');
  const reporting = campaignReportingFacts(state);
  const textile = (at: string, actor: Actor, command: object) => run('project-jj-textile-skills', projectDecider, at, actor, { projectId: 'jj-textile-skills', ...command } as never);
  const report = (at: string, reportId: string, period: string, metrics: ProgressMetrics, narrative: string, reason?: string) =>
    textile(at, TEXTILE, { type: 'FileProgressReport', reportId, period, metrics, narrative, reporting, ...(reason ? { reason } : {}) });
  // In date order: a stream's events never go back in time (the audit replays "as of" a date).
  await textile('2021-09-28T18:00:00+08:00', TEXTILE, { type: 'RecordMilestone', milestoneId: 'tx-final', title: '挡车工职业技能竞赛决赛', reachedOn: '2021-09-28', description: '120 名挡车工参加决赛' });
  await textile('2021-09-30T10:00:00+08:00', XUNYANG, { type: 'GiveInstantCommendation', commendationId: 'tx-commend-1', milestoneId: 'tx-final', recipient: { kind: 'team', name: '细纱车间甲班', orgId: null }, citation: '决赛团体第一名，即时表彰' });
  await report('2021-10-08T16:00:00+08:00', 'tx-2021-q3', '2021-Q3', { participants: 1180, participating_enterprises: 1, technical_innovations: 4, operating_methods: 1, suggestions_made: 62, suggestions_adopted: 35 }, '开展挡车工岗位练兵 6 场，举办技能比武初赛。');
  await report('2021-10-09T10:00:00+08:00', 'tx-2021-q3-fix', '2021-Q3', { participants: 1230, participating_enterprises: 1, technical_innovations: 5, operating_methods: 1, suggestions_made: 64, suggestions_adopted: 36 }, '更正：补录细纱车间练兵 1 场。', '漏报细纱车间岗位练兵 1 场');
  await textile('2021-11-05T15:00:00+08:00', XUNYANG, { type: 'RecordInspection', inspectionId: 'tx-insp-1', inspectedOn: '2021-11-05', findings: [{ findingId: 'tx-f1', description: '安全培训签到台账不全', severity: 'minor', rectifyBy: '2021-11-30' }] });
  await textile('2021-11-20T11:00:00+08:00', TEXTILE, { type: 'ReportRectification', findingId: 'tx-f1', description: '补齐台账，组织复训 2 场' });
  await textile('2021-11-25T09:30:00+08:00', XUNYANG, { type: 'AcceptRectification', findingId: 'tx-f1', note: '整改到位' });
  await report('2022-01-06T10:00:00+08:00', 'tx-2021-q4', '2021-Q4', { participants: 1420, participating_enterprises: 1, technical_innovations: 7, operating_methods: 2, suggestions_made: 88, suggestions_adopted: 50, energy_saved_tce: 35.5 }, '决赛总结，推广“快速接头操作法”。');

  const rules = state.ruleVersions[state.rulesVersion]!.rules;
  const assessors = ASSESSORS.map((a) => ({ userId: a.userId, orgId: a.orgId, orgPath: [O.province], name: a.name! }));
  await textile('2022-01-15T10:00:00+08:00', CITY, { type: 'OpenAssessment', assessors, projectOrgPath: textilePath, scheme: rules.assessment, rulesVersion: state.rulesVersion });
  // Weighted totals (20/20/15/15/15/15): 90.85, 86.55, 94.2; dropping the lowest and highest leaves 90.85 (优秀).
  const sheets = [[92, 90, 88, 90, 94, 91], [86, 85, 84, 88, 90, 87], [95, 94, 92, 93, 96, 95]];
  for (const [i, a] of ASSESSORS.entries()) {
    const scores = Object.fromEntries(rules.assessment.criteria.map((c, k) => [c.key, sheets[i]![k]!]));
    await textile(`2022-01-2${i}T15:00:00+08:00`, a, { type: 'RecordScore', assessorUserId: a.userId, scores });
  }
  await textile('2022-01-25T10:00:00+08:00', CITY, { type: 'FinalizeAssessment' });
  const outcomes = { participants: 2650, participating_enterprises: 1, technical_innovations: 12, operating_methods: 3, suggestions_made: 152, suggestions_adopted: 86, energy_saved_tce: 35.5, safety_training_times: 640 };
  await textile('2022-02-10T10:00:00+08:00', TEXTILE, { type: 'SubmitSummary', outcomes, experience: '以“师带徒”结对带动技能提升，形成可推广的“快速接头操作法”。' });
  await textile('2022-02-18T10:00:00+08:00', CITY, { type: 'AcceptSummary', note: '同意，列为典型经验推广' });

  const petrochem = (at: string, actor: Actor, command: object) => run('project-jj-petrochem-key', projectDecider, at, actor, { projectId: 'jj-petrochem-key', ...command } as never);
  await petrochem('2021-10-15T09:00:00+08:00', PETROCHEM, { type: 'FileProgressReport', reportId: 'pc-2021-q3', period: '2021-Q3', metrics: { participants: 860, participating_enterprises: 1, technical_innovations: 3 }, narrative: '装置大检修期间开展劳动竞赛。', reporting });
  await petrochem('2021-11-04T09:00:00+08:00', CITY, { type: 'RecordSafetyIncident', incidentId: 'pc-inc-1', occurredOn: '2021-11-03', severity: 'minor', kind: 'safety_accident', description: '检修作业时一名职工手部轻微划伤' });
  // The quarter it never reported, recorded missed just after it fell due, as the scheduler does. Later quarters fall due
  // after the story ends (the summary accepted in February 2022): the scheduler records them when it runs.
  if (passed('2022-01-11T00:00:30+08:00')) await petrochem('2022-01-11T00:00:30+08:00', SYSTEM_ACTOR, { type: 'MarkProgressReportOverdue', period: '2021-Q4', dueOn: '2022-01-10' });
}
