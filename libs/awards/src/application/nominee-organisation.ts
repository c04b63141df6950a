import { OrgDirectory } from '@jingsai/auth';
import { ORG_KIND_LABELS, OrgKind } from '@jingsai/organizations';
import { DomainError } from '@jingsai/shared';
import { NOMINEE_KIND_LABELS, NomineeKind } from './award-domain';

interface NomineeClaim {
  kind: NomineeKind;
  id: string;
  orgId?: string;
}

/**
 * The organisation a nominee is judged by: its exclusion windows, its ownership (state-owned
 * nominees need audit and discipline clearances) and the project it rests on all follow from
 * it, so it cannot be chosen freely. A unit or a team is an organisation itself; a person
 * belongs to the organisation named, or else to the project's.
 */
export function claimedNomineeOrg(nominee: NomineeClaim, projectOrgId: string | undefined): string {
  if (nominee.kind !== 'person') {
    const kind = NOMINEE_KIND_LABELS[nominee.kind];
    if (nominee.orgId !== undefined && nominee.orgId !== nominee.id) {
      throw DomainError.unprocessable(
        'AWARD.NOMINEE_ORG_MISMATCH',
        `推荐${kind.zh}时，其所在单位就是该${kind.zh}本身（${nominee.id}），不能填写为 ${nominee.orgId}；请删除 nominee.orgId 或改为 ${nominee.id}。`,
        `A ${kind.en} nominee is its own organisation (${nominee.id}), not ${nominee.orgId}; drop nominee.orgId or set it to ${nominee.id}.`,
        { errors: [{ field: 'nominee.orgId', messageZh: `应为 ${nominee.id}`, messageEn: `must be ${nominee.id}` }] },
      );
    }
    return nominee.id;
  }
  const orgId = nominee.orgId ?? projectOrgId;
  if (!orgId) {
    throw DomainError.validation('AWARD.NOMINEE_ORG_REQUIRED', '请填写推荐对象所在单位（nominee.orgId）或所依托的竞赛项目。', 'Give the nominee’s organisation (nominee.orgId) or the project it rests on.', {
      errors: [{ field: 'nominee.orgId', messageZh: '必填', messageEn: 'required' }],
    });
  }
  return orgId;
}

/**
 * Refuses a nominee whose organisation is not registered, a team nominee that is not a
 * registered team, a nominee outside the project's organisation (its subtree) or outside
 * the round's organisation. Reads the organisation tree, so call it after catching up.
 */
export function requireNomineeTied(orgs: OrgDirectory, nominee: NomineeClaim, orgId: string, project: { projectId: string; orgId: string } | undefined, roundOrgId: string): void {
  const node = orgs.get(orgId);
  if (!node) {
    throw DomainError.unprocessable('AWARD.NOMINEE_ORG_NOT_REGISTERED', `推荐对象所在单位 ${orgId} 尚未登记，请先登记该组织。`, `The nominee's organisation ${orgId} is not registered; register it first.`, { orgId });
  }
  if (nominee.kind === 'team' && node.kind !== 'team') {
    throw DomainError.unprocessable('AWARD.NOMINEE_NOT_A_TEAM', `${node.name}（${orgId}）登记为“${ORG_KIND_LABELS[node.kind as OrgKind] ?? node.kind}”，不是班组，不能作为班组推荐。`, `${orgId} is registered as ${node.kind}, not as a team, so it cannot be nominated as one.`, { orgId, kind: node.kind });
  }
  // A 班组 is not a unit (单位): it is honoured as a team (工人先锋号), and answers to its enterprise's record.
  if (nominee.kind === 'unit' && node.kind === 'team') {
    throw DomainError.unprocessable(
      'AWARD.NOMINEE_NOT_A_UNIT',
      `${node.name}（${orgId}）登记为班组，不是单位，不能作为单位推荐；班组请以班组荣誉（如工人先锋号）推荐，或推荐其所在企业。`,
      `${orgId} is registered as a team, not a unit: nominate it for a team honour (such as Worker Pioneer), or nominate its enterprise.`,
      { orgId, kind: node.kind },
    );
  }
  if (project && !orgs.isWithin(orgId, project.orgId)) {
    throw DomainError.unprocessable(
      'AWARD.NOMINEE_NOT_OF_PROJECT',
      `推荐对象所在单位${node.name}（${orgId}）不是竞赛项目 ${project.projectId} 的参赛单位${orgs.get(project.orgId)?.name ?? project.orgId}或其下属单位。`,
      `The nominee's organisation ${orgId} is not the project's (${project.orgId}) or under it.`,
      { nomineeOrgId: orgId, projectOrgId: project.orgId },
    );
  }
  if (!orgs.isWithin(orgId, roundOrgId)) {
    throw DomainError.unprocessable('AWARD.NOMINEE_OUTSIDE_ROUND', `推荐对象所在单位${node.name}（${orgId}）不在本轮评选的组织${orgs.get(roundOrgId)?.name ?? roundOrgId}范围内。`, `The nominee's organisation ${orgId} is outside this round's organisation ${roundOrgId}.`, {
      nomineeOrgId: orgId,
      roundOrgId,
    });
  }
}
