import { Actor, SYSTEM_ACTOR } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { CreateCampaign } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { JIUJIANG, jiujiangCommittee as committee, jiujiangCreated, jiujiangDefinition, jiujiangPublished } from './campaign.fixtures';
import { allowedCampaignActions, Campaign, campaignActionsNow, isOrganizerCommittee, rulesOfVersion } from './campaign.state';
import { campaignRulesSnapshot } from './campaign-snapshot';

const id = JIUJIANG.campaignId;
const at = '2021-06-01T09:00:00+08:00';
const spec = () => DeciderSpec.for(campaignDecider);
const unit: Actor = { userId: 'u-1', role: 'unit', orgId: 'ent-1' };
const otherCommittee: Actor = { userId: 'u-x', role: 'committee', orgId: 'xy-committee' };
const create = (over: Partial<CreateCampaign> = {}): CreateCampaign => ({ type: 'CreateCampaign', campaignId: id, at, actor: committee, ...jiujiangDefinition(), ...over });
const created = jiujiangCreated();
const newWindow = { opensAt: JIUJIANG.opensAt, closesAt: '2021-07-31T00:00:00+08:00' };
const amendedV2: CampaignEvent = {
  type: 'CampaignRulesAmended',
  data: {
    campaignId: id,
    rulesVersion: 2,
    changes: { applicationWindow: newWindow },
    rules: { ...(({ title: _t, theme: _th, year: _y, level: _l, organizerOrgId: _o, ...r }) => r)(jiujiangDefinition()), applicationWindow: newWindow },
    reason: '受汛期影响，报名截止时间顺延',
    amendedAt: '2021-06-01T09:00:00+08:00',
  },
};
const windowClosed: CampaignEvent = { type: 'CampaignApplicationWindowClosed', data: { campaignId: id, closesAt: JIUJIANG.closesAt } };
const state = (events: CampaignEvent[]) => events.reduce(campaignDecider.evolve, campaignDecider.initialState()) as Campaign;

describe('campaign decider', () => {
  describe('when no campaign exists', () => {
    it('creates a draft campaign', () => {
      spec().given([]).when(create()).then([created]);
    });

    it('refuses a campaign created for another committee', () => {
      spec().given([]).when(create({ actor: otherCommittee })).thenThrows('CAMPAIGN.FORBIDDEN', { kind: 'forbidden' });
      spec().given([]).when(create({ actor: unit })).thenThrows('CAMPAIGN.FORBIDDEN');
    });

    it('refuses an invalid definition, listing every problem', () => {
      const error = spec()
        .given([])
        .when(create({ year: 99, categories: [], applicationWindow: { opensAt: JIUJIANG.closesAt, closesAt: JIUJIANG.opensAt }, approvalLevels: ['province'] }))
        .thenThrows('CAMPAIGN.INVALID', { kind: 'validation' });
      expect(error.details.errors!.map((e) => e.field)).toEqual(['year', 'categories', 'applicationWindow', 'approvalLevels']);
      expect(error.messageZh).toContain('4 处问题');
    });

    it('refuses anything but creation', () => {
      spec().given([]).when({ type: 'PublishCampaign', campaignId: id, at, actor: committee }).thenThrows('CAMPAIGN.NOT_FOUND', { kind: 'not_found' });
    });
  });

  describe('when the campaign is a draft', () => {
    it('refuses creating it again', () => {
      spec().given([created]).when(create()).thenThrows('CAMPAIGN.ALREADY_EXISTS', { kind: 'conflict' });
    });

    it('amends any field, recording only what changed', () => {
      spec()
        .given([created])
        .when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { title: '新标题', year: 2021, approvalLevels: ['city'] } })
        .then([{ type: 'CampaignDraftAmended', data: { campaignId: id, changes: { title: '新标题', approvalLevels: ['city'] } } }]);
    });

    it('folds a draft amendment into profile and rules', () => {
      spec()
        .given([created])
        .when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { theme: '新主题', reportingCadence: 'monthly' } })
        .thenState((s) => expect(s).toMatchObject({ status: 'draft', theme: '新主题', rules: { reportingCadence: 'monthly' }, rulesVersion: 0 }));
    });

    it('treats an amendment to the same values as a repeat', () => {
      spec()
        .given([created])
        .when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { assessment: jiujiangDefinition().assessment } })
        .thenNothing();
    });

    it('refuses an amendment that breaks the rules', () => {
      const error = spec()
        .given([created])
        .when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { categories: ['chess' as never] } })
        .thenThrows('CAMPAIGN.INVALID');
      expect(error.details.errors).toEqual([expect.objectContaining({ field: 'categories[0]' })]);
    });

    it('keeps the organiser it was created under: the campaign’s scope and its audit follow it (review 36 #3)', () => {
      spec().given([created]).when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { organizerOrgId: 'nc' } }).thenThrows('CAMPAIGN.ORGANIZER_FIXED', { details: { errors: [{ field: 'organizerOrgId' }] } });
      // Named as it is, with another change, it is no change of its own.
      spec().given([created]).when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { organizerOrgId: JIUJIANG.committeeOrgId, theme: '新主题' } }).thenMatches([{ type: 'CampaignDraftAmended', data: { changes: { theme: '新主题' } } }]);
    });

    it('refuses an empty amendment', () => {
      spec().given([created]).when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: {} }).thenThrows('CAMPAIGN.NOTHING_TO_AMEND');
    });

    it('refuses an amendment by another committee', () => {
      spec()
        .given([created])
        .when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: otherCommittee, changes: { title: 'x' } })
        .thenThrows('CAMPAIGN.FORBIDDEN');
    });

    it('publishes as rules version 1', () => {
      spec().given([created]).when({ type: 'PublishCampaign', campaignId: id, at, actor: committee }).then([jiujiangPublished]);
    });

    it('refuses publishing once the window has passed', () => {
      spec()
        .given([created])
        .when({ type: 'PublishCampaign', campaignId: id, at: '2021-07-23T08:00:00+08:00', actor: committee })
        .thenThrows('CAMPAIGN.WINDOW_ALREADY_PASSED', { kind: 'unprocessable' });
    });

    it('refuses a rules amendment, naming the state and what is allowed', () => {
      spec()
        .given([created])
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { reportingCadence: 'monthly' }, reason: 'x' })
        .thenThrows('CAMPAIGN.ILLEGAL_TRANSITION', { kind: 'illegal_state', details: { currentState: 'draft', allowedActions: ['amend_draft', 'publish', 'close'] } });
    });

    it('refuses closing the window of an unpublished campaign', () => {
      spec()
        .given([created])
        .when({ type: 'CloseApplicationWindow', campaignId: id, at: '2021-08-01T00:00:00+08:00', actor: SYSTEM_ACTOR })
        .thenThrows('CAMPAIGN.ILLEGAL_TRANSITION', { details: { currentState: 'draft' } });
    });

    it('can be closed without publication', () => {
      spec().given([created]).when({ type: 'CloseCampaign', campaignId: id, at, actor: committee, reason: '  ' }).then([{ type: 'CampaignClosed', data: { campaignId: id, reason: null } }]);
    });
  });

  describe('when the campaign is published', () => {
    const published = [created, jiujiangPublished];

    it('keeps version 1 and offers the snapshot project commands need', () => {
      const s = state(published);
      expect(rulesOfVersion(s, 1)?.approvalLevels).toEqual(['county', 'city']);
      expect(campaignRulesSnapshot(s)).toEqual({
        campaignId: id,
        status: 'published',
        rulesVersion: 1,
        categories: jiujiangDefinition().categories,
        applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: JIUJIANG.closesAt },
        approvalLevels: ['county', 'city'],
        organizerOrgId: JIUJIANG.committeeOrgId,
        span: { startsOn: expect.any(String), endsOn: expect.any(String) },
      });
      // Closing the window is the scheduler's (no route): never offered, never named.
      expect(allowedCampaignActions(s)).toEqual(['amend_rules', 'close']);
    });

    it('amends the rules as version 2 with the reason, keeping version 1', () => {
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { applicationWindow: newWindow, reportingCadence: 'quarterly' }, reason: ' 受汛期影响，报名截止时间顺延 ' })
        .then([amendedV2]);
    });

    it('keeps every version in the state', () => {
      spec()
        .given([...published, amendedV2])
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { reportingCadence: 'monthly' }, reason: '加强信息反馈' })
        .thenState((s) => {
          expect(s).toMatchObject({ rulesVersion: 3, rules: { reportingCadence: 'monthly', applicationWindow: newWindow } });
          expect(rulesOfVersion(s, 1)?.applicationWindow.closesAt).toBe(JIUJIANG.closesAt);
          expect(rulesOfVersion(s, 2)?.reportingCadence).toBe('quarterly');
          expect(s.status !== 'none' && s.ruleVersions[3]).toMatchObject({ reason: '加强信息反馈', since: at });
          expect(s.status !== 'none' && s.ruleVersions[1].since).toBeNull();
        });
    });

    it('refuses an amendment without a reason', () => {
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { reportingCadence: 'monthly' }, reason: ' ' })
        .thenThrows('CAMPAIGN.REASON_REQUIRED', { kind: 'validation' });
    });

    it('treats an amendment that changes nothing as a repeat', () => {
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { approvalLevels: ['county', 'city'] }, reason: 'x' })
        .thenNothing();
    });

    it('amends a campaign stored with a date outside today’s input range, judging only what the amendment sends (review 44 #6)', () => {
      // Stored before dates were held to 1900–2199 at input: a period ending in 2200.
      const stored: CampaignEvent = { type: 'CampaignCreated', data: { campaignId: id, ...jiujiangDefinition(), campaignPeriod: { startsOn: '2021-06-01', endsOn: '2200-12-31' } } };
      spec()
        .given([stored, jiujiangPublished])
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { categories: ['skills', 'key_project'] }, reason: '调整类别' })
        .thenMatches([{ type: 'CampaignRulesAmended', data: { changes: { categories: ['skills', 'key_project'] }, rulesVersion: 2 } }]);
      // The same date sent in the amendment is refused, and named as the request names it.
      const error = spec()
        .given([stored, jiujiangPublished])
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { campaignPeriod: { startsOn: '2021-06-01', endsOn: '2200-12-30' } }, reason: '调整' })
        .thenThrows('CAMPAIGN.INVALID');
      expect(error.details.errors!.map((e) => e.field)).toEqual(['changes.campaignPeriod.endsOn']);
    });

    it('refuses amended rules that are invalid, listing the problems under changes, as the request has them (review 41 #10)', () => {
      const assessment = { ...jiujiangDefinition().assessment, minAssessors: 1 };
      const error = spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { assessment, categories: [] }, reason: 'x' })
        .thenThrows('CAMPAIGN.INVALID');
      expect(error.details.errors!.map((e) => e.field)).toEqual(['changes.categories', 'changes.assessment.minAssessors']);
    });

    it('names the window it was sent, too, when a later closing outruns the campaign period (review 42 #10)', () => {
      const error = spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: '2022-03-01T00:00:00+08:00' } }, reason: '延长报名' })
        .thenThrows('CAMPAIGN.INVALID');
      expect(error.details.errors!.map((e) => e.field)).toContain('changes.applicationWindow.closesAt');
    });

    it('refuses moving the deadline once it has passed', () => {
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at: '2021-07-23T00:00:01+08:00', actor: committee, changes: { applicationWindow: newWindow }, reason: 'x' })
        .thenThrows('CAMPAIGN.WINDOW_ALREADY_CLOSED', { details: { closesAt: JIUJIANG.closesAt } });
    });

    it('refuses moving an opened window’s start past now, and takes a later deadline with the start kept', () => {
      const later = '2021-07-30T00:00:00+08:00';
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at: '2021-07-01T00:00:00+08:00', actor: committee, changes: { applicationWindow: { opensAt: '2021-07-05T00:00:00+08:00', closesAt: later } }, reason: '推迟开始' })
        .thenThrows('CAMPAIGN.WINDOW_ALREADY_OPEN', { details: { errors: [{ field: 'changes.applicationWindow.opensAt' }] } });
      // Later but still before now rewrites who could apply when: refused too.
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at: '2021-07-01T00:00:00+08:00', actor: committee, changes: { applicationWindow: { opensAt: '2021-06-20T00:00:00+08:00', closesAt: later } }, reason: '推迟开始' })
        .thenThrows('CAMPAIGN.WINDOW_ALREADY_OPEN');
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at: '2021-07-01T00:00:00+08:00', actor: committee, changes: { applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: later } }, reason: '延长报名' })
        .thenMatches([{ type: 'CampaignRulesAmended' }]);
    });

    it('refuses a new deadline in the past', () => {
      spec()
        .given(published)
        .when({ type: 'AmendCampaignRules', campaignId: id, at: '2021-07-20T00:00:00+08:00', actor: committee, changes: { applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: '2021-07-19T00:00:00+08:00' } }, reason: '提前截止' })
        .thenThrows('CAMPAIGN.WINDOW_IN_PAST');
    });

    it('refuses publishing again', () => {
      spec().given(published).when({ type: 'PublishCampaign', campaignId: id, at, actor: committee }).thenThrows('CAMPAIGN.ILLEGAL_TRANSITION', { details: { currentState: 'published' } });
    });

    it('refuses a draft amendment', () => {
      spec()
        .given(published)
        .when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { title: 'x' } })
        .thenThrows('CAMPAIGN.ILLEGAL_TRANSITION', {
          details: { allowedActions: ['amend_rules', 'close'], allowedActionLabels: [{ action: 'amend_rules', label: '修改竞赛规则' }, { action: 'close', label: '结束竞赛活动' }] },
        });
    });

    it('names the allowed actions in Chinese in the refusal, not by their codes', () => {
      const e = spec().given(published).when({ type: 'PublishCampaign', campaignId: id, at, actor: committee }).thenThrows('CAMPAIGN.ILLEGAL_TRANSITION');
      expect(e.messageZh).toContain('当前可办理：修改竞赛规则、结束竞赛活动。');
      expect(e.messageZh).not.toMatch(/amend_rules|close_application_window/);
    });

    it('closes the application window for the scheduler once closesAt has passed (a midnight deadline at that instant)', () => {
      spec().given(published).when({ type: 'CloseApplicationWindow', campaignId: id, at: JIUJIANG.closesAt, actor: SYSTEM_ACTOR }).then([windowClosed]);
    });

    it('refuses closing the window early', () => {
      spec()
        .given(published)
        .when({ type: 'CloseApplicationWindow', campaignId: id, at: '2021-07-22T23:00:00+08:00', actor: committee })
        .thenThrows('CAMPAIGN.WINDOW_NOT_DUE', { kind: 'unprocessable' });
    });

    it('refuses a unit closing the window', () => {
      spec().given(published).when({ type: 'CloseApplicationWindow', campaignId: id, at: '2021-08-01T00:00:00Z', actor: unit }).thenThrows('CAMPAIGN.FORBIDDEN');
    });

    it('closes the window only once', () => {
      spec().given([...published, windowClosed]).when({ type: 'CloseApplicationWindow', campaignId: id, at: '2021-08-01T00:00:00Z', actor: SYSTEM_ACTOR }).thenNothing();
      expect(allowedCampaignActions(state([...published, windowClosed]))).toEqual(['amend_rules', 'close']);
    });

    it('closes the campaign with a reason', () => {
      spec().given(published).when({ type: 'CloseCampaign', campaignId: id, at, actor: committee, reason: '竞赛结束' }).then([{ type: 'CampaignClosed', data: { campaignId: id, reason: '竞赛结束' } }]);
    });
  });

  describe('when the campaign is closed', () => {
    const closed: CampaignEvent[] = [created, jiujiangPublished, { type: 'CampaignClosed', data: { campaignId: id, reason: null } }];

    it('refuses closing it again, with nothing allowed', () => {
      spec().given(closed).when({ type: 'CloseCampaign', campaignId: id, at, actor: committee }).thenThrows('CAMPAIGN.ILLEGAL_TRANSITION', { details: { currentState: 'closed', allowedActions: [] } });
    });

    it('ignores a late window-closing from the scheduler', () => {
      spec().given(closed).when({ type: 'CloseApplicationWindow', campaignId: id, at: '2021-08-01T00:00:00Z', actor: SYSTEM_ACTOR }).thenNothing();
    });

    it('refuses a rules amendment, saying the campaign is over rather than pointing to a draft', () => {
      const e = spec()
        .given(closed)
        .when({ type: 'AmendCampaignRules', campaignId: id, at, actor: committee, changes: { reportingCadence: 'monthly' }, reason: 'x' })
        .thenThrows('CAMPAIGN.ILLEGAL_TRANSITION');
      expect(e.messageEn).toBe('The campaign is closed; it cannot have its rules amended. The campaign is over; its rules can no longer change.');
      expect(e.messageZh).toBe('竞赛活动当前为“已结束”状态，不能修改竞赛规则。竞赛活动已结束，规则不能再修改。该活动已结束，不能再办理任何事项。');
    });

    it('refuses a draft edit saying it is over', () => {
      const e = spec().given(closed).when({ type: 'AmendCampaignDraft', campaignId: id, at, actor: committee, changes: { title: 'x' } }).thenThrows('CAMPAIGN.ILLEGAL_TRANSITION');
      expect(e.messageEn).toBe('The campaign is closed; it cannot be edited as a draft. The campaign is over; it can no longer change.');
    });
  });

  it('never mutates the state it folds', () => {
    const before = state([created, jiujiangPublished]);
    const frozen = JSON.stringify(before);
    campaignDecider.evolve(before, amendedV2);
    campaignDecider.evolve(before, windowClosed);
    campaignDecider.evolve(before, { type: 'CampaignDraftAmended', data: { campaignId: id, changes: { title: 'x' } } });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

describe('what a campaign offers now', () => {
  it('offers publishing a draft only while its closing time is ahead (as the decider refuses it after)', () => {
    expect(campaignActionsNow(state([created]), at)).toEqual(['amend_draft', 'publish', 'close']);
    expect(campaignActionsNow(state([created]), '2021-07-23T00:00:01+08:00')).toEqual(['amend_draft', 'close']);
    spec().given([created]).when({ type: 'PublishCampaign', campaignId: id, at: '2021-07-23T00:00:01+08:00', actor: committee }).thenThrows('CAMPAIGN.WINDOW_ALREADY_PASSED');
  });

  it('knows the organising committee, the only one that acts on a campaign', () => {
    expect(isOrganizerCommittee(committee, JIUJIANG.committeeOrgId)).toBe(true);
    expect(isOrganizerCommittee(otherCommittee, JIUJIANG.committeeOrgId)).toBe(false);
    expect(isOrganizerCommittee({ role: 'unit', orgId: JIUJIANG.committeeOrgId }, JIUJIANG.committeeOrgId)).toBe(false);
  });
});
