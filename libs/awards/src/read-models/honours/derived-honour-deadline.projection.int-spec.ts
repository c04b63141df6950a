import { dueDeadlines } from '@jingsai/api-kit';
import { projectionSpec, recorded } from '@jingsai/testing';
import { DERIVED_HONOUR_AGAIN, derivedHonourDeadlineProjection } from './derived-honour-deadline.projection';

const r1 = { streamId: 'awardRound-r1', metadata: { occurredAt: '2025-03-01T02:00:00.000Z' } };
const r2 = { streamId: 'awardRound-r2' };
const YOUTH = 'r1/n1/youth_post_expert';
const cascaded = recorded('HonourRevoked', { roundId: 'r1', honourId: YOUTH, reason: '造假', sourceHonourId: 'r1/n1', followUp: true }, r1);
const due = (db: any) => dueDeadlines(db, new Date('2025-03-02T00:00:00.000Z')).map((d) => [d.kind, d.streamId, d.key, d.dueAt]);

describe('derived honour follow-up projection (review 44 #4, 47 #5)', () => {
  it('makes the follow-up of a derived honour revoked with its source due at once', () => {
    projectionSpec(derivedHonourDeadlineProjection).given([cascaded]).then(due, [[DERIVED_HONOUR_AGAIN, 'awardRound-r1', YOUTH, '2025-03-01T02:00:00.000Z']]);
  });

  it('leaves no item for a revocation of the honour itself, nor for a cascade recorded before the follow-up existed (nothing conferred retroactively)', () => {
    const own = recorded('HonourRevoked', { roundId: 'r1', honourId: 'r1/n1', reason: '造假' }, r1);
    const old = recorded('HonourRevoked', { roundId: 'r1', honourId: YOUTH, reason: '造假', sourceHonourId: 'r1/n1' }, r1);
    projectionSpec(derivedHonourDeadlineProjection).given([own, old]).then(due, []);
  });

  it('settles it when the honour is conferred again in another round, or the follow-up is closed, whichever came, on a rebuild too', () => {
    const again = recorded('DerivedHonourConferred', { roundId: 'r2', honourId: 'r2/n9/youth_post_expert', sourceHonourId: 'r2/n9', replaces: { roundId: 'r1', honourId: YOUTH } }, r2);
    projectionSpec(derivedHonourDeadlineProjection).given([cascaded, again]).then(due, []);
    const closed = recorded('DerivedHonourFollowUpClosed', { roundId: 'r1', honourId: YOUTH, outcome: 'none_qualifies', heldHonourId: null, checked: [] }, r1);
    projectionSpec(derivedHonourDeadlineProjection).given([cascaded, closed]).then(due, []);
    // A derived honour conferred with its source (no replaces) settles nothing.
    const withSource = recorded('DerivedHonourConferred', { roundId: 'r2', honourId: 'r2/n9/youth_post_expert', sourceHonourId: 'r2/n9' }, r2);
    projectionSpec(derivedHonourDeadlineProjection).given([cascaded, withSource]).then(due, [[DERIVED_HONOUR_AGAIN, 'awardRound-r1', YOUTH, '2025-03-01T02:00:00.000Z']]);
  });
});
