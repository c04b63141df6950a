import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { HierarchyLevel } from './levels';
import { ApprovalFacts, GrantSubmissionExtension } from './project.commands';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { approval, approved, beforeClose, cityCommittee, countyApproved, countyCommittee, drafted, extensionGranted, P, returnedByCounty, snapshot, submitted, unit } from './project.fixtures';
import { requiredApprovalLevels } from './project-approval.decide';
import { allowedProjectActions } from './project.status';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-07-26T10:00:00+08:00';
const actorAt = (level: HierarchyLevel): Actor => (level === 'county' ? countyCommittee : cityCommittee);
const approve = (level: HierarchyLevel, over: Partial<ApprovalFacts & { actor: Actor }> = {}) => ({ type: 'ApproveProject' as const, projectId: P.projectId, at, actor: actorAt(level), ...approval(level), ...over });
const ret = (level: HierarchyLevel, reason = '实施方案缺少安全措施', over: Partial<ApprovalFacts> = {}) => ({ type: 'ReturnProject' as const, projectId: P.projectId, at, actor: actorAt(level), reason, ...approval(level), ...over });
const reject = (level: HierarchyLevel, reason = '不符合竞赛类别要求', over: Partial<ApprovalFacts> = {}) => ({ type: 'RejectProject' as const, projectId: P.projectId, at, actor: actorAt(level), reason, ...approval(level), ...over });
const pending = [drafted, submitted()];

describe('project approval (遴选立项)', () => {
  it('computes the levels that apply, in the campaign’s order', () => {
    expect(requiredApprovalLevels(approval('city'))).toEqual(['county', 'city']);
    expect(requiredApprovalLevels(approval('city', { applicableLevels: ['city', 'province'] }))).toEqual(['city']);
  });

  describe('with two levels, county then city', () => {
    it('records the county approval as an intermediate level', () => {
      spec().given(pending).when(approve('county')).then([countyApproved]);
    });

    it('approves (立项) at the city after the county, under the rules version in force', () => {
      spec()
        .given([...pending, countyApproved])
        .when(approve('city', { campaign: snapshot({ rulesVersion: 2 }) }))
        .then([{ type: 'ProjectApproved', data: { projectId: P.projectId, level: 'city', rulesVersion: 2, approvedLevels: ['county', 'city'], approvedAt: expect.any(String) } }]);
    });

    it('refuses to approve into a category the rules in force have dropped; returning it stays open', () => {
      const dropped = snapshot({ rulesVersion: 2, categories: ['key_project'] });
      spec()
        .given(pending)
        .when(approve('county', { campaign: dropped }))
        .thenThrows('PROJECT.CATEGORY_WITHDRAWN', { kind: 'unprocessable', details: { category: 'skills', rulesVersion: 2, allowedActions: expect.arrayContaining(['return']) } });
      spec().given(pending).when(ret('county', '请改选类别', { campaign: dropped })).thenMatches([{ type: 'ProjectReturned' }]);
    });

    it('keeps each level’s 审批意见 with its approval, and a return starts them again (review 37 #1: a comment sent was dropped)', () => {
      const withNote = (level: HierarchyLevel, note: string) => ({ ...approve(level), note });
      spec().given(pending).when(withNote('county', '  材料齐全，同意上报 ')).then([{ ...countyApproved, data: { ...(countyApproved.data as object), note: '材料齐全，同意上报' } } as ProjectEvent]);
      const countyNoted = { ...countyApproved, data: { ...(countyApproved.data as object), note: '材料齐全，同意上报' } } as ProjectEvent;
      spec()
        .given([...pending, countyNoted])
        .when(withNote('city', '同意立项'))
        .thenState((s) => expect(s).toMatchObject({ status: 'in_progress', application: { approvalNotes: [{ level: 'county', note: '材料齐全，同意上报' }, { level: 'city', note: '同意立项' }] } }));
      // None given: nothing recorded, as before.
      spec().given(pending).when(withNote('county', '  ')).then([countyApproved]);
      spec().given([...pending, countyNoted]).when(ret('city', '目标不明确')).thenState((s) => expect(s).toMatchObject({ application: { approvalNotes: [] } }));
    });

    it('moves to in progress and remembers the rules version of 立项', () => {
      spec()
        .given([...pending, countyApproved])
        .when(approve('city'))
        .thenState((s) => expect(s).toMatchObject({ status: 'in_progress', application: { approvedLevels: ['county', 'city'], approvedRulesVersion: 1 } }));
    });

    it('refuses the city approving before the county, naming the county', () => {
      spec()
        .given(pending)
        .when(approve('city'))
        .thenThrows('PROJECT.APPROVAL_OUT_OF_ORDER', { kind: 'conflict', details: { expectedLevel: 'county', requiredLevels: ['county', 'city'], approvedLevels: [], currentState: 'submitted', allowedActions: ['return', 'reject', 'grant_extension', 'terminate'] } });
    });

    it('offers no extension while the application window is still open: anyone may submit then', () => {
      spec()
        .given(pending)
        .when({ ...approve('city'), at: '2021-07-20T10:00:00+08:00' })
        .thenThrows('PROJECT.APPROVAL_OUT_OF_ORDER', { details: { allowedActions: ['return', 'reject', 'terminate'] } });
    });

    it('refuses the county approving twice, naming its level and the one awaited, and offering only what it can still do', () => {
      const e = spec()
        .given([...pending, countyApproved])
        .when(approve('county'))
        .thenThrows('PROJECT.ALREADY_APPROVED_AT_LEVEL', { kind: 'conflict', details: { approverLevel: 'county', awaitingLevel: 'city', currentState: 'submitted', allowedActions: ['terminate'] } });
      expect(e.messageZh).toBe('县（市、区）级竞赛委员会（工会）已审批通过本项目，无需重复审批。现等待市级竞赛委员会（工会）审批。');
    });

    it('offers the county that approved nothing it cannot do when it tries to send the project back', () => {
      spec()
        .given([...pending, countyApproved])
        .when(ret('county'))
        .thenThrows('PROJECT.ALREADY_APPROVED_AT_LEVEL', { details: { allowedActions: ['terminate'] } });
    });

    it('refuses a level the campaign does not require', () => {
      spec().given(pending).when(approve('province')).thenThrows('PROJECT.APPROVER_LEVEL_NOT_REQUIRED', { kind: 'forbidden', details: { requiredLevels: ['county', 'city'] } });
    });

    it('refuses approval by a unit', () => {
      spec().given(pending).when(approve('county', { actor: unit })).thenThrows('PROJECT.FORBIDDEN');
    });

    it('refuses approval of a draft, naming what this committee may do with it (not the unit\'s edit or submit)', () => {
      spec().given([drafted]).when(approve('city')).thenThrows('PROJECT.ILLEGAL_TRANSITION', {
        details: { currentState: 'draft', allowedActions: ['grant_extension', 'terminate'], allowedActionLabels: [{ action: 'grant_extension', label: '批准延期报送' }, { action: 'terminate', label: '终止' }] },
      });
      // The deadline is the organiser's: the county is not told it may extend it, nor is anyone once the campaign is over.
      spec().given([drafted]).when(approve('county')).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { allowedActions: ['terminate'] } });
      const over = { ...approval('city').campaign, span: { startsOn: '2021-06-01', endsOn: '2021-06-30' } };
      spec().given([drafted]).when(approve('city', { campaign: over })).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { allowedActions: ['terminate'] } });
    });

    it('refuses approval once approved', () => {
      // No findings yet: nothing to rectify or review is offered; no milestone yet: no commendation.
      const allowed = allowedProjectActions({ status: 'in_progress' }, 'committee').filter((a) => !a.endsWith('_rectification') && a !== 'give_instant_commendation');
      spec().given([...pending, countyApproved, approved]).when(approve('city')).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'in_progress', allowedActions: allowed } });
    });

    it('refuses approval in a closed campaign', () => {
      spec().given(pending).when(approve('county', { campaign: snapshot({ status: 'closed' }) })).thenThrows('PROJECT.CAMPAIGN_CLOSED');
    });

    it('starts the approval round again after a return and resubmission', () => {
      const again = [...pending, countyApproved, { ...returnedByCounty, data: { ...returnedByCounty.data, level: 'city' } } as ProjectEvent, submitted({ resubmission: true })];
      spec().given(again).when(approve('city')).thenThrows('PROJECT.APPROVAL_OUT_OF_ORDER', { details: { expectedLevel: 'county' } });
      spec().given(again).when(approve('county')).then([countyApproved]);
    });
  });

  describe('for a directly-affiliated city unit (no county committee above it)', () => {
    const direct = { applicableLevels: ['city', 'province'] as HierarchyLevel[] };

    it('skips the county and approves at the city in one step', () => {
      spec()
        .given(pending)
        .when(approve('city', direct))
        .then([{ type: 'ProjectApproved', data: { projectId: P.projectId, level: 'city', rulesVersion: 1, approvedLevels: ['city'], approvedAt: expect.any(String) } }]);
    });

    it('refuses a county approval, which does not apply', () => {
      spec().given(pending).when(approve('county', direct)).thenThrows('PROJECT.APPROVER_LEVEL_NOT_REQUIRED');
    });

    it('refuses when none of the campaign’s levels applies', () => {
      spec()
        .given(pending)
        .when(approve('city', { applicableLevels: ['city'], campaign: snapshot({ approvalLevels: ['county'] }) }))
        .thenThrows('PROJECT.NO_APPROVAL_LEVEL', { kind: 'unprocessable' });
    });
  });

  describe('returning and rejecting', () => {
    it('returns for revision with the level and reason', () => {
      spec().given(pending).when(ret('county', ' 实施方案缺少安全措施 ')).then([returnedByCounty]);
    });

    it('keeps the return reason and clears approvals of the round', () => {
      spec()
        .given([...pending, countyApproved])
        .when(ret('city', '目标不明确'))
        .thenState((s) => expect(s).toMatchObject({ status: 'returned', application: { approvedLevels: [], lastReturn: { level: 'city', reason: '目标不明确' } } }));
    });

    it('refuses a return without a reason', () => {
      spec().given(pending).when(ret('county', '  ')).thenThrows('PROJECT.REASON_REQUIRED', { kind: 'validation' });
    });

    it('refuses a return by a level that already approved', () => {
      spec().given([...pending, countyApproved]).when(ret('county')).thenThrows('PROJECT.ALREADY_APPROVED_AT_LEVEL', { kind: 'conflict', details: { currentState: 'submitted' } });
    });

    it('refuses a return of a draft or by a unit', () => {
      spec().given([drafted]).when(ret('county')).thenThrows('PROJECT.ILLEGAL_TRANSITION');
      spec().given(pending).when({ ...ret('county'), actor: unit }).thenThrows('PROJECT.FORBIDDEN');
    });

    it('rejects (不予立项) with a reason', () => {
      spec()
        .given(pending)
        .when(reject('city', '不符合竞赛类别要求'))
        .then([{ type: 'ProjectRejected', data: { projectId: P.projectId, level: 'city', reason: '不符合竞赛类别要求' } }]);
    });

    it('ends in rejected with nothing allowed', () => {
      spec()
        .given(pending)
        .when(reject('county'))
        .thenState((s) => expect(s).toMatchObject({ status: 'rejected', application: { rejection: { level: 'county' } } }));
      const rejected: ProjectEvent = { type: 'ProjectRejected', data: { projectId: P.projectId, level: 'county', reason: 'x' } };
      spec().given([...pending, rejected]).when(approve('county')).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'rejected', allowedActions: [] } });
    });

    it('refuses a rejection without a reason, or by a level that already approved', () => {
      spec().given(pending).when(reject('county', '')).thenThrows('PROJECT.REASON_REQUIRED');
      spec().given([...pending, countyApproved]).when(reject('county')).thenThrows('PROJECT.ALREADY_APPROVED_AT_LEVEL');
    });
  });

  describe('granting a submission extension', () => {
    const grant = (until: string, over: Partial<GrantSubmissionExtension> = {}): GrantSubmissionExtension => ({
      type: 'GrantSubmissionExtension',
      projectId: P.projectId,
      at,
      actor: cityCommittee,
      campaign: snapshot(),
      until,
      reason: ' 汛期抢险，材料延后报送 ',
      ...over,
    });
    const until = '2021-07-30T00:00:00+08:00';

    it('grants an extension to a returned project', () => {
      spec().given([...pending, returnedByCounty]).when(grant(until)).then([extensionGranted(until)]);
    });

    it('is granted by the organiser only, who set the deadline; a county committee cannot move the city’s deadline', () => {
      spec()
        .given([...pending, returnedByCounty])
        .when(grant(until, { actor: countyCommittee }))
        .thenThrows('PROJECT.EXTENSION_ORGANISER_ONLY', { kind: 'forbidden', details: { organizerOrgId: snapshot().organizerOrgId, yourOrgId: countyCommittee.orgId } });
    });

    it('grants an extension to a draft and to a submitted project', () => {
      spec().given([drafted]).when(grant(until)).then([extensionGranted(until)]);
      spec().given(pending).when(grant(until, { at: beforeClose })).then([extensionGranted(until)]);
    });

    it('keeps the latest extension in the state', () => {
      spec()
        .given([drafted, extensionGranted('2021-07-28T00:00:00+08:00')])
        .when(grant(until))
        .thenState((s) => expect(s).toMatchObject({ application: { extension: { until, reason: '汛期抢险，材料延后报送' } } }));
    });

    it('refuses an extension running past the campaign, and any once the campaign is over', () => {
      const campaign = { ...snapshot(), span: { startsOn: '2021-06-01', endsOn: '2022-06-30' } };
      spec().given([drafted]).when(grant('2022-06-30T20:00:00+08:00', { campaign })).then([extensionGranted('2022-06-30T20:00:00+08:00')]);
      spec().given([drafted]).when(grant('2022-07-01T08:00:00+08:00', { campaign })).thenThrows('PROJECT.EXTENSION_AFTER_CAMPAIGN', { details: { campaignEndsOn: '2022-06-30', errors: [{ field: 'until' }] } });
      // Once it is over, a state to report (409), whatever the date asked for.
      const over = spec().given([drafted]).when(grant('2023-01-20T18:00:00+08:00', { campaign, at: '2023-01-11T09:00:00+08:00' })).thenThrows('PROJECT.EXTENSION_AFTER_CAMPAIGN', { kind: 'conflict' });
      expect(over.messageZh).toBe('竞赛活动已于 2022-06-30 结束，不再批准延期报送。');
    });

    it('refuses an extension that ends before the window closes or in the past', () => {
      spec().given([drafted]).when(grant('2021-07-22T00:00:00+08:00', { at: beforeClose })).thenThrows('PROJECT.EXTENSION_INVALID', { details: { errors: [{ field: 'until' }] } });
      spec().given([drafted]).when(grant('2021-07-25T00:00:00+08:00')).thenThrows('PROJECT.EXTENSION_INVALID');
      spec().given([drafted]).when(grant('next week')).thenThrows('PROJECT.EXTENSION_INVALID');
      // A date alone is told the form wanted, from the date given.
      const dateOnly = spec().given([drafted]).when(grant('2021-07-30')).thenThrows('PROJECT.EXTENSION_INVALID', { details: { errors: [{ field: 'until' }] } });
      expect(dateOnly.messageZh).toContain('如 2021-07-30T23:59:59+08:00');
    });

    it('refuses an extension without a reason, by a unit, or once approved', () => {
      spec().given([drafted]).when(grant(until, { reason: '' })).thenThrows('PROJECT.REASON_REQUIRED');
      spec().given([drafted]).when(grant(until, { actor: unit })).thenThrows('PROJECT.FORBIDDEN');
      spec().given([...pending, countyApproved, approved]).when(grant(until)).thenThrows('PROJECT.ILLEGAL_TRANSITION');
    });

    it('refuses an extension in a closed campaign', () => {
      spec().given([drafted]).when(grant(until, { campaign: snapshot({ status: 'closed' }) })).thenThrows('PROJECT.CAMPAIGN_CLOSED');
    });
  });
});
