import { recorded, projectionSpec } from '@jingsai/testing';
import { boardProjection } from './board.projection';
import { BoardFilter, listBoard } from './board.queries';

const at = (occurredAt: string) => ({ metadata: { occurredAt } });
const org = (orgId: string, kind: string, level: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind, level, ownership: null, industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });

const tree = () => [
  org('jx', 'union', 'province', []),
  org('jj', 'committee', 'city', ['jx']),
  org('xy', 'committee', 'county', ['jx', 'jj']),
  org('ent-a', 'enterprise', 'enterprise', ['jx', 'jj', 'xy']),
  org('jj-power', 'enterprise', 'enterprise', ['jx', 'jj']),
];

const campaignCreated = (campaignId: string, approvalLevels: string[]) =>
  recorded('CampaignCreated', { campaignId, title: 't', theme: 't', year: 2021, level: 'city', organizerOrgId: 'jj', categories: ['skills'], approvalLevels });

const drafted = (projectId: string, campaignId: string, orgId: string, when: string) =>
  recorded('ProjectDrafted', { projectId, campaignId, orgId, title: `项目 ${projectId}`, category: 'skills', registrationForm: {}, implementationPlan: {} }, at(when));

const submitted = (projectId: string, when: string) =>
  recorded('ProjectSubmitted', { projectId, rulesVersion: 1, resubmission: false, underExtension: false, submittedAt: when }, at(when));

const page = (f: Partial<BoardFilter> = {}) => (db: Parameters<typeof listBoard>[0]) =>
  listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0, ...f }).items.map((i) => ({ id: i.projectId, status: i.status, next: i.nextApprovalLevel, since: i.waitingSince }));

describe('board projection', () => {
  it('keeps what a draft still lacks for submission, part by part as the unit edits it', () => {
    const base = [...tree(), campaignCreated('c1', ['county']), drafted('b1', 'c1', 'ent-a', '2021-07-01T01:00:00.000Z')];
    const edit = (changes: object, when: string) => recorded('ProjectDraftEdited', { projectId: 'b1', changes }, at(when));
    const form = edit({ registrationForm: { contactName: '张工', contactPhone: '0792-1234567', headcount: 120 } }, '2021-07-02T01:00:00.000Z');
    const retitled = edit({ title: '电网检修技能比武' }, '2021-07-03T01:00:00.000Z');
    const plan = edit({ implementationPlan: { goals: '提升技能', measures: '月度比武', startsOn: '2021-08-01', endsOn: '2021-12-31' } }, '2021-07-04T01:00:00.000Z');
    const missing = (db: Parameters<typeof listBoard>[0]) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!.applicationMissing;
    const planFields = ['implementationPlan.goals', 'implementationPlan.measures', 'implementationPlan.startsOn', 'implementationPlan.endsOn'];
    projectionSpec(boardProjection)
      .given(base)
      .then(missing, ['registrationForm.contactName', 'registrationForm.contactPhone', 'registrationForm.headcount', ...planFields]);
    projectionSpec(boardProjection).given([...base, form]).then(missing, planFields);
    projectionSpec(boardProjection).given([...base, form, retitled]).then(missing, planFields);
    projectionSpec(boardProjection).given([...base, form, retitled, plan]).then(missing, []);
    // A form replaced by one without a phone lacks the phone again, and only that.
    const noPhone = edit({ registrationForm: { contactName: '张工', contactPhone: '', headcount: 120 } }, '2021-07-05T01:00:00.000Z');
    projectionSpec(boardProjection).given([...base, form, retitled, plan, noPhone]).then(missing, ['registrationForm.contactPhone']);
  });

  it('names the plan’s dates that fall outside the campaign’s days, as the campaign’s period stands now (review 53 #3)', () => {
    const base = [...tree(), campaignCreated('c1', ['county']), drafted('b1', 'c1', 'ent-a', '2021-07-01T01:00:00.000Z')];
    const edit = (changes: object, when: string) => recorded('ProjectDraftEdited', { projectId: 'b1', changes }, at(when));
    const form = edit({ registrationForm: { contactName: '张工', contactPhone: '0792-1234567', headcount: 120 } }, '2021-07-02T01:00:00.000Z');
    const plan = (startsOn: string, endsOn: string) => edit({ implementationPlan: { goals: '提升技能', measures: '月度比武', startsOn, endsOn } }, '2021-07-04T01:00:00.000Z');
    const missing = (db: Parameters<typeof listBoard>[0]) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!.applicationMissing;
    // A 2019–2025 plan in a 2021 campaign: both ends outside its year.
    projectionSpec(boardProjection).given([...base, form, plan('2019-01-01', '2025-12-31')]).then(missing, ['implementationPlan.startsOn', 'implementationPlan.endsOn']);
    projectionSpec(boardProjection).given([...base, form, plan('2021-01-01', '2021-03-31')]).then(missing, []);
    // The published campaign's period set by an amendment (July to December): a plan that ends before it began is named (review 56 #6).
    const amended = recorded('CampaignRulesAmended', {
      campaignId: 'c1', rulesVersion: 2, changes: { campaignPeriod: { startsOn: '2021-07-01', endsOn: '2021-12-31' } },
      rules: { approvalLevels: ['county'], campaignPeriod: { startsOn: '2021-07-01', endsOn: '2021-12-31' } }, reason: '明确活动期间',
    }, { streamId: 'campaign-c1' });
    projectionSpec(boardProjection).given([...base, form, plan('2021-01-01', '2021-03-31'), amended]).then(missing, ['implementationPlan.endsOn']);
    // And taken away again: the year is the campaign's days once more.
    const unset = recorded('CampaignRulesAmended', { campaignId: 'c1', rulesVersion: 3, changes: { campaignPeriod: null }, rules: { approvalLevels: ['county'], campaignPeriod: null }, reason: '按年度' }, { streamId: 'campaign-c1' });
    projectionSpec(boardProjection).given([...base, form, plan('2021-01-01', '2021-03-31'), amended, unset]).then(missing, []);
    // A draft campaign's period, amended before it is published, counts the same.
    const period = recorded('CampaignDraftAmended', { campaignId: 'c1', changes: { campaignPeriod: { startsOn: '2021-07-01', endsOn: '2021-12-31' } } }, { streamId: 'campaign-c1' });
    projectionSpec(boardProjection).given([...base, period, form, plan('2021-01-01', '2021-03-31')]).then(missing, ['implementationPlan.endsOn']);
    // Submitted, the row no longer lists what a submission would lack.
    projectionSpec(boardProjection).given([...base, form, plan('2019-01-01', '2025-12-31'), submitted('b1', '2021-07-20T02:00:00.000Z')]).then(missing, []);
  });

  it('keeps a return’s reason while the resubmission is decided, and lets it go with 立项 (review 38 #2)', () => {
    const base = [...tree(), campaignCreated('c1', ['county']), drafted('b1', 'c1', 'ent-a', '2021-07-01T01:00:00.000Z'), submitted('b1', '2021-07-20T02:00:00.000Z')];
    const returned = recorded('ProjectReturned', { projectId: 'b1', level: 'county', reason: '缺少安全措施' }, at('2021-07-21T02:00:00.000Z'));
    const again = submitted('b1', '2021-07-21T06:00:00.000Z');
    const approved = recorded('ProjectApproved', { projectId: 'b1', level: 'county', rulesVersion: 1, approvedLevels: ['county'] }, at('2021-07-22T02:00:00.000Z'));
    const row = (db: Parameters<typeof listBoard>[0]) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!;
    projectionSpec(boardProjection).given([...base, returned, again]).thenMatches(row, { status: 'submitted', returnedReason: '缺少安全措施', returnedLevel: 'county' });
    projectionSpec(boardProjection).given([...base, returned, again, approved]).thenMatches(row, { status: 'in_progress', returnedReason: null, returnedLevel: null });
  });

  it('keeps why a project was rejected (不予立项), as it keeps why one was returned', () => {
    const base = [...tree(), campaignCreated('c1', ['county']), drafted('b1', 'c1', 'ent-a', '2021-07-01T01:00:00.000Z'), submitted('b1', '2021-07-20T02:00:00.000Z')];
    const rejected = recorded('ProjectRejected', { projectId: 'b1', level: 'county', reason: '不属于本次竞赛重点工程范围' }, at('2021-07-21T02:00:00.000Z'));
    projectionSpec(boardProjection)
      .given([...base, rejected])
      .thenMatches((db) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!, { status: 'rejected', rejectedReason: '不属于本次竞赛重点工程范围', returnedReason: null });
  });

  describe('when a project is submitted under two-level approval', () => {
    it('awaits the county, then the city, then runs', () => {
      const c = campaignCreated('c1', ['county', 'city']);
      const base = [...tree(), c, drafted('b1', 'c1', 'ent-a', '2021-07-01T01:00:00.000Z'), submitted('b1', '2021-07-20T02:00:00.000Z')];
      projectionSpec(boardProjection).given(base).then(page(), [{ id: 'b1', status: 'submitted', next: 'county', since: '2021-07-20T02:00:00.000Z' }]);

      const county = recorded('ProjectApprovedAtLevel', { projectId: 'b1', level: 'county', rulesVersion: 1, nextLevel: 'city' }, at('2021-07-21T02:00:00.000Z'));
      projectionSpec(boardProjection)
        .given([...base, county])
        .then(page({ awaiting: { kind: 'committee', level: 'city', orgId: 'jj' } }), [{ id: 'b1', status: 'submitted', next: 'city', since: '2021-07-21T02:00:00.000Z' }]);

      const approved = recorded('ProjectApproved', { projectId: 'b1', level: 'city', rulesVersion: 1, approvedLevels: ['county', 'city'] }, at('2021-07-22T02:00:00.000Z'));
      projectionSpec(boardProjection)
        .given([...base, county, approved])
        .thenMatches((db) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0 }).items[0]!, {
          status: 'in_progress', statusLabel: '推进中', nextApprovalLevel: null, approvedLevels: ['county', 'city'], orgPath: ['jx', 'jj', 'xy'], revision: approved.revision,
        });
    });

    it('skips the county for a directly-affiliated unit', () => {
      projectionSpec(boardProjection)
        .given([...tree(), campaignCreated('c2', ['county', 'city']), drafted('b2', 'c2', 'jj-power', '2021-07-01T01:00:00.000Z'), submitted('b2', '2021-07-02T01:00:00.000Z')])
        .then(page(), [{ id: 'b2', status: 'submitted', next: 'city', since: '2021-07-02T01:00:00.000Z' }]);
    });

    it('follows amended approval levels for approvals still awaited', () => {
      const amended = recorded('CampaignRulesAmended', {
        campaignId: 'c3', rulesVersion: 2, changes: { approvalLevels: ['city'] }, rules: { approvalLevels: ['city'] }, reason: '简化审批',
      }, { streamId: 'campaign-c3' });
      projectionSpec(boardProjection)
        .given([...tree(), campaignCreated('c3', ['county', 'city']), drafted('b3', 'c3', 'ent-a', '2021-07-01T01:00:00.000Z'), submitted('b3', '2021-07-02T01:00:00.000Z'), amended])
        .then(page(), [{ id: 'b3', status: 'submitted', next: 'city', since: '2021-07-02T01:00:00.000Z' }]);
    });
  });

  describe('when a project is returned, refused late and granted an extension', () => {
    it('shows the reason, counts the late attempt and awaits the unit', () => {
      projectionSpec(boardProjection)
        .given([
          ...tree(), campaignCreated('c4', ['county']), drafted('b4', 'c4', 'ent-a', '2021-07-01T01:00:00.000Z'), submitted('b4', '2021-07-02T01:00:00.000Z'),
          recorded('ProjectReturned', { projectId: 'b4', level: 'county', reason: '缺少安全措施' }, at('2021-07-03T01:00:00.000Z')),
          recorded('ProjectSubmissionRefused', { projectId: 'b4', reason: 'window_closed', windowClosesAt: 'x', attemptedAt: 'y', extensionUntil: null }, at('2021-07-24T01:00:00.000Z')),
          recorded('SubmissionExtensionGranted', { projectId: 'b4', until: '2021-07-30T15:59:59.000Z', reason: '汛期' }, at('2021-07-24T02:00:00.000Z')),
          recorded('ProjectDraftEdited', { projectId: 'b4', changes: { title: '新名称' } }, at('2021-07-24T03:00:00.000Z')),
        ])
        .thenMatches((db) => listBoard(db, { scope: { kind: 'org', orgId: 'ent-a' }, awaiting: { kind: 'unit' }, limit: 50, offset: 0 }), {
          total: 1,
          items: [{ projectId: 'b4', title: '新名称', status: 'returned', returnedReason: '缺少安全措施', returnedLevel: 'county', lateAttempts: 1, extensionUntil: '2021-07-30T15:59:59.000Z', waitingSince: '2021-07-03T01:00:00.000Z' }],
        });
    });
  });

  describe('queries', () => {
    it('filters by scope, organisation subtree and status, oldest wait first, paginated', () => {
      const events = [
        ...tree(), org('lx', 'committee', 'county', ['jx', 'jj']), org('ent-b', 'enterprise', 'enterprise', ['jx', 'jj', 'lx']),
        campaignCreated('c5', ['county', 'city']),
        drafted('q1', 'c5', 'ent-a', '2021-07-05T00:00:00.000Z'),
        drafted('q2', 'c5', 'ent-b', '2021-07-01T00:00:00.000Z'),
        drafted('q3', 'c5', 'jj-power', '2021-07-03T00:00:00.000Z'),
        recorded('ProjectWithdrawn', { projectId: 'q3', reason: null, previousStatus: 'draft' }, at('2021-07-04T00:00:00.000Z')),
      ];
      const ids = (f: Partial<BoardFilter>) => (db: Parameters<typeof listBoard>[0]) => listBoard(db, { scope: { kind: 'all' }, limit: 50, offset: 0, ...f }).items.map((i) => i.projectId);
      projectionSpec(boardProjection).given(events).then(ids({}), ['q2', 'q3', 'q1']);
      projectionSpec(boardProjection).given(events).then(ids({ scope: { kind: 'subtree', orgId: 'xy' } }), ['q1']);
      projectionSpec(boardProjection).given(events).then(ids({ scope: { kind: 'subtree', orgId: 'jj' }, orgId: 'lx' }), ['q2']);
      // With the root's path the subtree is an index range: the same rows, and no sibling whose id shares a prefix.
      projectionSpec(boardProjection).given(events).then(ids({ scope: { kind: 'subtree', orgId: 'jj', path: '/jx/jj/' } }), ['q2', 'q3', 'q1']);
      projectionSpec(boardProjection).given(events).then(ids({ scope: { kind: 'subtree', orgId: 'lx', path: '/jx/jj/lx/' } }), ['q2']);
      projectionSpec(boardProjection).given(events).then(ids({ scope: { kind: 'subtree', orgId: 'j', path: '/jx/j/' } }), []);
      projectionSpec(boardProjection).given(events).then(ids({ status: 'withdrawn' }), ['q3']);
      projectionSpec(boardProjection).given(events).then((db) => listBoard(db, { scope: { kind: 'all' }, limit: 1, offset: 1 }), expect.objectContaining({ total: 3, limit: 1, offset: 1 }) as any);
      projectionSpec(boardProjection).given(events).then(ids({ limit: 1, offset: 1 }), ['q3']);
    });

    it("pages a unit's own projects oldest wait first, with the total of them all", () => {
      const events = [
        ...tree(), campaignCreated('c6', ['county', 'city']),
        drafted('u2', 'c6', 'ent-a', '2021-07-05T00:00:00.000Z'),
        drafted('u9', 'c6', 'jj-power', '2021-07-01T00:00:00.000Z'),
        drafted('u3', 'c6', 'ent-a', '2021-07-02T00:00:00.000Z'),
        drafted('u1', 'c6', 'ent-a', '2021-07-02T00:00:00.000Z'),
      ];
      const unit = (f: Partial<BoardFilter>) => (db: Parameters<typeof listBoard>[0]) => {
        const p = listBoard(db, { scope: { kind: 'org', orgId: 'ent-a' }, limit: 50, offset: 0, ...f });
        return { total: p.total, ids: p.items.map((i) => i.projectId) };
      };
      // Equal waits are ordered by project id.
      projectionSpec(boardProjection).given(events).then(unit({}), { total: 3, ids: ['u1', 'u3', 'u2'] });
      projectionSpec(boardProjection).given(events).then(unit({ limit: 1, offset: 1 }), { total: 3, ids: ['u3'] });
      projectionSpec(boardProjection).given(events).then(unit({ limit: 2, offset: 2 }), { total: 3, ids: ['u2'] });
    });
  });
});
