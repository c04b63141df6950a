import { GenerationManifest, ProjectSummary, Random } from '../../libs/testing/src/generator';
import { LoadRequest } from './lib/load';
import { bearer } from './lib/service';

/** Criteria of the generated campaigns' scheme (the key-project preset). */
const CRITERIA = ['quality', 'schedule', 'technical_innovation', 'scientific_management', 'safety_saving', 'civilized_construction'];

export interface CommandMix {
  next(): LoadRequest;
  sent: Record<string, number>;
}

/**
 * The realistic command mix on the generated province, without Idempotency-Key: units file or
 * correct monthly progress reports (60%), assigned assessors score (30%, a repeat corrects),
 * committees approve submitted projects at the level awaited (10%, each once; once the pool
 * is used up the share goes to reports).
 */
/** Periods first filed by a mix, per generated store (a dataset is shared by the benchmarks of one run). */
const FILED_BY_EARLIER_MIXES = new WeakMap<GenerationManifest, Set<string>>();

export function commandMix(manifest: GenerationManifest, seed = 7): CommandMix {
  const rnd = new Random(seed);
  const reports = manifest.open.filter((p) => p.status === 'in_progress' && p.periods.length > 0);
  const scoring = manifest.open.filter((p) => p.status === 'under_assessment' && p.assessors.length > 0);
  const approvals: ProjectSummary[] = rnd.sample(manifest.open.filter((p) => p.status === 'submitted' && p.nextApproverOrgId), Number.MAX_SAFE_INTEGER);
  if (reports.length === 0 || scoring.length === 0) throw new Error('the generated store has no project to report on or to score');
  const sent: Record<string, number> = { 'progress-report': 0, score: 0, approve: 0 };
  // A period reported when the store was made is corrected (with a reason); one not yet reported is filed once, and never
  // picked again: with 50 requests in flight, a second one could reach the service first, as a correction before any report.
  // Kept per store, so a later mix on it (growth after http-commands) corrects what an earlier one filed, not files it again
  // without a reason (a 400 the service rightly answers).
  let firstFiled = FILED_BY_EARLIER_MIXES.get(manifest);
  if (!firstFiled) FILED_BY_EARLIER_MIXES.set(manifest, (firstFiled = new Set<string>()));
  const filedBefore = new Set(firstFiled);
  const report = (): LoadRequest => {
    for (let tries = 0; ; tries++) {
      const p = rnd.pick(reports);
      // Every period filed in this run already (a small store, a long run): correct one of those, long since recorded.
      const onRecord = new Set(tries < 1000 ? [...(p.reported ?? []), ...p.periods.filter((x) => filedBefore.has(`${p.projectId}/${x}`))] : p.periods);
      const open = p.periods.filter((x) => !onRecord.has(x) && !firstFiled.has(`${p.projectId}/${x}`));
      const first = open.length > 0 && (onRecord.size === 0 || rnd.chance(0.3));
      if (!first && onRecord.size === 0) continue;
      const period = first ? rnd.pick(open) : rnd.pick([...onRecord]);
      if (first) firstFiled.add(`${p.projectId}/${period}`);
      sent['progress-report']!++;
      const made = rnd.int(10, 90);
      return {
        method: 'POST',
        path: `/api/v1/projects/${p.projectId}/progress-reports`,
        headers: bearer(`u-${p.orgId}`, 'unit', p.orgId),
        body: {
          period,
          metrics: { participants: rnd.int(100, 3000), participating_enterprises: 1, technical_innovations: rnd.int(0, 9), suggestions_made: made, suggestions_adopted: rnd.int(0, made) },
          narrative: '本期组织岗位练兵和技能比武，数据已核实',
          ...(first ? {} : { reason: '核实后更正本期数据' }),
        },
      };
    }
  };
  return {
    sent,
    next() {
      const r = rnd.next();
      if (r < 0.1 && approvals.length > 0) {
        const p = approvals.pop()!;
        // Approved once: later mixes on the same store (growth after http-commands) leave it alone.
        p.status = 'approved-by-bench';
        sent.approve!++;
        return { method: 'POST', path: `/api/v1/projects/${p.projectId}/approve`, headers: bearer(`cm-${p.nextApproverOrgId}`, 'committee', p.nextApproverOrgId!) };
      }
      if (r < 0.4) {
        const p = rnd.pick(scoring);
        const a = rnd.pick(p.assessors);
        sent.score!++;
        const base = rnd.int(65, 95);
        return {
          method: 'POST',
          path: `/api/v1/projects/${p.projectId}/assessment/scores`,
          headers: bearer(a.userId, 'assessor', a.orgId),
          // An assessor picked again corrects the sheet, which takes a reason.
          body: { scores: Object.fromEntries(CRITERIA.map((k) => [k, Math.min(100, base + rnd.int(-5, 5))])), reason: '复核后更正' },
        };
      }
      return report();
    },
  };
}
