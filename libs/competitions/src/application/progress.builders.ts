import { DomainError } from '@jingsai/shared';
import { beijingDate, Campaign, normalizeMetrics, periodLabel, owedRegimePeriods, parsePeriod, projectRegimes, sameValue, ReportingRegime, reportingRegimes, FindingSeverity, IncidentKind, IncidentSeverity, Project, RecipientKind } from '../domain';
import { LoopAction, LoopBuilder } from './project-loop.command';

/** The route names the inspection too: a finding of another inspection is not found here. */
function findingIn(project: Project, params: Record<string, string>): string {
  const finding = project.supervision.findings.find((f) => f.findingId === params.findingId);
  if (finding && finding.inspectionId !== params.inspectionId) {
    throw DomainError.notFound('PROJECT.FINDING_NOT_FOUND', `督导检查 ${params.inspectionId} 中没有编号为 ${params.findingId} 的问题。`, `Inspection ${params.inspectionId} has no finding ${params.findingId}.`, {
      inspectionId: params.inspectionId,
      findingId: params.findingId,
    });
  }
  return params.findingId!;
}

/**
 * The periods of earlier reporting rules this project owes (those begun before the new cadence
 * took over: see `reportingRegimes`), with the rules version each is owed under: one not filed
 * may be filed under those rules, late or not. A period
 * on record as overdue counts too, whatever the rules now say (a change recorded without its
 * time, in older logs, cannot place the periods before it).
 */
function earlierPeriodsOf(project: Project, campaign: Campaign, regimes: ReportingRegime[]): Array<{ period: string; rulesVersion: number }> {
  const earlier = owedRegimePeriods(regimes.slice(0, -1), project.implementationPlan).map((x) => ({ period: x.period.period, rulesVersion: x.regime.facts.rulesVersion }));
  const known = new Set(earlier.map((x) => x.period));
  const current = regimes[regimes.length - 1]!.facts;
  const missed = project.progress.overdue.filter((o) => !known.has(o.period) && parsePeriod(o.period)?.cadence !== current.cadence);
  // The latest rules version of that cadence is the one the miss fell due under.
  const versionOf = (period: string) => {
    const cadence = parsePeriod(period)?.cadence;
    for (let v = campaign.rulesVersion; v >= 1; v--) if (campaign.ruleVersions[v]?.rules.reportingCadence === cadence) return v;
    return 1;
  };
  return [...earlier, ...missed.map((o) => ({ period: o.period, rulesVersion: versionOf(o.period) }))];
}

const isPlainMetrics = (m: unknown): m is Record<string, number> => typeof m === 'object' && m !== null && !Array.isArray(m);

/** 推进 and 督导: requests → domain commands. Reporting facts come from the campaign stream. */
export const PROGRESS_BUILDERS: Partial<Record<LoopAction, LoopBuilder>> = {
  async file_progress_report({ project, body, base, facts, newItemId }) {
    const campaign = await facts.campaign(project.campaignId);
    // The project's: a period it filed under earlier rules keeps its months under them.
    const regimes = projectRegimes(reportingRegimes(campaign), project.progress.reports);
    // The report in force sent again, unchanged, keeps its id: nothing is recorded, and the answer names the report that stands.
    const current = project.progress.reports.find((r) => r.period === body.period);
    const unchanged = current !== undefined && isPlainMetrics(body.metrics) && sameValue(current.metrics, normalizeMetrics(body.metrics)) && current.narrative === String(body.narrative ?? '').trim();
    const reportId: string = body.reportId ?? (unchanged ? current.reportId : newItemId());
    return {
      itemId: reportId,
      command: {
        type: 'FileProgressReport', ...base, reportId, period: body.period, metrics: body.metrics, narrative: body.narrative, reason: body.reason ?? null,
        // The rules in force, with the day their cadence took over from earlier rules.
        reporting: regimes[regimes.length - 1]!.facts,
        earlierPeriods: earlierPeriodsOf(project, campaign, regimes),
      },
      // A report filed before its period's last day holds the figures of that day (as the project's reports say too).
      note: (events) => {
        const period = parsePeriod(body.period);
        if (!period || !events.some((e) => e.type === 'ProgressReportFiled' || e.type === 'ProgressReportCorrected') || beijingDate(base.at) >= period.endsOn) return undefined;
        return {
          noteZh: `本期（${periodLabel(period.period)}，至 ${period.endsOn}）尚未结束，所报为截至今日的数据；期末后如有变化，请提交更正并说明理由。报送期限为 ${period.dueOn}。`,
          noteEn: `The period runs until ${period.endsOn}: these are the figures as of today; correct them, with a reason, if they change by its end. The report is due by ${period.dueOn}.`,
        };
      },
    };
  },

  record_milestone({ body, base, newItemId }) {
    const milestoneId: string = body.milestoneId ?? newItemId();
    return { itemId: milestoneId, command: { type: 'RecordMilestone', ...base, milestoneId, title: body.title, reachedOn: body.reachedOn, description: body.description ?? '' } };
  },

  async give_instant_commendation({ body, params, base, facts, newItemId, project }) {
    const commendationId: string = body.commendationId ?? newItemId();
    const recipient = { kind: body.recipient?.kind as RecipientKind, name: body.recipient?.name, orgId: body.recipient?.orgId ?? null, ...(body.recipient?.id ? { id: body.recipient.id } : {}) };
    const recipientOrgPath = recipient.orgId ? await facts.orgPath(recipient.orgId) : null;
    const teamOrg = recipient.kind === 'team' ? await facts.teamNamed(recipient) : null;
    const named = [project.orgId, ...(recipient.orgId && recipientOrgPath ? [recipient.orgId] : [])];
    const orgNames = Object.fromEntries(await Promise.all(named.map(async (id) => [id, await facts.orgName(id)] as const)));
    return {
      itemId: commendationId,
      command: { type: 'GiveInstantCommendation', ...base, commendationId, milestoneId: params.milestoneId!, recipient, citation: body.citation, recipientOrgPath, ...(teamOrg ? { teamOrg } : {}), orgNames },
    };
  },

  record_inspection({ body, base, newItemId }) {
    const inspectionId: string = body.inspectionId ?? newItemId();
    const findings = (body.findings as Array<Record<string, string>>).map((f, i) => ({
      findingId: f.findingId ?? `${inspectionId}-${i + 1}`,
      description: f.description!,
      severity: f.severity as FindingSeverity,
      rectifyBy: f.rectifyBy!,
    }));
    // The findings' ids go back with the answer: the console links each to its rectification without reading the project again.
    return { itemId: inspectionId, answer: { findingIds: findings.map((f) => f.findingId) }, command: { type: 'RecordInspection', ...base, inspectionId, inspectedOn: body.inspectedOn, findings } };
  },

  report_rectification({ project, body, params, base }) {
    const findingId = findingIn(project, params);
    return { itemId: findingId, command: { type: 'ReportRectification', ...base, findingId, description: body.description } };
  },

  accept_rectification({ project, body, params, base }) {
    const findingId = findingIn(project, params);
    return { itemId: findingId, command: { type: 'AcceptRectification', ...base, findingId, note: body.note ?? null } };
  },

  reject_rectification({ project, body, params, base }) {
    const findingId = findingIn(project, params);
    return { itemId: findingId, command: { type: 'RejectRectification', ...base, findingId, note: body.note } };
  },

  record_incident({ body, base, newItemId }) {
    const incidentId: string = body.incidentId ?? newItemId();
    return {
      itemId: incidentId,
      command: {
        type: 'RecordSafetyIncident', ...base, incidentId, occurredOn: body.occurredOn,
        severity: body.severity as IncidentSeverity, kind: body.kind as IncidentKind, description: body.description,
      },
    };
  },
};
