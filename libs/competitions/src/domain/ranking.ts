import { Actor, Decider, DomainError, DomainEvent, assertNever } from '@jingsai/shared';
import { requireOrganizerCommittee } from './campaign.guards';
import { CampaignStatus } from './campaign.catalogue';

/**
 * 公布排名: the ranking of a campaign's assessed projects as its committee published it on a day,
 * kept as it was. The live ranking (the assessment statistics) moves with every finalisation and
 * with a change of the campaign's ranking basis; a published one is an event, so an auditor reads
 * and replays exactly what was published, on what basis and as of which log position (DOMAIN:
 * "a replay reproduces the published ranking exactly"). A campaign's rankings are a stream of
 * their own (`ranking-<campaignId>`), which keeps the campaign's stream, read by every project
 * command, small.
 */
export type RankingEntry = {
  projectId: string;
  title: string;
  orgId: string;
  category: string;
  /** The rules version the project's result was fixed under. */
  rulesVersion: number;
  total: number;
  grade: string | null;
  /** The mean of its per-assessor z-scores, when the basis is z_score_v1. */
  normalizedScore: number | null;
  rankInCampaign: number;
  rankInCategory: number;
  /** Said beside the rank: an entry filed late (视为未参赛), an accident that vetoes (一票否决). */
  lateEntry: boolean;
  vetoed: boolean;
};

export type RankingPublication = {
  rankingNo: number;
  campaignId: string;
  /** `total`, or the normalisation the campaign's rules in force rank on (e.g. z_score_v1). */
  basis: string;
  /** The campaign's rules version in force when it was published. */
  campaignRulesVersion: number;
  /** The log position the ranking was worked out at: a rebuild to it gives the same list. */
  asOfPosition: number;
  publishedAt: string;
  note: string | null;
  entries: RankingEntry[];
};

export type RankingPublished = DomainEvent<'RankingPublished', RankingPublication>;
export type RankingEvent = RankingPublished;

export interface PublishRanking {
  type: 'PublishRanking';
  campaignId: string;
  at: string;
  actor: Actor;
  /** Facts of the campaign, read by the handler: who organises it, where it stands, its rules version. */
  campaign: { organizerOrgId: string; status: CampaignStatus | 'none'; rulesVersion: number };
  basis: string;
  asOfPosition: number;
  entries: RankingEntry[];
  note?: string | null;
}

export type RankingCommand = PublishRanking;

export interface RankingState {
  campaignId: string | null;
  publications: RankingPublication[];
}

function decide(c: RankingCommand, state: RankingState): RankingEvent[] {
  switch (c.type) {
    case 'PublishRanking':
      return publish(c, state);
    default:
      return assertNever(c.type);
  }
}

function publish(c: PublishRanking, state: RankingState): RankingEvent[] {
  if (c.campaign.status === 'none') {
    throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${c.campaignId} 不存在。`, `Campaign ${c.campaignId} does not exist.`, { campaignId: c.campaignId });
  }
  requireOrganizerCommittee(c.actor, c.campaign.organizerOrgId);
  if (c.campaign.status === 'draft') {
    throw DomainError.illegalState('RANKING.CAMPAIGN_NOT_PUBLISHED', '竞赛活动尚未发布，没有可公布的排名。', 'The campaign is not published; there is no ranking to publish.', 'draft', ['publish']);
  }
  if (c.entries.length === 0) {
    throw DomainError.unprocessable('RANKING.NOTHING_FINALISED', '本活动尚无确定评估结果的项目，没有可公布的排名。', 'No project of the campaign has a fixed assessment result yet; there is nothing to rank.', { campaignId: c.campaignId });
  }
  const last = state.publications[state.publications.length - 1];
  // The same list on the same basis (nothing finalised since): not a new publication, and said so, with the one that stands
  // (a note given now is not recorded; review 48 #9). A retry with its Idempotency-Key is answered as the first time.
  if (last && last.basis === c.basis && JSON.stringify(last.entries) === JSON.stringify(c.entries)) {
    throw DomainError.conflict(
      'RANKING.UNCHANGED',
      `排名自第 ${last.rankingNo} 次公布（${last.publishedAt}）以来没有变化，不另行公布${c.note?.trim() ? '，本次说明未记录' : ''}。`,
      `The ranking is unchanged since publication ${last.rankingNo} (${last.publishedAt}); nothing new is published${c.note?.trim() ? ' and the note was not recorded' : ''}.`,
      { rankingNo: last.rankingNo, publishedAt: last.publishedAt },
    );
  }
  const note = c.note?.trim() || null;
  return [
    {
      type: 'RankingPublished',
      data: {
        rankingNo: state.publications.length + 1,
        campaignId: c.campaignId,
        basis: c.basis,
        campaignRulesVersion: c.campaign.rulesVersion,
        asOfPosition: c.asOfPosition,
        publishedAt: c.at,
        note,
        entries: c.entries,
      },
    },
  ];
}

function evolve(state: RankingState, e: RankingEvent): RankingState {
  switch (e.type) {
    case 'RankingPublished':
      return { campaignId: e.data.campaignId, publications: [...state.publications, e.data] };
    default:
      return state;
  }
}

export const rankingDecider: Decider<RankingState, RankingCommand, RankingEvent> = {
  initialState: () => ({ campaignId: null, publications: [] }),
  decide,
  evolve,
};
