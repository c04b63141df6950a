import { JIUJIANG_CAMPAIGN_RULES } from '../rules/rule-set.presets';
import { RuleSpec } from '../rules/rule-spec';
import { evaluateEligibility, failedReasons } from './eligibility.engine';
import { eligibilityInput, projectFacts } from './eligibility.fixtures';

describe('evaluateEligibility', () => {
  it('reports every rule of the Jiujiang rule set, each with reasons in both languages, and finds a good nominee eligible', () => {
    const verdict = evaluateEligibility(eligibilityInput({ rules: JIUJIANG_CAMPAIGN_RULES, asOf: '2022-04-01T10:00:00+08:00' }));
    expect(verdict).toMatchObject({ eligible: true, ruleSetId: 'jj', ruleSetVersion: 1, awardType: 'may_day_medal', nomineeKind: 'person', nomineeId: 'person-1', checkedAt: '2022-04-01T10:00:00+08:00' });
    expect(verdict.reasons.map((r) => r.rule)).toEqual(JIUJIANG_CAMPAIGN_RULES.map((r) => r.rule));
    for (const r of verdict.reasons) {
      expect(r.passed).toBe(true);
      expect(r.messageZh.length).toBeGreaterThan(0);
      expect(r.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('is ineligible when any one rule fails, and lists the failures', () => {
    const verdict = evaluateEligibility(eligibilityInput({ rules: JIUJIANG_CAMPAIGN_RULES, project: projectFacts({ submittedOnTime: false, lateRefusalRecorded: true, unrectifiedFindings: 1 }) }));
    expect(verdict.eligible).toBe(false);
    expect(failedReasons(verdict).map((r) => r.rule)).toEqual(['applied_on_time', 'no_unrectified_finding']);
  });

  it('is eligible under an empty rule list', () => {
    expect(evaluateEligibility(eligibilityInput({ rules: [] })).eligible).toBe(true);
  });

  it('fails closed on a rule key it does not know (bad stored data)', () => {
    const verdict = evaluateEligibility(eligibilityInput({ rules: [{ rule: 'be_nice' } as unknown as RuleSpec] }));
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons[0]).toMatchObject({ rule: 'be_nice', passed: false });
  });

  it('gives the same verdict for the same input', () => {
    const input = eligibilityInput({ rules: JIUJIANG_CAMPAIGN_RULES });
    expect(evaluateEligibility(input)).toEqual(evaluateEligibility(input));
  });
});
