import { DomainError } from '@jingsai/shared';
import { combineScores, conflictRelation, round2, scoreSheetProblems, scoreSpread, weightedTotal, zScoresV1 } from './assessment-scoring';
import { keyProjectAssessmentPreset } from './campaign-rules';

const scheme = keyProjectAssessmentPreset();

describe('assessment scoring', () => {
  it('weights the criteria: 90·20% + 80·20% + (70+85+95+60)·15% = 80.5', () => {
    const scores = { quality: 90, schedule: 80, technical_innovation: 70, scientific_management: 85, safety_saving: 95, civilized_construction: 60 };
    expect(weightedTotal(scheme, scores)).toBe(80.5);
  });

  it('rounds weighted totals to 2 decimals', () => {
    const scores = { quality: 83.3, schedule: 77.7, technical_innovation: 91.1, scientific_management: 66.6, safety_saving: 88.8, civilized_construction: 70.3 };
    // 16.66 + 15.54 + 0.15 · 316.8 = 32.2 + 47.52 = 79.72
    expect(weightedTotal(scheme, scores)).toBe(79.72);
  });

  it('rounds half away from zero on decimal digits', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(84.335)).toBe(84.34);
    expect(round2(253 / 3)).toBe(84.33);
    expect(round2(-2.345)).toBe(-2.35);
    expect(round2(1e-7)).toBe(0);
  });

  it('trims one highest and one lowest: 78, 85, 90, 92, 60 → (78 + 85 + 90) / 3 = 84.33', () => {
    expect(combineScores([78, 85, 90, 92, 60], 'trimmed_mean')).toEqual({ total: 84.33, totalsUsed: [78, 85, 90], dropped: [60, 92] });
  });

  it('drops only one of tied extremes', () => {
    expect(combineScores([80, 80, 90, 90], 'trimmed_mean')).toEqual({ total: 85, totalsUsed: [80, 90], dropped: [80, 90] });
  });

  it('averages everything for a mean', () => {
    expect(combineScores([78, 85, 90, 92, 60], 'mean')).toEqual({ total: 81, totalsUsed: [78, 85, 90, 92, 60], dropped: [] });
  });

  it('refuses a trimmed mean of fewer than 3 totals, naming have and need', () => {
    expect(() => combineScores([80, 90], 'trimmed_mean')).toThrow(DomainError);
    try {
      combineScores([80, 90], 'trimmed_mean');
    } catch (e) {
      expect((e as DomainError).details).toMatchObject({ have: 2, need: 3 });
    }
    expect(() => combineScores([], 'mean')).toThrow('PROJECT.NOT_ENOUGH_SCORES');
  });

  it('measures the spread between assessors', () => {
    expect(scoreSpread([78, 85, 90, 92, 60])).toBe(32);
    expect(scoreSpread([80])).toBe(0);
  });

  it('checks a sheet: unknown before missing before out of range', () => {
    expect(scoreSheetProblems(scheme, { quality: 90, foo: 1 })?.code).toBe('PROJECT.UNKNOWN_CRITERION');
    expect(scoreSheetProblems(scheme, { quality: 90 })?.code).toBe('PROJECT.MISSING_CRITERION');
    const all = Object.fromEntries(scheme.criteria.map((c) => [c.key, 50]));
    expect(scoreSheetProblems(scheme, { ...all, quality: 101 })?.errors.map((e) => e.field)).toEqual(['scores.quality']);
    expect(scoreSheetProblems(scheme, all)).toBeNull();
  });

  it('lists every problem of a sheet at once, so a form marks each field from one refusal (review 37 #3)', () => {
    const [first, ...rest] = scheme.criteria.map((c) => c.key);
    const sheet = { [first!]: 185, bogus: 3 };
    const wrong = scoreSheetProblems(scheme, sheet)!;
    expect(wrong.code).toBe('PROJECT.UNKNOWN_CRITERION');
    expect(wrong.codes).toEqual(['PROJECT.UNKNOWN_CRITERION', 'PROJECT.MISSING_CRITERION', 'PROJECT.SCORE_OUT_OF_RANGE']);
    expect(wrong.errors.map((e) => e.field)).toEqual(['scores.bogus', ...rest.map((k) => `scores.${k}`), `scores.${first}`]);
  });

  it('tells a quoted score from one out of range', () => {
    const all = Object.fromEntries(scheme.criteria.map((c) => [c.key, 50]));
    const [quoted] = scoreSheetProblems(scheme, { ...all, quality: '90' })!.errors;
    expect(quoted).toMatchObject({ field: 'scores.quality', messageZh: expect.stringContaining('数字（不加引号），收到的是 "90"') });
    expect(scoreSheetProblems(scheme, { ...all, quality: 101 })!.errors[0]!.messageZh).toContain('之间。');
  });

  it('detects conflicts from the organisation tree', () => {
    const project = { orgId: 'ent-1', orgPath: ['prov', 'city', 'county'] };
    expect(conflictRelation(project, { orgId: 'ent-1', orgPath: ['prov', 'city', 'county'] })).toBe('same_org');
    expect(conflictRelation(project, { orgId: 'city', orgPath: ['prov'] })).toBe('ancestor');
    expect(conflictRelation(project, { orgId: 'team-1', orgPath: ['prov', 'city', 'county', 'ent-1'] })).toBe('descendant');
    expect(conflictRelation(project, { orgId: 'ent-2', orgPath: ['prov', 'city', 'county'] })).toBeNull();
  });
});

describe('z-score normalisation, version 1 (per-assessor 标准分)', () => {
  const sheet = (projectId: string, assessorUserId: string, total: number) => ({ projectId, assessorUserId, total });

  it('weighs a lenient and a strict assessor alike: each project’s score is the mean of its sheets’ z', () => {
    // A lenient assessor gives 95 and 90, a strict one 80 and 60: by totals p1 > p2 > p3 > p4, by z p1 = p3 > p2 = p4.
    const sheets = [sheet('p1', 'lenient', 95), sheet('p2', 'lenient', 90), sheet('p3', 'strict', 80), sheet('p4', 'strict', 60)];
    expect(Object.fromEntries(zScoresV1(sheets))).toEqual({ p1: 1, p2: -1, p3: 1, p4: -1 });
  });

  it('learns nothing from an assessor with one sheet or with the same total on every sheet', () => {
    expect(Object.fromEntries(zScoresV1([sheet('p1', 'a', 90), sheet('p2', 'b', 70), sheet('p3', 'b', 70)]))).toEqual({ p1: 0, p2: 0, p3: 0 });
  });

  it('answers the same, in project order, however the sheets are read (a replay reproduces a published ranking)', () => {
    // The first assessor scored only the last project: read order, assessor order and project order all differ.
    const sheets = [sheet('p3', 'a1', 90), sheet('p3', 'a2', 70), sheet('p1', 'a2', 90), sheet('p2', 'a3', 80), sheet('p1', 'a3', 60), sheet('p2', 'a1', 70)];
    const expected = [...zScoresV1(sheets)];
    expect(expected.map(([projectId]) => projectId)).toEqual(['p1', 'p2', 'p3']);
    expect([...zScoresV1([...sheets].reverse())]).toEqual(expected);
    expect([...zScoresV1([sheets[4]!, sheets[0]!, sheets[2]!, sheets[5]!, sheets[1]!, sheets[3]!])]).toEqual(expected);
  });
});
