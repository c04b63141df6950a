import { DomainError, isCalendarDate, isRealIsoInstant } from '@jingsai/shared';
import { historyBound } from '../history/history-filter';

/** Where to stop a replay: after a revision, or after the last event that occurred at or before an instant. */
export type ReplayPoint = { revision: number } | { asOf: string };

/**
 * `"3"` → revision 3; an ISO instant → that instant (normalised), in Beijing time when it names
 * no offset; a date alone → the end of that Beijing day (the state as of that date, all of it);
 * anything else is a 400.
 */
export function parseReplayPoint(raw: string, parameter: string, dateMeans: 'end' | 'start' = 'end'): ReplayPoint {
  const value = raw.trim();
  if (/^\d{1,15}$/.test(value)) return { revision: Number(value) };
  if (isCalendarDate(value) || isRealIsoInstant(value, { offset: 'optional' })) {
    // A date alone: the state as of that day, all of it; as the start of a diff, as it stood when the day began.
    const at = isCalendarDate(value) && dateMeans === 'start' ? historyBound(value, false) - 1 : historyBound(value, true);
    if (!Number.isNaN(at)) return { asOf: new Date(at).toISOString() };
  }
  throw DomainError.invalidFields(
    'AUDIT.BAD_REPLAY_POINT',
    [parameter],
    `参数 ${parameter} 应为流版本号（如 3）或 ISO 时间（如 2021-07-01T09:00:00+08:00）。`,
    `${parameter} must be a revision (e.g. 3) or an ISO instant (e.g. 2021-07-01T09:00:00+08:00).`,
    { parameter, value: raw },
  );
}

/** Exactly one of `asOf` / `atRevision`; neither means the stream's head. */
export function replayPointOf(query: { asOf?: string; atRevision?: number }): ReplayPoint | null {
  if (query.asOf !== undefined && query.atRevision !== undefined) {
    throw DomainError.invalidFields(
      'AUDIT.AMBIGUOUS_REPLAY_POINT',
      ['asOf', 'atRevision'],
      '请只指定 asOf 或 atRevision 其中之一。',
      'Give either asOf or atRevision, not both.',
    );
  }
  if (query.atRevision !== undefined) return { revision: query.atRevision };
  if (query.asOf !== undefined) return parseReplayPoint(query.asOf, 'asOf');
  return null;
}
