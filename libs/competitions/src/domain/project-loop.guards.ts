import { Actor, DomainError, Role } from '@jingsai/shared';
import { beijingDate, isBefore, isDateText, isIsoDate } from './calendar';
import { FieldProblem, isBlank, problem } from './field-problem';
import { requireAllowed } from './project.guards';
import { Project } from './project.state';
import { PROJECT_ACTION_LABELS, PROJECT_ACTION_ROLES, PROJECT_ACTION_STAGES, ProjectAction } from './project.status';

const ROLE_LABELS: Partial<Record<Role, string>> = { unit: '项目所属参赛单位', committee: '竞赛委员会', assessor: '评估专家' };

/** Refuse unless the project's stage allows the action (PROJECT_ACTION_STAGES). */
export function requireStage(project: Project, action: ProjectAction): void {
  requireAllowed(project, action, PROJECT_ACTION_STAGES[action]);
}

/** Refuse unless the actor's role may take the action; a unit only for its own organisation. */
export function requireRole(actor: Actor, project: Project, action: ProjectAction): void {
  const roles = PROJECT_ACTION_ROLES[action];
  const roleOk = (roles as readonly string[]).includes(actor.role);
  if (roleOk && (actor.role !== 'unit' || actor.orgId === project.orgId)) return;
  const who = roles.map((r) => ROLE_LABELS[r] ?? r).join('或');
  throw DomainError.forbidden('PROJECT.FORBIDDEN', `只有${who}可以${PROJECT_ACTION_LABELS[action]}。`, `Only ${roles.join(' or ')} (a unit only for its own project) may ${action.replace(/_/g, ' ')}.`, {
    role: actor.role,
    actorOrgId: actor.orgId,
    projectOrgId: project.orgId,
    allowedRoles: [...roles],
  });
}

/** Deadline commands come from the scheduler (system) or, by hand, from a committee. */
export function requireScheduler(actor: Actor): void {
  if (actor.role === 'system' || actor.role === 'committee') return;
  throw DomainError.forbidden('PROJECT.FORBIDDEN', '逾期由系统按期限自动记录，或由竞赛委员会登记。', 'Overdue items are recorded by the scheduler or a committee.', { role: actor.role });
}

/** The deadline (`endsAt`, exclusive) must have passed before anything is marked overdue. */
export function requirePassed(at: string, endsAt: string, dueOn: string): void {
  if (isBefore(at, endsAt)) {
    throw DomainError.unprocessable('PROJECT.NOT_YET_DUE', `期限（${dueOn}）尚未届满，不能记为逾期。`, `The deadline (${dueOn}) has not passed yet.`, { dueOn, at });
  }
}

/** Collects field problems and throws one PROJECT.INVALID listing them all. */
export class Problems {
  readonly list: FieldProblem[] = [];

  text(value: unknown, field: string, whatZh: string): string {
    if (isBlank(value)) this.list.push(problem(field, `请填写${whatZh}。`, `${field} must not be blank.`));
    return typeof value === 'string' ? value.trim() : '';
  }

  date(value: unknown, field: string, whatZh: string): boolean {
    if (isIsoDate(value)) return true;
    this.list.push(problem(field, `${whatZh}应为有效日期（YYYY-MM-DD）。`, `${field} must be a real date written YYYY-MM-DD.`));
    return false;
  }

  oneOf<T extends string>(values: readonly T[], labels: Record<T, string | { zh: string }>, value: unknown, field: string, whatZh: string): void {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return;
    const zh = values.map((v) => (typeof labels[v] === 'string' ? labels[v] : (labels[v] as { zh: string }).zh)).join('、');
    this.list.push(problem(field, `${whatZh}无效，可选：${zh}。`, `${field} must be one of ${values.join(', ')}.`));
  }

  add(...problems: FieldProblem[]): void {
    this.list.push(...problems);
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw DomainError.validation('PROJECT.INVALID', `填报内容有 ${this.list.length} 处问题，请按提示修改。`, `${this.list.length} problem(s) in the request; correct each one listed.`, { errors: this.list });
  }
}

/** Something that happened (a milestone, an incident, an inspection) cannot be dated after today. */
export function requireNotInFuture(date: string, at: string, field: string, whatZh: string): void {
  const today = beijingDate(at);
  if (date > today) {
    const zh = `${whatZh}（${date}）不能晚于今天（${today}）。`;
    throw DomainError.validation('PROJECT.DATE_IN_FUTURE', zh, `${field} (${date}) cannot be after today (${today}).`, { errors: [problem(field, zh, `${field} cannot be in the future.`)] });
  }
}

/**
 * Something that happened on the project cannot be dated before the project began: the earlier of
 * its approval (立项) and the start of its implementation plan. An accident before that is the
 * organisation's record, not the project's.
 */
export function requireNotBeforeProject(project: Project, date: string, field: string, whatZh: string, advice: { zh: string; en: string } = { zh: '', en: '' }): void {
  const approvedOn = project.application.approvedAt ? beijingDate(project.application.approvedAt) : null;
  const starts = [approvedOn, project.implementationPlan?.startsOn].filter((d): d is string => isDateText(d));
  if (starts.length === 0) return;
  const from = starts.reduce((a, b) => (a < b ? a : b));
  if (date >= from) return;
  const zh = `${whatZh}（${date}）早于本项目开始（${from}，立项与实施计划开始中较早的一天），不属于本项目。${advice.zh}`;
  throw DomainError.validation('PROJECT.DATE_BEFORE_PROJECT', zh, `${field} (${date}) is before the project began (${from}).${advice.en}`, { errors: [problem(field, zh, `${field} cannot be before ${from}.`)], projectStartsOn: from });
}

/** Ids arrive on the command; reusing one for a different item is refused. */
export function requireNewId(id: string, existing: Iterable<string>, field: string, whatZh: string): void {
  for (const e of existing) {
    if (e === id) {
      throw DomainError.conflict('PROJECT.DUPLICATE_ID', `${whatZh}编号 ${id} 已被使用，请刷新后重试。`, `${field} ${id} is already in use on this project.`, { field, id });
    }
  }
}
