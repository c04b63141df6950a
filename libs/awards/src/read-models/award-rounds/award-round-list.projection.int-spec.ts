import { projectionSpec, recorded } from '@jingsai/testing';
import { orgTreeProjection } from '@jingsai/organizations';
import { Projection } from '@jingsai/event-store';
import { awardRoundListProjection } from './award-round-list.projection';
import { latestRoundOf, listRounds, objectionDetails } from './award-round-list.queries';
import { honourRegisterProjection } from '../honours/honour-register.projection';

const stream = { streamId: 'awardRound-r1' };
const office = { metadata: { actor: { userId: 'u-office', role: 'award_office' as const, orgId: 'jj' } } };
const org = (orgId: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind: 'committee', level: 'city', ownership: null, industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });
const created = recorded('AwardRoundCreated', { roundId: 'r1', campaignId: 'c1', awardType: 'may_day_medal', honourLevel: 'city', ruleSetId: 'jj', ruleSetVersion: 1, pools: [], subQuotas: [], quotasByRecommender: [], levels: [], minimumNoticeWorkingDays: 5, ratios: [], clearances: { byNomineeKind: {}, stateOwnedExtra: [] } }, { ...stream, ...office });
const nominee = (id: string) => ({ kind: 'person', id, name: id, orgId: 'ent-a' });
const nominated = (n: string, substitute = false) => recorded('NominationSubmitted', { roundId: 'r1', nominationId: n, pool: 'regular', nominee: nominee(`p-${n}`), recommenderOrgId: 'xy', substitute, order: 1 }, stream);

const scopeOf = (orgId: string, ancestors: string[]) => ({ kind: 'org' as const, orgId, ancestors, path: `/${[...ancestors, orgId].join('/')}/` });

// One projection over all three tables it reads (its own, the org tree and the honours).
const combined: Projection = {
  name: 'award_rounds_with_joins',
  version: 1,
  setup: (db) => [orgTreeProjection, honourRegisterProjection, awardRoundListProjection].forEach((p) => p.setup(db)),
  reset: (db) => [orgTreeProjection, honourRegisterProjection, awardRoundListProjection].forEach((p) => p.reset(db)),
  apply: (e, db) => [orgTreeProjection, honourRegisterProjection, awardRoundListProjection].forEach((p) => (!p.eventTypes || p.eventTypes.includes(e.type) ? p.apply(e, db) : undefined)),
};

describe('award round list projection', () => {
  const flow = [
    org('jx', []), org('jj', ['jx']), org('xy', ['jx', 'jj']), org('lx', ['jx', 'jj']),
    created, nominated('n1'), nominated('n2'), nominated('n3', true),
    recorded('PublicNoticeStarted', { roundId: 'r1', startsOn: '2024-10-08', lastDay: '2024-10-12', endsAt: '2024-10-12T16:00:00.000Z' }, stream),
    recorded('ObjectionRaised', { roundId: 'r1', objectionId: 'o1', nominationId: 'n1', objector: { kind: 'individual', realName: '李四', contact: '138' }, grounds: '材料不实' }, stream),
    recorded('ObjectionUpheld', { roundId: 'r1', objectionId: 'o1', nominationId: 'n1', note: '经核实属实' }, stream),
    recorded('NominationWithdrawnAfterObjection', { roundId: 'r1', nominationId: 'n1', objectionId: 'o1' }, stream),
    recorded('SubstitutePromoted', { roundId: 'r1', nominationId: 'n3', replacesNominationId: 'n1', recommenderOrgId: 'xy', pool: 'regular' }, stream),
    recorded('PublicNoticeEnded', { roundId: 'r1', endsAt: '2024-10-12T16:00:00.000Z' }, stream),
  ];

  it('follows the stage and counts active nominations, scoped to the subtree and the levels above', () => {
    const page = (orgId: string, ancestors: string[]) => (db: any) =>
      listRounds(db, { scope: scopeOf(orgId, ancestors), limit: 10, offset: 0, today: '2024-10-20' }).items.map((r) => [r.roundId, r.stage, r.activeNominations, r.notice?.lastDay]);
    projectionSpec(combined).given(flow).then(page('jj', ['jx']), [['r1', 'notice_ended', 2, '2024-10-12']]);
    projectionSpec(combined).given(flow).then(page('xy', ['jx', 'jj']), [['r1', 'notice_ended', 2, '2024-10-12']]);
    projectionSpec(combined).given([...flow, org('other', [])]).then(page('other', []), []);
  });

  it('reads a notice given ahead of its first day as 公示待开始 until then', () => {
    const label = (today: string) => (db: any) => listRounds(db, { scope: scopeOf('jj', ['jx']), limit: 10, offset: 0, today }).items[0]!.stageLabel.zh;
    const scheduled = flow.filter((e) => ['AwardRoundCreated', 'OrganizationRegistered', 'NominationSubmitted', 'PublicNoticeStarted'].includes(e.type));
    projectionSpec(combined).given(scheduled).then(label('2024-10-07'), '公示待开始');
    projectionSpec(combined).given(scheduled).then(label('2024-10-08'), '公示中');
    // Past its last day and not yet recorded as ended: nobody can object any more.
    projectionSpec(combined).given(scheduled).then(label('2024-10-13'), '公示期已满');
  });

  describe('when a round above names its recommending organisations', () => {
    const round = (roundId: string, orgId: string, quotasByRecommender: Array<{ orgId: string; quota: number }>) =>
      recorded('AwardRoundCreated', { ...created.data, roundId, quotasByRecommender }, { streamId: `awardRound-${roundId}`, metadata: { actor: { userId: 'u', role: 'award_office' as const, orgId } } });
    const world = [org('jx', []), org('jj', ['jx']), org('xy', ['jx', 'jj']), org('lx', ['jx', 'jj']), org('ent-x', ['jx', 'jj', 'xy'])];
    const rounds = [created, round('r-xy', 'jj', [{ orgId: 'ent-x', quota: 1 }]), round('r-lx', 'lx', [])];
    const ids = (orgId: string, ancestors: string[]) => (db: any) => listRounds(db, { scope: scopeOf(orgId, ancestors), limit: 10, offset: 0, today: '2024-10-20' }).items.map((r) => r.roundId).sort();

    it('lists it to everyone under it, whichever organisations hold its quotas, and never a sibling’s own round', () => {
      projectionSpec(combined).given([...world, ...rounds]).then(ids('xy', ['jx', 'jj']), ['r-xy', 'r1']);
      projectionSpec(combined).given([...world, ...rounds]).then(ids('lx', ['jx', 'jj']), ['r-lx', 'r-xy', 'r1']);
      projectionSpec(combined).given([...world, ...rounds]).then(ids('ent-x', ['jx', 'jj', 'xy']), ['r-xy', 'r1']);
      projectionSpec(combined).given([...world, ...rounds]).then(ids('jj', ['jx']), ['r-lx', 'r-xy', 'r1']);
    });
  });

  it('keeps objections with the objector and the resolution note', () => {
    projectionSpec(combined)
      .given(flow)
      .thenMatches((db) => [...objectionDetails(db, 'r1').values()], [{ objectionId: 'o1', status: 'upheld', note: '经核实属实', objector: { realName: '李四' }, grounds: '材料不实' }]);
    projectionSpec(combined).given(flow).then((db) => latestRoundOf(db, 'c1', 'may_day_medal'), { roundId: 'r1', awardType: 'may_day_medal', ruleSetId: 'jj', ruleSetVersion: 1 });
    projectionSpec(combined).given(flow).then((db) => [latestRoundOf(db, 'c1', null)?.roundId, latestRoundOf(db, 'c1', 'model_worker')], ['r1', undefined]);
  });
});
