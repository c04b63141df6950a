import { recorded, projectionSpec } from '@jingsai/testing';
import { campaignListProjection } from './campaign-list.projection';
import { CampaignListFilter, listCampaigns } from './campaign-list.queries';

const at = (occurredAt: string) => ({ metadata: { occurredAt } });
const org = (orgId: string, kind: string, level: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind, level, ownership: null, industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });

const window = { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-22T23:59:59+08:00' };
const created = (campaignId: string, organizerOrgId: string, level: string, year = 2021) =>
  recorded('CampaignCreated', {
    campaignId, title: `竞赛 ${campaignId}`, theme: '建功“十四五”', year, level, organizerOrgId, categories: ['skills'], applicationWindow: window,
    reportingCadence: 'quarterly', assessment: {}, approvalLevels: ['county', 'city'], targets: [],
  }, at(`${year}-06-01T00:00:00.000Z`));

const tree = () => [
  org('jx', 'union', 'province', []),
  org('jj', 'committee', 'city', ['jx']),
  org('xy', 'committee', 'county', ['jx', 'jj']),
  org('ent-a', 'enterprise', 'enterprise', ['jx', 'jj', 'xy']),
  org('lx', 'committee', 'county', ['jx', 'jj']),
];

const ids = (f: Partial<CampaignListFilter>) => (db: Parameters<typeof listCampaigns>[0]) =>
  listCampaigns(db, { callerOrgId: 'jj', everything: false, limit: 50, offset: 0, ...f }).items.map((c) => `${c.campaignId}:${c.status}`);

describe('campaign list projection', () => {
  it('follows a campaign from draft through amendments to closing, with labels', () => {
    projectionSpec(campaignListProjection)
      .given([
        ...tree(),
        created('c1', 'jj', 'city'),
        recorded('CampaignDraftAmended', { campaignId: 'c1', changes: { title: '改名后的竞赛', categories: ['skills', 'key_project'] } }),
        recorded('CampaignPublished', { campaignId: 'c1', rulesVersion: 1 }),
        recorded('CampaignRulesAmended', {
          campaignId: 'c1', rulesVersion: 2, changes: { approvalLevels: ['city'] }, reason: '简化',
          rules: { categories: ['skills', 'key_project'], applicationWindow: window, reportingCadence: 'monthly', assessment: {}, approvalLevels: ['city'], targets: [] },
        }),
        recorded('CampaignApplicationWindowClosed', { campaignId: 'c1', closesAt: window.closesAt }),
      ])
      .thenMatches((db) => listCampaigns(db, { callerOrgId: 'jj', everything: false, limit: 50, offset: 0 }), {
        total: 1,
        items: [{
          campaignId: 'c1', title: '改名后的竞赛', status: 'published', statusLabel: '已发布', levelLabel: '市级', rulesVersion: 2, approvalLevels: ['city'],
          applicationWindowClosed: true, categories: [{ key: 'skills', zh: '职业技能竞赛' }, { key: 'key_project', zh: '重点工程立功竞赛' }],
        }],
      });
  });

  it('shows a caller its subtree’s campaigns, drafts included, and only the published ones above it', () => {
    const events = [
      ...tree(),
      created('city-draft', 'jj', 'city'),
      created('city-live', 'jj', 'city', 2022),
      recorded('CampaignPublished', { campaignId: 'city-live', rulesVersion: 1 }),
      created('xy-draft', 'xy', 'county'),
      created('lx-live', 'lx', 'county'),
      recorded('CampaignPublished', { campaignId: 'lx-live', rulesVersion: 1 }),
      recorded('CampaignClosed', { campaignId: 'lx-live', reason: null }),
    ];
    projectionSpec(campaignListProjection).given(events).then(ids({}), ['city-live:published', 'city-draft:draft', 'lx-live:closed', 'xy-draft:draft']);
    projectionSpec(campaignListProjection).given(events).then(ids({ callerOrgId: 'xy' }), ['city-live:published', 'xy-draft:draft']);
    projectionSpec(campaignListProjection).given(events).then(ids({ callerOrgId: 'ent-a' }), ['city-live:published']);
    projectionSpec(campaignListProjection).given(events).then(ids({ callerOrgId: 'elsewhere' }), []);
    projectionSpec(campaignListProjection).given(events).then(ids({ callerOrgId: 'elsewhere', everything: true, status: 'closed' }), ['lx-live:closed']);
    projectionSpec(campaignListProjection).given(events).then(ids({ year: 2022 }), ['city-live:published']);
  });
});
