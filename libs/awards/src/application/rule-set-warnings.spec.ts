import { ruleSetWarnings } from './award-round-setup.handlers';
import { RuleSetVersion } from './award-domain';

describe('the warnings a round’s creation gives about its rule set (review 43 #10)', () => {
  const version = (year: number): RuleSetVersion => ({ ruleSetId: 'rs', version: 1, year, citation: '沪工总〔2027〕1号', rules: [], ratios: [], clearances: { byNomineeKind: {} } }) as unknown as RuleSetVersion;

  it('takes a rule set of any year a campaign runs across, without a warning (review 46 #8)', () => {
    expect(ruleSetWarnings('technical_expert', { from: 2026, to: 2027 }, 'rs', version(2027))).toEqual({});
    expect(ruleSetWarnings('technical_expert', { from: 2026, to: 2027 }, 'rs', version(2026))).toEqual({});
  });

  it('says so for a rule set of a year outside the campaign’s, naming its years', () => {
    expect(ruleSetWarnings('technical_expert', { from: 2026, to: 2027 }, 'rs', version(2025)).noteZh).toBe('所用规则集 rs 第 1 版为 2025 年度（沪工总〔2027〕1号），与竞赛活动年度 2026–2027 不一致，请核对。');
    expect(ruleSetWarnings('technical_expert', { from: 2021, to: 2021 }, 'rs', version(2023)).noteZh).toContain('与竞赛活动年度 2021 不一致');
  });
});
