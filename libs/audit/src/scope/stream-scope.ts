import { EventStore } from '@jingsai/event-store';
import { parseStreamId } from '@jingsai/shared';

/**
 * Which organisation a stream belongs to, for audit scope checks, read from the stream's first
 * event (never from a read model, so a rebuilt or lagging read model cannot widen access):
 * - `organization-<id>`: that organisation;
 * - `project-<id>`: `orgId` of `ProjectDrafted` (the participating unit);
 * - `campaign-<id>`: `organizerOrgId` of `CampaignCreated`;
 * - `awardRound-<id>`: the organiser of the campaign named by `AwardRoundCreated.campaignId`;
 * - any other category: `orgId` or `organizerOrgId` of its first event if it has one, else
 *   undeterminable (null), e.g. rule sets, which belong to no organisation.
 * One instance caches answers; create one per request or per export.
 */
export class StreamScope {
  private readonly cache = new Map<string, Promise<string | null>>();
  private readonly published = new Map<string, Promise<boolean>>();

  constructor(private readonly store: EventStore) {}

  /**
   * Whether a campaign stream was ever published (holds `CampaignPublished`): a draft out of scope
   * reads as absent, a published one above the auditor is readable. Read once per stream, however
   * many of a log page's events ask (false for other categories).
   */
  everPublished(streamId: string): Promise<boolean> {
    let answer = this.published.get(streamId);
    if (!answer) {
      answer = parseStreamId(streamId).category !== 'campaign'
        ? Promise.resolve(false)
        : this.store.readStream(streamId, { hashes: false }).then((events) => events.some((e) => e.type === 'CampaignPublished'));
      this.published.set(streamId, answer);
    }
    return answer;
  }

  orgOf(streamId: string): Promise<string | null> {
    let answer = this.cache.get(streamId);
    if (!answer) {
      answer = this.lookUp(streamId);
      this.cache.set(streamId, answer);
    }
    return answer;
  }

  private async lookUp(streamId: string): Promise<string | null> {
    const { category, id } = parseStreamId(streamId);
    if (category === 'organization') return id || null;
    const first = (await this.store.readStream(streamId, { maxCount: 1 }))[0];
    if (!first) return null;
    const data = first.data as Record<string, unknown>;
    if (category === 'awardRound' || category === 'ranking') {
      return typeof data.campaignId === 'string' ? this.orgOf(`campaign-${data.campaignId}`) : null;
    }
    const org = category === 'campaign' ? data.organizerOrgId : (data.orgId ?? data.organizerOrgId);
    return typeof org === 'string' && org.length > 0 ? org : null;
  }
}
