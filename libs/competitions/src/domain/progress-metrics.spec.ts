import { MAX_METRIC_VALUE, combinePeriods, metricsProblems } from './progress-metrics';

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
