import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { PublishRanking, RankingEntry, RankingEvent, rankingDecider } from './ranking';

const spec = () => DeciderSpec.for(rankingDecider);
const committee: Actor = { userId: 'u-jj', role: 'committee', orgId: 'jj' };
const entry = (projectId: string, total: number, rank: number): RankingEntry => ({
  projectId, title: `项目 ${projectId}`, orgId: 'ent-a', category: 'skills', rulesVersion: 1, total, grade: 'good', normalizedScore: null, rankInCampaign: rank, rankInCategory: rank, lateEntry: false, vetoed: false,
});
const publish = (over: Partial<PublishRanking> = {}): PublishRanking => ({
  type: 'PublishRanking', campaignId: 'jj-2021', at: '2021-12-20T09:00:00+08:00', actor: committee,
  campaign: { organizerOrgId: 'jj', status: 'published', rulesVersion: 2 }, basis: 'total', asOfPosition: 40, entries: [entry('p-a', 88, 1), entry('p-b', 80, 2)], note: ' 予以公布 ', ...over,
});
const first: RankingEvent = {
  type: 'RankingPublished',
  data: { rankingNo: 1, campaignId: 'jj-2021', basis: 'total', campaignRulesVersion: 2, asOfPosition: 40, publishedAt: '2021-12-20T09:00:00+08:00', note: '予以公布', entries: [entry('p-a', 88, 1), entry('p-b', 80, 2)] },
};

describe('published rankings (公布排名)', () => {
  it('records the ranking as worked out, numbered, with its basis, rules version and log position', () => {
    spec().given([]).when(publish()).then([first]);
  });

  it('numbers a later publication on, and refuses the same list on the same basis again, naming the publication that stands', () => {
    spec().given([first]).when(publish({ asOfPosition: 41, note: '另一个说明' })).thenThrows('RANKING.UNCHANGED', { kind: 'conflict', details: { rankingNo: 1 } });
    spec().given([first]).when(publish({ basis: 'z_score_v1', asOfPosition: 50 })).thenMatches([{ type: 'RankingPublished', data: { rankingNo: 2, basis: 'z_score_v1' } }]);
    spec().given([first]).when(publish({ entries: [entry('p-b', 91, 1), entry('p-a', 88, 2)] })).thenMatches([{ type: 'RankingPublished', data: { rankingNo: 2 } }]);
  });

  it('is the organising committee’s, of a published campaign with a result fixed', () => {
    spec().given([]).when(publish({ actor: { userId: 'u-xy', role: 'committee', orgId: 'xy' } })).thenThrows('CAMPAIGN.FORBIDDEN', { kind: 'forbidden' });
    spec().given([]).when(publish({ campaign: { organizerOrgId: 'jj', status: 'draft', rulesVersion: 0 } })).thenThrows('RANKING.CAMPAIGN_NOT_PUBLISHED', { kind: 'illegal_state' });
    spec().given([]).when(publish({ entries: [] })).thenThrows('RANKING.NOTHING_FINALISED', { kind: 'unprocessable' });
    spec().given([]).when(publish({ campaign: { organizerOrgId: 'jj', status: 'none', rulesVersion: 0 } })).thenThrows('CAMPAIGN.NOT_FOUND', { kind: 'not_found' });
  });
});
