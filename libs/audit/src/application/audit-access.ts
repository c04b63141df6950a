import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB, ReadConsistency } from '@jingsai/api-kit';
import { AuthUser, ORG_DIRECTORY, OrgDirectory, describeScope, headsTheOnlyTree, requireRole, requireWithinScope } from '@jingsai/auth';
import { EVENT_STORE, EventStore, ReadModelDatabase } from '@jingsai/event-store';
import { DomainError, isDomainError, parseStreamId } from '@jingsai/shared';
import { RoundPart, roundPart } from '../history/round-part';
import { StreamScope } from '../scope/stream-scope';

/**
 * Who may read what in the audit trail: administrators everything; auditors the streams whose
 * organisation lies within their subtree, and the published campaigns of the committees above
 * them (the rules their projects were decided by). An auditor of the root organisation (the head of the
 * only tree) is unrestricted, and only an unrestricted auditor may read streams whose organisation cannot
 * be determined (rule sets) or export the whole log.
 */
@Injectable()
export class AuditAccess {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    private readonly consistency: ReadConsistency,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
  ) {}

  /** A fresh scope cache (one per request). */
  scope(): StreamScope {
    return new StreamScope(this.store);
  }

  /** Refuses anyone but auditors and administrators; true when the caller is unrestricted. */
  async requireAuditor(user: AuthUser): Promise<boolean> {
    requireRole(user, 'auditor', 'admin');
    if (user.roles.includes('admin')) return true;
    // The scope check reads the organisation tree: let it catch up with the log first, unless a
    // rebuild runs (the other read models' checkpoints start again from zero, and waiting for them
    // held every audit query for 5 s and then refused it). While the tree itself is replayed, the
    // scope cannot be told: refused as the read-model queries are.
    const rebuilding = this.readDb.rebuildingProjectionsNow();
    if (rebuilding.includes('org_tree')) {
      throw new DomainError(
        'READ_MODEL.REBUILDING',
        'unavailable',
        '组织机构读模型正在重建，暂不能核对审计范围，请稍后重试（系统管理员不受影响）。',
        'The organisation tree is being rebuilt, so your audit scope cannot be checked yet; retry shortly (administrators are not affected).',
      );
    }
    if (rebuilding.length === 0) await this.consistency.catchUp();
    return headsTheOnlyTree(this.orgs, user.orgId);
  }

  /** Refuses unless the caller may read this stream; 404 when the stream does not exist. */
  async requireStream(user: AuthUser, streamId: string, scope = this.scope()): Promise<void> {
    const unrestricted = await this.requireAuditor(user);
    if ((await this.store.streamRevision(streamId)) === null) throw streamNotFound(streamId);
    if (unrestricted) return;
    if (isPublishedRules(streamId)) return;
    const orgId = await scope.orgOf(streamId);
    if (orgId === null) throw unrestrictedOnly('stream');
    if (this.orgs.isWithin(orgId, user.orgId)) return;
    // Another region's draft campaign reads as absent here too, as its detail does, so its id does not leak.
    if (parseStreamId(streamId).category === 'campaign' && !(await scope.everPublished(streamId))) throw streamNotFound(streamId);
    if (await this.publishedCampaignAbove(user, streamId, orgId, scope)) return;
    requireWithinScope(this.orgs, user.orgId, orgId, 'stream');
  }

  /**
   * As {@link requireStream}; but an award round run above an auditor whose subtree holds some of
   * its nominees (or their recommenders) is theirs in part: the part is answered (`RoundPart`)
   * where the whole stream would be out of scope. Null when the whole stream may be read.
   */
  async requireStreamOrRoundPart(user: AuthUser, streamId: string): Promise<RoundPart | null> {
    try {
      await this.requireStream(user, streamId);
      return null;
    } catch (e) {
      if (!(isDomainError(e) && e.kind === 'forbidden' && parseStreamId(streamId).category === 'awardRound' && user.roles.includes('auditor'))) throw e;
      const part = await roundPart(this.store, streamId, (orgId) => this.orgs.isWithin(orgId, user.orgId));
      if (!part) throw e;
      return part;
    }
  }

  /**
   * A published campaign of a committee above the auditor: its rules, in every version, bind the
   * projects of the auditor's subtree, whose units read its detail. Its history says which rules were
   * in force when each of their projects was decided, so the auditors below read it too. So are its
   * published rankings (公布排名, review 48 #11): every event of that stream is a publication.
   */
  private async publishedCampaignAbove(user: AuthUser, streamId: string, organizerOrgId: string, scope: StreamScope): Promise<boolean> {
    const category = parseStreamId(streamId).category;
    if (!this.orgs.isWithin(user.orgId, organizerOrgId)) return false;
    return category === 'ranking' || (category === 'campaign' && (await scope.everPublished(streamId)));
  }

  /** True when the stream's organisation lies within the caller's subtree (not merely readable from below, as a campaign above is). */
  async organisedWithin(user: AuthUser, streamId: string, scope = this.scope()): Promise<boolean> {
    const orgId = await scope.orgOf(streamId);
    return orgId !== null && this.orgs.isWithin(orgId, user.orgId);
  }

  /** True when a restricted auditor may see this stream (for filtering lists). */
  async mayRead(user: AuthUser, streamId: string, scope: StreamScope): Promise<boolean> {
    if (isPublishedRules(streamId)) return true;
    const orgId = await scope.orgOf(streamId);
    if (orgId === null) return false;
    return this.orgs.isWithin(orgId, user.orgId) || (await this.publishedCampaignAbove(user, streamId, orgId, scope));
  }

  /** Whose streams a list holds, said in the answer: all, or the caller's subtree (streams of no organisation left out). */
  describe(user: AuthUser, unrestricted: boolean) {
    return describeScope(unrestricted ? { kind: 'all' } : { kind: 'subtree', orgId: user.orgId }, this.orgs);
  }

  requireUnrestricted(unrestricted: boolean, what: string): void {
    if (!unrestricted) throw unrestrictedOnly(what);
  }
}

/**
 * A rule set's stream: published award rules (评选条件, with their 文号), which belong to no
 * organisation and which every round cites. Every auditor reads them, as a campaign export holds
 * them: checking a verdict needs the rules it was judged by.
 */
const isPublishedRules = (streamId: string): boolean => parseStreamId(streamId).category === 'ruleSet';

export function streamNotFound(streamId: string): DomainError {
  return DomainError.notFound('AUDIT.STREAM_NOT_FOUND', `事件流 ${streamId} 不存在。`, `Stream ${streamId} does not exist.`, { streamId });
}

function unrestrictedOnly(what: string): DomainError {
  if (what === 'export') {
    return DomainError.forbidden(
      'AUDIT.UNRESTRICTED_ONLY',
      '导出全部事件日志仅限系统管理员，或组织登记中唯一的最高层级组织的审计人员（登记了多个最高层级组织时，各自只能查看本辖区）；请按 streamId 或 campaignId 导出您辖区内的记录。',
      'Exporting the whole log is for administrators and the auditors of the only top-level organisation (with several registered, each sees its own tree); export by streamId or campaignId within your scope.',
    );
  }
  return DomainError.forbidden(
    'AUDIT.UNRESTRICTED_ONLY',
    '该内容不属于任何组织，仅系统管理员或组织登记中唯一的最高层级组织的审计人员可查看。',
    `This ${what} belongs to no organisation; only administrators and the auditors of the only top-level organisation may read it.`,
  );
}
