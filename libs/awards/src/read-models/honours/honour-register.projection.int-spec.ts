import { projectionSpec, recorded } from '@jingsai/testing';
import { honourRegisterProjection } from './honour-register.projection';
import { checkHonour, honoursHeldBy, listHonours } from './honour-register.queries';

const recipient = { kind: 'person', id: 'p-zhang', name: '张师傅', orgId: 'ent-a' };
const stream = { streamId: 'awardRound-r1' };
const conferred = recorded('HonourConferred', { roundId: 'r1', honourId: 'r1/n1', nominationId: 'n1', recipient, awardType: 'may_day_medal', level: 'city', pool: 'regular', conferredOn: '2024-10-14' }, stream);
const derived = recorded(
  'DerivedHonourConferred',
  { roundId: 'r1', honourId: 'r1/n1/youth_post_expert', sourceHonourId: 'r1/n1', nominationId: 'n1', recipient, awardType: 'youth_post_expert', level: 'city', conferredOn: '2024-10-14', basis: 'age 28' },
  stream,
);
const change = (type: string, honourId: string, extra: Record<string, unknown> = {}) => recorded(type, { roundId: 'r1', honourId, reason: `${type} 原因`, ...extra }, stream);

describe('honour register projection', () => {
  it('keeps the project a round honour’s nomination rested on, for its veto review (review 51 #2)', () => {
    const submitted = recorded('NominationSubmitted', { roundId: 'r1', nominationId: 'n1', verdict: { reasons: [{ rule: 'nominee_kind_matches', facts: {} }, { rule: 'project_standing', facts: { projectId: 'p-7' } }] } }, stream);
    projectionSpec(honourRegisterProjection)
      .given([submitted, conferred, derived])
      .then((db) => db.prepare('SELECT honour_id, project_id FROM award_honours ORDER BY honour_id').raw(true).all(), [['r1/n1', 'p-7'], ['r1/n1/youth_post_expert', 'p-7']]);
    // A nomination without a project, or one recorded without a verdict, keeps none.
    projectionSpec(honourRegisterProjection)
      .given([recorded('NominationSubmitted', { roundId: 'r1', nominationId: 'n1' }, stream), conferred])
      .then((db) => db.prepare('SELECT project_id FROM award_honours').pluck().all(), [null]);
  });

  it('lists conferred honours per recipient as valid, derived ones with their source', () => {
    projectionSpec(honourRegisterProjection)
      .given([conferred, derived])
      .then((db) => listHonours(db, { recipientId: 'p-zhang', limit: 10, offset: 0 }).items.map((h) => [h.honourId, h.status, h.sourceHonourId]), [
        ['r1/n1', 'valid', null],
        ['r1/n1/youth_post_expert', 'valid', 'r1/n1'],
      ]);
  });

  it('follows suspension and reinstatement with history, and answers the check', () => {
    projectionSpec(honourRegisterProjection)
      .given([conferred, change('HonourSuspended', 'r1/n1'), change('HonourReinstated', 'r1/n1')])
      .thenMatches((db) => ({ check: checkHonour(db, 'r1/n1'), history: listHonours(db, { limit: 10, offset: 0 }).items[0]!.history.map((h: any) => h.status) }), {
        check: { valid: true, status: 'valid' },
        history: ['valid', 'suspended', 'valid'],
      });
  });

  it('never answers valid for a revoked honour, whatever follows', () => {
    projectionSpec(honourRegisterProjection)
      .given([conferred, derived, change('HonourRevoked', 'r1/n1'), change('HonourRevoked', 'r1/n1/youth_post_expert', { sourceHonourId: 'r1/n1' }), change('HonourReinstated', 'r1/n1')])
      .thenMatches((db) => ({ main: checkHonour(db, 'r1/n1'), derived: checkHonour(db, 'r1/n1/youth_post_expert'), held: honoursHeldBy(db, 'p-zhang').map((h) => h.status) }), {
        main: { valid: false, status: 'revoked', reason: 'HonourRevoked 原因' },
        derived: { valid: false, status: 'revoked' },
        held: ['revoked', 'revoked'],
      });
  });

  it('records withdrawal (摘牌) with its mode and filters by status', () => {
    projectionSpec(honourRegisterProjection)
      .given([conferred, change('HonourWithdrawn', 'r1/n1', { mode: 'natural' })])
      .thenMatches((db) => listHonours(db, { status: 'withdrawn', limit: 10, offset: 0 }), { total: 1, items: [{ honourId: 'r1/n1', statusLabel: { zh: '已摘牌' }, history: [{ modeLabel: null }, { mode: 'natural', modeLabel: '自然摘牌' }] }] });
    // The public check says how it was withdrawn too (review 55 #3).
    projectionSpec(honourRegisterProjection)
      .given([conferred, change('HonourWithdrawn', 'r1/n1', { mode: 'ordered' })])
      .thenMatches((db) => checkHonour(db, 'r1/n1')!, { valid: false, status: 'withdrawn', mode: 'ordered', modeLabel: '责令摘牌' });
  });

  describe('when a committee gives an instant commendation (即时表彰) at a milestone', () => {
    const committee = { userId: 'u-jj', role: 'committee' as const, orgId: 'jj' };
    const org = (orgId: string, kind: string, level: string) => recorded('OrganizationRegistered', { orgId, name: orgId, kind, level, parentId: null, parentPath: [] }, { streamId: `organization-${orgId}` });
    const drafted = recorded('ProjectDrafted', { projectId: 'p-1', campaignId: 'c-1', orgId: 'ent-a', title: '技能比武' }, { streamId: 'project-p-1' });
    const given = (commendationId: string, recipient: Record<string, unknown>) =>
      recorded('InstantCommendationGiven', { projectId: 'p-1', commendationId, milestoneId: 'm-1', recipient, citation: '提前完成主体工程' }, {
        streamId: 'project-p-1',
        metadata: { actor: committee, occurredAt: '2022-06-30T17:00:00.000Z' },
      });
    const events = [org('jj', 'committee', 'city'), org('t-1', 'team', 'team'), drafted, given('c-1', { kind: 'team', name: '甲班', orgId: 't-1' }), given('c-2', { kind: 'person', name: '王师傅', orgId: null })];

    it('lists it as an instant honour at the giving committee’s level, sourced from the project and milestone', () => {
      projectionSpec(honourRegisterProjection)
        .given(events)
        .thenMatches((db) => listHonours(db, { awardType: 'instant', limit: 10, offset: 0 }), {
          total: 2,
          items: [
            {
              honourId: 'instant/p-1/c-1', awardType: 'instant', awardTypeLabel: { zh: '即时表彰' }, level: 'city', conferredOn: '2022-07-01', status: 'valid',
              recipient: { kind: 'team', id: 't-1', name: '甲班', orgId: 't-1' },
              source: { kind: 'milestone', projectId: 'p-1', milestoneId: 'm-1', givenByOrgId: 'jj' },
              history: [{ event: 'InstantCommendationGiven', status: 'valid', reason: '提前完成主体工程', actorRole: 'committee' }],
            },
            { honourId: 'instant/p-1/c-2', recipient: { kind: 'person', id: null, name: '王师傅', orgId: 'ent-a' } },
          ],
        });
    });

    it('answers the check, and counts a team’s commendation among the honours it holds', () => {
      projectionSpec(honourRegisterProjection)
        .given(events)
        .thenMatches((db) => ({ check: checkHonour(db, 'instant/p-1/c-1'), held: honoursHeldBy(db, 't-1', 'team') }), {
          check: { valid: true, status: 'valid', awardType: 'instant' },
          held: [{ awardType: 'instant', level: 'city', conferredOn: '2022-07-01', status: 'valid' }],
        });
    });

    it('counts a person’s commendation among the honours they hold when it names their id, as a prerequisite honour needs', () => {
      projectionSpec(honourRegisterProjection)
        .given([...events, given('c-3', { kind: 'person', name: '李师傅', orgId: null, id: 'li-shifu' })])
        .thenMatches((db) => ({ held: honoursHeldBy(db, 'li-shifu', 'person'), anonymous: honoursHeldBy(db, '王师傅', 'person') }), {
          held: [{ awardType: 'instant', level: 'city', conferredOn: '2022-07-01', status: 'valid' }],
          anonymous: [],
        });
    });
  });
});
