import { recorded, projectionSpec } from '@jingsai/testing';
import type { Database } from 'better-sqlite3';
import { coverageProjection } from './coverage.projection';
import { coverageStatistics } from './coverage.queries';

const org = (orgId: string, parentPath: string[], ownership: string | null, region: string | null, industry: string | null = null) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind: 'enterprise', level: 'enterprise', ownership, industry, region, parentId: parentPath.at(-1) ?? null, parentPath });
const project = (projectId: string, orgId: string) => [
  recorded('ProjectDrafted', { projectId, campaignId: 'c1', orgId, title: projectId, category: 'skills' }),
  recorded('ProjectApproved', { projectId, level: 'city', rulesVersion: 1, approvedLevels: ['city'] }),
];
const filed = (projectId: string, period: string, metrics: object) => recorded('ProgressReportFiled', { projectId, period, metrics, filedAt: 'x' });

const events = () => [
  org('jj', [], null, '九江市'), org('ent-a', ['jj'], 'non_public', '浔阳区', '纺织'), org('ent-b', ['jj'], 'state_owned', '濂溪区', '电力'), org('ent-c', ['jj'], 'non_public', '浔阳区'),
  recorded('CampaignCreated', { campaignId: 'c1', title: '主题竞赛', targets: [{ metric: 'participant_times', target: 1000 }, { metric: 'non_public_enterprises', target: 4 }, { metric: 'innovation_studios', target: 10 }] }),
  ...project('pa', 'ent-a'), ...project('pb', 'ent-b'),
  recorded('ProjectDrafted', { projectId: 'pc', campaignId: 'c1', orgId: 'ent-c', title: 'pc', category: 'skills' }),
  filed('pa', '2021-Q3', { participants: 100, participating_enterprises: 1 }),
  recorded('ProgressReportCorrected', { projectId: 'pa', period: '2021-Q3', revision: 2, metrics: { participants: 150, participating_enterprises: 2 }, filedAt: 'y' }),
  filed('pa', '2021-Q4', { participants: 200 }),
  filed('pb', '2021-Q3', { participants: 300, participating_enterprises: 1 }),
];
const stats = (groupBy: 'region' | 'ownership' | 'period' | 'industry', scope: any = { kind: 'all' }) => (db: Database) => coverageStatistics(db, { scope, campaignId: 'c1', groupBy });

describe('coverage projection', () => {
  it('groups a 班组 by its enterprise’s ownership, industry and region where it was registered without them, and follows a change of them', () => {
    const team = recorded('OrganizationRegistered', { orgId: 'ent-b-t1', name: '抢修班', kind: 'team', level: 'team', ownership: null, industry: null, region: null, parentId: 'ent-b', parentPath: ['jj', 'ent-b'] });
    const world = [...events(), team, ...project('pt', 'ent-b-t1'), filed('pt', '2021-Q3', { participants: 50 })];
    const group = (groupBy: 'region' | 'ownership' | 'industry') => (db: Database) =>
      coverageStatistics(db, { scope: { kind: 'all' }, campaignId: 'c1', groupBy }).groups.map((g) => [g.key, g.metrics.find((m) => m.key === 'participants')?.value ?? 0]);
    projectionSpec(coverageProjection).given(world).then(group('ownership'), [['non_public', 350], ['state_owned', 350]]);
    projectionSpec(coverageProjection).given(world).then(group('industry'), [['电力', 350], ['纺织', 350]]);
    // The enterprise moves to another district: its team's figures go with it.
    const moved = recorded('OrganizationUpdated', { orgId: 'ent-b', changes: { region: '浔阳区' } });
    projectionSpec(coverageProjection).given([...world, moved]).then(group('region'), [['浔阳区', 700]]);
  });

  it('counts a unit that reports no enterprises by its registration form, else as one enterprise when it is one (Shanghai: 2 of 3 units non-public)', () => {
    const union = recorded('OrganizationRegistered', { orgId: 'u-ind', name: '产业工会', kind: 'union', level: 'city', ownership: null, industry: null, region: null, parentId: 'sh', parentPath: ['sh'] });
    const declared = (projectId: string, orgId: string, participatingEnterprises: number) => [
      recorded('ProjectDrafted', { projectId, campaignId: 'c1', orgId, title: projectId, category: 'skills', registrationForm: { contactName: 'x', contactPhone: '12345', headcount: 10, participatingEnterprises } }),
      recorded('ProjectApproved', { projectId, level: 'city', rulesVersion: 1, approvedLevels: ['city'] }),
    ];
    const world = [
      org('sh', [], null, '上海市'), org('bio', ['sh'], 'non_public', '浦东新区'), org('log', ['sh'], 'foreign', '浦东新区'), org('steel', ['sh'], 'state_owned', '宝山区'), union,
      recorded('CampaignCreated', { campaignId: 'c1', title: '主题竞赛', targets: [] }),
      ...project('p-bio', 'bio'), ...project('p-log', 'log'), ...project('p-steel', 'steel'),
      filed('p-bio', '2026-11', { participants: 10 }), filed('p-log', '2026-11', { participants: 10 }), filed('p-steel', '2026-11', { participants: 10 }),
    ];
    projectionSpec(coverageProjection).given(world).thenMatches(stats('ownership'), {
      totals: { participatingUnits: 3, nonPublicUnits: 2, enterprises: 3, nonPublicEnterprises: 2, nonPublicSharePercent: 66.67 },
    });
    // The union declared 12 enterprises on its form and has reported none yet; a report's figure, once given, is the one that counts.
    projectionSpec(coverageProjection).given([...world, ...declared('p-ind', 'u-ind', 12)]).thenMatches(stats('ownership'), { totals: { enterprises: 15, nonPublicEnterprises: 2 } });
    const edited = recorded('ProjectDraftEdited', { projectId: 'p-ind', changes: { registrationForm: { contactName: 'x', contactPhone: '12345', headcount: 10, participatingEnterprises: 20 } } });
    const [drafted, approved] = declared('p-ind', 'u-ind', 12);
    projectionSpec(coverageProjection).given([...world, drafted!, edited, approved!]).thenMatches(stats('ownership'), { totals: { enterprises: 23 } });
    projectionSpec(coverageProjection).given([...world, drafted!, approved!, filed('p-ind', '2026-11', { participating_enterprises: 8 })]).thenMatches(stats('ownership'), { totals: { enterprises: 11 } });
    // A union taking part with no figure anywhere is no enterprise.
    projectionSpec(coverageProjection).given([...world, ...project('p-u', 'u-ind')]).thenMatches(stats('ownership'), { totals: { participatingUnits: 4, enterprises: 3 } });
    // An enterprise's own union (a union at enterprise level) takes part for its enterprise: one enterprise, non-public if it is.
    const enterpriseUnion = recorded('OrganizationRegistered', { orgId: 'sh-auto', name: '某汽车零部件公司工会', kind: 'union', level: 'enterprise', ownership: 'non_public', industry: null, region: '嘉定区', parentId: 'sh', parentPath: ['sh'] });
    projectionSpec(coverageProjection).given([...world, enterpriseUnion, ...project('p-auto', 'sh-auto')]).thenMatches(stats('ownership'), {
      totals: { participatingUnits: 4, nonPublicUnits: 3, enterprises: 4, nonPublicEnterprises: 3, nonPublicSharePercent: 75 },
    });
  });

  it('shows the participating enterprises in every group when the totals do, a unit that reported none counted as one (review 54 #1)', () => {
    const world = [
      org('sx', [], null, '山西省'), org('ts', ['sx'], 'state_owned', '大同市云冈区', '煤炭'), org('tx', ['sx'], 'state_owned', '大同市', '煤炭'),
      org('hx', ['sx'], 'state_owned', '太原市晋源区', '化工'),
      recorded('CampaignCreated', { campaignId: 'c1', title: '主题竞赛', targets: [] }),
      ...project('p-ts', 'ts'), ...project('p-tx', 'tx'), ...project('p-hx', 'hx'),
      filed('p-ts', '2024-Q2', { participants: 10, participating_enterprises: 1 }), filed('p-tx', '2024-Q2', { participants: 10 }), filed('p-hx', '2024-Q2', { participants: 10 }),
    ];
    const enterprises = (groupBy: 'region' | 'industry') => (db: Database) => {
      const s = coverageStatistics(db, { scope: { kind: 'all' }, campaignId: 'c1', groupBy });
      const metric = (b: (typeof s)['totals']) => b.metrics.find((m) => m.key === 'participating_enterprises')?.value ?? null;
      return { total: metric(s.totals), groups: s.groups.map((g) => [g.key, metric(g)]) };
    };
    projectionSpec(coverageProjection).given(world).then(enterprises('region'), { total: 3, groups: [['大同市', 1], ['大同市云冈区', 1], ['太原市晋源区', 1]] });
    projectionSpec(coverageProjection).given(world).then(enterprises('industry'), { total: 3, groups: [['化工', 1], ['煤炭', 2]] });
  });

  it('counts a unit’s enterprises once across its projects, and foreign-invested enterprises as non-public (非公有制)', () => {
    const world = [
      org('jj', [], null, '九江市'), org('ent-a', ['jj'], 'non_public', '浔阳区'), org('ent-f', ['jj'], 'foreign', '濂溪区'), org('ent-s', ['jj'], 'state_owned', '濂溪区'),
      recorded('CampaignCreated', { campaignId: 'c1', title: '主题竞赛', targets: [{ metric: 'non_public_enterprises', target: 4 }, { metric: 'enterprises', target: 10 }] }),
      ...project('p1', 'ent-a'), ...project('p2', 'ent-a'), ...project('pf', 'ent-f'), ...project('ps', 'ent-s'),
      filed('p1', '2021-Q3', { participating_enterprises: 1 }), filed('p2', '2021-Q3', { participating_enterprises: 3 }),
      filed('pf', '2021-Q3', { participating_enterprises: 1 }), filed('ps', '2021-Q3', { participating_enterprises: 2 }),
    ];
    projectionSpec(coverageProjection).given(world).thenMatches(stats('ownership'), {
      totals: { projects: 4, participatingUnits: 3, nonPublicUnits: 2, enterprises: 6, nonPublicEnterprises: 4, nonPublicSharePercent: 66.67, metrics: [{ key: 'participating_enterprises', value: 6 }] },
      targets: [{ metric: 'non_public_enterprises', actual: 4, percentComplete: 100 }, { metric: 'enterprises', actual: 6, percentComplete: 60 }],
    });
  });

  it('leaves out a project withdrawn or terminated before it reported anything, and says how many; one that reported still counts', () => {
    const ended = [
      org('ent-d', ['jj'], 'state_owned', '濂溪区'), ...project('pd', 'ent-d'), recorded('ProjectTerminated', { projectId: 'pd', reason: '企业停产' }),
      ...project('pe', 'ent-c'), filed('pe', '2021-Q3', { participants: 40 }), recorded('ProjectWithdrawn', { projectId: 'pe', reason: '人员调整' }),
    ];
    projectionSpec(coverageProjection).given([...events(), ...ended]).thenMatches(stats('region'), {
      projectsEndedBeforeReporting: 1,
      // ent-c reported no enterprises: an enterprise taking part is one participating enterprise itself (3 reported + 1).
      totals: { projects: 3, participatingUnits: 3, metrics: [{ key: 'participants', value: 690 }, { key: 'participating_enterprises', value: 4 }] },
    });
  });

  it('sums the latest report per period against the targets, with the non-public share', () => {
    projectionSpec(coverageProjection).given(events()).thenMatches(stats('ownership'), {
      totals: { projects: 2, enterprises: 3, nonPublicEnterprises: 2, nonPublicSharePercent: 66.67, metrics: [{ key: 'participants', value: 650 }, { key: 'participating_enterprises', value: 3 }] },
      targets: [
        { metric: 'participant_times', target: 1000, actual: 650, percentComplete: 65 },
        { metric: 'non_public_enterprises', target: 4, actual: 2, percentComplete: 50 },
        // Measured now (a report metric of its own): nobody has reported a studio yet.
        { metric: 'innovation_studios', target: 10, actual: 0, percentComplete: 0 },
      ],
      groups: [{ key: 'non_public', label: '非公', projects: 1 }, { key: 'state_owned', label: '国有', projects: 1 }],
    });
    projectionSpec(coverageProjection).given(events()).then((db) => stats('period')(db).groups.map((g) => [g.key, g.metrics[0]!.value]), [['2021-Q3', 450], ['2021-Q4', 200]]);
    projectionSpec(coverageProjection).given(events()).then((db) => stats('industry')(db).groups.map((g) => g.label), ['电力', '纺织']);
  });

  it('counts participating enterprises (a stock) as of a project’s latest period, adding up only flows', () => {
    const q4 = recorded('ProgressReportFiled', { projectId: 'pa', period: '2021-Q4', metrics: { participants: 200, participating_enterprises: 2 }, filedAt: 'z' });
    const replaced = [...events().filter((e) => !(e.type === 'ProgressReportFiled' && (e.data as any).projectId === 'pa' && (e.data as any).period === '2021-Q4')), q4];
    projectionSpec(coverageProjection).given(replaced).thenMatches(stats('ownership'), {
      totals: { enterprises: 3, nonPublicEnterprises: 2, nonPublicSharePercent: 66.67, metrics: [{ key: 'participants', value: 650 }, { key: 'participating_enterprises', value: 3 }] },
      targets: [{ metric: 'participant_times', actual: 650 }, { metric: 'non_public_enterprises', actual: 2, percentComplete: 50 }, { metric: 'innovation_studios' }],
    });
    projectionSpec(coverageProjection).given(replaced).then((db) => stats('period')(db).groups.map((g) => [g.key, g.enterprises]), [['2021-Q3', 3], ['2021-Q4', 2]]);
  });

  it('counts an accepted summary instead of the reports, not a pending or returned one', () => {
    const submitted = recorded('SummarySubmitted', { projectId: 'pa', revision: 1, outcomes: { participants: 999 }, experience: 'e' });
    const participants = (db: Database) => stats('region')(db).totals.metrics.find((m) => m.key === 'participants')!.value;
    projectionSpec(coverageProjection).given([...events(), submitted]).then(participants, 650);
    projectionSpec(coverageProjection).given([...events(), submitted, recorded('SummaryAccepted', { projectId: 'pa', revision: 1, note: null })]).then(participants, 1299);
  });

  it('counts the non-public enterprises a unit reports, on the same base as all it reports; a non-public unit’s own stand in when it reports none', () => {
    // A county union (no ownership of its own) runs the non-public competition across its enterprises (Nantong: 非公企业竞赛覆盖面).
    const world = [
      org('jj', [], null, '九江市'), org('tz', ['jj'], null, '通州区'), org('ent-a', ['jj'], 'non_public', '浔阳区'),
      recorded('CampaignCreated', { campaignId: 'c1', title: '主题竞赛', targets: [{ metric: 'non_public_enterprises', target: 5000 }, { metric: 'innovation_studios', target: 400 }] }),
      ...project('pt', 'tz'), ...project('pa', 'ent-a'),
      filed('pt', '2026-12', { participating_enterprises: 3000, non_public_enterprises: 2600, innovation_studios: 12 }),
      filed('pt', '2027-01', { participating_enterprises: 3200, non_public_enterprises: 2800, innovation_studios: 15 }),
      filed('pa', '2026-12', { participating_enterprises: 3, innovation_studios: 1 }),
    ];
    projectionSpec(coverageProjection).given(world).thenMatches(stats('ownership'), {
      totals: { enterprises: 3203, nonPublicEnterprises: 2803, nonPublicSharePercent: 87.51 },
      // Studios are a standing count: each project's latest figure, added across units.
      targets: [{ metric: 'non_public_enterprises', actual: 2803, percentComplete: 56.06 }, { metric: 'innovation_studios', actual: 16, percentComplete: 4 }],
    });
    // A unit's second project restates its studios: counted once per unit, as its enterprises are.
    const again = [...world, ...project('pa2', 'ent-a'), filed('pa2', '2026-12', { participating_enterprises: 3, innovation_studios: 1 })];
    projectionSpec(coverageProjection).given(again).thenMatches(stats('ownership'), { targets: [{ metric: 'non_public_enterprises' }, { metric: 'innovation_studios', actual: 16 }] });
  });

  it('counts the honours conferred in the campaign’s rounds against its honour targets, until revoked or withdrawn (a suspension passes)', () => {
    const conferred = (honourId: string, awardType: string, orgId: string) =>
      ({ ...recorded('HonourConferred', { honourId, awardType, recipient: { kind: 'unit', id: orgId, name: orgId, orgId } }), streamId: 'awardRound-r1' });
    const world = [
      ...events(),
      recorded('CampaignRulesAmended', { campaignId: 'c1', changes: {}, rules: { targets: [{ metric: 'may_day_certificates', target: 40 }, { metric: 'may_day_medals', target: 100 }] } }),
      { ...recorded('AwardRoundCreated', { campaignId: 'c1', awardType: 'may_day_certificate' }), streamId: 'awardRound-r1' },
      { ...recorded('AwardRoundCreated', { campaignId: 'other', awardType: 'may_day_certificate' }), streamId: 'awardRound-r2' },
      conferred('r1/n1', 'may_day_certificate', 'ent-a'), conferred('r1/n2', 'may_day_certificate', 'ent-b'), conferred('r1/n3', 'may_day_certificate', 'ent-c'),
      { ...recorded('HonourConferred', { honourId: 'r2/n1', awardType: 'may_day_certificate', recipient: { orgId: 'ent-a' } }), streamId: 'awardRound-r2' },
      { ...recorded('HonourRevoked', { honourId: 'r1/n2', reason: '弄虚作假' }), streamId: 'awardRound-r1' },
      { ...recorded('HonourSuspended', { honourId: 'r1/n3', reason: '复核' }), streamId: 'awardRound-r1' },
    ];
    projectionSpec(coverageProjection).given(world).thenMatches(stats('region'), {
      targets: [{ metric: 'may_day_certificates', target: 40, actual: 2, percentComplete: 5 }, { metric: 'may_day_medals', actual: 0 }],
    });
    // In a unit's own scope, its own honours only.
    projectionSpec(coverageProjection).given(world).thenMatches(stats('region', { kind: 'org', orgId: 'ent-a' }), { targets: [{ metric: 'may_day_certificates', actual: 1 }, { metric: 'may_day_medals', actual: 0 }] });
  });

  it('counts model workers and technical experts against their targets too (Lijiang, review 43 #3)', () => {
    const world = [
      ...events(),
      recorded('CampaignRulesAmended', { campaignId: 'c1', changes: {}, rules: { targets: [{ metric: 'technical_experts', target: 10 }, { metric: 'model_workers', target: 40 }] } }),
      { ...recorded('AwardRoundCreated', { campaignId: 'c1', awardType: 'technical_expert' }), streamId: 'awardRound-r1' },
      { ...recorded('HonourConferred', { honourId: 'r1/n1', awardType: 'technical_expert', recipient: { kind: 'person', id: 'p1', name: '和师傅', orgId: 'ent-a' } }), streamId: 'awardRound-r1' },
    ];
    projectionSpec(coverageProjection).given(world).thenMatches(stats('region'), {
      targets: [{ metric: 'technical_experts', target: 10, actual: 1, percentComplete: 10 }, { metric: 'model_workers', target: 40, actual: 0 }],
    });
  });

  it('groups by the organisation’s current region and keeps to the caller’s scope', () => {
    const moved = recorded('OrganizationUpdated', { orgId: 'ent-b', changes: { region: '浔阳区' } });
    projectionSpec(coverageProjection).given([...events(), moved]).then((db) => stats('region')(db).groups.map((g) => [g.key, g.projects]), [['浔阳区', 2]]);
    projectionSpec(coverageProjection).given(events()).then((db) => stats('region', { kind: 'org', orgId: 'ent-b' })(db).totals.projects, 1);
  });
});
