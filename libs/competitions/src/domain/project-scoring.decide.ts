import { DomainError } from '@jingsai/shared';
import { ScoreSheetCode, combineScores, disagreementOf, scoreSheetProblems, weightedTotal } from './assessment-scoring';
import { AssessmentScheme, gradeFor } from './campaign-rules';
import { FinalizeAssessment, RecordScore, RecordSelfScore } from './project-assessment.commands';
import { openedAssessment, requireAssigned, requireNoConflictNow } from './project-assessment.decide';
import { scoresNeeded, validScoreSheets } from './project-facts';
import { requireRole, requireStage } from './project-loop.guards';
import { ProjectEvent } from './project.events';
import { requireProject } from './project.guards';
import { ProjectState } from './project.state';
import { sameValue } from './same-value';

/** What is wrong with a refused score sheet, before the criteria it names. */
const SHEET_PROBLEMS: Record<ScoreSheetCode, { zh: string; en: string }> = {
  'PROJECT.UNKNOWN_CRITERION': { zh: '评分表含有评估方案以外的指标', en: 'The score sheet holds a criterion outside the scheme' },
  'PROJECT.MISSING_CRITERION': { zh: '评分表缺少指标', en: 'The score sheet misses a criterion' },
  'PROJECT.SCORE_OUT_OF_RANGE': { zh: '评分超出评分范围', en: 'A score is out of the scale' },
};

/** Validates a sheet against the scheme; answers the scores in criterion order and their weighted total. */
function checkedSheet(scheme: AssessmentScheme, scores: Record<string, number>): { scores: Record<string, number>; weightedTotal: number } {
  const wrong = scoreSheetProblems(scheme, scores);
  if (wrong) {
    // Each kind of problem, then what it is about (review 38 #3: the headlines ran together, apart from their details).
    const zh = wrong.groups.map((g) => `${SHEET_PROBLEMS[g.code].zh}：${g.errors.map((e) => e.messageZh).join('')}`).join('');
    const en = wrong.groups.map((g) => `${SHEET_PROBLEMS[g.code].en}: ${g.errors.map((e) => e.messageEn.replace(/^./, (c) => c.toUpperCase())).join(' ')}`).join(' ');
    throw DomainError.validation(wrong.code, zh, en, { errors: wrong.errors, codes: wrong.codes, scale: scheme.scale });
  }
  const ordered: Record<string, number> = {};
  for (const c of scheme.criteria) ordered[c.key] = scores[c.key];
  return { scores: ordered, weightedTotal: weightedTotal(scheme, ordered) };
}

export function recordScore(c: RecordScore, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'record_score');
  if (c.actor.userId !== c.assessorUserId) {
    throw DomainError.forbidden('PROJECT.FORBIDDEN', '评估专家只能提交本人的评分。', 'An assessor may only record their own scores.', { actorUserId: c.actor.userId, assessorUserId: c.assessorUserId });
  }
  requireStage(project, 'record_score');
  const assessment = openedAssessment(project);
  const assessor = requireAssigned(assessment, c.assessorUserId, c.actor.orgId, c.orgNames);
  if (assessor.declaredConflict) {
    throw DomainError.forbidden('PROJECT.ASSESSOR_RECUSED', '您已申报利益冲突并回避本项目，不能再评分。', 'You declared a conflict of interest on this project and can no longer score it.', {
      assessorUserId: c.assessorUserId,
    });
  }
  requireNoConflictNow(project, assessment, assessor, c.assessorOrgPath);
  const sheet = checkedSheet(assessment.scheme, c.scores);
  const previous = [...assessment.scores].reverse().find((s) => s.assessorUserId === c.assessorUserId);
  if (previous && sameValue(previous.scores, sheet.scores)) return [];
  const base = { projectId: c.projectId, assessorUserId: c.assessorUserId, ...sheet };
  if (!previous) return [{ type: 'ScoreRecorded', data: { ...base, revision: 1 } }];
  // A correction is a decision on the record: the auditor reads why the sheet changed.
  const reason = c.reason?.trim();
  if (!reason) {
    throw DomainError.validation('PROJECT.REASON_REQUIRED', '更正已提交的评分须说明理由（reason）。', 'Correcting a score sheet already recorded needs a reason.', {
      errors: [{ field: 'reason', messageZh: '请填写更正理由。', messageEn: 'Give the reason for the correction.' }],
    });
  }
  return [{ type: 'ScoreCorrected', data: { ...base, revision: previous.revision + 1, supersedesRevision: previous.revision, reason } }];
}

/** 自评: validated like an assessor's sheet, stored apart, never combined into the total. */
export function recordSelfScore(c: RecordSelfScore, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'record_self_score');
  requireStage(project, 'record_self_score');
  const assessment = openedAssessment(project);
  const sheet = checkedSheet(assessment.scheme, c.scores);
  const previous = assessment.selfScores[assessment.selfScores.length - 1];
  if (previous && sameValue(previous.scores, sheet.scores)) return [];
  return [{ type: 'SelfScoreRecorded', data: { projectId: c.projectId, ...sheet, revision: (previous?.revision ?? 0) + 1 } }];
}

/**
 * Combines the valid scores (each assessor's latest sheet, none from an assessor who declared a
 * conflict) by the scheme's rule, grades the total and flags disagreement: max − min of the
 * valid totals (before any trimming) above the scheme's threshold.
 */
export function finalizeAssessment(c: FinalizeAssessment, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'finalize_assessment');
  requireStage(project, 'finalize_assessment');
  const assessment = openedAssessment(project);
  const { scheme, rulesVersion } = assessment;
  const sheets = validScoreSheets(assessment);
  const missingAssessors = assessment.assessors.filter((a) => !a.declaredConflict && !sheets.some((s) => s.assessorUserId === a.userId)).map((a) => a.userId);
  const need = scoresNeeded(scheme);
  if (sheets.length < need) {
    throw DomainError.unprocessable(
      'PROJECT.NOT_ENOUGH_SCORES',
      `有效评分 ${sheets.length} 份，评估方案要求至少 ${need} 份；尚未评分的专家 ${missingAssessors.length} 名。请催促评分，或增补评估专家（须说明理由）。`,
      `${sheets.length} valid score(s); the scheme needs ${need}. ${missingAssessors.length} assessor(s) have not scored; chase them or add an assessor (with a reason).`,
      { have: sheets.length, need, missingAssessors },
    );
  }
  const totals = sheets.map((s) => s.weightedTotal);
  const combined = combineScores(totals, scheme.aggregation);
  const disagreement = disagreementOf(totals, scheme.disagreementThreshold);
  const { spread } = disagreement;
  const note = c.note?.trim() || null;
  // An assessor of the locked set who has not scored: the result is fixed without their sheet only
  // knowingly, with the committee's reason on record (DOMAIN: no project ends with fewer scores unnoticed).
  if (missingAssessors.length > 0 && note === null) {
    const names = assessment.assessors.filter((a) => missingAssessors.includes(a.userId)).map((a) => a.name ?? a.userId);
    throw DomainError.unprocessable(
      'PROJECT.MISSING_SCORES_NOTE_REQUIRED',
      `指派的评估专家尚有 ${missingAssessors.length} 名未评分（${names.join('、')}）。如不等其评分即确定结果，请在 note 中说明理由。`,
      `${missingAssessors.length} assigned assessor(s) have not scored (${names.join(', ')}). To fix the result without their sheets, give the reason as a note.`,
      { have: sheets.length, need, missingAssessors, errors: [{ field: 'note', messageZh: '请说明不等其余专家评分的理由', messageEn: 'Say why the result is fixed without the missing sheets' }] },
    );
  }
  // Large disagreement is flagged for review (DOMAIN, judging fairness): the result is fixed only with the committee's review on record.
  if (disagreement.flagged && note === null) {
    throw DomainError.unprocessable(
      'PROJECT.DISAGREEMENT_REVIEW_REQUIRED',
      `专家评分分歧较大：有效评分最高与最低相差 ${spread} 分，超过评估方案的阈值 ${scheme.disagreementThreshold} 分。请先复核，并在确定结果时填写复核意见（note）。`,
      `The assessors disagree: the valid totals are ${spread} points apart, beyond the scheme's threshold of ${scheme.disagreementThreshold}. Review the scores and give the review as a note when finalising.`,
      {
        spread, threshold: scheme.disagreementThreshold, totals: sheets.map((s) => ({ assessorUserId: s.assessorUserId, weightedTotal: s.weightedTotal })),
        errors: [{ field: 'note', messageZh: '请填写复核意见', messageEn: 'Give the review as a note' }],
      },
    );
  }
  return [
    {
      type: 'AssessmentFinalized',
      data: {
        projectId: c.projectId,
        total: combined.total,
        grade: gradeFor(scheme, combined.total),
        aggregation: scheme.aggregation,
        totalsUsed: combined.totalsUsed,
        dropped: combined.dropped,
        assessorCount: sheets.length,
        disagreement,
        rulesVersion,
        assessorTotals: sheets.map((s) => ({ assessorUserId: s.assessorUserId, weightedTotal: s.weightedTotal })),
        missingAssessors,
        ...(note !== null ? { note } : {}),
      },
    },
  ];
}
