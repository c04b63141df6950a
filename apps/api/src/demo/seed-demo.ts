import { INestApplication } from '@nestjs/common';
import { AggregateRepository, CommandContext } from '@jingsai/event-store';
import { Actor, Decider, DomainEvent, deterministicId } from '@jingsai/shared';
import { organizationDecider, RegisterOrganization } from '@jingsai/organizations';
import { campaignDecider, campaignRulesSnapshot, keyProjectAssessmentPreset, projectDecider, CampaignRulesSnapshot } from '@jingsai/competitions';
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
    targets: [
      { metric: 'enterprises', target: 10000 },
      { metric: 'participant_times', target: 3000000 },
      { metric: 'technical_innovations', target: 20000 },
      { metric: 'operating_methods', target: 5000 },
      { metric: 'suggestions_adopted', target: 200000 },
    ],
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

  await project('jj-electronics-innovation', ELECTRONICS, '濂溪电子“五小”群众性创新竞赛', 'mass_innovation', '2021-07-24T09:00:00+08:00');
  await run('project-jj-electronics-innovation', projectDecider, '2021-07-25T10:00:00+08:00', ELECTRONICS, { type: 'SubmitProject', projectId: 'jj-electronics-innovation', campaign: await snapshot() });
  return true;
}
