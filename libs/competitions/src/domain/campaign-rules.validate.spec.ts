import { ORG_LEVELS } from '@jingsai/organizations';
import { beijingTime } from './calendar';
import { CAMPAIGN_CATEGORIES, CAMPAIGN_METRICS, GRADE_LABELS } from './campaign.catalogue';
import { jiujiangDefinition } from './campaign.fixtures';
import { gradeFor, KEY_PROJECT_CRITERIA, keyProjectAssessmentPreset } from './campaign-rules';
import { assessmentProblems, profileProblems, rulesProblems, spanProblems } from './campaign-rules.validate';
import { HIERARCHY_LEVELS } from './levels';

const fields = (ps: Array<{ field: string }>) => ps.map((p) => p.field);

describe('campaign catalogues', () => {
  it('names the categories in the users’ words', () => {
    expect(CAMPAIGN_CATEGORIES.leading.zh).toBe('引领性劳动竞赛');
    expect(CAMPAIGN_CATEGORIES.key_project.zh).toBe('重点工程立功竞赛');
    expect(Object.keys(CAMPAIGN_CATEGORIES)).toEqual(['leading', 'key_project', 'mass_innovation', 'green_low_carbon', 'skills', 'ankang_cup', 'worker_pioneer', 'non_public']);
    expect(CAMPAIGN_METRICS.suggestions_adopted.zh).toContain('合理化建议');
    expect(GRADE_LABELS).toEqual({ excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' });
  });

  it('keeps the hierarchy levels in step with the organisations context', () => {
    expect([...HIERARCHY_LEVELS]).toEqual([...ORG_LEVELS]);
  });

  it('offers the six 比s of key-project competitions as a valid preset', () => {
    expect(KEY_PROJECT_CRITERIA.map((c) => c.name)).toEqual(['比质量', '比工期', '比技术创新', '比科学管理', '比安全节约', '比文明施工']);
    expect(KEY_PROJECT_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(assessmentProblems(keyProjectAssessmentPreset())).toEqual([]);
  });

  it('grades a total by the highest band it reaches', () => {
    const scheme = keyProjectAssessmentPreset();
    expect([95, 90, 89.9, 60, 0].map((t) => gradeFor(scheme, t))).toEqual(['excellent', 'excellent', 'good', 'pass', 'fail']);
  });

  it('writes a midnight deadline as the end of the previous day', () => {
    expect(beijingTime('2021-07-23T00:00:00+08:00')).toBe('2021-07-22 24:00');
    expect(beijingTime('2021-07-22T10:30:00Z')).toBe('2021-07-22 18:30');
  });

  it('writes a submission one second after midnight on its own day, not a day later', () => {
    expect(beijingTime('2021-07-23T00:00:01+08:00')).toBe('2021-07-23 00:00:01');
    expect(beijingTime('2021-07-22T16:00:01.011Z')).toBe('2021-07-23 00:00:01');
    expect(beijingTime('2021-07-22T15:59:30Z')).toBe('2021-07-22 23:59:30');
  });
});

describe('campaign rules validation', () => {
  it('accepts the Jiujiang campaign', () => {
    const d = jiujiangDefinition();
    expect([...profileProblems(d), ...rulesProblems(d, d.level)]).toEqual([]);
  });

  it('reports weights that do not sum to 100, duplicate keys and non-positive weights together', () => {
    const a = keyProjectAssessmentPreset();
    a.criteria[1] = { key: 'quality', name: '比工期', weight: 0 };
    const ps = assessmentProblems(a);
    expect(fields(ps)).toEqual(['assessment.criteria[1].weight', 'assessment.criteria']);
    expect(ps[1].messageEn).toContain('"quality"');
  });

  it('reports the sum when weights are positive but off', () => {
    const a = keyProjectAssessmentPreset();
    a.criteria[0].weight = 25;
    expect(assessmentProblems(a)).toEqual([expect.objectContaining({ field: 'assessment.criteria', messageZh: expect.stringContaining('105') })]);
  });

  it('accepts fractional weights that add up to 100', () => {
    const a = keyProjectAssessmentPreset();
    a.criteria = [
      { key: 'a', name: 'A', weight: 33.3 },
      { key: 'b', name: 'B', weight: 33.3 },
      { key: 'c', name: 'C', weight: 33.4 },
    ];
    expect(assessmentProblems(a)).toEqual([]);
  });

  it('requires three assessors for a trimmed mean', () => {
    const a = { ...keyProjectAssessmentPreset(), minAssessors: 2 };
    expect(fields(assessmentProblems(a))).toEqual(['assessment.minAssessors']);
    expect(assessmentProblems({ ...a, aggregation: 'mean' })).toEqual([]);
    expect(fields(assessmentProblems({ ...a, aggregation: 'mean', minAssessors: 0 }))).toEqual(['assessment.minAssessors']);
    expect(assessmentProblems({ ...a, minAssessors: 100_000_000 })).toEqual([expect.objectContaining({ field: 'assessment.minAssessors', messageEn: 'At most 100 assessors per project may be required.' })]);
  });

  it('requires grade bands to start at the scale minimum, be distinct, lie in the scale and rise with the grade', () => {
    const a = keyProjectAssessmentPreset();
    a.gradeBands = [
      { grade: 'excellent', minScore: 80 },
      { grade: 'good', minScore: 90 },
      { grade: 'pass', minScore: 90 },
      { grade: 'pass', minScore: 120 },
    ];
    const ps = assessmentProblems(a);
    expect(fields(ps)).toEqual([
      'assessment.gradeBands[3].minScore',
      'assessment.gradeBands',
      'assessment.gradeBands',
      'assessment.gradeBands',
      'assessment.gradeBands',
    ]);
    expect(ps.map((p) => p.messageEn).join(' ')).toMatch(/appears twice.*used by two bands.*scale minimum 0.*Better grades/);
  });

  it('refuses an empty scale, no bands and a threshold out of range', () => {
    const a = { ...keyProjectAssessmentPreset(), scale: { min: 10, max: 10 }, gradeBands: [], disagreementThreshold: -1 };
    expect(fields(assessmentProblems(a))).toEqual(['assessment.scale', 'assessment.gradeBands', 'assessment.disagreementThreshold']);
  });

  it('lists every problem of a bad definition at once', () => {
    const d = {
      ...jiujiangDefinition(),
      title: ' ',
      year: 1921,
      categories: ['skills', 'chess', 'skills'] as never[],
      applicationWindow: { opensAt: '2021-07-23T00:00:00+08:00', closesAt: '2021-06-15T00:00:00+08:00' },
      reportingCadence: 'weekly' as never,
      approvalLevels: ['city', 'county', 'province'] as never[],
      targets: [{ metric: 'enterprises' as const, target: 0 }, { metric: 'gold' as never, target: 5 }],
    };
    const ps = [...profileProblems(d), ...rulesProblems(d, d.level)];
    expect(fields(ps)).toEqual([
      'title',
      'year',
      'categories[1]',
      'categories',
      'applicationWindow',
      'reportingCadence',
      'approvalLevels',
      'approvalLevels',
      'targets[0].target',
      'targets[1].metric',
    ]);
    for (const p of ps) {
      expect(p.messageZh.length).toBeGreaterThan(0);
      expect(p.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('refuses no categories, no approval levels, a malformed window and duplicate targets', () => {
    const d = {
      ...jiujiangDefinition(),
      categories: [],
      approvalLevels: [],
      applicationWindow: { opensAt: '2021-06-15', closesAt: 'soon' },
      targets: [{ metric: 'enterprises' as const, target: 1 }, { metric: 'enterprises' as const, target: 2 }],
    };
    expect(fields(rulesProblems(d, 'city'))).toEqual(['categories', 'applicationWindow.opensAt', 'applicationWindow.closesAt', 'approvalLevels', 'targets']);
  });
});

describe('campaign period validation', () => {
  it('refuses a target past one billion and a score scale past ±10,000 as typing errors', () => {
    const d = jiujiangDefinition();
    expect(fields(rulesProblems({ ...d, targets: [{ metric: 'participant_times', target: 1e20 }] }))).toEqual(['targets[0].target']);
    expect(fields(assessmentProblems({ ...keyProjectAssessmentPreset(), scale: { min: 0, max: 1e20 } }))).toContain('assessment.scale');
  });

  it('refuses an application window on a day the calendar does not have (Date.parse would roll 30 February into March)', () => {
    const unreal = rulesProblems({ ...jiujiangDefinition(), applicationWindow: { opensAt: '2027-02-30T00:00:00+08:00', closesAt: '2027-03-30T00:00:00+08:00' } });
    expect(fields(unreal)).toEqual(['applicationWindow.opensAt']);
  });

  it('refuses a period that ends before it starts, and bad dates', () => {
    const problems = rulesProblems({ ...jiujiangDefinition(), campaignPeriod: { startsOn: '2022-06-30', endsOn: '2021-07-01' } });
    expect(problems.map((p) => p.field)).toContain('campaignPeriod');
    const bad = rulesProblems({ ...jiujiangDefinition(), campaignPeriod: { startsOn: '2021-13-01', endsOn: 'soon' } });
    expect(bad.map((p) => p.field)).toEqual(expect.arrayContaining(['campaignPeriod.startsOn', 'campaignPeriod.endsOn']));
    const unreal = rulesProblems({ ...jiujiangDefinition(), campaignPeriod: { startsOn: '2027-02-30', endsOn: '2027-12-31' } });
    expect(unreal.map((p) => p.field)).toEqual(['campaignPeriod.startsOn']);
    const oneDay = rulesProblems({ ...jiujiangDefinition(), campaignPeriod: { startsOn: '2027-03-01', endsOn: '2027-03-01' } });
    expect(oneDay.map((p) => p.field)).toEqual(['campaignPeriod']);
  });
});

describe('rules that only make sense together', () => {
  it('approves by committees only: county, city or province, not an enterprise or a team', () => {
    const problems = rulesProblems({ ...jiujiangDefinition(), approvalLevels: ['team', 'city'] }, 'city');
    expect(problems).toEqual([expect.objectContaining({ field: 'approvalLevels[0]', messageZh: expect.stringContaining('“班组级”不设竞赛委员会') })]);
  });

  it('takes whole-number targets for counted figures, decimals for measured ones', () => {
    const d = jiujiangDefinition();
    expect(rulesProblems({ ...d, targets: [{ metric: 'participant_times', target: 1.5 }] })).toEqual([expect.objectContaining({ field: 'targets[0].target', messageZh: '目标值应为整数（单位：人次）。' })]);
    expect(rulesProblems({ ...d, targets: [{ metric: 'energy_saved_tce', target: 1200.5 }] })).toEqual([]);
  });

  it('refuses a campaign whose year (or period) is over before its entries close: its projects would have nothing to report', () => {
    const d = { ...jiujiangDefinition(), applicationWindow: { opensAt: '2026-12-01T00:00:00+08:00', closesAt: '2026-12-10T23:59:59+08:00' } };
    expect(spanProblems(d, 2025)).toEqual([expect.objectContaining({ field: 'year', messageZh: expect.stringContaining('竞赛周期（2025-01-01 至 2025-12-31）在报名截止（2026-12-10）前已结束') })]);
    expect(spanProblems(d, 2026)).toEqual([]);
    expect(fields(spanProblems({ ...d, campaignPeriod: { startsOn: '2026-01-01', endsOn: '2026-11-30' } }, 2026))).toEqual(['campaignPeriod.endsOn']);
    // A 2027 campaign whose entries close in December 2026 reports over 2027: fine.
    expect(spanProblems(d, 2027)).toEqual([]);
  });

  it('takes a ranking on z-scores by its versioned name only', () => {
    expect(assessmentProblems({ ...keyProjectAssessmentPreset(), normalisation: 'z_score_v1' })).toEqual([]);
    expect(assessmentProblems({ ...keyProjectAssessmentPreset(), normalisation: null })).toEqual([]);
    expect(fields(assessmentProblems({ ...keyProjectAssessmentPreset(), normalisation: 'z_score' as never }))).toEqual(['assessment.normalisation']);
  });
});
