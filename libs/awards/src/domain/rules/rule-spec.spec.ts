import { evaluateEligibility } from '../eligibility/eligibility.engine';
import { RuleSpec, withMandatoryRules } from './rule-spec';

describe('the rules no rule set leaves out (review 45 #2)', () => {
  const kindOnly: RuleSpec[] = [{ rule: 'nominee_kind_matches' }];

  it('adds, to a nomination of a unit on a project, the entry rule first, the exclusion windows, and 一票否决 for safety and quality accidents', () => {
    expect(withMandatoryRules(kindOnly, { project: true, nomineeKind: 'unit' })).toEqual([
      { rule: 'applied_on_time' },
      { rule: 'project_standing' },
      { rule: 'nominee_kind_matches' },
      { rule: 'exclusion_window', facts: ['safety_accident', 'occupational_hazard', 'mass_incident'], years: 3 },
      { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year' },
      { rule: 'project_veto', incidentKinds: ['safety_accident', 'quality_accident'] },
    ]);
  });

  it('judges a person by the veto of their project, and by windows only where the rule set has them', () => {
    expect(withMandatoryRules(kindOnly, { project: true, nomineeKind: 'person' })).toEqual([
      { rule: 'applied_on_time' },
      { rule: 'project_standing' },
      { rule: 'nominee_kind_matches' },
      { rule: 'project_veto', incidentKinds: ['safety_accident', 'quality_accident'] },
    ]);
    expect(withMandatoryRules(kindOnly, { project: false, nomineeKind: 'person' })).toEqual(kindOnly);
    expect(withMandatoryRules(kindOnly, { project: false, nomineeKind: 'team' }).map((r) => r.rule)).toEqual(['nominee_kind_matches', 'exclusion_window', 'exclusion_window']);
  });

  it('keeps what a rule set says beyond the minimum: its own window for a fact, and the incident kinds it adds to the veto', () => {
    const stricter: RuleSpec[] = [
      { rule: 'exclusion_window', facts: ['safety_accident'], years: 5 },
      { rule: 'project_veto', incidentKinds: ['environmental_accident', 'safety_accident'] },
    ];
    expect(withMandatoryRules(stricter, { project: true, nomineeKind: 'unit' })).toEqual([
      { rule: 'applied_on_time' },
      { rule: 'project_standing' },
      { rule: 'exclusion_window', facts: ['safety_accident'], years: 5 },
      { rule: 'project_veto', incidentKinds: ['environmental_accident', 'safety_accident', 'quality_accident'] },
      { rule: 'exclusion_window', facts: ['occupational_hazard', 'mass_incident'], years: 3 },
      { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year' },
    ]);
  });

  it('does not let a shorter window of the rule set shorten the bar: the mandatory one is judged beside it (review 47 #6)', () => {
    const shorter: RuleSpec[] = [{ rule: 'exclusion_window', facts: ['safety_accident', 'wage_arrears'], years: 1 }];
    expect(withMandatoryRules(shorter, { project: false, nomineeKind: 'unit' })).toEqual([
      { rule: 'exclusion_window', facts: ['safety_accident', 'wage_arrears'], years: 1 },
      { rule: 'exclusion_window', facts: ['safety_accident', 'occupational_hazard', 'mass_incident'], years: 3 },
      { rule: 'exclusion_window', facts: ['no_union'], years: 'same_year' },
    ]);
  });

  it('judges the project’s standing: no award rests on a terminated, withdrawn or rejected project', () => {
    const project = { projectId: 'p-8', campaignId: 'c', orgId: 'ent-a', status: 'terminated', statusLabel: '已终止' } as never;
    const verdict = evaluateEligibility({
      rules: withMandatoryRules(kindOnly, { project: true, nomineeKind: 'person' }).filter((r) => r.rule === 'project_standing'),
      ruleSetId: 'rs', ruleSetVersion: 1, awardType: 'may_day_medal', asOf: '2026-05-01T00:00:00+08:00',
      nominee: { kind: 'person', id: 'p', name: '张', orgId: 'ent-a', honours: [], attributes: {} }, project, organization: null as never, ancestors: [], round: { campaignId: 'c', nominations: [] },
    });
    expect(verdict).toMatchObject({ eligible: false, reasons: [{ rule: 'project_standing', passed: false, messageZh: '项目 p-8 当前为“已终止”，不能据此参加评选。' }] });
  });
});
