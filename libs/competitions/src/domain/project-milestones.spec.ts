import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { CommendationRecipient } from './project-loop.state';
import { assessed, assessorActor, base, inProgress, projectOrgPath, underAssessment } from './project-loop.fixtures';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { cityCommittee, drafted, otherUnit, P, unit } from './project.fixtures';
import { Project } from './project.state';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-09-20T10:00:00+08:00';
const milestone = (over: Partial<{ milestoneId: string; title: string; reachedOn: string; description: string; actor: Actor }> = {}) => ({
  type: 'RecordMilestone' as const,
  ...base(at, over.actor ?? unit),
  milestoneId: 'm-1',
  title: '常减压装置大检修完成',
  reachedOn: '2021-09-18',
  description: '提前 5 天完成',
  ...over,
});
const recorded: ProjectEvent = { type: 'MilestoneRecorded', data: { projectId: P.projectId, milestoneId: 'm-1', title: '常减压装置大检修完成', reachedOn: '2021-09-18', description: '提前 5 天完成' } };
const team: CommendationRecipient = { kind: 'team', name: '常减压车间检修班', orgId: 'team-1' };
const commend = (over: Partial<{ commendationId: string; milestoneId: string; recipient: CommendationRecipient; citation: string; actor: Actor; recipientOrgPath: string[] | null; teamOrg: { orgId: string; name: string; kind: string; label: string } }> = {}) => ({
  type: 'GiveInstantCommendation' as const,
  ...base(at, over.actor ?? cityCommittee),
  commendationId: 'c-1',
  milestoneId: 'm-1',
  recipient: team,
  citation: '检修提前完成，质量零缺陷',
  recipientOrgPath: [...projectOrgPath, P.orgId] as string[] | null,
  ...over,
});
const commended: ProjectEvent = {
  type: 'InstantCommendationGiven',
  data: { projectId: P.projectId, commendationId: 'c-1', milestoneId: 'm-1', recipient: team, citation: '检修提前完成，质量零缺陷', givenByOrgId: cityCommittee.orgId },
};

describe('milestones (重要推进节点)', () => {
  it('lets the unit record one', () => {
    spec().given(inProgress).when(milestone()).then([recorded]);
  });

  it('lets a committee record one, also during assessment', () => {
    spec().given(underAssessment()).when(milestone({ actor: cityCommittee })).then([recorded]);
  });

  it('refuses a milestone dated after today', () => {
    spec().given(inProgress).when(milestone({ reachedOn: '2021-09-21' })).thenThrows('PROJECT.DATE_IN_FUTURE', { details: { errors: [{ field: 'reachedOn' }] } });
  });

  it('refuses a milestone, like an inspection, dated before the project began', () => {
    spec().given(inProgress).when(milestone({ reachedOn: '2019-05-01' })).thenThrows('PROJECT.DATE_BEFORE_PROJECT', { details: { errors: [{ field: 'reachedOn' }] } });
    spec()
      .given(inProgress)
      .when({ type: 'RecordInspection', ...base(at, cityCommittee), inspectionId: 'i-old', inspectedOn: '2019-05-01', findings: [] } as never)
      .thenThrows('PROJECT.DATE_BEFORE_PROJECT', { details: { errors: [{ field: 'inspectedOn' }] } });
  });

  it('refuses a missing title or a malformed date', () => {
    spec().given(inProgress).when(milestone({ title: ' ', reachedOn: '2021-9-18' })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'title' }, { field: 'reachedOn' }] } });
  });

  it('refuses a reused milestone id', () => {
    spec().given([...inProgress, recorded]).when(milestone()).thenThrows('PROJECT.DUPLICATE_ID');
  });

  it('refuses other units and assessors', () => {
    spec().given(inProgress).when(milestone({ actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN');
    spec().given(inProgress).when(milestone({ actor: assessorActor(1) })).thenThrows('PROJECT.FORBIDDEN', { details: { allowedRoles: ['unit', 'committee'] } });
  });

  it('refuses a milestone before approval or after assessment', () => {
    spec().given([drafted]).when(milestone()).thenThrows('PROJECT.ILLEGAL_TRANSITION');
    spec().given(assessed).when(milestone()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'assessed' } });
  });
});

describe('instant commendation (即时表彰)', () => {
  it('is given by a committee at a recorded milestone', () => {
    spec().given([...inProgress, recorded]).when(commend()).then([commended]);
  });

  it('may name a person without an organisation', () => {
    spec()
      .given([...inProgress, recorded])
      .when(commend({ recipient: { kind: 'person', name: ' 刘建国 ' } }))
      .then([{ ...commended, data: { ...commended.data, recipient: { kind: 'person', name: '刘建国', orgId: null } } } as ProjectEvent]);
  });

  it('is kept in state for award rounds', () => {
    spec()
      .given([...inProgress, recorded])
      .when(commend())
      .thenState((s) => expect((s as Project).progress.commendations).toEqual([{ commendationId: 'c-1', milestoneId: 'm-1', recipient: team, citation: '检修提前完成，质量零缺陷', givenByOrgId: cityCommittee.orgId }]));
  });

  it('refuses an unknown milestone', () => {
    spec().given(inProgress).when(commend()).thenThrows('PROJECT.MILESTONE_NOT_FOUND', { kind: 'not_found' });
  });

  it('refuses a unit commending itself', () => {
    spec().given([...inProgress, recorded]).when(commend({ actor: unit })).thenThrows('PROJECT.FORBIDDEN');
  });

  it('refuses a bad recipient kind, a blank name or citation', () => {
    spec()
      .given([...inProgress, recorded])
      .when(commend({ recipient: { kind: 'unit' as never, name: '' }, citation: '' }))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'recipient.kind' }, { field: 'recipient.name' }, { field: 'citation' }] } });
  });

  it('refuses a reused commendation id', () => {
    spec().given([...inProgress, recorded, commended]).when(commend()).thenThrows('PROJECT.DUPLICATE_ID');
  });

  it('may name the project’s own organisation as the recipient’s', () => {
    const own: CommendationRecipient = { kind: 'person', name: '刘建国', orgId: P.orgId };
    spec().given([...inProgress, recorded]).when(commend({ recipient: own, recipientOrgPath: projectOrgPath })).then([{ ...commended, data: { ...commended.data, recipient: own } } as ProjectEvent]);
  });

  it('records a person’s id, the one award nominations name them by', () => {
    const person: CommendationRecipient = { kind: 'person', name: '李师傅', orgId: null, id: 'li-shifu' };
    spec().given([...inProgress, recorded]).when(commend({ recipient: person })).then([{ ...commended, data: { ...commended.data, recipient: person } } as ProjectEvent]);
  });

  it('commends a recipient once per milestone: the same team, the same person id, or the same name in the same organisation', () => {
    const again = commend({ commendationId: 'c-2', recipient: { ...team, name: '检修班' } });
    spec().given([...inProgress, recorded, commended]).when(again).thenThrows('PROJECT.COMMENDATION_DUPLICATE', { kind: 'conflict', details: { commendationId: 'c-1' } });
    const li = { type: 'InstantCommendationGiven', data: { ...commended.data, recipient: { kind: 'person', name: '李师傅', orgId: null, id: 'li-shifu' } } } as ProjectEvent;
    spec().given([...inProgress, recorded, li]).when(commend({ commendationId: 'c-2', recipient: { kind: 'person', name: '李 师傅', id: 'li-shifu' } })).thenThrows('PROJECT.COMMENDATION_DUPLICATE');
    // Another person, or the same team at another milestone, is commended.
    spec().given([...inProgress, recorded, li]).when(commend({ commendationId: 'c-2', recipient: { kind: 'person', name: '李师傅', id: 'li-2' } })).then([
      { ...commended, data: { ...commended.data, commendationId: 'c-2', recipient: { kind: 'person', name: '李师傅', orgId: null, id: 'li-2' } } } as ProjectEvent,
    ]);
    const m2: ProjectEvent = { ...recorded, data: { ...recorded.data, milestoneId: 'm-2' } } as ProjectEvent;
    spec().given([...inProgress, recorded, commended, m2]).when(commend({ commendationId: 'c-2', milestoneId: 'm-2' })).then([{ ...commended, data: { ...commended.data, commendationId: 'c-2', milestoneId: 'm-2' } } as ProjectEvent]);
  });

  it('refuses any commendation on a project with a safety or quality accident (一票否决), not one with an occupational hazard or a later accident', () => {
    const incident = (kind: string, occurredOn: string): ProjectEvent =>
      ({ type: 'SafetyIncidentRecorded', data: { projectId: P.projectId, incidentId: `i-${kind}`, occurredOn, severity: 'minor', kind, description: '事故' } }) as ProjectEvent;
    spec()
      .given([...inProgress, recorded, incident('quality_accident', '2021-09-01')])
      .when(commend())
      .thenThrows('PROJECT.COMMENDATION_VETOED', { kind: 'unprocessable', details: { incidents: [{ kind: 'quality_accident', occurredOn: '2021-09-01' }] } });
    spec().given([...inProgress, recorded, incident('occupational_hazard', '2021-09-01')]).when(commend()).then([commended]);
    spec().given([...inProgress, recorded, incident('safety_accident', '2021-09-21')]).when(commend()).then([commended]);
  });

  it('refuses a recipient of an organisation outside the project’s, or of one not registered; nothing recorded', () => {
    const elsewhere: CommendationRecipient = { kind: 'person', name: '李四', orgId: 'lx-ent' };
    spec()
      .given([...inProgress, recorded])
      .when(commend({ recipient: elsewhere, recipientOrgPath: ['jx-province', 'jj-city', 'lx-county'] }))
      .thenThrows('PROJECT.RECIPIENT_OUTSIDE_PROJECT', { kind: 'unprocessable', details: { orgId: 'lx-ent', projectOrgId: P.orgId, errors: [{ field: 'recipient.orgId' }] } });
    spec().given([...inProgress, recorded]).when(commend({ recipient: { kind: 'team', name: '某班组', orgId: 'xy-county' }, recipientOrgPath: ['jx-province', 'jj-city'] })).thenThrows('PROJECT.RECIPIENT_OUTSIDE_PROJECT');
    spec().given([...inProgress, recorded]).when(commend({ recipientOrgPath: null })).thenThrows('PROJECT.RECIPIENT_ORG_NOT_REGISTERED', { kind: 'unprocessable' });
  });

  it('refuses, as a team, an organisation registered as anything but a 班组, by id or by name; a person of it is commended (review 54 #2, 57 #2, 58 B)', () => {
    const org = (kind: string, label: string) => ({ orgId: P.orgId, name: '纺织厂', kind, label });
    const asTeam = (kind: string, label: string, byId = true) =>
      commend({ recipient: { kind: 'team', name: '纺织厂', ...(byId ? { orgId: P.orgId } : {}) }, recipientOrgPath: ['jx-province', 'jj-city', 'xy-county'], teamOrg: org(kind, label) });
    spec()
      .given([...inProgress, recorded])
      .when(asTeam('enterprise', '企业'))
      .thenThrows('PROJECT.RECIPIENT_NOT_A_TEAM', { kind: 'unprocessable', details: { orgId: P.orgId, kind: 'enterprise', errors: [{ field: 'recipient.orgId', messageZh: expect.stringContaining('登记为“企业”，不是班组') }] } });
    spec().given([...inProgress, recorded]).when(asTeam('committee', '劳动竞赛委员会', false)).thenThrows('PROJECT.RECIPIENT_NOT_A_TEAM', { details: { errors: [{ field: 'recipient.name' }] } });
    spec().given([...inProgress, recorded]).when(asTeam('team', '班组')).then([expect.objectContaining({ type: 'InstantCommendationGiven' })]);
    const person = commend({ recipient: { kind: 'person', name: '王芳', orgId: P.orgId }, recipientOrgPath: ['jx-province', 'jj-city', 'xy-county'] });
    spec().given([...inProgress, recorded]).when(person).then([expect.objectContaining({ type: 'InstantCommendationGiven' })]);
  });

});

describe('changing an instant commendation (撤销 / 摘牌 / 暂停 / 恢复)', () => {
  const change = (kind: 'revoke' | 'withdraw' | 'suspend' | 'reinstate', over: Partial<{ reason: string; mode: string | null; actor: Actor; commendationId: string }> = {}) => ({
    type: 'ChangeInstantCommendation' as const,
    ...base(at, over.actor ?? cityCommittee),
    commendationId: over.commendationId ?? 'c-1',
    change: kind,
    reason: over.reason ?? '经查材料弄虚作假',
    mode: over.mode ?? null,
  });
  const changed = (status: string, mode: string | null = null, reason = '经查材料弄虚作假'): ProjectEvent =>
    ({ type: 'InstantCommendationStatusChanged', data: { projectId: P.projectId, commendationId: 'c-1', status, reason, mode } }) as ProjectEvent;
  const given = [...inProgress, recorded, commended];

  it('revokes for good: nothing reinstates a revoked commendation; an unknown one is not found', () => {
    spec().given(given).when(change('revoke')).then([changed('revoked')]);
    spec().given(assessed).when(change('revoke')).thenThrows('PROJECT.COMMENDATION_NOT_FOUND', { kind: 'not_found' });
    spec().given([...given, changed('revoked')]).when(change('reinstate')).thenThrows('PROJECT.COMMENDATION_ILLEGAL_TRANSITION', { details: { currentState: 'revoked', allowedActions: [] } });
    spec().given([...given, changed('revoked')]).when(change('revoke')).thenThrows('PROJECT.COMMENDATION_ILLEGAL_TRANSITION', { details: { currentState: 'revoked', allowedActions: [] } });
  });

  it('refuses to reinstate a valid commendation or suspend a suspended one, naming what it allows', () => {
    spec().given(given).when(change('reinstate')).thenThrows('PROJECT.COMMENDATION_ILLEGAL_TRANSITION', { details: { currentState: 'valid', allowedActions: ['revoke', 'withdraw', 'suspend'] } });
    spec().given([...given, changed('suspended')]).when(change('suspend')).thenThrows('PROJECT.COMMENDATION_ILLEGAL_TRANSITION', { details: { currentState: 'suspended' } });
  });

  it('suspends and reinstates; withdraws (摘牌) only with a mode', () => {
    spec().given(given).when(change('suspend', { reason: '举报待核查' })).then([changed('suspended', null, '举报待核查')]);
    spec().given([...given, changed('suspended')]).when(change('reinstate', { reason: '核查无误' })).then([changed('valid', null, '核查无误')]);
    spec().given(given).when(change('withdraw')).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'mode' }] } });
    spec().given(given).when(change('withdraw', { mode: 'ordered' })).then([changed('withdrawn', 'ordered')]);
    spec().given([...given, changed('withdrawn', 'ordered')]).when(change('suspend')).thenThrows('PROJECT.COMMENDATION_ILLEGAL_TRANSITION', { details: { allowedActions: ['revoke'] } });
  });

  it('takes a reason, and a committee', () => {
    spec().given(given).when(change('revoke', { reason: ' ' })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'reason' }] } });
    spec().given(given).when(change('revoke', { actor: unit })).thenThrows('PROJECT.FORBIDDEN');
  });

  it('keeps the status in state', () => {
    spec().given(given).when(change('suspend')).thenState((s) => expect((s as Project).progress.commendations[0]).toMatchObject({ commendationId: 'c-1', status: 'suspended' }));
  });
});
