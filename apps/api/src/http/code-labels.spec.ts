import { CAMPAIGN_CATEGORY_KEYS, CAMPAIGN_METRIC_KEYS, INCIDENT_SEVERITIES } from '@jingsai/competitions';
import { AWARD_TYPES, DERIVED_HONOUR_TYPES } from '@jingsai/awards';
import { codeLabel, codeLabels } from './code-labels';

describe('code labels for refusals that list allowed values', () => {
  it('names a code its catalogues agree on, and none that two catalogues name differently', () => {
    expect(codeLabel('catastrophic')).toBe('特别重大事故');
    expect(codeLabel('region')).toBe('地区');
    // minor is 一般事故 for an incident and 一般问题 for an inspection finding: no name beats a wrong one.
    expect(codeLabel('minor')).toBeUndefined();
    expect(codeLabel('critical')).toBe('严重问题');
  });

  it('names a list of allowed values from the catalogue that holds them all, ambiguous codes included', () => {
    expect(codeLabels(INCIDENT_SEVERITIES)).toEqual(['一般事故', '较大事故', '重大事故', '特别重大事故']);
    const categories = codeLabels(CAMPAIGN_CATEGORY_KEYS);
    expect(categories.every((l) => typeof l === 'string')).toBe(true);
    expect(categories[CAMPAIGN_CATEGORY_KEYS.indexOf('worker_pioneer')]).toBe('工人先锋号创建');
    expect(codeLabels(CAMPAIGN_METRIC_KEYS)[CAMPAIGN_METRIC_KEYS.indexOf('participant_times')]).toBe('参与职工人次');
    // A single value, or values no one catalogue holds, fall back on the unambiguous names.
    expect(codeLabels(['minor'])).toEqual([undefined]);
    // A nomination review's conclusion is not a project's approval: rejected is 不同意推荐 there, not 未立项.
    expect(codeLabels(['approved', 'rejected'])).toEqual(['同意推荐', '不同意推荐']);
  });

  it('names the honour types (award types and derived honours), the round stages and the ways of withdrawing an honour', () => {
    const honourTypes = [...AWARD_TYPES, ...DERIVED_HONOUR_TYPES];
    const named = codeLabels(honourTypes);
    expect(named.filter((l) => l === undefined)).toEqual([]);
    expect(named[honourTypes.indexOf('worker_pioneer')]).toBe('工人先锋号');
    expect(named[honourTypes.indexOf('youth_post_expert')]).toBe('青年岗位能手');
    expect(codeLabels(['nominating', 'notice', 'notice_ended', 'conferred']).every((l) => typeof l === 'string')).toBe(true);
    expect(codeLabels(['ordered', 'automatic', 'natural'])).toEqual(['责令摘牌', '自动摘牌', '自然摘牌']);
  });
});
