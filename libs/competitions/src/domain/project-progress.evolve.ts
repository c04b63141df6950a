import { assertNever } from '@jingsai/shared';
import { Finding, ProjectProgress, ProjectSupervision } from './project-loop.state';
import { ProjectProgressEvent } from './project-progress.events';
import { Project } from './project.state';

const withProgress = (p: Project, change: Partial<ProjectProgress>): Project => ({ ...p, progress: { ...p.progress, ...change } });
const withSupervision = (p: Project, change: Partial<ProjectSupervision>): Project => ({ ...p, supervision: { ...p.supervision, ...change } });

/** A new findings list with one finding changed; an unknown id changes nothing. */
function withFinding(p: Project, findingId: string, change: (f: Finding) => Finding): Project {
  return withSupervision(p, { findings: p.supervision.findings.map((f) => (f.findingId === findingId ? change(f) : f)) });
}

/** The last rectification of a finding, settled with the committee's verdict. */
function settleLast(f: Finding, outcome: 'accepted' | 'rejected', note: string | null): Finding {
  const last = f.rectifications.length - 1;
  return { ...f, status: outcome, rectifications: f.rectifications.map((r, i) => (i === last ? { ...r, outcome, note } : r)) };
}

/** Progress (推进) and supervision (督导): sub-records only, the status never changes here. */
export function evolveProgress(p: Project, event: ProjectProgressEvent): Project {
  const { reports, overdue, milestones, commendations } = p.progress;
  switch (event.type) {
    case 'ProgressReportFiled': {
      const { projectId: _id, ...d } = event.data;
      return withProgress(p, { reports: [...reports, { ...d, revision: 1, supersedesReportId: null }] });
    }
    case 'ProgressReportCorrected': {
      const { projectId: _id, supersedesRevision: _rev, ...d } = event.data;
      return withProgress(p, { reports: [...reports, d] });
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
    case 'InspectionRecorded': {
      const { inspectionId, inspectedOn, findings } = event.data;
      return withSupervision(p, {
        inspections: [...p.supervision.inspections, { inspectionId, inspectedOn, findingIds: findings.map((f) => f.findingId) }],
        findings: [...p.supervision.findings, ...findings.map((f): Finding => ({ ...f, inspectionId, status: 'open', overdue: false, rectifications: [] }))],
      });
    }
    case 'RectificationReported': {
      const { description, late } = event.data;
      return withFinding(p, event.data.findingId, (f) => ({ ...f, status: 'reported', rectifications: [...f.rectifications, { description, late, outcome: 'pending', note: null }] }));
    }
    case 'RectificationAccepted':
      return withFinding(p, event.data.findingId, (f) => settleLast(f, 'accepted', event.data.note));
    case 'RectificationRejected':
      return withFinding(p, event.data.findingId, (f) => settleLast(f, 'rejected', event.data.note));
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
