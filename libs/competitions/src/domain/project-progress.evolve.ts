import { assertNever } from '@jingsai/shared';
import { Finding, ProgressReportRecord, ProjectProgress, ProjectSupervision } from './project-loop.state';
import { ProgressReportCorrected, ProgressReportFiled, ProjectProgressEvent } from './project-progress.events';
import { Project } from './project.state';

/** The record a filed report or a correction makes. */
export function progressReportRecord(event: ProgressReportFiled | ProgressReportCorrected): ProgressReportRecord {
  if (event.type === 'ProgressReportFiled') {
    const { projectId: _id, ...d } = event.data;
    return { ...d, revision: 1, supersedesReportId: null };
  }
  const { projectId: _id, supersedesRevision: _rev, ...d } = event.data;
  return d;
}

/**
 * Every report and correction of a project, in the order filed (信息反馈 history), from its
 * stream's events: the decider's state keeps only the report in force for each period.
 */
export function progressReportHistory(events: ReadonlyArray<{ type: string; data: unknown }>): ProgressReportRecord[] {
  return events
    .filter((e): e is ProgressReportFiled | ProgressReportCorrected => e.type === 'ProgressReportFiled' || e.type === 'ProgressReportCorrected')
    .map(progressReportRecord);
}

const withProgress = (p: Project, change: Partial<ProjectProgress>): Project => ({ ...p, progress: { ...p.progress, ...change } });
const withSupervision = (p: Project, change: Partial<ProjectSupervision>): Project => ({ ...p, supervision: { ...p.supervision, ...change } });

/** A new findings list with one finding changed; an unknown id changes nothing. */
function withFinding(p: Project, findingId: string, change: (f: Finding) => Finding): Project {
  return withSupervision(p, { findings: p.supervision.findings.map((f) => (f.findingId === findingId ? change(f) : f)) });
}

/** The last rectification of a finding, settled with the committee's verdict. */
function settleLast(f: Finding, outcome: 'accepted' | 'rejected', note: string | null, verifiedByOrgId: string | undefined): Finding {
  const last = f.rectifications.length - 1;
  return { ...f, status: outcome, rectifications: f.rectifications.map((r, i) => (i === last ? { ...r, outcome, note, verifiedByOrgId: verifiedByOrgId ?? null } : r)) };
}

/** Progress (推进) and supervision (督导): sub-records only, the status never changes here. */
export function evolveProgress(p: Project, event: ProjectProgressEvent): Project {
  const { reports, reportIds, overdue, milestones, commendations } = p.progress;
  switch (event.type) {
    case 'ProgressReportFiled':
    case 'ProgressReportCorrected': {
      const record = progressReportRecord(event);
      const known = reports.some((r) => r.period === record.period);
      return withProgress(p, {
        reports: known ? reports.map((r) => (r.period === record.period ? record : r)) : [...reports, record],
        reportIds: [...reportIds, record.reportId],
      });
    }
    case 'ProgressReportOverdue':
      return withProgress(p, { overdue: [...overdue, { period: event.data.period, dueOn: event.data.dueOn }] });
    case 'MilestoneRecorded': {
      const { projectId: _id, ...m } = event.data;
      return withProgress(p, { milestones: [...milestones, m] });
    }
    case 'InstantCommendationGiven': {
      const { projectId: _id, ...x } = event.data;
      return withProgress(p, { commendations: [...commendations, x] });
    }
    case 'InstantCommendationStatusChanged': {
      const { commendationId, status } = event.data;
      return withProgress(p, { commendations: commendations.map((x) => (x.commendationId === commendationId ? { ...x, status } : x)) });
    }
    case 'InspectionRecorded': {
      const { inspectionId, inspectedOn, findings, recordedAt, inspectedByOrgId } = event.data;
      return withSupervision(p, {
        inspections: [...p.supervision.inspections, { inspectionId, inspectedOn, findingIds: findings.map((f) => f.findingId), recordedAt: recordedAt ?? null, inspectedByOrgId: inspectedByOrgId ?? null }],
        findings: [...p.supervision.findings, ...findings.map((f): Finding => ({ ...f, inspectionId, status: 'open', overdue: false, rectifications: [] }))],
      });
    }
    case 'RectificationReported': {
      const { description, late, reportedAt } = event.data;
      return withFinding(p, event.data.findingId, (f) => ({ ...f, status: 'reported', rectifications: [...f.rectifications, { description, late, reportedAt: reportedAt ?? null, outcome: 'pending', note: null, verifiedByOrgId: null }] }));
    }
    case 'RectificationAccepted':
      return withFinding(p, event.data.findingId, (f) => settleLast(f, 'accepted', event.data.note, event.data.verifiedByOrgId));
    case 'RectificationRejected':
      return withFinding(p, event.data.findingId, (f) => settleLast(f, 'rejected', event.data.note, event.data.verifiedByOrgId));
    case 'RectificationOverdue':
      return withFinding(p, event.data.findingId, (f) => ({ ...f, overdue: true }));
    case 'SafetyIncidentRecorded': {
      const { projectId: _id, ...incident } = event.data;
      return withSupervision(p, { incidents: [...p.supervision.incidents, incident] });
    }
    default:
      return assertNever(event);
  }
}
