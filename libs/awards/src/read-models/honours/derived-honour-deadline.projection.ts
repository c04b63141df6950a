import { Projection } from '@jingsai/event-store';
import { ensureDeadlineTable, resetDeadlines, settleDeadline, upsertDeadline } from '@jingsai/api-kit';
import { RecordedEvent, streamIdOf } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { DerivedHonourConferred, DerivedHonourFollowUpClosed, HonourRevoked } from '../../application/award-domain';

export const DERIVED_HONOUR_AGAIN = 'award_derived_honour_again';
const OWNER = 'award_derived_honour_deadlines';

/**
 * A derived honour (青年岗位能手) revoked with its source honour is a due item at once: the person
 * may hold another honour, in another round, resting on a championship too, that was conferred
 * without one because they held this (review 44 #4). The revocation's request settles it right
 * away; the item is what makes that happen even if the process stopped between the appends. It is
 * settled by the event that settles the follow-up: the derived honour conferred again (`replaces`),
 * or the follow-up closed (they hold one, or none qualifies). Revocations recorded before the
 * follow-up existed carry no `followUp` and leave no item, so nothing is conferred retroactively.
 */
export const derivedHonourDeadlineProjection: Projection = {
  name: OWNER,
  version: 2,
  eventTypes: ['HonourRevoked', 'DerivedHonourConferred', 'DerivedHonourFollowUpClosed'],
  setup(db: Database) {
    ensureDeadlineTable(db);
  },
  reset(db: Database) {
    resetDeadlines(db, OWNER);
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type === 'HonourRevoked') {
      const d = (event as unknown as RecordedEvent<HonourRevoked>).data;
      if (!d.followUp) return;
      upsertDeadline(db, OWNER, { kind: DERIVED_HONOUR_AGAIN, streamId: event.streamId, key: d.honourId, dueAt: event.metadata.occurredAt, payload: { roundId: d.roundId, honourId: d.honourId } });
    } else if (event.type === 'DerivedHonourConferred') {
      const d = (event as unknown as RecordedEvent<DerivedHonourConferred>).data;
      if (d.replaces) settleDeadline(db, DERIVED_HONOUR_AGAIN, streamIdOf('awardRound', d.replaces.roundId), d.replaces.honourId);
    } else if (event.type === 'DerivedHonourFollowUpClosed') {
      settleDeadline(db, DERIVED_HONOUR_AGAIN, event.streamId, (event as unknown as RecordedEvent<DerivedHonourFollowUpClosed>).data.honourId);
    }
  },
};
