import { MAX_METRIC_VALUE, combinePeriods, metricsProblems, summaryAgainstReports } from './progress-metrics';

describe('combining a project’s periods', () => {
  it('adds up flows and takes a stock from the latest period that reports it', () => {
    const combined = combinePeriods([
      { period: '2026-12', metrics: { participants: 80, participating_enterprises: 1 } },
      { period: '2026-11', metrics: { participants: 120, participating_enterprises: 3, energy_saved_tce: 1.25 } },
      { period: '2027-01', metrics: { participants: 10, energy_saved_tce: 0.5 } },
    ]);
    expect(combined).toEqual({ participants: 210, participating_enterprises: 1, energy_saved_tce: 1.75 });
  });
  it('takes the latest in time across a change of cadence: a quarter before the month after it, whatever the keys’ text', () => {
    // As text, 2021-Q3 sorts after 2021-10; in time it comes before.
    expect(combinePeriods([
      { period: '2021-10', metrics: { participating_enterprises: 8 } },
      { period: '2021-Q3', metrics: { participating_enterprises: 5 } },
    ])).toEqual({ participating_enterprises: 8 });
    expect(combinePeriods([
      { period: '2021-Q4', metrics: { participating_enterprises: 9 } },
      { period: '2021-09', metrics: { participating_enterprises: 6 } },
    ])).toEqual({ participating_enterprises: 9 });
  });
});

describe('Shanghai’s 「十百千万」 figures (seeds/001)', () => {
  it('are reported, chief technicians and their studios and featured teams as standing counts, the rest adding up', () => {
    const shanghai = { chief_technician_studios: 2, chief_technicians: 5, high_skill_talents_trained: 40, new_technicians: 12, featured_teams: 3, ankang_cup_winners: 1 };
    expect(metricsProblems(shanghai, 'metrics')).toEqual([]);
    const combined = combinePeriods([
      { period: '2026-10', metrics: shanghai },
      { period: '2026-11', metrics: { chief_technician_studios: 3, chief_technicians: 6, high_skill_talents_trained: 10, new_technicians: 3, featured_teams: 3, ankang_cup_winners: 1 } },
    ]);
    expect(combined).toEqual({ chief_technician_studios: 3, chief_technicians: 6, high_skill_talents_trained: 50, new_technicians: 15, featured_teams: 3, ankang_cup_winners: 2 });
  });
});

describe('Nantong’s figures (seeds/000)', () => {
  it('are reported as standing counts: energy-saving supervisors and demonstration studios', () => {
    expect(metricsProblems({ energy_saving_supervisors: 120, demonstration_studios: 2 }, 'metrics')).toEqual([]);
    expect(combinePeriods([
      { period: '2026-10', metrics: { energy_saving_supervisors: 100, demonstration_studios: 1 } },
      { period: '2026-11', metrics: { energy_saving_supervisors: 120, demonstration_studios: 2 } },
    ])).toEqual({ energy_saving_supervisors: 120, demonstration_studios: 2 });
  });
});

describe('figures beyond reason', () => {
  it('refuses a metric past one billion as a typing error, naming the field', () => {
    expect(metricsProblems({ participants: 1e20 }, 'metrics').map((p) => p.field)).toEqual(['metrics.participants']);
    expect(metricsProblems({ participants: MAX_METRIC_VALUE }, 'metrics')).toEqual([]);
    // Of the enterprises taking part, the non-public ones cannot be more.
    expect(metricsProblems({ participating_enterprises: 30, non_public_enterprises: 31 }, 'metrics').map((p) => p.field)).toEqual(['metrics.non_public_enterprises']);
    expect(metricsProblems({ participating_enterprises: 30, non_public_enterprises: 30, innovation_studios: 2 }, 'metrics')).toEqual([]);
  });
});

describe('a metric the report does not know', () => {
  it('names the report’s key for a campaign target key, and lists every key with its name', () => {
    const [slip] = metricsProblems({ participant_times: 5 }, 'metrics');
    expect(slip).toMatchObject({ field: 'metrics.participant_times' });
    expect(slip!.messageZh).toMatch(/^“participant_times”是竞赛目标任务的指标代码，报送时参与职工人次请填 participants。可填：participants（参与职工人次）、participating_enterprises（参赛企业）、/);
    expect(slip!.messageEn).toContain('report participant-times as participants');
    const [unknown] = metricsProblems({ smiles: 5 }, 'metrics');
    expect(unknown!.messageZh).toMatch(/^未知的指标“smiles”。可填：participants（参与职工人次）/);
  });
});

describe('a summary against its period reports', () => {
  const reports = [
    { period: '2026-11', metrics: { participants: 120, participating_enterprises: 3, technical_innovations: 2 } },
    { period: '2026-12', metrics: { participants: 80, participating_enterprises: 2 } },
  ];

  it('flags a total below the reports, one no report gives, and a figure the reports give but the summary leaves out; a little more is normal', () => {
    const checks = summaryAgainstReports({ participants: 190, participating_enterprises: 2, energy_saved_tce: 4 }, reports);
    expect(checks.map((c) => [c.metric, c.summary, c.reports, c.basis, c.flag])).toEqual([
      ['participants', 190, 200, 'sum', 'below'],
      ['participating_enterprises', 2, 2, 'latest', null],
      ['technical_innovations', null, 2, 'sum', 'missing'],
      ['energy_saved_tce', 4, null, 'sum', 'unreported'],
    ]);
    expect(checks[2].noteZh).toBe('总结未填技术革新项目，各期报告合计为 2 项；总结通过后统计以总结为准，该项将不再计入。');
    expect(checks[3].noteZh).toBe('总结节能量 4 吨标准煤，各期报告均未填报该指标，请核实来源。');
    // The last weeks of the period may be in no report: up to a tenth more is not flagged.
    expect(summaryAgainstReports({ participants: 220, participating_enterprises: 2, technical_innovations: 2 }, reports).filter((c) => c.flag)).toEqual([]);
    expect(summaryAgainstReports({ participants: 0 }, []).filter((c) => c.flag)).toEqual([]);
  });

  it('flags over-reporting (虚报): a flow more than a tenth above its reports, a stock above the latest', () => {
    const checks = summaryAgainstReports({ participants: 221, participating_enterprises: 3 }, reports);
    expect(checks.map((c) => [c.metric, c.flag])).toEqual([['participants', 'above'], ['participating_enterprises', 'above'], ['technical_innovations', 'missing']]);
    expect(checks[0].noteZh).toBe('总结参与职工人次 221 人次，比各期报告合计 200 人次多 21 人次（11%），请核实是否属实。');
    // A stock summed over periods by mistake is told what the figure is (review 46 #7).
    expect(checks[1]).toMatchObject({ basisLabel: '时点（期末数）', noteZh: '总结参赛企业 3 家，比最近一期报告 2 家多 1 家（50%），请核实是否属实（该项为时点数，应填期末数，不应将各期相加）。' });
    expect(checks[0].basisLabel).toBe('累计（各期相加）');
  });

  it('judges a stock against the latest period, not the sum of periods', () => {
    expect(summaryAgainstReports({ participating_enterprises: 1 }, reports)[1]).toMatchObject({ metric: 'participating_enterprises', reports: 2, flag: 'below', noteZh: '总结参赛企业 1 家，少于最近一期报告 2 家，请核实。' });
  });
});
