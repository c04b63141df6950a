import type { Database } from 'better-sqlite3';
import { Page } from '@jingsai/api-kit';
import {
  AGGREGATION_LABELS, Aggregation, AssessmentCriterion, CAMPAIGN_CATEGORIES, CampaignCategory, GRADE_LABELS, Grade, NORMALISATION_LABELS, Normalisation, PROJECT_STATUS_LABELS, ProjectStatus,
  ScoreSheetTotal, disagreementOf, zScoresV1, awardBarNotesZh, IncidentKind,
} from '../../domain';
import { ancestorsOf, ReadScope, Where } from '../read-scope';

export interface AssessmentStatsFilter {
  /** Whose projects: a scope of organisations, or an assessor's assignments (as the board shows them). */
  scope: ReadScope | { kind: 'assessor'; userId: string };
  campaignId: string;
  category?: string;
  limit: number;
  offset: number;
  /**
   * Judging fairness, as on the project view: before a project's result is fixed, a caller who is
   * not a committee, auditor or administrator sees only the sheets of this user id (an assessor
   * their own, a unit none) and no provisional spread. Undefined: every sheet.
   */
  sheetsOnlyOf?: string;
  /** How the campaign's rules in force rank projects: per-assessor z-scores, or (null) the totals. */
  normalisation?: Normalisation | null;
}

/** Competition ranking (1, 2, 2, 4) of finalised projects by a score, highest first (the total unless given). */
function ranks(rows: Array<{ project_id: string; total: number | null }>, scoreOf: (r: { project_id: string; total: number | null }) => number | null = (r) => r.total): Map<string, number> {
  const done = rows.filter((r) => r.total !== null && scoreOf(r) !== null).sort((a, b) => scoreOf(b)! - scoreOf(a)! || (a.project_id < b.project_id ? -1 : 1));
  const out = new Map<string, number>();
  done.forEach((r, i) => out.set(r.project_id, i > 0 && scoreOf(done[i - 1]!) === scoreOf(r) ? out.get(done[i - 1]!.project_id)! : i + 1));
  return out;
}

/**
 * The normalised score of every finalised project of the campaign, from the counted sheets (a
 * declared conflict's sheet is not counted) of all of them: an assessor's leniency is judged on
 * everything they scored in the campaign, not on the caller's part of it.
 */
function normalisedScores(db: Database, rows: any[], normalisation: Normalisation): Map<string, number> {
  const sheets: ScoreSheetTotal[] = [];
  const sheetsOf = db.prepare('SELECT assessor_user_id, weighted_total FROM as_scores WHERE project_id = ?');
  for (const r of rows.filter((x) => x.total !== null)) {
    const conflicted = new Set((JSON.parse(r.assessors) as Array<{ userId: string; declaredConflict: boolean }>).filter((a) => a.declaredConflict).map((a) => a.userId));
    for (const s of sheetsOf.all(r.project_id) as Array<{ assessor_user_id: string; weighted_total: number }>) {
      if (!conflicted.has(s.assessor_user_id)) sheets.push({ projectId: r.project_id, assessorUserId: s.assessor_user_id, total: s.weighted_total });
    }
  }
  switch (normalisation) {
    case 'z_score_v1':
      return zScoresV1(sheets);
  }
}

/**
 * The finalisation's verdict on the spread between assessors; before it, the spread of the
 * scores counted so far (two or more), marked provisional, so the committee sees a wide one
 * while it can still chase or add an assessor.
 */
function disagreementView(r: any, assessors: Array<{ counted: boolean | null; weightedTotal: number | null }>) {
  if (r.spread !== null) {
    const flagged = r.flagged === 1;
    // A flagged result was fixed only with the committee's review note (see finalizeAssessment).
    return { spread: r.spread, threshold: r.threshold, flagged, provisional: false, label: flagged ? '评分分歧较大，已复核后确定结果' : '评分一致性正常' };
  }
  const totals = assessors.filter((a) => a.counted).map((a) => a.weightedTotal as number);
  if (totals.length < 2 || r.threshold === null) return null;
  const { spread, threshold, flagged } = disagreementOf(totals, r.threshold);
  return {
    spread, threshold, flagged, provisional: true,
    label: `${flagged ? '当前评分分歧较大，确定结果时须填写复核意见' : '当前评分一致性正常'}（已评 ${totals.length} 份，尚未汇总）`,
  };
}

/**
 * Scores per assessor, totals, grades and rankings within the campaign and within each
 * category (ranked over the whole campaign, then filtered to the caller's scope), with the
 * disagreement flag. Finalised projects first, best total first.
 */
export function assessmentStatistics(db: Database, f: AssessmentStatsFilter) {
  const all = db.prepare('SELECT * FROM as_projects WHERE campaign_id = ? AND rules_version IS NOT NULL').all(f.campaignId) as any[];
  const normalised = f.normalisation ? normalisedScores(db, all, f.normalisation) : null;
  const scoreOf = normalised ? (r: { project_id: string }) => normalised.get(r.project_id) ?? null : undefined;
  const inCampaign = ranks(all, scoreOf);
  const byTotal = normalised ? ranks(all) : inCampaign;
  const inCategory = new Map<string, number>();
  for (const category of new Set(all.map((r) => r.category))) for (const [id, rank] of ranks(all.filter((r) => r.category === category), scoreOf)) inCategory.set(id, rank);

  const w = new Where().add('campaign_id = ?', f.campaignId).add('rules_version IS NOT NULL');
  if (f.scope.kind === 'assessor') w.add("EXISTS (SELECT 1 FROM json_each(assessors) WHERE json_extract(value, '$.userId') = ?)", f.scope.userId);
  else w.scope(f.scope);
  if (f.category) w.add('category = ?', f.category);
  const visible = (db.prepare(`SELECT * FROM as_projects${w.sql}`).all(...w.args) as any[]).sort(
    (a, b) => (inCampaign.get(a.project_id) ?? Infinity) - (inCampaign.get(b.project_id) ?? Infinity) || (a.project_id < b.project_id ? -1 : 1),
  );
  const scoresOf = db.prepare('SELECT * FROM as_scores WHERE project_id = ?');
  const items = visible.map((r) => {
    const criteria = JSON.parse(r.criteria ?? '[]') as AssessmentCriterion[];
    const sheets = new Map((scoresOf.all(r.project_id) as any[]).map((s) => [s.assessor_user_id, s]));
    const restricted = r.total === null && f.sheetsOnlyOf !== undefined;
    const named = (JSON.parse(r.assessors) as any[]).map((a) => {
      const stored = sheets.get(a.userId);
      // Nor who has scored yet: an assessed unit could press the one who has not.
      const withheld = restricted && a.userId !== f.sheetsOnlyOf;
      const s = withheld ? undefined : stored;
      return {
        ...a,
        scored: withheld ? null : Boolean(stored),
        counted: withheld ? null : Boolean(stored) && !a.declaredConflict,
        withheld,
        scores: s ? criteria.map((c) => ({ key: c.key, name: c.name, weight: c.weight, score: JSON.parse(s.scores)[c.key] ?? null })) : [],
        weightedTotal: s?.weighted_total ?? null,
        scoreRevision: s?.revision ?? null,
      };
    });
    const assessors = f.sheetsOnlyOf === undefined || restricted ? named : anonymousSheets(named, f.sheetsOnlyOf);
    return {
      projectId: r.project_id,
      title: r.title,
      category: r.category,
      categoryLabel: CAMPAIGN_CATEGORIES[r.category as CampaignCategory]?.zh ?? r.category,
      orgId: r.org_id,
      orgPath: ancestorsOf(r.org_path),
      status: r.status,
      statusLabel: PROJECT_STATUS_LABELS[r.status as ProjectStatus] ?? r.status,
      rulesVersion: r.rules_version,
      aggregation: r.aggregation,
      aggregationLabel: AGGREGATION_LABELS[r.aggregation as Aggregation] ?? r.aggregation,
      assessors,
      /** How many assessors have scored (a count for everyone; who, only for those who see every sheet). */
      scoredCount: sheets.size,
      selfAssessmentTotal: r.self_total,
      finalized: r.total !== null,
      total: r.total,
      grade: r.grade,
      gradeLabel: r.grade ? GRADE_LABELS[r.grade as Grade] : null,
      totalsUsed: r.totals_used ? JSON.parse(r.totals_used) : [],
      dropped: r.dropped ? JSON.parse(r.dropped) : [],
      /** The mean of the project's per-assessor z-scores, when the campaign ranks on them. */
      normalizedScore: normalised ? (normalised.get(r.project_id) ?? null) : null,
      // Graded as any project, but out of award selection: said beside the rank (the eligibility board has the verdict).
      lateEntry: r.late_entry === 1,
      vetoed: r.veto_kind !== null,
      awardNotesZh: awardBarNotesZh(r.late_entry === 1, (r.veto_kind as IncidentKind | null) ?? null),
      rankInCampaign: inCampaign.get(r.project_id) ?? null,
      rankInCategory: inCategory.get(r.project_id) ?? null,
      /** The rank the total alone gives (the same as rankInCampaign unless the campaign ranks on z-scores). */
      rankByTotal: byTotal.get(r.project_id) ?? null,
      disagreement: restricted ? null : disagreementView(r, assessors),
    };
  });
  // One name per assessor across the answer: an assignment that gave none (its name is the user id) takes the name another gave (review 50 #13).
  const givenName = new Map<string, string>();
  for (const item of items) for (const a of item.assessors) if (a.userId && a.name && a.name !== a.userId) givenName.set(a.userId, a.name);
  for (const item of items) for (const a of item.assessors) if (a.userId && a.name === a.userId && givenName.has(a.userId)) a.name = givenName.get(a.userId)!;
  const byAssessor = new Map<string, { assessorUserId: string; name: string; scored: number; totals: number[] }>();
  for (const item of items) {
    // A declared conflict removes the assessor's score, here as in finalisation.
    // A sheet shown without its expert (to a unit, after the result) says nothing of any expert's habits.
    for (const a of item.assessors.filter((x) => x.counted && !x.withheld && (x as { anonymous?: boolean }).anonymous !== true)) {
      const entry = byAssessor.get(a.userId) ?? { assessorUserId: a.userId, name: a.name, scored: 0, totals: [] as number[] };
      // One name per assessor: one an assignment gave, rather than the bare id another assignment left.
      if ((!entry.name || entry.name === a.userId) && a.name && a.name !== a.userId) entry.name = a.name;
      entry.scored++;
      entry.totals.push(a.weightedTotal as number);
      byAssessor.set(a.userId, entry);
    }
  }
  const page: Page<(typeof items)[number]> = { items: items.slice(f.offset, f.offset + f.limit), total: items.length, limit: f.limit, offset: f.offset };
  // Ranked together, totals worked out under different rules versions (their schemes may differ in
  // criteria, weights and how scores combine): said, so a rank is read for what it compares.
  // Over every ranked project, as the ranks are, not only the rows the caller sees.
  const versions = [...new Set(all.filter((r) => r.total !== null).map((r) => Number(r.rules_version)))].sort((a, b) => a - b);
  const mixed = versions.length > 1 ? { mixedRulesVersions: versions, noteZh: `本排名含按不同评估方案版本（第 ${versions.join('、')} 版）计分的项目，各版本的指标、权重或计分方式可能不同。` } : {};
  return {
    ...page,
    campaignId: f.campaignId,
    ranking: f.normalisation
      ? { basis: f.normalisation, label: NORMALISATION_LABELS[f.normalisation], ...mixed }
      : { basis: 'total', label: '按总分排名', ...mixed },
    finalizedCount: all.filter((r) => r.total !== null).length,
    byAssessor: [...byAssessor.values()].map(({ totals, ...a }) => ({ ...a, meanTotal: Math.round((totals.reduce((x, y) => x + y, 0) / totals.length) * 100) / 100 })),
  };
}

/**
 * Once the result is fixed, a caller who does not see every sheet (the assessed unit, another
 * assessor) reads each expert's scores without who gave them (review 46 #3: naming who scored low
 * exposes an expert to the unit they judge). Their own sheet stays theirs; the others are named
 * 评估专家 1, 2, … in the order of their totals, highest first, so the panel's order does not tell.
 */
function anonymousSheets<T extends { userId: string; weightedTotal: number | null; counted: boolean | null; scores: unknown[] }>(sheets: T[], own: string) {
  // The counted sheets only, with nothing but their scores: a flag (added late, waived, recused) or a
  // revision (a correction) is a trait the panel, named on the project, could be matched by (review 47 #3).
  const others = sheets.filter((a) => a.userId !== own && a.counted).sort((a, b) => (b.weightedTotal ?? -Infinity) - (a.weightedTotal ?? -Infinity));
  return [
    ...sheets.filter((a) => a.userId === own).map((a) => ({ ...a, anonymous: false })),
    ...others.map((a, i) => ({ userId: null, name: `评估专家 ${i + 1}`, orgId: null, anonymous: true, scored: true, counted: true, withheld: false, scores: a.scores, weightedTotal: a.weightedTotal })),
  ];
}
