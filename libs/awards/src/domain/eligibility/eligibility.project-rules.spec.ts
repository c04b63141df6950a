import { evaluateEligibility } from './eligibility.engine';
import { eligibilityInput, nomineeFacts, projectFacts } from './eligibility.fixtures';
import { EligibilityInput } from './eligibility.facts';
import { RuleSpec } from '../rules/rule-spec';

const only = (rule: RuleSpec, over: Partial<EligibilityInput> = {}) => {
  const verdict = evaluateEligibility(eligibilityInput({ rules: [rule], ...over }));
  expect(verdict.reasons).toHaveLength(1);
  return verdict.reasons[0]!;
};

describe('applied_on_time (the Jiujiang rule)', () => {
  it('passes a project approved in the campaign from an application filed before 2021-07-22', () => {
    const r = only({ rule: 'applied_on_time' });
    expect(r.passed).toBe(true);
    expect(r.messageZh).toContain('2021-07-22');
  });

  it('fails a unit refused late and then approved under an extension, saying both', () => {
    const extended = projectFacts({ submittedOnTime: false, lateRefusalRecorded: true, approved: true, status: 'in_progress', submittedOn: '2021-07-23' });
    const [r] = evaluateEligibility(eligibilityInput({ rules: [{ rule: 'applied_on_time' }], project: extended, nominee: nomineeFacts({ kind: 'unit', id: 'org-a' }), awardType: 'may_day_certificate' })).reasons;
    expect(r).toMatchObject({
      passed: false,
      messageZh: '项目 p-1 于 2021-07-23 逾期报名（截止日期 2021-07-22），逾期报送曾被拒收并记录，其后经批准延期报送并已立项，但延期报送仍属逾期报名，视为未参赛，不能参加五一各奖项评选。',
      messageEn: expect.stringContaining('then filed under an extension and approved, which is still a late application'),
    });
  });

  it('fails the unit that applied late, quoting the deadline and the recorded refusal', () => {
    const late = projectFacts({ submittedOnTime: false, lateRefusalRecorded: true, approved: false, status: 'draft', submittedOn: '2021-07-23' });
    const verdict = evaluateEligibility(eligibilityInput({ rules: [{ rule: 'applied_on_time' }], project: late, nominee: nomineeFacts({ kind: 'unit', id: 'org-a' }), awardType: 'may_day_certificate' }));
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons[0]).toEqual({
      rule: 'applied_on_time',
      passed: false,
      messageZh: '项目 p-1 于 2021-07-23 逾期报名（截止日期 2021-07-22），逾期报送已被拒收并记录，视为未参赛，不能参加五一各奖项评选。',
      messageEn: 'Project p-1 applied late on 2021-07-23 (deadline 2021-07-22); the late submission was refused and recorded; it is deemed not to have entered and cannot take part in May Day award selection.',
      facts: {
        projectId: 'p-1',
        campaignId: 'c-jj-2021',
        roundCampaignId: 'c-jj-2021',
        approved: false,
        submittedOnTime: false,
        lateRefusalRecorded: true,
        applicationDeadlineOn: '2021-07-22',
        submittedOn: '2021-07-23',
      },
    });
  });

  it('fails a project that never filed the registration form and plan', () => {
    const r = only({ rule: 'applied_on_time' }, { project: projectFacts({ submittedOnTime: null, submittedOn: null, approved: false }) });
    expect(r.passed).toBe(false);
    expect(r.messageZh).toContain('视为未参赛');
    expect(r.messageEn).toContain('never filed');
  });

  describe('while the application window is still open (by the verdict clock)', () => {
    const unfiled = projectFacts({ submittedOnTime: null, submittedOn: null, approved: false, status: 'draft', applicationClosesAt: '2021-07-23T00:00:00+08:00' });

    it('reads an unfiled project as pending, not as late or not entered', () => {
      const r = only({ rule: 'applied_on_time' }, { project: unfiled, asOf: '2021-07-22T15:59:00.000Z' });
      expect(r).toMatchObject({ passed: false, pending: true, messageEn: expect.stringContaining('the application window is still open (deadline 2021-07-22)') });
      expect(r.messageZh).not.toMatch(/逾期|视为未参赛/);
    });

    it('judges by the deadline date when the verdict is a date', () => {
      expect(only({ rule: 'applied_on_time' }, { project: unfiled, asOf: '2021-07-22' }).pending).toBe(true);
      expect(only({ rule: 'applied_on_time' }, { project: { ...unfiled, applicationClosesAt: undefined }, asOf: '2021-07-22' }).pending).toBe(true);
    });

    it('reads a refusal before a reopened window as pending too', () => {
      const refused = { ...unfiled, submittedOnTime: false, lateRefusalRecorded: true, submittedOn: '2021-07-21' };
      expect(only({ rule: 'applied_on_time' }, { project: refused, asOf: '2021-07-22T10:00:00+08:00' }).pending).toBe(true);
    });

    it('is final for a project withdrawn or terminated before it filed: it can no longer apply, open window or not', () => {
      for (const status of ['withdrawn', 'terminated']) {
        const r = only({ rule: 'applied_on_time' }, { project: { ...unfiled, status }, asOf: '2021-07-22T10:00:00+08:00' });
        expect(r.pending).toBeUndefined();
        expect(r.passed).toBe(false);
        expect(r.messageZh).not.toContain('截止前报送');
      }
    });

    it('is final from the closing instant of a midnight deadline on, as submission takes it (review 42 #2)', () => {
      expect(only({ rule: 'applied_on_time' }, { project: unfiled, asOf: '2021-07-22T15:59:59.999Z' }).pending).toBe(true);
      const r = only({ rule: 'applied_on_time' }, { project: unfiled, asOf: '2021-07-22T16:00:00.000Z' });
      expect(r.pending).toBeUndefined();
      expect(r.messageZh).toContain('视为未参赛');
    });
  });

  it('fails a late project even without a recorded refusal and without dates', () => {
    const r = only({ rule: 'applied_on_time' }, { project: projectFacts({ submittedOnTime: false, approved: false, applicationDeadlineOn: undefined, submittedOn: undefined }) });
    expect(r.passed).toBe(false);
    expect(r.messageEn).toBe('Project p-1 applied late; it is deemed not to have entered and cannot take part in May Day award selection.');
  });

  it('fails a project applied on time but not approved', () => {
    const r = only({ rule: 'applied_on_time' }, { project: projectFacts({ approved: false, status: 'rejected' }) });
    expect(r.passed).toBe(false);
    expect(r.messageEn).toContain('not approved (status: rejected)');
  });

  it('fails a project from another campaign', () => {
    const r = only({ rule: 'applied_on_time' }, { project: projectFacts({ campaignId: 'c-other' }) });
    expect(r.passed).toBe(false);
    expect(r.facts).toMatchObject({ campaignId: 'c-other', roundCampaignId: 'c-jj-2021' });
  });

  it('fails closed when no project facts were given', () => {
    const r = only({ rule: 'applied_on_time' }, { project: undefined });
    expect(r).toMatchObject({ passed: false, facts: { projectId: null } });
  });
});

describe('summary_accepted', () => {
  it('passes an accepted summary and fails one still under review', () => {
    expect(only({ rule: 'summary_accepted' }).passed).toBe(true);
    const r = only({ rule: 'summary_accepted' }, { project: projectFacts({ summaryAccepted: false, status: 'summary_submitted' }) });
    expect(r.passed).toBe(false);
    expect(r.messageZh).toContain('summary_submitted');
  });
});

describe('min_grade', () => {
  it.each([
    ['excellent', true],
    ['good', true],
    ['pass', false],
    ['fail', false],
  ] as const)('with minimum 良好, a project graded %s passes: %s', (grade, passed) => {
    expect(only({ rule: 'min_grade', grade: 'good' }, { project: projectFacts({ grade }) }).passed).toBe(passed);
  });

  it('names both grades in Chinese', () => {
    expect(only({ rule: 'min_grade', grade: 'good' }, { project: projectFacts({ grade: 'pass' }) }).messageZh).toBe('项目 p-1 考核等次为“合格”，要求不低于“良好”。');
    // By its title where the facts carry it, as people know the project.
    expect(only({ rule: 'min_grade', grade: 'good' }, { project: projectFacts({ grade: 'pass', title: '纺织技能比武' }) }).messageZh).toBe('项目“纺织技能比武”（p-1）考核等次为“合格”，要求不低于“良好”。');
  });

  it('fails a project not yet graded', () => {
    expect(only({ rule: 'min_grade', grade: 'pass' }, { project: projectFacts({ grade: null }) })).toMatchObject({ passed: false, facts: { grade: null, minimum: 'pass' } });
  });
});

describe('project_veto (一票否决)', () => {
  const veto: RuleSpec = { rule: 'project_veto', incidentKinds: ['safety_accident', 'quality_accident'] };

  it('cancels eligibility for a safety accident, citing its date and severity', () => {
    const r = only(veto, { project: projectFacts({ incidents: [{ kind: 'safety_accident', occurredOn: '2021-11-03', severity: 'serious' }] }) });
    expect(r.passed).toBe(false);
    expect(r.messageZh).toBe('项目 p-1 发生一票否决事故（2021-11-03 较大安全事故），取消评选资格。');
    expect(r.messageEn).toBe('Project p-1 had a veto incident (serious safety accident on 2021-11-03); it is not eligible for any award.');
  });

  it('cancels eligibility for a quality accident of any severity', () => {
    expect(only(veto, { project: projectFacts({ incidents: [{ kind: 'quality_accident', occurredOn: '2021-09-01', severity: 'minor' }] }) }).passed).toBe(false);
  });

  it('ignores incidents of other kinds and incidents after the verdict date', () => {
    const r = only(veto, {
      project: projectFacts({
        incidents: [
          { kind: 'environmental_accident', occurredOn: '2021-09-01', severity: 'minor' },
          { kind: 'safety_accident', occurredOn: '2022-04-02', severity: 'serious' },
        ],
      }),
    });
    expect(r).toMatchObject({ passed: true, facts: { vetoingIncidents: [] } });
  });

  describe('a unit or team nominated: the veto follows it over its projects in the campaign, not the project named', () => {
    const accident = { kind: 'quality_accident' as const, occurredOn: '2022-03-20', severity: 'minor' };
    const clean = projectFacts({ projectId: 'p-key', title: '引桥工程' });
    const vetoed = projectFacts({ projectId: 'p-pioneer', title: '工人先锋号创建', incidents: [accident] });

    it('bars it when another of its projects had the accident, naming that one (review 50 #1)', () => {
      const r = only(veto, { project: clean, campaignProjects: [clean, vetoed] });
      expect(r).toMatchObject({ passed: false, facts: { projectIds: ['p-pioneer'], vetoedProjects: [{ projectId: 'p-pioneer' }] } });
      expect(r.messageZh).toBe('推荐对象在活动 c-jj-2021 中的竞赛项目发生一票否决事故（项目“工人先锋号创建”（p-pioneer）：2022-03-20 一般质量事故），取消评选资格；推荐时依托其另一项目“引桥工程”（p-key）也同样适用。');
    });

    it('bars it when no project is named (review 48 #7), and passes when none of its projects had one', () => {
      expect(only(veto, { project: undefined, campaignProjects: [clean, vetoed] })).toMatchObject({ passed: false, facts: { projectIds: ['p-key', 'p-pioneer'] } });
      expect(only(veto, { project: undefined, campaignProjects: [clean] })).toMatchObject({ passed: true, messageZh: '推荐对象在活动 c-jj-2021 中的 1 个竞赛项目均无安全、质量等一票否决事故。' });
      expect(only(veto, { project: undefined, campaignProjects: [] }).passed).toBe(true);
    });

    it('still names the project named when that is the one vetoed', () => {
      expect(only(veto, { project: vetoed, campaignProjects: [clean, vetoed] })).toMatchObject({ passed: false, facts: { projectId: 'p-pioneer' } });
    });
  });
});

describe('no_unrectified_finding', () => {
  it('passes with every finding rectified and fails with one open', () => {
    expect(only({ rule: 'no_unrectified_finding' }).passed).toBe(true);
    const r = only({ rule: 'no_unrectified_finding' }, { project: projectFacts({ unrectifiedFindings: 2 }) });
    expect(r.passed).toBe(false);
    expect(r.messageEn).toBe('As of 2022-04-01, project p-1 has 2 unrectified inspection finding(s).');
  });
});
