import { projectDecider } from '@jingsai/competitions';
import { AggregateRepository } from '@jingsai/event-store';
import { Actor } from '@jingsai/shared';
import { TestApp } from './test-app';

/** An assessment scheme with two criteria and the usual grade bands. */
export const SCHEME = {
  criteria: [{ key: 'quality', name: '比质量', weight: 50 }, { key: 'schedule', name: '比工期', weight: 50 }],
  scale: { min: 0, max: 100 }, minAssessors: 1, aggregation: 'mean',
  gradeBands: [{ grade: 'excellent', minScore: 90 }, { grade: 'good', minScore: 80 }, { grade: 'pass', minScore: 60 }, { grade: 'fail', minScore: 0 }], disagreementThreshold: 15,
};

/**
 * Assessment and summary of an approved project through the project decider (their HTTP routes
 * belong to the competitions context); returns the last position written.
 */
export async function assessAndSummarise(t: TestApp, p: { projectId: string; orgId: string; orgPath: string[]; committeeOrgId: string; score: number }): Promise<number> {
  const repo = t.app.get(AggregateRepository);
  const committee: Actor = { userId: `u-${p.committeeOrgId}`, role: 'committee', orgId: p.committeeOrgId };
  const expert: Actor = { userId: 'u-expert', role: 'assessor', orgId: 'experts' };
  const unit: Actor = { userId: `u-${p.orgId}`, role: 'unit', orgId: p.orgId };
  const at = t.clock.now().toISOString();
  const steps: Array<[Actor, Record<string, unknown>]> = [
    [committee, { type: 'OpenAssessment', assessors: [{ userId: 'u-expert', orgId: 'experts', orgPath: [], name: '专家' }], projectOrgPath: p.orgPath, scheme: SCHEME, rulesVersion: 1 }],
    [expert, { type: 'RecordScore', assessorUserId: 'u-expert', scores: { quality: p.score, schedule: p.score } }],
    [committee, { type: 'FinalizeAssessment' }],
    [unit, { type: 'SubmitSummary', outcomes: { participants: 300 }, experience: '以赛促学' }],
    [committee, { type: 'AcceptSummary', note: '同意（本测试项目不报送期间数据）' }],
  ];
  let position = 0;
  for (const [actor, command] of steps) {
    const outcome = await repo.execute(`project-${p.projectId}`, projectDecider, { ...command, projectId: p.projectId, at, actor } as never, { actor, now: t.clock.now(), correlationId: 'test' });
    position = outcome.position;
  }
  return position;
}
