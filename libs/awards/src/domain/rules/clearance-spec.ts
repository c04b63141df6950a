import { DEPARTMENTS, Department, NOMINEE_KINDS, NomineeKind, Ownership, isOneOf } from '../catalogue/award-catalogue';
import { SpecProblem } from './attribute-predicate';

/**
 * Which departments must sign off (征求意见) on a nominee before the list advances: per nominee
 * kind, plus extra departments (audit 审计, discipline inspection 纪检) for state-owned enterprises.
 */
export interface ClearanceSpec {
  byNomineeKind: Partial<Record<NomineeKind, Department[]>>;
  stateOwnedExtra: Department[];
}

export const NO_CLEARANCES: ClearanceSpec = { byNomineeKind: {}, stateOwnedExtra: [] };

/**
 * The departments a nominee of this kind and ownership needs, without duplicates, in a stable
 * order. The state-owned extras (audit, discipline inspection) are for the enterprise: a unit or
 * team of it, or a person who heads it (occupationCategory enterprise_head), not every worker of
 * it (review 50 #15; DOMAIN: "audit and discipline inspection for state-owned enterprises").
 */
export function requiredClearances(spec: ClearanceSpec, kind: NomineeKind, ownership: Ownership | null | undefined, attributes: { occupationCategory?: unknown } = {}): Department[] {
  const wanted = new Set<Department>(spec.byNomineeKind[kind] ?? []);
  const forTheEnterprise = kind !== 'person' || attributes.occupationCategory === 'enterprise_head';
  if (ownership === 'state_owned' && forTheEnterprise) for (const d of spec.stateOwnedExtra) wanted.add(d);
  return DEPARTMENTS.filter((d) => wanted.has(d));
}

function departmentList(value: unknown, field: string): SpecProblem[] {
  if (!Array.isArray(value) || !value.every((d) => isOneOf(DEPARTMENTS, d))) {
    return [{ field, messageZh: `部门应为 ${DEPARTMENTS.join('/')} 中的若干项`, messageEn: `departments must be drawn from ${DEPARTMENTS.join(', ')}` }];
  }
  return [];
}

export function validateClearanceSpec(spec: unknown, field = 'clearances'): SpecProblem[] {
  if (typeof spec !== 'object' || spec === null) return [{ field, messageZh: '征求意见部门设置应为对象', messageEn: 'clearances must be an object' }];
  const o = spec as Record<string, unknown>;
  const problems: SpecProblem[] = [];
  const byKind = o.byNomineeKind;
  if (typeof byKind !== 'object' || byKind === null) {
    problems.push({ field: `${field}.byNomineeKind`, messageZh: '缺少按推荐对象类型的部门设置', messageEn: 'byNomineeKind is required' });
  } else {
    for (const [kind, list] of Object.entries(byKind)) {
      if (!isOneOf(NOMINEE_KINDS, kind)) problems.push({ field: `${field}.byNomineeKind.${kind}`, messageZh: `未知推荐对象类型 ${kind}`, messageEn: `unknown nominee kind ${kind}` });
      else problems.push(...departmentList(list, `${field}.byNomineeKind.${kind}`));
    }
  }
  // Optional: no extra departments for state-owned nominees unless named.
  if (o.stateOwnedExtra !== undefined) problems.push(...departmentList(o.stateOwnedExtra, `${field}.stateOwnedExtra`));
  return problems;
}
