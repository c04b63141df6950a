import { Actor, assertNever, DomainError } from '@jingsai/shared';
import { beijingDateOf } from './calendar';
import { mayNestUnder, ORG_KIND_LABELS, ORG_LEVEL_LABELS } from './organization.catalogue';
import { OrganizationCommand, RecordOrganizationFact, RegisterOrganization, RetractOrganizationFact, UpdateOrganization } from './organization.commands';
import { OrganizationEvent } from './organization.events';
import { OrganizationState, RegisteredOrganization } from './organization.state';
import { factProblems, FieldProblem, registrationProblems, updateProblems } from './organization.validate';

export function decideOrganization(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  switch (command.type) {
    case 'RegisterOrganization':
      return register(command, state);
    case 'UpdateOrganization':
      return update(command, state);
    case 'RecordOrganizationFact':
      return recordFact(command, state);
    case 'RetractOrganizationFact':
      return retractFact(command, state);
    default:
      return assertNever(command);
  }
}

function requireRole(actor: Actor, roles: Array<Actor['role']>, whatZh: string, whatEn: string): void {
  if (!roles.includes(actor.role)) {
    const who = roles.includes('committee') ? '竞赛委员会或系统管理员' : '系统管理员';
    throw DomainError.forbidden(
      'ORGANIZATION.FORBIDDEN',
      `只有${who}可以${whatZh}。`,
      `Only ${roles.filter((r) => r !== 'system').join(' or ')} users may ${whatEn}.`,
      { role: actor.role, allowedRoles: roles },
    );
  }
}

function invalid(code: string, zh: string, en: string, errors: FieldProblem[]): DomainError {
  return DomainError.validation(code, zh, en, { errors });
}

function requireRegistered(state: OrganizationState, orgId: string): RegisteredOrganization {
  if (state.status !== 'registered') {
    throw DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${orgId} 尚未登记，请先登记组织。`, `Organisation ${orgId} is not registered; register it first.`, { orgId });
  }
  return state;
}

function register(c: RegisterOrganization, state: OrganizationState): OrganizationEvent[] {
  requireRole(c.actor, ['admin', 'system'], '登记组织', 'register organisations');
  if (state.status === 'registered') {
    throw DomainError.conflict('ORGANIZATION.ALREADY_REGISTERED', `组织 ${c.orgId} 已登记，如需修改请使用修改功能。`, `Organisation ${c.orgId} is already registered; update it instead.`, { orgId: c.orgId });
  }
  const problems = registrationProblems(c);
  if (problems.length > 0) throw invalid('ORGANIZATION.INVALID', '组织信息有误，请按提示修改后重新提交。', 'The organisation has invalid fields; correct them and resubmit.', problems);
  if (c.parent === null && c.kind !== 'committee' && c.kind !== 'union') {
    // A root sees its whole tree (its auditors read the whole log): only a competition committee or a union (总工会) heads one.
    const zh = `只有${ORG_KIND_LABELS.committee}或${ORG_KIND_LABELS.union}可以作为组织树的最高一级；${ORG_KIND_LABELS[c.kind]}必须指定上级组织（parentId）。`;
    const en = `Only a competition committee or a union may head the organisation tree; a ${c.kind} needs a parent (parentId).`;
    throw DomainError.validation('ORGANIZATION.PARENT_REQUIRED', zh, en, {
      kind: c.kind,
      errors: [{ field: 'parentId', messageZh: zh, messageEn: 'A parent is required for this kind of organisation.' }],
    });
  }
  if (c.parent !== null && !mayNestUnder(c.parent.level, c.level, c.kind)) {
    throw DomainError.validation(
      'ORGANIZATION.PARENT_LEVEL_NOT_ABOVE',
      `上级组织的层级（${ORG_LEVEL_LABELS[c.parent.level]}）必须高于本组织的层级（${ORG_LEVEL_LABELS[c.level]}）；${ORG_KIND_LABELS.committee}和${ORG_KIND_LABELS.union}可与上级同级。请选择正确的上级或层级。`,
      `The parent's level (${c.parent.level}) must be above this organisation's level (${c.level}); only a committee or union may share its parent's level. Choose another parent or level.`,
      {
        parentLevel: c.parent.level, level: c.level, kind: c.kind,
        // Either may be at fault: a form marks both (review 41 #10).
        errors: [
          { field: 'parentId', messageZh: `上级组织的层级为${ORG_LEVEL_LABELS[c.parent.level]}，须高于本组织的层级`, messageEn: `the parent is at ${c.parent.level} level, which must be above this organisation's` },
          { field: 'level', messageZh: `本组织的层级（${ORG_LEVEL_LABELS[c.level]}）须低于上级组织的层级（${ORG_LEVEL_LABELS[c.parent.level]}）`, messageEn: `level ${c.level} must be below the parent's (${c.parent.level})` },
        ],
      },
    );
  }
  return [
    {
      type: 'OrganizationRegistered',
      data: {
        orgId: c.orgId,
        name: c.name.trim(),
        kind: c.kind,
        level: c.level,
        ownership: c.ownership,
        industry: c.industry,
        region: c.region,
        parentId: c.parent?.orgId ?? null,
        parentPath: c.parent ? [...c.parent.parentPath, c.parent.orgId] : [],
      },
    },
  ];
}

function update(c: UpdateOrganization, state: OrganizationState): OrganizationEvent[] {
  requireRole(c.actor, ['admin', 'system'], '修改组织信息', 'update organisations');
  const org = requireRegistered(state, c.orgId);
  const keys = (['name', 'industry', 'region', 'ownership'] as const).filter((k) => k in c.changes);
  if (keys.length === 0) {
    throw DomainError.validation('ORGANIZATION.NOTHING_TO_UPDATE', '没有需要修改的内容（可修改：名称、行业、地区、所有制类型；上级组织不可修改）。', 'Nothing to update: give name, industry, region or ownership (the parent cannot change).');
  }
  const problems = updateProblems(c.changes);
  if (problems.length > 0) throw invalid('ORGANIZATION.INVALID', '组织信息有误，请按提示修改后重新提交。', 'The organisation has invalid fields; correct them and resubmit.', problems);
  const changes: Record<string, unknown> = {};
  for (const k of keys) {
    const value = k === 'name' ? c.changes.name!.trim() : c.changes[k];
    if (value !== org[k]) changes[k] = value;
  }
  // Re-sending the same values is a repeat, not a change.
  return Object.keys(changes).length === 0 ? [] : [{ type: 'OrganizationUpdated', data: { orgId: c.orgId, changes } }];
}

function recordFact(c: RecordOrganizationFact, state: OrganizationState): OrganizationEvent[] {
  requireRole(c.actor, ['admin', 'committee', 'system'], '记录组织事实', 'record facts about organisations');
  const org = requireRegistered(state, c.orgId);
  const problems = factProblems(c);
  if (problems.length > 0) throw invalid('ORGANIZATION.FACT_INVALID', '事实记录有误，请按提示修改后重新提交。', 'The fact has invalid fields; correct them and resubmit.', problems);
  const today = beijingDateOf(c.at);
  if (c.occurredOn > today) {
    throw DomainError.validation('ORGANIZATION.FACT_IN_FUTURE', `发生日期 ${c.occurredOn} 晚于今天（${today}），只能记录已经发生的事实。`, `occurredOn ${c.occurredOn} is after today (${today}); only facts that already happened can be recorded.`, { occurredOn: c.occurredOn, today });
  }
  const description = c.description.trim();
  const existing = org.facts.find((f) => f.factId === c.factId);
  if (existing) {
    const same = existing.kind === c.kind && existing.occurredOn === c.occurredOn && existing.description === description;
    if (same) return [];
    throw DomainError.conflict('ORGANIZATION.FACT_ID_CONFLICT', `事实记录 ${c.factId} 已存在且内容不同，请使用新的编号。`, `Fact ${c.factId} already exists with different content; use a new id.`, { factId: c.factId });
  }
  return [{ type: 'OrganizationFactRecorded', data: { orgId: c.orgId, factId: c.factId, kind: c.kind, occurredOn: c.occurredOn, description } }];
}

function retractFact(c: RetractOrganizationFact, state: OrganizationState): OrganizationEvent[] {
  requireRole(c.actor, ['admin', 'committee'], '撤回组织事实', 'retract facts about organisations');
  const org = requireRegistered(state, c.orgId);
  const reason = c.reason?.trim() ?? '';
  if (!reason) {
    throw DomainError.validation('ORGANIZATION.REASON_REQUIRED', '撤回事实记录须说明理由（如录入错误、认定已被撤销）。', 'Give a reason for retracting a fact (keyed in error, finding overturned).', {
      errors: [{ field: 'reason', messageZh: '请填写撤回理由。', messageEn: 'A reason is required.' }],
    });
  }
  if (!org.facts.some((f) => f.factId === c.factId)) {
    throw DomainError.notFound('ORGANIZATION.FACT_NOT_FOUND', `组织 ${c.orgId} 没有事实记录 ${c.factId}（或已撤回）。`, `Organisation ${c.orgId} has no fact ${c.factId} in force (or it was retracted).`, { orgId: c.orgId, factId: c.factId });
  }
  return [{ type: 'OrganizationFactRetracted', data: { orgId: c.orgId, factId: c.factId, reason } }];
}
