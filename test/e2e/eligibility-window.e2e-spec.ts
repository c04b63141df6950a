import { expectStatus as ok, readYourWrites } from '../support/http-steps';
import { TestApp } from '../support/test-app';

/*
 * The eligibility board while the Jiujiang application window (closing 2021-07-22 24:00) is still
 * open: a project not yet filed is pending, not late; once the window has closed it is not entered.
 */
const scheme = {
  criteria: [{ key: 'quality', name: '比质量', weight: 100 }],
  scale: { min: 0, max: 100 }, minAssessors: 1, aggregation: 'mean',
  gradeBands: [{ grade: 'excellent', minScore: 90 }, { grade: 'good', minScore: 80 }, { grade: 'pass', minScore: 60 }, { grade: 'fail', minScore: 0 }], disagreementThreshold: 15,
};
const campaign = {
  campaignId: 'jj-2021', title: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛', theme: '建功“十四五”', year: 2021, categories: ['skills'],
  applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-23T00:00:00+08:00' }, reportingCadence: 'quarterly', assessment: scheme, approvalLevels: ['city'], targets: [],
};
const application = {
  projectId: 'p-a', campaignId: 'jj-2021', title: '技能比武', category: 'skills',
  registrationForm: { contactName: '张伟', contactPhone: '0792-8227328', headcount: 320, participatingEnterprises: 1 },
  implementationPlan: { goals: '技术革新 20 项', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '技能比武' },
};

describe('award eligibility while the application window is open', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const { post, get } = readYourWrites(() => t, tok);
  const board = async () => ok(await get('/api/v1/eligibility/projects/p-a?awardType=may_day_certificate', 'office')).body;

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-01T09:00:00+08:00' });
    tok.admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jj' });
    ok(await post('/api/v1/organizations', { orgId: 'jj', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city' }, 'admin'), 201);
    ok(await post('/api/v1/organizations', { orgId: 'ent-a', name: '单位 A', kind: 'enterprise', level: 'enterprise', ownership: 'non_public', parentId: 'jj' }, 'admin'), 201);
    tok.city = await t.token({ userId: 'u-jj', roles: ['committee'], orgId: 'jj' });
    tok.office = await t.token({ userId: 'u-office', roles: ['award_office'], orgId: 'jj' });
    tok.unit = await t.token({ userId: 'u-a', roles: ['unit'], orgId: 'ent-a' });
    ok(await post('/api/v1/campaigns', campaign, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-2021/publish', {}, 'city'));
    ok(await post('/api/v1/projects', application, 'unit'), 201);
  });
  afterAll(() => t.stop());

  it('reads a project not yet filed as pending before the deadline, not as late or not entered', async () => {
    t.clock.set('2021-07-22T23:00:00+08:00');
    const open = await board();
    expect(open).toMatchObject({ eligible: false, verdict: 'pending', verdictLabel: { zh: '待定（尚未到期）', en: 'pending (not yet due)' }, status: 'draft', statusLabel: { zh: '草稿', en: 'draft' } });
    const applied = open.failedReasons.find((r: any) => r.rule === 'applied_on_time');
    expect(applied).toMatchObject({ pending: true, messageZh: expect.stringContaining('报名尚未截止（截止日期 2021-07-22）'), messageEn: expect.stringContaining('still open') });
    expect(applied.messageZh).not.toMatch(/逾期|视为未参赛/);
  });

  it('reads it as not entered once the window has closed (the second it names over)', async () => {
    t.clock.set('2021-07-23T00:00:01+08:00');
    const after = await board();
    expect(after).toMatchObject({ verdict: 'ineligible', verdictLabel: { zh: '不符合条件' } });
    const closed = after.failedReasons.find((r: any) => r.rule === 'applied_on_time');
    expect(closed.pending).toBeUndefined();
    expect(closed.messageZh).toContain('视为未参赛，不能参加五一各奖项评选');
    // Another award is barred by its round's rule, not in the May Day notice's words (review 40 #3).
    const expert = ok(await get('/api/v1/eligibility/projects/p-a?awardType=technical_expert', 'office')).body.failedReasons.find((r: any) => r.rule === 'applied_on_time');
    expect(expert.messageZh).toContain('本轮评选规则要求按时报名，不能参加本轮评选');
    expect(expert.messageZh).not.toContain('五一');
  });
});
