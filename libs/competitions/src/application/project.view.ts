import { AuthUser } from '@jingsai/auth';
import { HONOUR_CHANGES_ALLOWED, streamIdOf } from '@jingsai/shared';
import { OVERDUE_STATE_LABELS } from '../read-models/supervision/supervision.queries';
import { labelledMetrics, reportView } from './progress-report.view';
import {
  AGGREGATION_LABELS, awardBarNotesZh, beijingDate, extensionNote, VETO_INCIDENT_KINDS, CAMPAIGN_CATEGORIES, COMMENDATION_CHANGE_LABELS, COMMENDATION_STATUS_LABELS, FINDING_SEVERITY_LABELS, summaryAgainstReports, unfiledOverduePeriods, validScoreSheets, disagreementOf, ProjectAssessment, ProgressReportRecord, FINDING_STATUS_LABELS, GRADE_LABELS, HIERARCHY_LEVEL_LABELS, INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS, PROJECT_ACTION_LABELS, PROJECT_STATUS_LABELS, Project, ProjectAction, ProjectActionFacts, ProjectStatus, allowedProjectActions, narrowActions, submissionProblems,
  isSkillsContest,
} from '../domain';

/** Where a submitted project's approval stands: the level whose approval is awaited, and every required level yet to decide. */
export interface ApprovalStanding {
  next: string | null;
  /** Required levels that have not approved: each may still return or reject (the approval decider's rule). */
  undecided: readonly string[];
}

/**
 * What this caller may do now: the stage's actions for the caller's roles, narrowed by the
 * facts at hand (window or extension, findings to rectify or review, milestones, a veto); a
 * committee approves only when the approval awaited is at its own level, and returns or rejects
 * while its level has yet to decide.
 */
export function actionsForCaller(
  user: AuthUser, status: ProjectStatus, approval: ApprovalStanding, callerLevel: string | null, assigned = false, facts: ProjectActionFacts = {},
): ProjectAction[] {
  const out = new Set<ProjectAction>();
  if (user.roles.includes('assessor') && assigned) for (const a of allowedProjectActions({ status }, 'assessor')) out.add(a);
  if (user.roles.includes('unit')) for (const a of allowedProjectActions({ status }, 'unit')) out.add(a);
  if (user.roles.includes('committee')) {
    const decides = callerLevel !== null && approval.undecided.includes(callerLevel);
    for (const a of allowedProjectActions({ status }, 'committee')) {
      if (a === 'approve' ? approval.next !== null && approval.next === callerLevel : a === 'return' || a === 'reject' ? decides : true) out.add(a);
    }
  }
  return narrowActions([...out], facts);
}

const ENDING_LABELS: Record<'withdrawn' | 'terminated', string> = { withdrawn: '已撤回', terminated: '已终止' };
const RECTIFICATION_OUTCOME_LABELS: Record<'pending' | 'accepted' | 'rejected', string> = { pending: '待验收', accepted: '验收通过', rejected: '验收未通过' };

/**
 * The request each action on an item inside a project is taken by, under the project's address:
 * `{m}` a milestone's id, `{i}` and `{f}` a finding's inspection and its own id, `{c}` a
 * commendation's id (review 40 #6: a console built these by hand).
 */
export const PROJECT_ITEM_ACTION_ROUTES = {
  give_instant_commendation: { method: 'POST', path: '/milestones/{m}/commendations' },
  report_rectification: { method: 'POST', path: '/inspections/{i}/findings/{f}/rectification' },
  accept_rectification: { method: 'POST', path: '/inspections/{i}/findings/{f}/rectification/accept' },
  reject_rectification: { method: 'POST', path: '/inspections/{i}/findings/{f}/rectification/reject' },
  revoke: { method: 'POST', path: '/commendations/{c}/revoke' },
  withdraw: { method: 'POST', path: '/commendations/{c}/withdraw' },
  suspend: { method: 'POST', path: '/commendations/{c}/suspend' },
  reinstate: { method: 'POST', path: '/commendations/{c}/reinstate' },
} as const satisfies Record<string, { method: 'POST'; path: string }>;

type ItemIds = Partial<Record<'m' | 'i' | 'f' | 'c', string>>;

/** An item action's request under the project's address, its ids filled in. */
function itemRequest(projectId: string, action: keyof typeof PROJECT_ITEM_ACTION_ROUTES, ids: ItemIds) {
  const route = PROJECT_ITEM_ACTION_ROUTES[action];
  const path = route.path.replace(/\{([mifc])\}/g, (_, k: keyof ItemIds) => encodeURIComponent(ids[k] ?? ''));
  return { method: route.method, href: `/api/v1/projects/${encodeURIComponent(projectId)}${path}` };
}

/** The project's offered actions that concern one item (a finding, a milestone), with their labels and requests. */
function offeredOn(allowed: readonly ProjectAction[], itemActions: readonly (ProjectAction & keyof typeof PROJECT_ITEM_ACTION_ROUTES)[], projectId: string, ids: ItemIds) {
  const allowedActions = itemActions.filter((a) => allowed.includes(a));
  return { allowedActions, allowedActionLabels: allowedActions.map((a) => ({ action: a, label: PROJECT_ACTION_LABELS[a], ...itemRequest(projectId, a, ids) })) };
}

export function labelledActions(actions: ProjectAction[], projectId?: string) {
  return actions.map((a) => {
    const route = projectId === undefined ? undefined : PROJECT_ACTION_ROUTES[a];
    return route ? { action: a, label: PROJECT_ACTION_LABELS[a], method: route.method, href: `/api/v1/projects/${encodeURIComponent(projectId!)}${route.path}` } : { action: a, label: PROJECT_ACTION_LABELS[a] };
  });
}

/**
 * The request each project-level action is taken by, so a console turns an offered action into
 * its request without a table of its own. Actions on an item inside the project (a finding's
 * rectification, a milestone's commendation) are offered on that item and have no route here.
 */
export const PROJECT_ACTION_ROUTES: Partial<Record<ProjectAction, { method: 'POST' | 'PATCH'; path: string }>> = {
  edit: { method: 'PATCH', path: '' },
  submit: { method: 'POST', path: '/submit' },
  approve: { method: 'POST', path: '/approve' },
  return: { method: 'POST', path: '/return' },
  reject: { method: 'POST', path: '/reject' },
  grant_extension: { method: 'POST', path: '/extensions' },
  file_progress_report: { method: 'POST', path: '/progress-reports' },
  record_milestone: { method: 'POST', path: '/milestones' },
  record_inspection: { method: 'POST', path: '/inspections' },
  record_incident: { method: 'POST', path: '/incidents' },
  open_assessment: { method: 'POST', path: '/assessment/open' },
  add_assessor: { method: 'POST', path: '/assessment/assessors' },
  declare_conflict: { method: 'POST', path: '/assessment/conflicts' },
  record_score: { method: 'POST', path: '/assessment/scores' },
  record_self_score: { method: 'POST', path: '/assessment/self-scores' },
  finalize_assessment: { method: 'POST', path: '/assessment/finalize' },
  submit_summary: { method: 'POST', path: '/summary' },
  accept_summary: { method: 'POST', path: '/summary/accept' },
  return_summary: { method: 'POST', path: '/summary/return' },
  withdraw: { method: 'POST', path: '/withdraw' },
  terminate: { method: 'POST', path: '/terminate' },
};

/**
 * A project as the API shows it: the folded state with Chinese labels and what the caller may do.
 * `progress.reports` lists every report and correction (`reportHistory`, from the project's events).
 */
export function projectView(
  project: Project,
  revision: number | null,
  o: {
    requiredLevels: string[];
    /** The campaign's rules version in force, whose approval levels `requiredLevels` are. */
    rulesVersion?: number;
    nextLevel: string | null;
    allowedActions: ProjectAction[];
    reportHistory: ProgressReportRecord[];
    /** Whether the caller may change this commendation (a committee over the project and the giver); the status decides which changes. */
    mayChangeCommendation?: (c: { givenByOrgId?: string }) => boolean;
    /** Whether the caller may verify this finding's rectification (the inspecting committee or one above it); absent: any that may act. */
    mayVerify?: (f: { inspectionId: string }) => boolean;
    /** The campaign's days, which the plan must fall in for the application to be complete. */
    campaignSpan?: { startsOn: string; endsOn: string };
  },
) {
  const { reportIds: _ids, ...progress } = project.progress;
  // The first report of a period (a late filing closes its miss; a correction after it does not move when).
  const firstReportOf = (period: string) => o.reportHistory.filter((r) => r.period === period).sort((a, b) => a.revision - b.revision)[0] ?? null;
  return {
    projectId: project.projectId,
    streamId: streamIdOf('project', project.projectId),
    campaignId: project.campaignId,
    orgId: project.orgId,
    title: project.title,
    category: project.category,
    categoryLabel: CAMPAIGN_CATEGORIES[project.category]?.zh ?? project.category,
    // The unit's word that a project of another category is also a skills contest: shown, so the approving committee sees it (review 51 #6).
    skillsContest: isSkillsContest(project),
    status: project.status,
    statusLabel: PROJECT_STATUS_LABELS[project.status],
    registrationForm: project.registrationForm,
    implementationPlan: project.implementationPlan,
    // An extension says what it means for awards: filed after the deadline, the project stays out of May Day selection; first filed
    // before it, the project has entered on time (review 54 #3).
    application: {
      ...project.application,
      extension: project.application.extension && { ...project.application.extension, noteZh: extensionNote(project).zh, noteEn: extensionNote(project).en },
      // A return voids the approvals given so far: said, so neither the unit nor a level that approved is surprised.
      lastReturn: project.application.lastReturn && {
        ...project.application.lastReturn,
        levelLabel: HIERARCHY_LEVEL_LABELS[project.application.lastReturn.level],
        noteZh: '退回后，此前各级的审批不再有效：修改后重新报送，须再次逐级审批。',
        noteEn: 'A return voids the approvals given so far: once resubmitted, the project is approved level by level again.',
      },
    },
    // While the unit may still submit: what the submit check would name, so the form shows it before the refusal does.
    applicationMissing: project.status === 'draft' || project.status === 'returned' ? submissionProblems(project, undefined, o.campaignSpan) : [],
    ending: project.ending && { ...project.ending, kindLabel: ENDING_LABELS[project.ending.kind], previousStatusLabel: PROJECT_STATUS_LABELS[project.ending.previousStatus] },
    progress: {
      ...progress,
      // Every miss on record, as the supervision list has it: still open, or since filed late (the board lists only the open ones).
      // A miss nobody can file any more says what ended it, as the supervision list does (review 40 #5).
      overdue: progress.overdue.map((o) => {
        const filed = firstReportOf(o.period);
        const state = filed ? 'filed_late' : project.assessment ? 'unfiled' : project.status === 'withdrawn' ? 'project_withdrawn' : project.status === 'terminated' ? 'project_terminated' : 'open';
        return { ...o, state, stateLabel: OVERDUE_STATE_LABELS[state]!, reportedAt: filed?.filedAt ?? null };
      }),
      // A commendation is given at a milestone: each milestone offers it where the project does.
      milestones: progress.milestones.map((m) => ({ ...m, ...offeredOn(o.allowedActions, ['give_instant_commendation'], project.projectId, { m: m.milestoneId }) })),
      reports: o.reportHistory.map(reportView),
      // As the honours register shows them: a recipient named without an organisation belongs to the project's, and every one has a status.
      commendations: progress.commendations.map((c) => {
        const status = c.status ?? 'valid';
        const allowedActions = o.mayChangeCommendation?.(c) ? [...HONOUR_CHANGES_ALLOWED[status]] : [];
        return {
          ...c, recipient: { ...c.recipient, orgId: c.recipient.orgId ?? project.orgId }, status, statusLabel: COMMENDATION_STATUS_LABELS[status],
          allowedActions, allowedActionLabels: allowedActions.map((a) => ({ action: a, label: COMMENDATION_CHANGE_LABELS[a], ...itemRequest(project.projectId, a, { c: c.commendationId }) })),
        };
      }),
    },
    supervision: {
      ...project.supervision,
      // Each finding offers what the project offers that applies to it: rectifying an open or sent-back one, verifying a reported one.
      findings: project.supervision.findings.map((f) => ({
        ...f, severityLabel: FINDING_SEVERITY_LABELS[f.severity].zh, statusLabel: FINDING_STATUS_LABELS[f.status],
        rectifications: f.rectifications.map((r) => ({ ...r, outcomeLabel: RECTIFICATION_OUTCOME_LABELS[r.outcome] })),
        ...offeredOn(
          o.allowedActions,
          // Verifying is the inspecting committee's (or one above it): another committee over the project is not offered it (review 51 #4).
          f.status === 'reported' ? (o.mayVerify?.(f) === false ? [] : ['accept_rectification', 'reject_rectification']) : f.status === 'accepted' ? [] : ['report_rectification'],
          project.projectId,
          { i: f.inspectionId, f: f.findingId },
        ),
      })),
      incidents: project.supervision.incidents.map((i) => ({ ...i, severityLabel: INCIDENT_SEVERITY_LABELS[i.severity].zh, kindLabel: INCIDENT_KIND_LABELS[i.kind].zh })),
    },
    assessment: project.assessment && {
      ...project.assessment,
      result: project.assessment.result && { ...project.assessment.result, gradeLabel: project.assessment.result.grade ? GRADE_LABELS[project.assessment.result.grade] : null },
      provisionalDisagreement: provisionalDisagreement(project.assessment),
      aggregationLabel: AGGREGATION_LABELS[project.assessment.scheme.aggregation],
      scheme: { ...project.assessment.scheme, gradeBands: project.assessment.scheme.gradeBands.map((b) => ({ ...b, label: GRADE_LABELS[b.grade] })) },
      openedEarly: openedEarly(project),
    },
    summary: project.summary && {
      ...project.summary,
      submissions: project.summary.submissions.map((s) => ({ ...s, outcomesLabelled: labelledMetrics(s.outcomes) })),
      checks: summaryChecks(project),
      // Reports marked overdue and never filed: the committee is told before accepting (a note asked for over the checks names them too).
      unfiledPeriods: unfiledOverduePeriods(project),
      // For the committee deciding on the summary: whose figures stop before the plan's end.
      openedEarly: openedEarly(project),
      // And what bars the project from award selection whatever its summary: a late entry, an accident that vetoes (as the ranking says).
      awardNotesZh: awardNotes(project),
    },
    requiredApprovalLevels: o.requiredLevels,
    // The rules version those levels come from: the one in force (an approval already given names its own, approvedRulesVersion).
    requiredApprovalLevelsRulesVersion: o.rulesVersion ?? null,
    requiredApprovalLevelLabels: o.requiredLevels.map((level) => ({ level, label: HIERARCHY_LEVEL_LABELS[level as keyof typeof HIERARCHY_LEVEL_LABELS] ?? level })),
    nextApprovalLevel: o.nextLevel,
    nextApprovalLevelLabel: o.nextLevel ? (HIERARCHY_LEVEL_LABELS[o.nextLevel as keyof typeof HIERARCHY_LEVEL_LABELS] ?? o.nextLevel) : null,
    allowedActions: o.allowedActions,
    allowedActionLabels: labelledActions(o.allowedActions, project.projectId),
    revision,
  };
}

/**
 * An assessment opened before the implementation plan's last day: reports stop there, so the
 * summary's figures cover only part of the plan. Said, not refused (a project may finish early);
 * null when it opened on or after that day, or when its opening was not recorded.
 */
function openedEarly(project: Project) {
  const openedAt = project.assessment?.openedAt;
  if (!openedAt) return null;
  const openedOn = beijingDate(openedAt);
  const planEndsOn = project.implementationPlan.endsOn;
  if (openedOn >= planEndsOn) return null;
  return {
    openedOn,
    planEndsOn,
    noteZh: `评估于 ${openedOn} 开始，早于实施方案结束日期 ${planEndsOn}：此后各期无需报送，总结数据仅涵盖评估开始前的推进情况。`,
    noteEn: `The assessment opened on ${openedOn}, before the implementation plan ends on ${planEndsOn}: no report is owed after it, so the summary covers only the progress before it.`,
  };
}

/** What bars a project from award selection, as the assessment ranking names it: an entry filed late, an accident that vetoes (一票否决). */
function awardNotes(project: Project): string[] {
  const veto = project.supervision.incidents.find((i) => VETO_INCIDENT_KINDS.includes(i.kind));
  return awardBarNotesZh(project.application.firstSubmissionOnTime === false, veto?.kind ?? null);
}

/** The latest summary's figures against the reports in force (`summaryAgainstReports`), for the committee deciding on it. */
function summaryChecks(project: Project) {
  const latest = project.summary?.submissions[project.summary.submissions.length - 1];
  return latest ? summaryAgainstReports(latest.outcomes, project.progress.reports) : [];
}

/**
 * Before the result, the spread of the sheets this caller may see (every sheet for a committee;
 * none for a unit), so the committee knows a review note will be asked for at finalisation.
 */
function provisionalDisagreement(a: ProjectAssessment) {
  if (a.result) return null;
  const totals = validScoreSheets(a).map((s) => s.weightedTotal);
  if (totals.length < 2) return null;
  const { spread, threshold, flagged } = disagreementOf(totals, a.scheme.disagreementThreshold);
  return {
    spread, threshold, flagged, scored: totals.length,
    label: flagged ? `当前评分分歧较大（相差 ${spread} 分，阈值 ${threshold} 分）：确定结果时须填写复核意见` : '当前评分一致性正常',
  };
}
