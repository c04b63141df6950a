import { fold } from '@jingsai/shared';
import { recorded, projectionSpec } from '@jingsai/testing';
import type { Database } from 'better-sqlite3';
import { projectDeadlinesProjection } from './project-deadlines.projection';
import { Campaign, CampaignEvent, campaignDecider, owedRegimePeriods, projectRegimes, reportingRegimes } from '../../domain';
import { jiujiangCreated, jiujiangPublished, JIUJIANG } from '../../domain/campaign.fixtures';

const plan = { goals: 'g', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: 'm' };
const cid = JIUJIANG.campaignId;
const rulesOf = (over: object) => ({ ...(jiujiangCreated().data as any), reportingCadence: 'monthly', ...over });
const amend = (v: number, changes: object, rules: object, amendedAt?: string) =>
  ({ type: 'CampaignRulesAmended', data: { campaignId: cid, rulesVersion: v, changes, rules, reason: '调整', ...(amendedAt ? { amendedAt } : {}) } }) as CampaignEvent;
const created = { ...jiujiangCreated(), data: { ...(jiujiangCreated().data as any), reportingCadence: 'monthly' } } as CampaignEvent;
const domainOwed = (events: CampaignEvent[], reports: Array<{ period: string; rulesVersion: number }>) =>
  owedRegimePeriods(projectRegimes(reportingRegimes(fold(campaignDecider, [created, jiujiangPublished, ...events]) as Campaign), reports), plan).map((x) => x.period.period);
const projected = (events: CampaignEvent[], filed: string[]) => {
  const evs = [
    recorded('CampaignCreated', created.data), recorded('CampaignPublished', jiujiangPublished.data),
    recorded('ProjectDrafted', { projectId: 'p1', campaignId: cid, orgId: 'o', title: 't', category: 'skills', registrationForm: {}, implementationPlan: plan }),
    recorded('ProjectApproved', { projectId: 'p1', level: 'city', rulesVersion: 1, approvedLevels: ['city'], approvedAt: '2021-07-20T10:00:00+08:00' }),
    ...filed.map((period) => recorded('ProgressReportFiled', { projectId: 'p1', period })),
    ...events.map((e) => recorded(e.type, e.data)),
  ];
  return evs;
};
const keys = (db: Database) => (db.prepare("SELECT item_key AS k FROM deadlines WHERE kind = 'progress_report_due' ORDER BY item_key").all() as Array<{ k: string }>).map((r) => r.k);

// Review 32's three cases: the domain's regimes and the deadlines projection's due items agree, every month owed once.
describe('reporting regimes across a change of span and then of cadence', () => {
  it('after a span change in a month the project reported, then quarterly: October is owed once (it was owed as 2021-10 and in 2021-Q4)', () => {
    const span = amend(2, { campaignPeriod: { startsOn: '2021-03-01', endsOn: '2022-02-28' } }, rulesOf({ campaignPeriod: { startsOn: '2021-03-01', endsOn: '2022-02-28' } }), '2021-10-11T10:00:00+08:00');
    const quarterly = amend(3, { reportingCadence: 'quarterly' }, rulesOf({ reportingCadence: 'quarterly', campaignPeriod: { startsOn: '2021-03-01', endsOn: '2022-02-28' } }), '2021-10-19T10:00:00+08:00');
    const reports = [{ period: '2021-08', rulesVersion: 1 }, { period: '2021-09', rulesVersion: 1 }, { period: '2021-10', rulesVersion: 1 }];
    // Expected: every month once: 08, 09, 10 (filed, v1), then 11 and 12 monthly until the quarterly cadence can take over (2022-01-01).
    expect(domainOwed([span, quarterly], reports)).toEqual(['2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
  });

  it('the deadlines projection owes the same after that sequence', () => {
    const span = amend(2, { campaignPeriod: { startsOn: '2021-03-01', endsOn: '2022-02-28' } }, rulesOf({ campaignPeriod: { startsOn: '2021-03-01', endsOn: '2022-02-28' } }), '2021-10-11T10:00:00+08:00');
    const quarterly = amend(3, { reportingCadence: 'quarterly' }, rulesOf({ reportingCadence: 'quarterly', campaignPeriod: { startsOn: '2021-03-01', endsOn: '2022-02-28' } }), '2021-10-19T10:00:00+08:00');
    projectionSpec(projectDeadlinesProjection).given(projected([span, quarterly], ['2021-08', '2021-09', '2021-10'])).then(keys, ['2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
  });

  it('a timed amendment setting the campaign period to the calendar year is no change, to the domain and the projection alike', () => {
    const year = { startsOn: '2021-01-01', endsOn: '2021-12-31' };
    const span = amend(2, { campaignPeriod: year }, rulesOf({ campaignPeriod: year }), '2021-10-08T10:00:00+08:00');
    const quarterly = amend(3, { reportingCadence: 'quarterly' }, rulesOf({ reportingCadence: 'quarterly', campaignPeriod: year }), '2021-10-20T10:00:00+08:00');
    const reports = [{ period: '2021-08', rulesVersion: 1 }, { period: '2021-09', rulesVersion: 1 }, { period: '2021-10', rulesVersion: 1 }];
    const domain = domainOwed([span, quarterly], reports);
    expect(domain).toEqual(['2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
    projectionSpec(projectDeadlinesProjection).given(projected([span, quarterly], ['2021-08', '2021-09', '2021-10'])).then(keys, domain);
  });

  it('an untimed amendment setting the campaign period to the calendar year starts no regimes again, in the projection as in the domain', () => {
    const year = { startsOn: '2021-01-01', endsOn: '2021-12-31' };
    const quarterly = amend(2, { reportingCadence: 'quarterly' }, rulesOf({ reportingCadence: 'quarterly' }), '2021-09-15T10:00:00+08:00');
    const span = amend(3, { campaignPeriod: year }, rulesOf({ reportingCadence: 'quarterly', campaignPeriod: year }));
    const reports = [{ period: '2021-08', rulesVersion: 1 }, { period: '2021-09', rulesVersion: 1 }];
    const domain = domainOwed([quarterly, span], reports);
    expect(domain).toEqual(['2021-08', '2021-09', '2021-Q4']);
    projectionSpec(projectDeadlinesProjection).given(projected([quarterly, span], ['2021-08', '2021-09'])).then(keys, domain);
  });
});
