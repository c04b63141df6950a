import { beijingDate, endOfBeijingDay } from './calendar';
import { fold } from '@jingsai/shared';
import { JIUJIANG, jiujiangCreated, jiujiangPublished } from './campaign.fixtures';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { Campaign } from './campaign.state';
import { cadenceTakesOver, campaignReportingFacts, owedPeriods, projectRegimes, owedRegimePeriods, owedSinceApproval, parsePeriod, periodOf, reportingPeriods, reportingRegimes, campaignSpan } from './reporting-periods';

describe('reporting periods (信息反馈周期)', () => {
  it('derives periods from stored dates of any year, as before the input range (review 42 #5): a rebuild reads old events as they were read', () => {
    expect(reportingPeriods('quarterly', '1899-10-01', '1900-03-31').map((p) => p.period)).toEqual(['1899-Q4', '1900-Q1']);
  });

  it('lists the months overlapping a span, each due on the 10th day after it ends', () => {
    expect(reportingPeriods('monthly', '2021-08-15', '2021-10-01')).toEqual([
      { period: '2021-08', cadence: 'monthly', startsOn: '2021-08-01', endsOn: '2021-08-31', dueOn: '2021-09-10' },
      { period: '2021-09', cadence: 'monthly', startsOn: '2021-09-01', endsOn: '2021-09-30', dueOn: '2021-10-10' },
      { period: '2021-10', cadence: 'monthly', startsOn: '2021-10-01', endsOn: '2021-10-31', dueOn: '2021-11-10' },
    ]);
  });

  it('lists quarters across a year end, with February and leap years right', () => {
    expect(reportingPeriods('quarterly', '2021-08-01', '2022-02-28').map((p) => [p.period, p.startsOn, p.endsOn, p.dueOn])).toEqual([
      ['2021-Q3', '2021-07-01', '2021-09-30', '2021-10-10'],
      ['2021-Q4', '2021-10-01', '2021-12-31', '2022-01-10'],
      ['2022-Q1', '2022-01-01', '2022-03-31', '2022-04-10'],
    ]);
    expect(periodOf('monthly', '2024-02-10')).toMatchObject({ endsOn: '2024-02-29', dueOn: '2024-03-10' });
  });

  it('answers nothing for reversed or invalid spans', () => {
    expect(reportingPeriods('monthly', '2021-09-01', '2021-08-01')).toEqual([]);
    expect(reportingPeriods('monthly', '2021-02-30', '2021-08-01')).toEqual([]);
  });

  it('finds the period of a date and parses period keys of either cadence', () => {
    expect(periodOf('quarterly', '2021-11-05').period).toBe('2021-Q4');
    expect(periodOf('monthly', '2021-11-05').period).toBe('2021-11');
    expect(parsePeriod('2021-Q3')).toMatchObject({ cadence: 'quarterly', startsOn: '2021-07-01' });
    expect(parsePeriod('2021-13')).toBeNull();
    expect(parsePeriod('2021-Q5')).toBeNull();
    expect(parsePeriod(202108)).toBeNull();
  });

  it('owes the periods inside both the plan and the campaign', () => {
    const facts = { rulesVersion: 1, cadence: 'monthly' as const, startsOn: '2021-01-01', endsOn: '2021-09-30' };
    expect(owedPeriods(facts, { startsOn: '2021-08-01', endsOn: '2021-12-31' }).map((p) => p.period)).toEqual(['2021-08', '2021-09']);
  });

  it('builds reporting facts from a campaign: its cadence and calendar year', () => {
    const campaign = fold(campaignDecider, [jiujiangCreated(), jiujiangPublished]) as Campaign;
    expect(campaignReportingFacts(campaign)).toEqual({ rulesVersion: 1, cadence: 'quarterly', startsOn: '2021-01-01', endsOn: '2021-12-31' });
  });

  it('takes the campaign period given when the campaign was created, once published', () => {
    const created = jiujiangCreated();
    const withPeriod = { ...created, data: { ...created.data, campaignPeriod: { startsOn: '2021-07-01', endsOn: '2022-06-30' } } } as typeof created;
    const campaign = fold(campaignDecider, [withPeriod, jiujiangPublished]) as Campaign;
    expect(campaignReportingFacts(campaign)).toEqual({ rulesVersion: 1, cadence: 'quarterly', startsOn: '2021-07-01', endsOn: '2022-06-30' });
  });

  it('reads dates and day ends in Beijing time', () => {
    expect(beijingDate('2021-10-10T16:30:00Z')).toBe('2021-10-11');
    expect(endOfBeijingDay('2021-10-10')).toBe('2021-10-11T00:00:00+08:00');
  });
});

describe('periods owed once approved', () => {
  it('owes only periods due after the day of approval; an unknown approval time owes all', () => {
    const periods = reportingPeriods('monthly', '2027-01-01', '2027-05-31');
    expect(periods.filter((p) => owedSinceApproval(p, '2027-04-15T10:00:00+08:00')).map((p) => p.period)).toEqual(['2027-04', '2027-05']);
    // 16:30Z is 00:30 the next day in Beijing: March (due 04-10) was due by then.
    expect(periods.filter((p) => owedSinceApproval(p, '2027-04-09T16:30:00Z')).map((p) => p.period)).toEqual(['2027-04', '2027-05']);
    expect(periods.filter((p) => owedSinceApproval(p, null))).toHaveLength(5);
  });
});

describe('the span reports are owed for', () => {
  it('is the campaign period when the rules set one, across a year end', () => {
    expect(campaignSpan({ campaignPeriod: { startsOn: '2021-07-01', endsOn: '2022-06-30' } }, 2021)).toEqual({ startsOn: '2021-07-01', endsOn: '2022-06-30' });
    const periods = owedPeriods({ rulesVersion: 1, cadence: 'quarterly', startsOn: '2021-07-01', endsOn: '2022-06-30' }, { startsOn: '2021-08-01', endsOn: '2022-06-30' });
    expect(periods.map((p) => p.period)).toEqual(['2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2']);
  });

  it('is the calendar year when the rules set none', () => {
    expect(campaignSpan({ campaignPeriod: null }, 2021)).toEqual({ startsOn: '2021-01-01', endsOn: '2021-12-31' });
    expect(campaignSpan({}, 2021)).toEqual({ startsOn: '2021-01-01', endsOn: '2021-12-31' });
  });
});

describe('reporting regimes (the rules in force when each report fell due)', () => {
  const amended = (rulesVersion: number, changes: Record<string, unknown>, amendedAt?: string): CampaignEvent => {
    const before = fold(campaignDecider, [jiujiangCreated(), jiujiangPublished]) as Campaign;
    return { type: 'CampaignRulesAmended', data: { campaignId: JIUJIANG.campaignId, rulesVersion, changes, rules: { ...before.rules, ...changes }, reason: '调整', ...(amendedAt ? { amendedAt } : {}) } } as CampaignEvent;
  };
  const regimes = (...events: CampaignEvent[]) => reportingRegimes(fold(campaignDecider, [jiujiangCreated(), jiujiangPublished, ...events]) as Campaign);
  const plan = { startsOn: '2021-08-01', endsOn: '2021-12-31' };
  const owed = (...events: CampaignEvent[]) => owedRegimePeriods(regimes(...events), plan).map(({ period, regime }) => [period.period, regime.facts.rulesVersion]);

  /** The months of the plan each owed period covers: every month must appear once. */
  const monthsCovered = (owedList: Array<Array<string | number>>) =>
    owedList.flatMap(([key]) => {
      const p = parsePeriod(key)!;
      return reportingPeriods('monthly', p.startsOn, p.endsOn).map((m) => m.period);
    }).filter((m) => m >= '2021-08');
  const planMonths = ['2021-08', '2021-09', '2021-10', '2021-11', '2021-12'];

  it('owes every month of the plan once across a change, under the rules of the period it began in, none retroactively', () => {
    // Quarterly, then monthly from 2021-11-12: the quarter under way is finished quarterly (October's report would have been due 11-10).
    expect(owed(amended(2, { reportingCadence: 'monthly' }, '2021-11-12T10:00:00+08:00'))).toEqual([['2021-Q3', 1], ['2021-Q4', 1]]);
    // On 2021-10-10, Q3's due day: monthly from October (its report is due 11-10), Q3 still quarterly.
    expect(owed(amended(2, { reportingCadence: 'monthly' }, '2021-10-10T10:00:00+08:00'))).toEqual([['2021-Q3', 1], ['2021-10', 2], ['2021-11', 2], ['2021-12', 2]]);
    // On 2021-08-20: July's monthly report was due 08-10, so Q3 stays quarterly and monthly begins in October.
    expect(owed(amended(2, { reportingCadence: 'monthly' }, '2021-08-20T10:00:00+08:00'))).toEqual([['2021-Q3', 1], ['2021-10', 2], ['2021-11', 2], ['2021-12', 2]]);
    for (const at of ['2021-07-05', '2021-08-01', '2021-08-20', '2021-09-30', '2021-10-01', '2021-10-10', '2021-11-12', '2021-12-31']) {
      expect([at, monthsCovered(owed(amended(2, { reportingCadence: 'monthly' }, `${at}T10:00:00+08:00`)))]).toEqual([at, planMonths]);
    }
  });

  it('finishes the quarter under way monthly after a change to quarterly, so no month is reported twice', () => {
    const monthly = amended(2, { reportingCadence: 'monthly' }, '2021-06-01T10:00:00+08:00');
    const quarterly = (at: string) => amended(3, { reportingCadence: 'quarterly' }, `${at}T10:00:00+08:00`);
    // Monthly from June (Q3 not yet begun), then quarterly from 2021-08-20: August and September stay monthly, Q4 is quarterly.
    expect(owed(monthly, quarterly('2021-08-20'))).toEqual([['2021-08', 2], ['2021-09', 2], ['2021-Q4', 3]]);
    // From 2021-10-05: October's monthly report is not due yet, so Q4 is quarterly whole; from 2021-11-15, Q4 is finished monthly.
    expect(owed(monthly, quarterly('2021-10-05'))).toEqual([['2021-08', 2], ['2021-09', 2], ['2021-Q4', 3]]);
    expect(owed(monthly, quarterly('2021-11-15'))).toEqual([['2021-08', 2], ['2021-09', 2], ['2021-10', 2], ['2021-11', 2], ['2021-12', 2]]);
    for (const at of ['2021-06-15', '2021-07-01', '2021-08-20', '2021-09-10', '2021-10-05', '2021-12-20']) {
      expect([at, monthsCovered(owed(monthly, quarterly(at)))]).toEqual([at, planMonths]);
    }
  });

  it('leaves a period the project filed under the earlier rules, while it was under way, under them: for it the new cadence takes over after it', () => {
    const monthly = amended(2, { reportingCadence: 'monthly' }, '2021-06-01T10:00:00+08:00');
    // Quarterly from 2021-07-20 takes over on 07-01 (Q3 is not due until 10-10); a project that had filed July monthly keeps
    // August and September monthly, and reports quarterly from Q4.
    const regimesNow = regimes(monthly, amended(3, { reportingCadence: 'quarterly' }, '2021-07-20T10:00:00+08:00'));
    const july = [{ period: '2021-07', rulesVersion: 2 }];
    const forProject = (reports: Array<{ period: string; rulesVersion: number }>) =>
      owedRegimePeriods(projectRegimes(regimesNow, reports), plan).map(({ period, regime }) => [period.period, regime.facts.rulesVersion]);
    expect(forProject([])).toEqual([['2021-Q3', 3], ['2021-Q4', 3]]);
    expect(forProject(july)).toEqual([['2021-08', 2], ['2021-09', 2], ['2021-Q4', 3]]);
    // The plan begins in August here, so July is in no regime's periods owed; it is on record, under version 2, and August and September follow it.
    expect(projectRegimes(regimesNow, july).map((r) => [r.facts.owedFrom ?? null, r.facts.owedBefore ?? null])).toEqual([[null, '2021-07-01'], ['2021-07-01', '2021-10-01'], ['2021-10-01', null]]);
    // A report filed under the new rules, or one before the day the new cadence takes over, moves nothing.
    expect(forProject([{ period: '2021-Q3', rulesVersion: 3 }])).toEqual([['2021-Q3', 3], ['2021-Q4', 3]]);
    expect(forProject([{ period: '2021-06', rulesVersion: 2 }])).toEqual([['2021-Q3', 3], ['2021-Q4', 3]]);
  });

  it('takes the new cadence over on a day periods of both begin on, whose new report is not yet due', () => {
    expect(cadenceTakesOver('monthly', 'quarterly', '2021-08-20')).toBe('2021-10-01');
    expect(cadenceTakesOver('monthly', 'quarterly', '2021-07-05')).toBe('2021-07-01');
    expect(cadenceTakesOver('quarterly', 'monthly', '2021-07-05')).toBe('2021-07-01');
    expect(cadenceTakesOver('quarterly', 'monthly', '2021-08-20')).toBe('2021-10-01');
    expect(cadenceTakesOver('quarterly', 'monthly', '2021-12-20')).toBe('2022-01-01');
    // The same cadence (a new span): from the period the change falls in.
    expect(cadenceTakesOver('monthly', 'monthly', '2021-08-20')).toBe('2021-08-01');
  });

  it('continues a regime through an amendment that changes neither cadence nor span, naming the latest version', () => {
    expect(regimes(amended(2, { title: '新名称' }, '2021-09-01T10:00:00+08:00'))).toEqual([{ facts: expect.objectContaining({ cadence: 'quarterly', rulesVersion: 2 }), changedOn: null, sinceVersion: 1 }]);
  });

  it('lets the new rules judge every period when a change was recorded without its time (older logs)', () => {
    expect(owed(amended(2, { reportingCadence: 'monthly' }))).toEqual([['2021-08', 2], ['2021-09', 2], ['2021-10', 2], ['2021-11', 2], ['2021-12', 2]]);
  });
});
