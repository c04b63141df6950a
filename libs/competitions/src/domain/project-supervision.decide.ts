import { DomainError } from '@jingsai/shared';
import { beijingDate, endOfBeijingDay, isBefore } from './calendar';
import { problem } from './field-problem';
import { FINDING_SEVERITIES, FINDING_SEVERITY_LABELS, FINDING_STATUS_LABELS, INCIDENT_KIND_LABELS, INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS } from './project-loop.catalogue';
import { Problems, requireNewId, requireNotBeforeProject, requireNotInFuture, requirePassed, requireRole, requireScheduler, requireStage } from './project-loop.guards';
import { Finding } from './project-loop.state';
import { AcceptRectification, MarkRectificationOverdue, RecordInspection, RecordSafetyIncident, RejectRectification, ReportRectification } from './project-progress.commands';
import { ProjectEvent } from './project.events';
import { requireProject, requireReason } from './project.guards';
import { Project, ProjectState } from './project.state';
import { PROJECT_ACTION_STAGES } from './project.status';

export function recordInspection(c: RecordInspection, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'record_inspection');
  requireStage(project, 'record_inspection');
  const problems = new Problems();
  problems.text(c.inspectionId, 'inspectionId', '检查编号');
  problems.date(c.inspectedOn, 'inspectedOn', '检查日期');
  const inputs = Array.isArray(c.findings) ? c.findings : [];
  if (!Array.isArray(c.findings)) problems.add(problem('findings', '发现的问题应为列表（未发现问题时为空列表）。', 'findings must be a list (empty when nothing was found).'));
  const findings = inputs.map((f, i) => {
    problems.text(f?.findingId, `findings[${i}].findingId`, '问题编号');
    const description = problems.text(f?.description, `findings[${i}].description`, '问题描述');
    problems.oneOf(FINDING_SEVERITIES, FINDING_SEVERITY_LABELS, f?.severity, `findings[${i}].severity`, '问题等级');
    problems.date(f?.rectifyBy, `findings[${i}].rectifyBy`, '整改期限');
    return { findingId: f?.findingId, description, severity: f?.severity, rectifyBy: f?.rectifyBy };
  });
  const ids = findings.map((f) => f.findingId);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.add(problem(`findings[${i}].findingId`, `问题编号 ${id} 重复。`, `Finding id ${id} is listed twice.`));
  });
  problems.throwIfAny();
  requireNotInFuture(c.inspectedOn, c.at, 'inspectedOn', '检查日期');
  requireNotBeforeProject(project, c.inspectedOn, 'inspectedOn', '检查日期');
  requireNewId(c.inspectionId, project.supervision.inspections.map((x) => x.inspectionId), 'inspectionId', '督导检查');
  for (const id of ids) requireNewId(id, project.supervision.findings.map((f) => f.findingId), 'findingId', '问题');
  const today = beijingDate(c.at);
  const past = findings.flatMap((f, i) => (f.rectifyBy < today ? [i] : []));
  if (past.length > 0) {
    const zh = `整改期限不能早于今天（${today}）。`;
    throw DomainError.validation('PROJECT.FINDING_DEADLINE_IN_PAST', `${past.length} 项问题的${zh}请重新设定整改期限。`, `${past.length} finding(s) have a rectification deadline before today (${today}).`, {
      errors: past.map((i) => problem(`findings[${i}].rectifyBy`, zh, `The deadline cannot be before ${today}.`)),
      today,
    });
  }
  return [{ type: 'InspectionRecorded', data: { projectId: c.projectId, inspectionId: c.inspectionId, inspectedOn: c.inspectedOn, findings, recordedAt: c.at, inspectedByOrgId: c.actor.orgId } }];
}

function requireFinding(project: Project, findingId: string): Finding {
  const finding = project.supervision.findings.find((f) => f.findingId === findingId);
  if (!finding) {
    throw DomainError.notFound('PROJECT.FINDING_NOT_FOUND', `本项目没有编号为 ${findingId} 的督导问题。`, `No supervision finding ${findingId} on this project.`, { findingId });
  }
  return finding;
}

export function reportRectification(c: ReportRectification, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'report_rectification');
  requireStage(project, 'report_rectification');
  const finding = requireFinding(project, c.findingId);
  const problems = new Problems();
  const description = problems.text(c.description, 'description', '整改情况');
  problems.throwIfAny();
  if (finding.status !== 'open' && finding.status !== 'rejected') {
    const zh = finding.status === 'accepted' ? '该问题已整改验收，无需再报。' : '该问题的整改情况已报送，正等待竞赛委员会验收。';
    throw DomainError.conflict('PROJECT.RECTIFICATION_NOT_EXPECTED', zh, `The finding is ${finding.status}; no rectification report is expected now.`, {
      findingId: c.findingId,
      findingStatus: finding.status,
      findingStatusLabel: FINDING_STATUS_LABELS[finding.status],
    });
  }
  const late = !isBefore(c.at, endOfBeijingDay(finding.rectifyBy));
  return [{ type: 'RectificationReported', data: { projectId: c.projectId, findingId: c.findingId, description, late, reportedAt: c.at } }];
}

function requirePending(finding: Finding): void {
  if (finding.status === 'reported') return;
  throw DomainError.conflict(
    'PROJECT.NO_RECTIFICATION_PENDING',
    `该问题当前为“${FINDING_STATUS_LABELS[finding.status]}”，没有待验收的整改报告。`,
    `Finding ${finding.findingId} is ${finding.status}; there is no rectification report to review.`,
    { findingId: finding.findingId, findingStatus: finding.status },
  );
}

export function acceptRectification(c: AcceptRectification, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'accept_rectification');
  requireStage(project, 'accept_rectification');
  const finding = requireFinding(project, c.findingId);
  requirePending(finding);
  return [{ type: 'RectificationAccepted', data: { projectId: c.projectId, findingId: c.findingId, note: c.note?.trim() || null, verifiedByOrgId: c.actor.orgId } }];
}

export function rejectRectification(c: RejectRectification, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'reject_rectification');
  requireStage(project, 'reject_rectification');
  const finding = requireFinding(project, c.findingId);
  requirePending(finding);
  const note = requireReason(c.note, '退回整改');
  return [{ type: 'RectificationRejected', data: { projectId: c.projectId, findingId: c.findingId, note, verifiedByOrgId: c.actor.orgId } }];
}

/**
 * Overdue when the deadline passed with the unit still to act (open or rejected). A report
 * awaiting review, an accepted one, a finding already marked, or a project withdrawn or
 * terminated record nothing. A summarised project still owes what its summary was accepted
 * without (the committee noted the open finding): its deadline passing is recorded too.
 */
export function markRectificationOverdue(c: MarkRectificationOverdue, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireScheduler(c.actor);
  const finding = requireFinding(project, c.findingId);
  requirePassed(c.at, endOfBeijingDay(finding.rectifyBy), finding.rectifyBy);
  if (!PROJECT_ACTION_STAGES.report_rectification.includes(project.status) && project.status !== 'summarized') return [];
  if (finding.overdue || finding.status === 'reported' || finding.status === 'accepted') return [];
  return [{ type: 'RectificationOverdue', data: { projectId: c.projectId, findingId: c.findingId, rectifyBy: finding.rectifyBy } }];
}

export function recordSafetyIncident(c: RecordSafetyIncident, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'record_incident');
  requireStage(project, 'record_incident');
  const problems = new Problems();
  problems.text(c.incidentId, 'incidentId', '事故编号');
  problems.date(c.occurredOn, 'occurredOn', '发生日期');
  problems.oneOf(INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS, c.severity, 'severity', '事故等级');
  problems.oneOf(INCIDENT_KINDS, INCIDENT_KIND_LABELS, c.kind, 'kind', '事故类型');
  const description = problems.text(c.description, 'description', '事故经过');
  problems.throwIfAny();
  requireNotInFuture(c.occurredOn, c.at, 'occurredOn', '事故发生日期');
  requireNotBeforeProject(project, c.occurredOn, 'occurredOn', '事故发生日期', {
    zh: '项目开始前的事故请作为单位事实登记（组织登记中的事故记录），仍按限制期计算。',
    en: ' Record an accident from before the project on the organisation instead; its exclusion window still applies.',
  });
  requireNewId(c.incidentId, project.supervision.incidents.map((x) => x.incidentId), 'incidentId', '事故');
  const { incidentId, occurredOn, severity, kind } = c;
  return [{ type: 'SafetyIncidentRecorded', data: { projectId: c.projectId, incidentId, occurredOn, severity, kind, description } }];
}
