import { DomainError, HONOUR_CHANGES_ALLOWED, HONOUR_CHANGE_TARGET, WITHDRAWAL_MODES, WITHDRAWAL_MODE_LABELS, isWithdrawalMode } from '@jingsai/shared';
import { beijingDate, endOfBeijingDay, isBefore } from './calendar';
import { REPORTING_CADENCE_LABELS } from './campaign.catalogue';
import { FieldProblem, problem } from './field-problem';
import { metricsProblems, PROGRESS_METRIC_KEYS, ProgressMetrics, runningTotalProblems } from './progress-metrics';
import { COMMENDATION_CHANGE_LABELS, COMMENDATION_STATUS_LABELS, INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS, RECIPIENT_KIND_LABELS, RECIPIENT_KINDS, VETO_INCIDENT_KINDS } from './project-loop.catalogue';
import { Problems, requireNewId, requireNotBeforeProject, requireNotInFuture, requirePassed, requireRole, requireScheduler, requireStage } from './project-loop.guards';
import { ChangeInstantCommendation, FileProgressReport, GiveInstantCommendation, MarkProgressReportOverdue, RecordMilestone } from './project-progress.commands';
import { ProjectEvent } from './project.events';
import { requireProject } from './project.guards';
import { CommendationRecipient, ProgressReportRecord } from './project-loop.state';
import { Project, ProjectState } from './project.state';
import { sameValue } from './same-value';
import { comparePeriods, owedPeriods, owedSinceApproval, parsePeriod, periodLabel, ReportingPeriod } from './reporting-periods';
import { unfiledOverduePeriods } from './project-summary.decide';

/** Known metrics only, in catalogue order, so equal reports compare equal. */
export function normalizeMetrics(metrics: ProgressMetrics): ProgressMetrics {
  const out: ProgressMetrics = {};
  for (const k of PROGRESS_METRIC_KEYS) if (metrics[k] !== undefined) out[k] = metrics[k];
  return out;
}

/** Owed periods (given) that share a month with `period`: what a unit files instead of a key in another form. */
const overlapping = (period: ReportingPeriod, owed: ReadonlyArray<ReportingPeriod>) => owed.filter((p) => p.startsOn <= period.endsOn && p.endsOn >= period.startsOn).map((p) => p.period);

function reportingPeriodFor(c: FileProgressReport, project: Project): ReportingPeriod & { rulesVersion: number } {
  const { cadence } = c.reporting;
  const period = parsePeriod(c.period);
  // Owed under the rules before a change: a miss stays on record and may still be made good, under those rules.
  const earlier = period !== null ? (c.earlierPeriods ?? []).find((x) => x.period === period.period) : undefined;
  if (period !== null && earlier) return { ...period, rulesVersion: earlier.rulesVersion };
  const owed = owedPeriods(c.reporting, project.implementationPlan);
  // Every period the project owes, under whichever rules, in the order of time: what a refusal points to.
  const earlierOwed = (c.earlierPeriods ?? []).map((x) => parsePeriod(x.period)).filter((p): p is ReportingPeriod => p !== null);
  const allOwed = [...earlierOwed, ...owed].sort((x, y) => comparePeriods(x.period, y.period));
  if (period === null || period.cadence !== cadence) {
    // The form of an owed period of the cadence in force, else the usual one.
    const example = owed[0]?.period ?? (cadence === 'monthly' ? '2021-08' : '2021-Q3');
    const instead = period === null ? [] : overlapping(period, allOwed);
    const since = c.reporting.owedFrom ? `自 ${c.reporting.owedFrom} 起` : '';
    const insteadZh = instead.length > 0 ? `${period!.period} 的月份应在 ${instead.join('、')} 中报送。` : `报送期应写作 ${example} 的形式。`;
    const insteadEn = instead.length > 0 ? `the months of ${period!.period} are filed in ${instead.join(', ')}.` : `write the period like ${example}.`;
    throw DomainError.validation('PROJECT.INVALID_PERIOD', `本竞赛活动${since}${REPORTING_CADENCE_LABELS[cadence]}，${insteadZh}`, `The campaign reports ${cadence}${c.reporting.owedFrom ? ` from ${c.reporting.owedFrom}` : ''}; ${insteadEn}`, {
      errors: [{ field: 'period', messageZh: insteadZh, messageEn: insteadEn.charAt(0).toUpperCase() + insteadEn.slice(1) }],
      cadence,
      ...(instead.length > 0 ? { insteadPeriods: instead } : {}),
    });
  }
  const owedFrom = c.reporting.owedFrom;
  // Of the cadence in force, but its months are reported under the rules before the change: say which periods to file instead.
  if (owedFrom && period.startsOn < owedFrom && owedPeriods({ ...c.reporting, owedFrom: null }, project.implementationPlan).some((p) => p.period === period.period)) {
    const instead = overlapping(period, earlierOwed);
    const what = period.cadence === 'monthly' ? `报送期 ${period.period} ` : `报送期 ${period.period} 的月份`;
    const insteadZh = instead.length ? `，应报送 ${instead.join('、')}` : '';
    const insteadEn = instead.length ? ` (file ${instead.join(', ')})` : '';
    throw DomainError.unprocessable(
      'PROJECT.PERIOD_UNDER_EARLIER_RULES',
      `${what}按变更前的报送规则报送${insteadZh}；本竞赛活动自 ${owedFrom} 起${REPORTING_CADENCE_LABELS[cadence]}。`,
      `The months of period ${period.period} are reported under the rules before the change${insteadEn}; the campaign reports ${cadence} from ${owedFrom}.`,
      {
        period: period.period, owedFrom, insteadPeriods: instead,
        errors: [{ field: 'period', messageZh: `${what}按变更前的规则报送${insteadZh}。`, messageEn: `Period ${period.period} is reported under the earlier rules${insteadEn}.` }],
      },
    );
  }
  if (!owed.some((p) => p.period === period.period)) {
    const keys = allOwed.map((p) => p.period);
    const listZh = keys.length === 0 ? '无' : keys.length > 6 ? `${keys[0]} 至 ${keys[keys.length - 1]}（共 ${keys.length} 期）` : keys.join('、');
    throw DomainError.unprocessable(
      'PROJECT.PERIOD_OUTSIDE_CAMPAIGN',
      `报送期 ${period.period} 不在本项目实施期和竞赛活动期内，应报送的期次为：${listZh}。`,
      `Period ${period.period} lies outside the project's plan period or the campaign; periods owed: ${keys.join(', ') || 'none'}.`,
      {
        period: period.period, owedPeriods: keys,
        // The field a form points at, as for a malformed period.
        errors: [{ field: 'period', messageZh: `报送期 ${period.period} 不在应报送的期次内（${listZh}）。`, messageEn: `Period ${period.period} is not one of the periods owed.` }],
      },
    );
  }
  const today = beijingDate(c.at);
  // Inside the plan and the campaign, but not begun: say when it can be filed, not that it is outside.
  if (period.startsOn > today) {
    throw DomainError.unprocessable(
      'PROJECT.PERIOD_NOT_STARTED',
      `报送期 ${period.period} 尚未开始，暂不能报送：该期自 ${period.startsOn} 起可以报送，报送截止日期为 ${period.dueOn}。`,
      `Period ${period.period} has not started yet; it can be filed from ${period.startsOn} and is due by ${period.dueOn}.`,
      {
        period: period.period, startsOn: period.startsOn, fileFrom: period.startsOn, dueOn: period.dueOn,
        errors: [{ field: 'period', messageZh: `报送期 ${period.period} 自 ${period.startsOn} 起可以报送。`, messageEn: `Period ${period.period} can be filed from ${period.startsOn}.` }],
      },
    );
  }
  return { ...period, rulesVersion: c.reporting.rulesVersion };
}

/** What `reportingPeriodFor` would refuse the period for, as field problems (none when it is fine). */
function periodProblems(c: FileProgressReport, project: Project): FieldProblem[] {
  try {
    reportingPeriodFor(c, project);
    return [];
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return ((e.details?.errors ?? []) as FieldProblem[]).filter((x) => x.field === 'period');
  }
}

/**
 * Reports end when assessment opens: a period missed by then stays overdue and cannot be filed
 * late any more, nor after the summary is returned (review 50 #5); it stays on record as never filed. Said as such, not as a bare
 * state conflict, so the unit and the committee know that returning the summary brings nothing back.
 */
const ASSESSMENT_STAGES: readonly string[] = ['under_assessment', 'assessed', 'summary_submitted', 'summarized'];

function requireReportingOpen(project: Project): void {
  const openedAt = project.assessment?.openedAt;
  // Only the stages after assessment opened: a terminated or withdrawn project is told what it is by requireStage (review 51 #9).
  if (!project.assessment || !ASSESSMENT_STAGES.includes(project.status)) return;
  const unfiled = unfiledOverduePeriods(project);
  const since = openedAt ? `评估考核已于 ${beijingDate(openedAt)} 开始` : '评估考核已开始';
  throw DomainError.illegalState(
    'PROJECT.REPORTING_CLOSED',
    `${since}，推进情况报告不能再报送或补报${unfiled.length > 0 ? `；逾期未报送的报送期（${unfiled.map(periodLabel).join('、')}）作为未报送记录在案，退回总结也不能补报` : ''}。`,
    `Assessment has opened${openedAt ? ` (${beijingDate(openedAt)})` : ''}: progress reports can no longer be filed, late or not${unfiled.length > 0 ? `; the periods never filed (${unfiled.join(', ')}) stay on record as never filed, and returning the summary does not reopen them` : ''}.`,
    project.status,
    [],
    { unfiledPeriods: unfiled },
  );
}

export function fileProgressReport(c: FileProgressReport, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'file_progress_report');
  requireReportingOpen(project);
  requireStage(project, 'file_progress_report');
  const problems = new Problems();
  problems.text(c.reportId, 'reportId', '报告编号');
  const narrative = problems.text(c.narrative, 'narrative', '推进情况说明');
  problems.add(...metricsProblems(c.metrics, 'metrics', true));
  // With other fields wrong, a wrong period is listed beside them, so the unit corrects all at once.
  if (problems.list.length > 0) problems.add(...periodProblems(c, project));
  problems.throwIfAny();
  const period = reportingPeriodFor(c, project);
  const reports = project.progress.reports;
  const metrics = normalizeMetrics(c.metrics);
  problems.add(...runningTotalProblems(reports, { period: period.period, metrics }, 'metrics'));
  problems.throwIfAny();
  const same = (r: ProgressReportRecord): boolean => r.period === period.period && sameValue(r.metrics, metrics) && r.narrative === narrative;
  // The report in force sent again (a resend): nothing new to record. A superseded one's id is used.
  const resent = reports.find((r) => r.reportId === c.reportId);
  if (resent && same(resent)) return [];
  requireNewId(c.reportId, project.progress.reportIds, 'reportId', '推进情况报告');
  const current = reports.find((r) => r.period === period.period);
  if (current && same(current)) return [];
  const data = {
    projectId: c.projectId,
    reportId: c.reportId,
    period: period.period,
    metrics,
    narrative,
    dueOn: period.dueOn,
    filedAt: c.at,
    // A period due before approval was never owed, so its report cannot be late.
    late: owedSinceApproval(period, project.application.approvedAt) && !isBefore(c.at, endOfBeijingDay(period.dueOn)),
    rulesVersion: period.rulesVersion,
  };
  const reason = typeof c.reason === 'string' ? c.reason.trim() : '';
  if (!current) {
    if (reason) {
      throw DomainError.validation('REQUEST.FIELD_NOT_APPLICABLE', `${period.period} 尚无报告，本次为首次报送，无需填写更正理由 reason。`, `Period ${period.period} has no report yet: this is its first, so there is no correction reason to give.`, {
        errors: [{ field: 'reason', messageZh: '首次报送无需填写更正理由', messageEn: 'not applicable to a first report' }],
      });
    }
    return [{ type: 'ProgressReportFiled', data }];
  }
  // A correction changes figures coverage and the summary checks read: the auditor reads why, as for a score sheet.
  if (!reason) {
    throw DomainError.validation(
      'PROJECT.REASON_REQUIRED',
      `${period.period} 已有报告（第 ${current.revision} 版），再次报送即为更正，须说明更正理由（reason）。`,
      `Period ${period.period} already has a report (revision ${current.revision}): filing it again corrects it, which needs a reason.`,
      { errors: [{ field: 'reason', messageZh: '请填写更正理由。', messageEn: 'Give the reason for the correction.' }], period: period.period, currentRevision: current.revision },
    );
  }
  // A correction is as timely as the report it corrects: a unit that reported on time and corrects later has not reported late.
  return [{ type: 'ProgressReportCorrected', data: { ...data, late: current.late, revision: current.revision + 1, supersedesReportId: current.reportId, supersedesRevision: current.revision, reason } }];
}

/**
 * Reports are owed while the project is in progress; once it has moved on (or ended) a late
 * scheduler item records nothing, as does a period already filed or already marked.
 */
export function markProgressReportOverdue(c: MarkProgressReportOverdue, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireScheduler(c.actor);
  const problems = new Problems();
  if (parsePeriod(c.period) === null) problems.add({ field: 'period', messageZh: '报送期应写作 2021-08 或 2021-Q3 的形式。', messageEn: 'Write the period like 2021-08 or 2021-Q3.' });
  problems.date(c.dueOn, 'dueOn', '报送期限');
  problems.throwIfAny();
  requirePassed(c.at, endOfBeijingDay(c.dueOn), c.dueOn);
  if (project.status !== 'in_progress') return [];
  // Due on or before the day of approval: never owed, so never missed.
  if (!owedSinceApproval({ dueOn: c.dueOn }, project.application.approvedAt)) return [];
  const { reports, overdue } = project.progress;
  if (reports.some((r) => r.period === c.period) || overdue.some((o) => o.period === c.period)) return [];
  return [{ type: 'ProgressReportOverdue', data: { projectId: c.projectId, period: c.period, dueOn: c.dueOn } }];
}

export function recordMilestone(c: RecordMilestone, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'record_milestone');
  requireStage(project, 'record_milestone');
  const problems = new Problems();
  problems.text(c.milestoneId, 'milestoneId', '节点编号');
  const title = problems.text(c.title, 'title', '节点名称');
  problems.date(c.reachedOn, 'reachedOn', '达成日期');
  problems.throwIfAny();
  requireNotInFuture(c.reachedOn, c.at, 'reachedOn', '节点达成日期');
  requireNotBeforeProject(project, c.reachedOn, 'reachedOn', '节点达成日期');
  requireNewId(c.milestoneId, project.progress.milestones.map((m) => m.milestoneId), 'milestoneId', '推进节点');
  const description = typeof c.description === 'string' ? c.description.trim() : '';
  return [{ type: 'MilestoneRecorded', data: { projectId: c.projectId, milestoneId: c.milestoneId, title, reachedOn: c.reachedOn, description } }];
}

export function giveInstantCommendation(c: GiveInstantCommendation, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'give_instant_commendation');
  requireStage(project, 'give_instant_commendation');
  const problems = new Problems();
  problems.text(c.commendationId, 'commendationId', '表彰编号');
  problems.oneOf(RECIPIENT_KINDS, RECIPIENT_KIND_LABELS, c.recipient?.kind, 'recipient.kind', '表彰对象类型');
  const name = problems.text(c.recipient?.name, 'recipient.name', '表彰对象名称');
  const citation = problems.text(c.citation, 'citation', '表彰事由');
  const personId = c.recipient?.id === undefined || c.recipient?.id === null ? null : problems.text(c.recipient.id, 'recipient.id', '表彰对象编号');
  problems.throwIfAny();
  requireNoVetoIncident(project, beijingDate(c.at));
  const { milestones, commendations } = project.progress;
  if (!milestones.some((m) => m.milestoneId === c.milestoneId)) {
    throw DomainError.notFound('PROJECT.MILESTONE_NOT_FOUND', `本项目没有编号为 ${c.milestoneId} 的推进节点；即时表彰须针对已记录的节点。`, `No milestone ${c.milestoneId} is recorded on this project; record it first.`, {
      milestoneId: c.milestoneId,
    });
  }
  requireNewId(c.commendationId, commendations.map((x) => x.commendationId), 'commendationId', '即时表彰');
  const orgId = c.recipient.orgId ?? null;
  if (orgId !== null) requireRecipientWithin(project, orgId, c.recipientOrgPath ?? null, c.orgNames);
  // A team is a 班组: one named by its organisation, or by the name of a registered organisation that is not one, is refused.
  if (c.recipient.kind === 'team' && c.teamOrg) requireTeam(c.teamOrg, orgId !== null ? 'recipient.orgId' : 'recipient.name');
  const recipient: CommendationRecipient = { kind: c.recipient.kind, name, orgId, ...(personId !== null ? { id: personId } : {}) };
  const twice = commendations.find((x) => x.milestoneId === c.milestoneId && sameRecipient(x.recipient, recipient));
  if (twice) {
    throw DomainError.conflict(
      'PROJECT.COMMENDATION_DUPLICATE',
      `${name} 已因推进节点 ${c.milestoneId} 获得即时表彰（${twice.commendationId}），同一节点不重复表彰。`,
      `${name} was already commended for milestone ${c.milestoneId} (${twice.commendationId}); one milestone is commended once per recipient.`,
      { milestoneId: c.milestoneId, commendationId: twice.commendationId },
    );
  }
  return [{ type: 'InstantCommendationGiven', data: { projectId: c.projectId, commendationId: c.commendationId, milestoneId: c.milestoneId, recipient, citation, givenByOrgId: c.actor.orgId } }];
}

// The same lifecycle as an award round's honours (shared): revoked is final, a withdrawn one can still be revoked.
const COMMENDATION_TARGET = HONOUR_CHANGE_TARGET;
const COMMENDATION_ALLOWED = HONOUR_CHANGES_ALLOWED;

/**
 * 撤销 / 摘牌 / 暂停 / 恢复 an instant commendation, per recipient, with a reason, at any stage of the
 * project (fraud may come out after it closed). A committee acts; asking for the status it already
 * has is refused (409), as the commendation's allowedActions say.
 */
export function changeInstantCommendation(c: ChangeInstantCommendation, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  if (c.actor.role !== 'committee') {
    throw DomainError.forbidden('PROJECT.FORBIDDEN', '只有竞赛委员会可以撤销、摘牌、暂停或恢复即时表彰。', 'Only a committee may revoke, withdraw, suspend or reinstate an instant commendation.', { role: c.actor.role, allowedRoles: ['committee'] });
  }
  const commendation = project.progress.commendations.find((x) => x.commendationId === c.commendationId);
  if (!commendation) {
    throw DomainError.notFound('PROJECT.COMMENDATION_NOT_FOUND', `本项目没有编号为 ${c.commendationId} 的即时表彰。`, `No instant commendation ${c.commendationId} on this project.`, { commendationId: c.commendationId });
  }
  const status = commendation.status ?? 'valid';
  const target = COMMENDATION_TARGET[c.change];
  if (target === undefined) {
    throw DomainError.validation('PROJECT.INVALID', `未知的办理事项 ${String(c.change)}。`, `Unknown change ${String(c.change)}.`, { errors: [problem('change', '应为 revoke、withdraw、suspend 或 reinstate。', 'Must be revoke, withdraw, suspend or reinstate.')] });
  }
  // Asking for the status it already has is refused as any other change its status does not allow.
  if (!COMMENDATION_ALLOWED[status].includes(c.change)) {
    throw DomainError.illegalState(
      'PROJECT.COMMENDATION_ILLEGAL_TRANSITION',
      `即时表彰 ${c.commendationId} 当前为“${COMMENDATION_STATUS_LABELS[status]}”，不能${COMMENDATION_CHANGE_LABELS[c.change]}；可办理：${COMMENDATION_ALLOWED[status].map((a) => COMMENDATION_CHANGE_LABELS[a]).join('、') || '无'}。`,
      `Instant commendation ${c.commendationId} is ${status}; it cannot be ${target === 'valid' ? 'reinstated' : target}. Allowed: ${COMMENDATION_ALLOWED[status].join(', ') || 'none'}.`,
      status,
      [...COMMENDATION_ALLOWED[status]],
    );
  }
  const problems = new Problems();
  const reason = problems.text(c.reason, 'reason', '理由');
  const mode = c.change === 'withdraw' ? c.mode ?? null : null;
  if (c.change === 'withdraw' && !isWithdrawalMode(mode)) {
    problems.add(problem('mode', `摘牌方式应为 ${WITHDRAWAL_MODES.map((m) => `${m}（${WITHDRAWAL_MODE_LABELS[m]}）`).join('、')}。`, `mode must be one of ${WITHDRAWAL_MODES.join(', ')}.`));
  }
  problems.throwIfAny();
  return [{ type: 'InstantCommendationStatusChanged', data: { projectId: c.projectId, commendationId: c.commendationId, status: target, reason, mode } }];
}

/** 一票否决: no commendation on a project that had a safety or quality accident on or before the day. */
function requireNoVetoIncident(project: Project, on: string): void {
  const vetoing = project.supervision.incidents.filter((i) => VETO_INCIDENT_KINDS.includes(i.kind) && i.occurredOn <= on);
  if (vetoing.length === 0) return;
  const zh = vetoing.map((i) => `${i.occurredOn} ${INCIDENT_KIND_LABELS[i.kind]?.zh ?? i.kind}（${INCIDENT_SEVERITY_LABELS[i.severity]?.zh ?? i.severity}）`).join('；');
  throw DomainError.unprocessable(
    'PROJECT.COMMENDATION_VETOED',
    `本项目发生一票否决事故（${zh}），取消评选表彰资格，不得给予即时表彰。`,
    `This project had a veto incident (${vetoing.map((i) => `${i.kind} on ${i.occurredOn}`).join('; ')}); it may receive no commendation.`,
    { incidents: vetoing.map(({ incidentId, kind, severity, occurredOn }) => ({ incidentId, kind, severity, occurredOn })) },
  );
}

/** The same recipient: the same person id, else the same registered team, else the same name in the same organisation. */
function sameRecipient(a: CommendationRecipient, b: CommendationRecipient): boolean {
  if (a.kind !== b.kind) return false;
  if (a.id && b.id) return a.id === b.id;
  if (a.kind === 'team' && a.orgId && b.orgId) return a.orgId === b.orgId;
  return a.name.trim() === b.name.trim() && (a.orgId ?? null) === (b.orgId ?? null);
}

/**
 * A commendation to a team names a 班组 as its organisation, as a Worker Pioneer nomination must
 * (review 54 #2): an enterprise, a committee is not one, named by id or by its registered name
 * (review 57 #2, 58 B).
 */
function requireTeam(org: { orgId: string; name: string; kind: string; label: string }, field: 'recipient.orgId' | 'recipient.name'): void {
  if (org.kind === 'team') return;
  const zh = `${org.name}（${org.orgId}）登记为“${org.label}”，不是班组，不能作为班组受表彰；表彰该单位的个人请选“个人”，或填写其下属班组。`;
  throw DomainError.unprocessable(
    'PROJECT.RECIPIENT_NOT_A_TEAM',
    zh,
    `${org.orgId} is registered as ${org.kind}, not as a team, so it cannot be commended as one; commend a person of it, or one of its teams.`,
    { orgId: org.orgId, kind: org.kind, errors: [problem(field, zh, `${org.orgId} is registered as ${org.kind}, not as a team.`)] },
  );
}

/**
 * An instant commendation honours the project's own people: the recipient's organisation is
 * the project's organisation or lies under it (a team, a workshop), and is registered.
 */
function requireRecipientWithin(project: Project, orgId: string, orgPath: string[] | null, orgNames: Record<string, string> = {}): void {
  const field = 'recipient.orgId';
  if (orgPath === null) {
    const zh = `表彰对象所在组织 ${orgId} 尚未登记，请核对编号，或请管理员先行登记该组织。`;
    throw DomainError.unprocessable('PROJECT.RECIPIENT_ORG_NOT_REGISTERED', zh, `The recipient's organisation ${orgId} is not registered; check the id or ask the administrator to register it.`, {
      orgId,
      errors: [problem(field, zh, `Organisation ${orgId} is not registered.`)],
    });
  }
  if (orgId === project.orgId || orgPath.includes(project.orgId)) return;
  const called = (id: string) => (orgNames[id] && orgNames[id] !== id ? `${orgNames[id]}（${id}）` : id);
  const zh = `即时表彰只能授予本项目所属单位${called(project.orgId)}及其下属班组、个人；表彰对象所在组织${called(orgId)}不在其中。请更正表彰对象所在组织。`;
  throw DomainError.unprocessable(
    'PROJECT.RECIPIENT_OUTSIDE_PROJECT',
    zh,
    `An instant commendation goes to the project's organisation (${project.orgId}) or a team or person under it; ${orgId} is not. Correct the recipient's organisation.`,
    { orgId, projectOrgId: project.orgId, errors: [problem(field, zh, `${orgId} is not ${project.orgId} or under it.`)] },
  );
}
