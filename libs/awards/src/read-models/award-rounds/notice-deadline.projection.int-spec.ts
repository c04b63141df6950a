import { dueDeadlines } from '@jingsai/api-kit';
import { projectionSpec, recorded } from '@jingsai/testing';
import { NOTICE_END_DEADLINE, noticeDeadlineProjection } from './notice-deadline.projection';

const stream = { streamId: 'awardRound-r1' };
const started = recorded('PublicNoticeStarted', { roundId: 'r1', startsOn: '2024-10-08', lastDay: '2024-10-12', endsAt: '2024-10-12T16:00:00.000Z' }, stream);
const due = (iso: string) => (db: any) => dueDeadlines(db, new Date(iso)).map((d) => [d.kind, d.streamId, d.dueAt]);

describe('notice deadline projection', () => {
  it('makes the notice end due at the end of its last day, Beijing time', () => {
    projectionSpec(noticeDeadlineProjection).given([started]).then(due('2024-10-12T15:59:59.999Z'), []);
    projectionSpec(noticeDeadlineProjection).given([started]).then(due('2024-10-12T16:00:00.000Z'), [[NOTICE_END_DEADLINE, 'awardRound-r1', '2024-10-12T16:00:00.000Z']]);
  });

  it('settles it once the notice ended', () => {
    projectionSpec(noticeDeadlineProjection)
      .given([started, recorded('PublicNoticeEnded', { roundId: 'r1', endsAt: '2024-10-12T16:00:00.000Z' }, stream)])
      .then(due('2024-10-20T00:00:00.000Z'), []);
  });

  it('settles it when a notice given ahead is taken back before it begins, and a new notice is due again (review 36 #6)', () => {
    const reopened = recorded('NominationsReopened', { roundId: 'r1', reason: '公示前调整名单' }, stream);
    projectionSpec(noticeDeadlineProjection).given([started, reopened]).then(due('2024-10-20T00:00:00.000Z'), []);
    const again = recorded('PublicNoticeStarted', { roundId: 'r1', startsOn: '2024-10-21', lastDay: '2024-10-25', endsAt: '2024-10-25T16:00:00.000Z' }, stream);
    projectionSpec(noticeDeadlineProjection).given([started, reopened, again]).then(due('2024-10-26T00:00:00.000Z'), [[NOTICE_END_DEADLINE, 'awardRound-r1', '2024-10-25T16:00:00.000Z']]);
  });
});
