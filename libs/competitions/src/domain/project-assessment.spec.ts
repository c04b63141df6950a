import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { AddAssessor, ConflictWaiver, OpenAssessment } from './project-assessment.commands';
import { ancestorExpert, assessorActor, base, descendantExpert, expert, inProgress, projectOrgPath, sameOrgExpert, scheme, scored, underAssessment } from './project-loop.fixtures';
import { AssessorProfile } from './project-loop.state';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { cityCommittee, drafted, P, unit } from './project.fixtures';
import { Project } from './project.state';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-11-01T10:00:00+08:00';
const trio = [expert(1), expert(2), expert(3)];
const open = (assessors: AssessorProfile[] = trio, over: Partial<OpenAssessment> & { actor?: Actor } = {}): OpenAssessment => ({
  type: 'OpenAssessment',
  ...base(at, over.actor ?? cityCommittee),
  assessors,
  projectOrgPath,
  scheme,
  rulesVersion: 2,
  ...over,
});
const openedEvent = (assessors: AssessorProfile[]): ProjectEvent => ({ type: 'AssessmentOpened', data: { projectId: P.projectId, rulesVersion: 2, scheme, projectOrgPath, assessors, openedAt: at, openedByOrgId: 'jj-committee' } });
const waiver = (a: AssessorProfile, relation: 'same_org' | 'ancestor' | 'descendant', reason: string): ProjectEvent => ({
  type: 'ConflictOfInterestWaived',
  data: { projectId: P.projectId, assessorUserId: a.userId, assessorName: a.name, assessorOrgId: a.orgId, relation, reason },
});
const add = (assessor: AssessorProfile, over: Partial<AddAssessor> = {}): AddAssessor => ({ type: 'AddAssessor', ...base(at, cityCommittee), assessor, reason: '专家 3 因病无法评分', ...over });
const declare = (n: number, reason = '曾为该企业提供咨询服务') => ({ type: 'DeclareConflictOfInterest' as const, ...base(at, assessorActor(n)), reason });

describe('opening assessment (评估考核)', () => {
  it('opens with a locked assessor set under the scheme in force', () => {
    spec().given(inProgress).when(open()).then([openedEvent(trio)]);
  });

  it('moves the project under assessment and keeps the scheme and assessors', () => {
    spec()
      .given(inProgress)
      .when(open())
      .thenState((s) => {
        const p = s as Project;
        expect(p.status).toBe('under_assessment');
        expect(p.assessment).toMatchObject({ rulesVersion: 2, scheme, assessors: trio.map((a) => ({ ...a, addedAfterLock: null, waiver: null, declaredConflict: null })), result: null });
      });
  });

  describe.each([
    ['of the project’s own organisation', sameOrgExpert, 'same_org'],
    ['of an ancestor organisation', ancestorExpert, 'ancestor'],
    ['of a descendant organisation', descendantExpert, 'descendant'],
  ] as const)('with an assessor %s', (_label, conflicted, relation) => {
    it('refuses, naming who and why', () => {
      const err = spec()
        .given(inProgress)
        .when(open([...trio, conflicted]))
        .thenThrows('PROJECT.ASSESSOR_CONFLICT', { kind: 'unprocessable', details: { conflicts: [{ userId: conflicted.userId, name: conflicted.name, orgId: conflicted.orgId, relation }] } });
      expect(err.messageZh).toContain(conflicted.name);
      // The field a form marks: the fourth assessor's organisation (review 37 #12).
      expect(err.details.errors).toEqual([expect.objectContaining({ field: 'assessors[3].orgId' })]);
    });

    it('allows it with a waiver, recorded with the reason', () => {
      const waivers: ConflictWaiver[] = [{ userId: conflicted.userId, reason: ' 本地区该专业仅此一名高级技师 ' }];
      spec()
        .given(inProgress)
        .when(open([...trio, conflicted], { waivers }))
        .then([openedEvent([...trio, conflicted]), waiver(conflicted, relation, '本地区该专业仅此一名高级技师')]);
    });
  });

  it('names every conflicted assessor at once', () => {
    spec()
      .given(inProgress)
      .when(open([...trio, sameOrgExpert, ancestorExpert], { waivers: [{ userId: sameOrgExpert.userId, reason: '唯一专家' }] }))
      .thenThrows('PROJECT.ASSESSOR_CONFLICT', { details: { conflicts: [{ userId: ancestorExpert.userId }] } });
  });

  it('refuses a waiver for someone without a conflict, or without a reason', () => {
    spec().given(inProgress).when(open(trio, { waivers: [{ userId: 'a-1', reason: '无' }] })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'waivers[0].userId' }] } });
    spec()
      .given(inProgress)
      .when(open([...trio, sameOrgExpert], { waivers: [{ userId: sameOrgExpert.userId, reason: '' }] }))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'waivers[0].reason' }] } });
  });

  it('refuses fewer assessors than the scheme requires, naming have and need', () => {
    spec().given(inProgress).when(open([expert(1), expert(2)])).thenThrows('PROJECT.NOT_ENOUGH_ASSESSORS', { details: { have: 2, need: 3 } });
  });

  it('refuses an assessor listed twice or without an org path', () => {
    spec().given(inProgress).when(open([...trio, expert(1)])).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'assessors[3].userId' }] } });
    spec()
      .given(inProgress)
      .when(open([...trio.slice(0, 2), { ...expert(3), orgPath: undefined as never }]))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'assessors[2].orgPath' }] } });
  });

  it('refuses an invalid scheme or rules version', () => {
    spec()
      .given(inProgress)
      .when(open(trio, { scheme: { ...scheme, criteria: [{ key: 'quality', name: '比质量', weight: 50 }] }, rulesVersion: 0 }))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'scheme.criteria' }, { field: 'rulesVersion' }] } });
  });

  it('refuses opening by a unit, before approval, or twice', () => {
    spec().given(inProgress).when(open(trio, { actor: unit })).thenThrows('PROJECT.FORBIDDEN');
    spec().given([drafted]).when(open()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'draft' } });
    spec().given(underAssessment()).when(open()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'under_assessment' } });
  });
});

describe('the locked assessor set', () => {
  it('adds an assessor only as an explicit, recorded decision', () => {
    spec()
      .given(underAssessment())
      .when(add(expert(4)))
      .then([{ type: 'AssessorAddedAfterLock', data: { projectId: P.projectId, assessor: expert(4), reason: '专家 3 因病无法评分' } }]);
  });

  it('marks the added assessor in state', () => {
    spec()
      .given(underAssessment())
      .when(add(expert(4)))
      .thenState((s) => expect((s as Project).assessment!.assessors[3]).toMatchObject({ userId: 'a-4', addedAfterLock: { reason: '专家 3 因病无法评分' } }));
  });

  it('refuses an addition without a reason', () => {
    spec().given(underAssessment()).when(add(expert(4), { reason: ' ' })).thenThrows('PROJECT.REASON_REQUIRED');
  });

  it('refuses adding someone already assigned', () => {
    spec().given(underAssessment()).when(add(expert(2))).thenThrows('PROJECT.ASSESSOR_ALREADY_ASSIGNED', { kind: 'conflict' });
  });

  it('corrects an assigned assessor’s wrongly registered organisation before they score, with a reason, checking conflicts again', () => {
    const moved = expert(2, { orgId: 'univ-9', name: '专家2' });
    spec()
      .given(underAssessment())
      .when(add(moved, { reason: '指派时登记单位有误' }))
      .then([{ type: 'AssessorOrganisationCorrected', data: { projectId: P.projectId, assessor: moved, previousOrgId: 'univ-2', reason: '指派时登记单位有误' } }]);
    spec()
      .given(underAssessment())
      .when(add(moved, { reason: '指派时登记单位有误' }))
      .thenState((s) => expect((s as Project).assessment!.assessors.find((a) => a.userId === 'a-2')).toMatchObject({ orgId: 'univ-9', addedAfterLock: null }));
    // Into a conflict: only with a waiver, recorded as its own event.
    const intoConflict = { ...ancestorExpert, userId: 'a-2' };
    spec().given(underAssessment()).when(add(intoConflict)).thenThrows('PROJECT.ASSESSOR_CONFLICT');
    // Not once they scored under the old one.
    spec().given([...underAssessment(), scored(2, 80)]).when(add(moved)).thenThrows('PROJECT.ASSESSOR_ORG_NOT_CORRECTABLE', { kind: 'conflict' });
  });

  it('checks conflicts on addition too, and records a waiver when given', () => {
    spec().given(underAssessment()).when(add(ancestorExpert)).thenThrows('PROJECT.ASSESSOR_CONFLICT', { details: { conflicts: [{ relation: 'ancestor' }] } });
    spec()
      .given(underAssessment())
      .when(add(ancestorExpert, { waiverReason: '县总工会推荐的唯一评审专家' }))
      .then([
        { type: 'AssessorAddedAfterLock', data: { projectId: P.projectId, assessor: ancestorExpert, reason: '专家 3 因病无法评分' } },
        waiver(ancestorExpert, 'ancestor', '县总工会推荐的唯一评审专家'),
      ]);
  });

  it('refuses additions before assessment has opened, or by a unit', () => {
    spec().given(inProgress).when(add(expert(4))).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'in_progress' } });
    spec().given(underAssessment()).when({ ...add(expert(4)), actor: unit }).thenThrows('PROJECT.FORBIDDEN');
  });
});

describe('declared conflict of interest (回避)', () => {
  it('is recorded by the assessor, before scoring', () => {
    spec()
      .given(underAssessment())
      .when(declare(2))
      .then([{ type: 'ConflictOfInterestDeclared', data: { projectId: P.projectId, assessorUserId: 'a-2', reason: '曾为该企业提供咨询服务', scoreExcluded: false } }]);
  });

  it('says when an existing score is thereby excluded', () => {
    spec().given([...underAssessment(), scored(2, 88)]).when(declare(2)).thenMatches([{ type: 'ConflictOfInterestDeclared', data: { assessorUserId: 'a-2', scoreExcluded: true } }]);
  });

  it('treats a second declaration as a repeat', () => {
    const declared: ProjectEvent = { type: 'ConflictOfInterestDeclared', data: { projectId: P.projectId, assessorUserId: 'a-2', reason: 'x', scoreExcluded: false } };
    spec().given([...underAssessment(), declared]).when(declare(2)).thenNothing();
  });

  it('refuses a declaration without a reason, by someone not assigned, or by a committee', () => {
    spec().given(underAssessment()).when(declare(2, '')).thenThrows('PROJECT.REASON_REQUIRED');
    spec().given(underAssessment()).when(declare(5)).thenThrows('PROJECT.ASSESSOR_NOT_ASSIGNED', { kind: 'forbidden' });
    spec().given(underAssessment()).when({ ...declare(2), actor: cityCommittee }).thenThrows('PROJECT.FORBIDDEN');
  });

  it('takes a declaration from the assessor acting for another organisation than assigned: stepping aside needs no conflict check', () => {
    spec()
      .given(underAssessment())
      .when({ ...declare(2), actor: { ...assessorActor(2), orgId: 'elsewhere' } })
      .thenMatches([{ type: 'ConflictOfInterestDeclared', data: { assessorUserId: assessorActor(2).userId } }]);
  });
});
