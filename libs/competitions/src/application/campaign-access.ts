import type { Database } from 'better-sqlite3';
import { AuthUser, OrgDirectory } from '@jingsai/auth';
import { DomainError } from '@jingsai/shared';
import { Campaign, neverPublished } from '../domain';
import { assessesIn } from '../read-models/campaigns/campaign-list.queries';

/**
 * Who may read a campaign (its detail and its statistics): an administrator; the organiser and the
 * committees above it; once published, the organisations under the organiser (who enter it) and
 * the assessors it invited. A draft out of sight answers like an absent campaign, so ids of other
 * regions' drafts do not leak; a published campaign of another region is out of scope (403), not
 * a campaign with nothing in it.
 */
export function requireCampaignReadable(user: AuthUser, campaign: Campaign, orgs: OrgDirectory, db: Database): void {
  if (user.roles.includes('admin')) return;
  const { campaignId, organizerOrgId } = campaign;
  if (orgs.isWithin(organizerOrgId, user.orgId)) return;
  const published = !neverPublished(campaign);
  if (published && orgs.isWithin(user.orgId, organizerOrgId)) return;
  if (published && user.roles.includes('assessor') && assessesIn(db, user.userId, campaignId)) return;
  if (!published) throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${campaignId} 不存在。`, `Campaign ${campaignId} does not exist.`, { campaignId });
  throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `竞赛活动 ${campaignId} 不在您所在组织的管辖范围内，无权查看。`, `Campaign ${campaignId} is outside your organisation's scope.`, {
    yourOrgId: user.orgId,
    targetOrgId: organizerOrgId,
  });
}
