import { RuleSpec, withMandatoryRules } from './rule-spec';

describe('the rules no rule set leaves out (review 45 #2)', () => {
  const kindOnly: RuleSpec[] = [{ rule: 'nominee_kind_matches' }];

  it('adds, to a nomination of a unit on a project, the entry rule first, the exclusion windows, and 一票否决 for safety and quality accidents', () => {
    expect(withMandatoryRules(kindOnly, { project: true, nomineeKind: 'unit' })).toEqual([
      { rule: 'applied_on_time' },
      { rule: 'nominee_kind_matches' },
      { rule: 'exclusion_window', facts: ['safety_accident', 'occupational_hazard', 'mass_incident'], years: 3 },
      { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year' },
      { rule: 'project_veto', incidentKinds: ['safety_accident', 'quality_accident'] },
    ]);
  });

  it('judges a person by the veto of their project, and by windows only where the rule set has them', () => {
    expect(withMandatoryRules(kindOnly, { project: true, nomineeKind: 'person' })).toEqual([
      { rule: 'applied_on_time' },
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
      { rule: 'exclusion_window', facts: ['safety_accident'], years: 5 },
      { rule: 'project_veto', incidentKinds: ['environmental_accident', 'safety_accident', 'quality_accident'] },
      { rule: 'exclusion_window', facts: ['occupational_hazard', 'mass_incident'], years: 3 },
      { rule: 'exclusion_window', facts: ['wage_arrears', 'no_union'], years: 'same_year' },
    ]);
  });
});
