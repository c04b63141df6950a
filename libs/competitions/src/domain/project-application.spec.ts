import { DeciderSpec } from '@jingsai/testing';
import { submissionProblems } from './project-application';
import { JIUJIANG } from './campaign.fixtures';
import { DraftProject, SubmitProject } from './project.commands';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import {
  afterClose,
  beforeClose,
  cityCommittee,
  drafted,
  extensionGranted,
  implementationPlan,
  otherUnit,
  P,
  registrationForm,
  returnedByCounty,
  snapshot,
  submitted,
  unit,
} from './project.fixtures';
import { EXTENSION_MAY_DAY_NOTE, extensionNote, projectRefusalError, projectSubmissionRefusedError } from './project-refusal.error';

const spec = () => DeciderSpec.for(projectDecider);
const draft = (over: Partial<DraftProject> = {}): DraftProject => ({
  type: 'DraftProject',
  projectId: P.projectId,
  at: '2021-07-01T10:00:00+08:00',
  actor: unit,
  campaign: snapshot(),
  campaignId: P.campaignId,
  orgId: P.orgId,
  title: ' 炼化装置技能比武 ',
  category: 'skills',
  registrationForm,
  implementationPlan,
  ...over,
});
const submit = (at: string, over: Partial<SubmitProject> = {}): SubmitProject => ({ type: 'SubmitProject', projectId: P.projectId, at, actor: unit, campaign: snapshot(), ...over });
const refused = (attemptedAt: string, extensionUntil: string | null = null): ProjectEvent => ({
  type: 'ProjectSubmissionRefused',
  data: { projectId: P.projectId, reason: 'window_closed', windowClosesAt: JIUJIANG.closesAt, attemptedAt, extensionUntil },
});

describe('project application (申报)', () => {
  describe('drafting', () => {
    it('drafts a project for the unit’s own organisation', () => {
      spec().given([]).when(draft()).then([drafted]);
    });

    it('records a project of another category that is also a skills contest, and lets the unit change it while editing (review 50 #2)', () => {
      const npSkills = draft({ category: 'non_public', skillsContest: true, campaign: snapshot({ categories: ['skills', 'non_public'] }) });
      spec().given([]).when(npSkills).thenMatches([{ type: 'ProjectDrafted', data: { category: 'non_public', skillsContest: true } }]);
      spec().given([]).when(npSkills).thenState((s) => expect(s).toMatchObject({ category: 'non_public', skillsContest: true }));
      const edit = { type: 'EditProjectDraft' as const, projectId: P.projectId, at: beforeClose, actor: unit, campaign: snapshot(), changes: { skillsContest: false } };
      spec().given([drafted]).when(edit).then([{ type: 'ProjectDraftEdited', data: { projectId: P.projectId, changes: { skillsContest: false } } }]);
    });

    it('allows an incomplete draft', () => {
      spec()
        .given([])
        .when(draft({ registrationForm: { ...registrationForm, contactName: '', contactPhone: '' }, implementationPlan: { ...implementationPlan, goals: '', startsOn: '' } }))
        .thenMatches([{ type: 'ProjectDrafted' }]);
    });

    it('refuses wrong values in a draft, listing them all', () => {
      const error = spec()
        .given([])
        .when(draft({ title: '', registrationForm: { ...registrationForm, contactPhone: 'call me', headcount: -3 }, implementationPlan: { ...implementationPlan, startsOn: '2021-13-01', endsOn: '2021-12-31' } }))
        .thenThrows('PROJECT.INVALID', { kind: 'validation' });
      expect(error.details.errors!.map((e) => e.field)).toEqual(['title', 'registrationForm.contactPhone', 'registrationForm.headcount', 'implementationPlan.startsOn']);
    });

    it('refuses a plan that ends before it starts and unknown plan targets', () => {
      const error = spec()
        .given([])
        .when(draft({ implementationPlan: { ...implementationPlan, startsOn: '2022-01-01', targets: [{ metric: 'gold' as never, target: 0 }] } }))
        .thenThrows('PROJECT.INVALID');
      expect(error.details.errors!.map((e) => e.field)).toEqual(['implementationPlan', 'implementationPlan.targets[0].metric', 'implementationPlan.targets[0].target']);
    });

    it('refuses a fraction of a count as a plan target, as the campaign refuses it; a measured one may have one (review 41 #10)', () => {
      const error = spec()
        .given([])
        .when(draft({ implementationPlan: { ...implementationPlan, targets: [{ metric: 'participant_times', target: 1.5 }, { metric: 'energy_saved_tce', target: 2.5 }] } }))
        .thenThrows('PROJECT.INVALID');
      expect(error.details.errors).toEqual([expect.objectContaining({ field: 'implementationPlan.targets[0].target', messageZh: '目标值应为整数（单位：人次）。' })]);
    });

    it('refuses a category the campaign does not have', () => {
      spec().given([]).when(draft({ category: 'ankang_cup' })).thenThrows('PROJECT.CATEGORY_NOT_IN_CAMPAIGN', { kind: 'validation' });
    });

    it('refuses a draft for another organisation or by a committee', () => {
      spec().given([]).when(draft({ actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN', { kind: 'forbidden' });
      spec().given([]).when(draft({ actor: cityCommittee })).thenThrows('PROJECT.FORBIDDEN');
    });

    it('refuses a draft in an unpublished or closed campaign', () => {
      spec().given([]).when(draft({ campaign: snapshot({ status: 'draft', rulesVersion: 0 }) })).thenThrows('PROJECT.CAMPAIGN_NOT_PUBLISHED');
      spec().given([]).when(draft({ campaign: snapshot({ status: 'closed' }) })).thenThrows('PROJECT.CAMPAIGN_CLOSED');
    });

    it('refuses a campaign snapshot of another campaign', () => {
      spec().given([]).when(draft({ campaign: snapshot({ campaignId: 'other' }) })).thenThrows('PROJECT.CAMPAIGN_MISMATCH');
    });

    it('refuses drafting the same project twice', () => {
      spec().given([drafted]).when(draft()).thenThrows('PROJECT.ALREADY_EXISTS', { kind: 'conflict' });
    });
  });

  describe('editing', () => {
    const edit = (changes: object, over: object = {}) => ({ type: 'EditProjectDraft' as const, projectId: P.projectId, at: beforeClose, actor: unit, campaign: snapshot(), changes, ...over });

    it('records only what changed', () => {
      spec()
        .given([drafted])
        .when(edit({ title: '炼化装置技能比武', category: 'mass_innovation' }))
        .then([{ type: 'ProjectDraftEdited', data: { projectId: P.projectId, changes: { category: 'mass_innovation' } } }]);
    });

    it('replaces a form whole and keeps the status', () => {
      const form = { ...registrationForm, headcount: 400 };
      spec()
        .given([drafted, submitted(), returnedByCounty])
        .when(edit({ registrationForm: form }))
        .thenState((s) => expect(s).toMatchObject({ status: 'returned', registrationForm: form }));
    });

    it('treats an edit to the same values as a repeat', () => {
      spec().given([drafted]).when(edit({ implementationPlan: { ...implementationPlan } })).thenNothing();
    });

    it('refuses an empty edit, a wrong value and another category', () => {
      spec().given([drafted]).when(edit({})).thenThrows('PROJECT.NOTHING_TO_EDIT');
      spec().given([drafted]).when(edit({ registrationForm: { ...registrationForm, headcount: 1.5 } })).thenThrows('PROJECT.INVALID');
      spec()
        .given([drafted])
        .when(edit({ registrationForm: { ...registrationForm, headcount: 1e20, participatingEnterprises: 100_000_000 } }))
        .thenThrows('PROJECT.INVALID', {
          details: { errors: [{ field: 'registrationForm.headcount', messageEn: expect.stringContaining('at most 10000000') }, { field: 'registrationForm.participatingEnterprises' }] },
        });
      spec().given([drafted]).when(edit({ category: 'leading' })).thenThrows('PROJECT.CATEGORY_NOT_IN_CAMPAIGN');
    });

    it('refuses an edit once submitted, naming the state and what is allowed', () => {
      spec()
        .given([drafted, submitted()])
        .when(edit({ title: 'x' }))
        .thenThrows('PROJECT.ILLEGAL_TRANSITION', {
          kind: 'illegal_state',
          details: { currentState: 'submitted', allowedActions: ['withdraw'] },
        });
    });

    it('refuses an edit by another unit and of an unknown project', () => {
      spec().given([drafted]).when(edit({ title: 'x' }, { actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN');
      spec().given([]).when(edit({ title: 'x' })).thenThrows('PROJECT.NOT_FOUND', { kind: 'not_found' });
    });
  });

  describe('submitting while the window is open', () => {
    it('submits on time', () => {
      spec().given([drafted]).when(submit(beforeClose)).then([submitted()]);
    });

    it('records that the first submission was on time', () => {
      spec()
        .given([drafted])
        .when(submit(beforeClose))
        .thenState((s) => expect(s).toMatchObject({ status: 'submitted', application: { firstSubmissionOnTime: true, refusals: [], submissions: [{ submittedAt: beforeClose, rulesVersion: 1 }] } }));
    });

    it('submits under the rules version in force', () => {
      spec().given([drafted]).when(submit(beforeClose, { campaign: snapshot({ rulesVersion: 3 }) })).then([submitted({ rulesVersion: 3 })]);
    });

    it('refuses before the window opens', () => {
      spec().given([drafted]).when(submit('2021-06-14T23:59:00+08:00')).thenThrows('PROJECT.WINDOW_NOT_OPEN', { kind: 'unprocessable', details: { windowOpensAt: JIUJIANG.opensAt } });
    });

    it('refuses an incomplete application, listing what is missing', () => {
      const incomplete: ProjectEvent = { type: 'ProjectDrafted', data: { ...(drafted.data as object), registrationForm: { contactName: '', contactPhone: '', headcount: 0 }, implementationPlan: { goals: '', startsOn: '', endsOn: '', measures: '' } } as never };
      const error = spec().given([incomplete]).when(submit(beforeClose)).thenThrows('PROJECT.APPLICATION_INCOMPLETE');
      expect(error.details.errors!.map((e) => e.field)).toEqual([
        'registrationForm.contactName',
        'registrationForm.contactPhone',
        'registrationForm.headcount',
        'implementationPlan.goals',
        'implementationPlan.measures',
        'implementationPlan.startsOn',
        'implementationPlan.endsOn',
      ]);
    });

    it('refuses a plan outside the campaign’s years, and takes one that starts before its period within them (review 50 #8)', () => {
      const planned = (startsOn: string, endsOn: string): ProjectEvent => ({ type: 'ProjectDrafted', data: { ...(drafted.data as any), implementationPlan: { ...(drafted.data as any).implementationPlan, startsOn, endsOn } } });
      const span = { startsOn: '2021-08-01', endsOn: '2021-12-31' };
      const error = spec().given([planned('2019-01-01', '2025-12-31')]).when(submit(beforeClose, { campaign: snapshot({ span }) })).thenThrows('PROJECT.PLAN_OUTSIDE_CAMPAIGN', { kind: 'unprocessable' });
      expect(error.details.errors!.map((e) => e.field)).toEqual(['implementationPlan.startsOn', 'implementationPlan.endsOn']);
      expect(error.messageZh).toContain('竞赛实施方案的开始日期 2019-01-01 早于竞赛活动所在年度，应在 2021 年度内（活动期间 2021-08-01 至 2021-12-31）');
      spec().given([planned('2021-07-01', '2021-12-31')]).when(submit(beforeClose, { campaign: snapshot({ span }) })).thenMatches([{ type: 'ProjectSubmitted' }]);
      // Within the year but over before the period begins: no overlap (review 52 #4).
      const before = spec().given([planned('2021-01-01', '2021-06-30')]).when(submit(beforeClose, { campaign: snapshot({ span }) })).thenThrows('PROJECT.PLAN_OUTSIDE_CAMPAIGN');
      expect(before.details.errors).toEqual([expect.objectContaining({ field: 'implementationPlan.endsOn', messageZh: expect.stringContaining('早于竞赛活动开始，与活动期间没有重叠') })]);
      // What submit would refuse is listed with what is missing, so submit is not offered first (review 51 #7).
      expect(submissionProblems({ title: 't', registrationForm: (drafted.data as any).registrationForm, implementationPlan: { ...(drafted.data as any).implementationPlan, startsOn: '2019-01-01' } }, undefined, span).map((p) => p.field)).toEqual(['implementationPlan.startsOn']);
    });

    it('refuses when the campaign dropped the project’s category', () => {
      spec().given([drafted]).when(submit(beforeClose, { campaign: snapshot({ categories: ['key_project'] }) })).thenThrows('PROJECT.CATEGORY_NOT_IN_CAMPAIGN');
    });

    it('refuses in an unpublished or closed campaign', () => {
      spec().given([drafted]).when(submit(beforeClose, { campaign: snapshot({ status: 'draft' }) })).thenThrows('PROJECT.CAMPAIGN_NOT_PUBLISHED');
      spec().given([drafted]).when(submit(beforeClose, { campaign: snapshot({ status: 'closed' }) })).thenThrows('PROJECT.CAMPAIGN_CLOSED');
    });

    it('refuses a submission by a committee or another unit', () => {
      spec().given([drafted]).when(submit(beforeClose, { actor: cityCommittee })).thenThrows('PROJECT.FORBIDDEN');
      spec().given([drafted]).when(submit(beforeClose, { actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN');
    });

    it('refuses submitting twice', () => {
      spec().given([drafted, submitted()]).when(submit(beforeClose)).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'submitted' } });
    });

    it('resubmits after a return while the window is open', () => {
      spec().given([drafted, submitted(), returnedByCounty]).when(submit('2021-07-21T10:00:00+08:00')).then([submitted({ resubmission: true, submittedAt: '2021-07-21T10:00:00+08:00' })]);
    });
  });

  describe('when the window has closed (the Jiujiang rule)', () => {
    it('records a late first submission as a refusal instead of submitting', () => {
      spec().given([drafted]).when(submit(afterClose)).then([refused(afterClose)]);
    });

    it('counts the whole second a deadline of 23:59:59 names as in time, and the next as late (review 40 #1)', () => {
      // As forms write one: a submission at 23:59:59.3 was refused, and barred from awards for good.
      const at2359 = { campaign: snapshot({ applicationWindow: { opensAt: JIUJIANG.opensAt, closesAt: '2021-07-22T23:59:59+08:00' } }) };
      spec().given([drafted]).when(submit('2021-07-22T23:59:59.300+08:00', at2359)).then([submitted({ submittedAt: '2021-07-22T23:59:59.300+08:00' })]);
      spec().given([drafted]).when(submit('2021-07-23T00:00:00.000+08:00', at2359)).thenMatches([{ type: 'ProjectSubmissionRefused', data: { windowClosesAt: '2021-07-22T23:59:59+08:00' } }]);
    });

    it('ends a deadline at a Beijing midnight at that instant: it names the end of the day before (review 42 #2)', () => {
      // 2021-07-23T00:00:00+08:00 reads as 2021-07-22 24:00: half a second past it is 23 July, late.
      spec().given([drafted]).when(submit('2021-07-22T15:59:59.999Z')).then([submitted({ submittedAt: '2021-07-22T15:59:59.999Z' })]);
      spec().given([drafted]).when(submit(JIUJIANG.closesAt)).then([refused(JIUJIANG.closesAt)]);
      spec().given([drafted]).when(submit('2021-07-23T00:00:00.500+08:00')).then([refused('2021-07-23T00:00:00.500+08:00')]);
    });

    it('writes a retry on the same Beijing day nothing more, refusing it as the recorded one (review 35 #4); the next day is recorded again', () => {
      const sameDay = new Date(Date.parse(afterClose) + 60_000).toISOString();
      const repeat = spec().given([drafted, refused(afterClose)]).when(submit(sameDay)).thenThrows('PROJECT.WINDOW_CLOSED', { kind: 'conflict', details: { recorded: false, recordedAttemptAt: afterClose } });
      expect(repeat.messageZh).toContain('的逾期提交已记录在案，本次不再重复记录');
      const nextDay = new Date(Date.parse(afterClose) + 86_400_000).toISOString();
      spec().given([drafted, refused(afterClose)]).when(submit(nextDay)).then([refused(nextDay)]);
    });

    it('keeps the refusal in the state and stays a draft', () => {
      spec()
        .given([drafted])
        .when(submit(afterClose))
        .thenState((s) => expect(s).toMatchObject({ status: 'draft', application: { refusals: [{ attemptedAt: afterClose }], firstSubmissionOnTime: null } }));
    });

    it('refuses a resubmission after a return once the window has closed', () => {
      spec().given([drafted, submitted(), returnedByCounty]).when(submit(afterClose)).then([refused(afterClose)]);
    });

    it('records the refusal even for an incomplete application', () => {
      const incomplete: ProjectEvent = { type: 'ProjectDrafted', data: { ...(drafted.data as object), title: '项目', registrationForm: { contactName: '', contactPhone: '', headcount: 0 } } as never };
      spec().given([incomplete]).when(submit(afterClose)).then([refused(afterClose)]);
    });

    it('accepts a resubmission under an extension granted to the project', () => {
      const until = '2021-07-30T00:00:00+08:00';
      spec()
        .given([drafted, submitted(), returnedByCounty, extensionGranted(until)])
        .when(submit(afterClose))
        .then([submitted({ resubmission: true, underExtension: true, submittedAt: afterClose })]);
    });

    it('accepts a first submission under an extension but marks it not on time', () => {
      spec()
        .given([drafted, extensionGranted('2021-07-30T00:00:00+08:00')])
        .when(submit(afterClose))
        .thenState((s) => expect(s).toMatchObject({ status: 'submitted', application: { firstSubmissionOnTime: false, submissions: [{ underExtension: true }] } }));
    });

    it('keeps the first submission on time after a resubmission under extension', () => {
      spec()
        .given([drafted, submitted(), returnedByCounty, extensionGranted('2021-07-30T00:00:00+08:00')])
        .when(submit(afterClose))
        .thenState((s) => expect(s).toMatchObject({ application: { firstSubmissionOnTime: true } }));
    });

    it('refuses once the extension has expired, citing it', () => {
      const until = '2021-07-25T00:00:00+08:00';
      spec().given([drafted, submitted(), returnedByCounty, extensionGranted(until)]).when(submit(until)).then([refused(until, until)]);
    });

    it('holds an extension until 18:00:00 through that second, as the deadline (review 42 #6)', () => {
      const until = '2021-07-25T18:00:00+08:00';
      const under = [drafted, submitted(), returnedByCounty, extensionGranted(until)];
      spec().given(under).when(submit('2021-07-25T18:00:00.500+08:00')).thenMatches([{ type: 'ProjectSubmitted' }]);
      spec().given(under).when(submit('2021-07-25T18:00:01+08:00')).then([refused('2021-07-25T18:00:01+08:00', until)]);
    });

    it('still refuses an illegal state rather than recording a refusal', () => {
      spec().given([drafted, submitted()]).when(submit(afterClose)).thenThrows('PROJECT.ILLEGAL_TRANSITION');
    });
  });

  describe('the refusal as an error for the client', () => {
    it('maps the refusal to PROJECT.WINDOW_CLOSED with the deadline in Beijing time', () => {
      const error = projectSubmissionRefusedError(refused(afterClose) as never);
      expect(error).toMatchObject({ code: 'PROJECT.WINDOW_CLOSED', kind: 'unprocessable', details: { windowClosesAt: JIUJIANG.closesAt, attemptedAt: afterClose, recorded: true } });
      expect(error.messageZh).toContain('2021-07-22 24:00');
      expect(error.messageZh).toContain('视为未参赛');
      expect(error.messageEn).toContain('extension');
    });

    it('does not tell a project first filed on time that it has not entered: only the resubmission is late', () => {
      const error = projectSubmissionRefusedError(refused(afterClose) as never, true);
      expect(error.messageZh).toContain('本项目首次报送在截止之前，参赛资格不受影响');
      expect(error.messageZh).not.toContain('视为未参赛');
      expect(error.details).toMatchObject({ enteredOnTime: true });
    });

    it('mentions an expired extension', () => {
      const error = projectSubmissionRefusedError(refused(afterClose, '2021-07-23T08:00:00+08:00') as never);
      expect(error.messageZh).toContain('延期也已于 2021-07-23 08:00 到期');
    });

    it('finds the refusal among decided events, or nothing', () => {
      expect(projectRefusalError([refused(afterClose)])?.code).toBe('PROJECT.WINDOW_CLOSED');
      expect(projectRefusalError([submitted()])).toBeNull();
    });
  });

  describe('what an extension means for awards', () => {
    it('tells a project first filed on time that it has entered, and any other that it stays a late entry (review 54 #3)', () => {
      expect(extensionNote({ application: { firstSubmissionOnTime: true } }).zh).toContain('已按时报名');
      expect(extensionNote({ application: { firstSubmissionOnTime: false } })).toBe(EXTENSION_MAY_DAY_NOTE);
      // Never submitted before the deadline (a draft given an extension).
      expect(extensionNote({ application: { firstSubmissionOnTime: null } }).zh).toContain('仍属逾期报名');
    });
  });
});
