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
});

describe('figures beyond reason', () => {
  it('refuses a metric past one billion as a typing error, naming the field', () => {
    expect(metricsProblems({ participants: 1e20 }, 'metrics').map((p) => p.field)).toEqual(['metrics.participants']);
    expect(metricsProblems({ participants: MAX_METRIC_VALUE }, 'metrics')).toEqual([]);
  });
});

describe('a summary against its period reports', () => {
  const reports = [
    { period: '2026-11', metrics: { participants: 120, participating_enterprises: 3, technical_innovations: 2 } },
    { period: '2026-12', metrics: { participants: 80, participating_enterprises: 2 } },
  ];

  it('flags a total below the reports, and a figure the reports give but the summary leaves out; a higher total is normal', () => {
    const checks = summaryAgainstReports({ participants: 190, participating_enterprises: 2, energy_saved_tce: 4 }, reports);
    expect(checks.map((c) => [c.metric, c.summary, c.reports, c.basis, c.flag])).toEqual([
      ['participants', 190, 200, 'sum', 'below'],
      ['participating_enterprises', 2, 2, 'latest', null],
      ['technical_innovations', null, 2, 'sum', 'missing'],
      ['energy_saved_tce', 4, null, 'sum', null],
    ]);
    expect(checks[2].noteZh).toBe('总结未填技术革新，各期报告合计为 2 项。');
    expect(summaryAgainstReports({ participants: 250, participating_enterprises: 2, technical_innovations: 2 }, reports).filter((c) => c.flag)).toEqual([]);
  });

  it('judges a stock against the latest period, not the sum of periods', () => {
    expect(summaryAgainstReports({ participating_enterprises: 1 }, reports)[1]).toMatchObject({ metric: 'participating_enterprises', reports: 2, flag: 'below', noteZh: '总结参赛企业 1 家，少于最近一期报告 2 家，请核实。' });
  });
});
