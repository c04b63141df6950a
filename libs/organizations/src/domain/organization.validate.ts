import { isIsoDate } from './calendar';
import { isOrgFactKind, isOrgKind, isOrgLevel, isOrgOwnership, ORG_FACT_KINDS, ORG_KINDS, ORG_LEVELS, ORG_OWNERSHIPS } from './organization.catalogue';
import { OrganizationChanges, RecordOrganizationFact, RegisterOrganization } from './organization.commands';

export interface FieldProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const optionalText = (v: unknown): boolean => v === null || typeof v === 'string';

function nameProblem(name: unknown): FieldProblem[] {
  return blank(name) ? [{ field: 'name', messageZh: '请填写组织名称。', messageEn: 'Give the organisation a name.' }] : [];
}

function ownershipProblem(ownership: unknown): FieldProblem[] {
  if (ownership === null || isOrgOwnership(ownership)) return [];
  return [{ field: 'ownership', messageZh: `所有制类型无效，应为 ${ORG_OWNERSHIPS.join('、')} 之一或留空。`, messageEn: `Ownership must be one of ${ORG_OWNERSHIPS.join(', ')} or null.` }];
}

function textProblems(fields: Record<string, unknown>): FieldProblem[] {
  return Object.entries(fields)
    .filter(([, v]) => !optionalText(v))
    .map(([field]) => ({ field, messageZh: `${field} 应为文字或留空。`, messageEn: `${field} must be text or null.` }));
}

/** Every problem with a registration, so the form can show them all at once. */
export function registrationProblems(c: RegisterOrganization): FieldProblem[] {
  const problems = [...nameProblem(c.name)];
  if (!isOrgKind(c.kind)) problems.push({ field: 'kind', messageZh: `组织类型无效，应为 ${ORG_KINDS.join('、')} 之一。`, messageEn: `Kind must be one of ${ORG_KINDS.join(', ')}.` });
  if (!isOrgLevel(c.level)) problems.push({ field: 'level', messageZh: `组织层级无效，应为 ${ORG_LEVELS.join('、')} 之一。`, messageEn: `Level must be one of ${ORG_LEVELS.join(', ')}.` });
  problems.push(...ownershipProblem(c.ownership), ...textProblems({ industry: c.industry, region: c.region }));
  if (c.parent !== null) {
    if (blank(c.parent.orgId)) problems.push({ field: 'parent.orgId', messageZh: '上级组织编号不能为空。', messageEn: 'The parent organisation id is missing.' });
    if (!isOrgLevel(c.parent.level)) problems.push({ field: 'parent.level', messageZh: '上级组织层级无效。', messageEn: 'The parent level is not a known level.' });
    if (!Array.isArray(c.parent.parentPath)) problems.push({ field: 'parent.parentPath', messageZh: '上级组织的路径无效。', messageEn: 'The parent path must be a list of ids.' });
    else if (c.parent.orgId === c.orgId || c.parent.parentPath.includes(c.orgId)) {
      problems.push({ field: 'parent', messageZh: '组织不能挂在自己或自己的下级之下。', messageEn: 'An organisation cannot sit under itself or its own subtree.' });
    }
  }
  return problems;
}

export function updateProblems(changes: OrganizationChanges): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if ('name' in changes) problems.push(...nameProblem(changes.name));
  if ('ownership' in changes) problems.push(...ownershipProblem(changes.ownership));
  const texts: Record<string, unknown> = {};
  if ('industry' in changes) texts.industry = changes.industry;
  if ('region' in changes) texts.region = changes.region;
  return [...problems, ...textProblems(texts)];
}

export function factProblems(c: RecordOrganizationFact): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (blank(c.factId)) problems.push({ field: 'factId', messageZh: '事实记录编号不能为空。', messageEn: 'The fact id is missing.' });
  if (!isOrgFactKind(c.kind)) problems.push({ field: 'kind', messageZh: `事实类型无效，应为 ${ORG_FACT_KINDS.join('、')} 之一。`, messageEn: `Kind must be one of ${ORG_FACT_KINDS.join(', ')}.` });
  if (!isIsoDate(c.occurredOn)) problems.push({ field: 'occurredOn', messageZh: '发生日期应为有效日期，格式 YYYY-MM-DD。', messageEn: 'occurredOn must be a real date written YYYY-MM-DD.' });
  if (blank(c.description)) problems.push({ field: 'description', messageZh: '请简要说明发生了什么。', messageEn: 'Describe what happened.' });
  return problems;
}
