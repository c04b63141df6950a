import { Projection } from '@jingsai/event-store';
import { ensureDeadlineTable, resetDeadlines, settleDeadline, upsertDeadline } from '@jingsai/api-kit';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { PublicNoticeStarted } from '../../application/award-domain';

export const NOTICE_END_DEADLINE = 'award_notice_end';
const OWNER = 'award_notice_deadlines';

/**
 * The end of a public notice (公示期满) as a due item: set when the notice starts, settled when
 * it ended, or when nominations were reopened (a notice taken back before it began never ends).
 * The scheduler then sends EndPublicNotice once the period has passed.
 */
export const noticeDeadlineProjection: Projection = {
  name: OWNER,
  version: 2,
  eventTypes: ['PublicNoticeStarted', 'PublicNoticeEnded', 'NominationsReopened'],
  setup(db: Database) {
    ensureDeadlineTable(db);
  },
  reset(db: Database) {
    resetDeadlines(db, OWNER);
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type === 'PublicNoticeStarted') {
      const d = (event as unknown as RecordedEvent<PublicNoticeStarted>).data;
      // A second notice (after nominations were reopened) is due again: it reopens the item the first one settled.
      upsertDeadline(db, OWNER, { kind: NOTICE_END_DEADLINE, streamId: event.streamId, key: 'notice', dueAt: d.endsAt, payload: { roundId: d.roundId, lastDay: d.lastDay } }, true);
    } else if (event.type === 'PublicNoticeEnded' || event.type === 'NominationsReopened') {
      settleDeadline(db, NOTICE_END_DEADLINE, event.streamId, 'notice');
    }
  },
};
