import type { Position, ReadPosition } from '@kurrent/kurrentdb-client';

/*
 * Why one number per event is enough (and which one).
 *
 * KurrentDB positions are `{ commit, prepare }`: byte offsets in the transaction log of the commit
 * record and of the event's own prepare record. Since explicit (TCP) transactions stopped being
 * written, every append (gRPC `appendToStream`, 20.x and later) writes each event as one prepare
 * record flagged `IsCommitted` (plus TransactionBegin/End on the first/last of a batch); there is no
 * separate commit record. The $all reader reports such an event with
 * `commit = prepare = the log position of that prepare record` (KurrentDB AllReader:
 * `new CommitEventRecord(eventRecord, prepare.LogPosition)`). So each event has its own offset,
 * events of one batch get consecutive increasing offsets, and $all order is offset order.
 *
 * The port's number is therefore that offset: `position = Number(commit)` (== prepare). It is
 * strictly increasing in $all order and never 0 (the log starts with epoch/system records), so 0
 * keeps meaning "from the start". Going back, `n` becomes `{ commit: n, prepare: n }`:
 * subscriptions to $all start strictly after it; `readAll` starts AT it, so the adapter drops
 * events with a position <= n. Positions are not dense (gaps of a few hundred bytes): callers
 * compare them, they never count with them.
 *
 * Records from legacy explicit transactions (commit != prepare) cannot be one number without
 * ambiguity and are refused loudly instead of being mis-ordered. Offsets beyond 2^53 (9 PB of
 * log) are refused as well.
 */

/** The port's position (a JS number) of a KurrentDB event position. */
export function toPortPosition(position: Position): number {
  if (position.commit !== position.prepare) {
    throw new RangeError(
      `KurrentDB position commit=${position.commit} prepare=${position.prepare} comes from a legacy explicit ` +
        'transaction; this adapter needs commit == prepare (events written by appendToStream)',
    );
  }
  if (position.commit < 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`KurrentDB position ${position.commit} does not fit a safe JS number`);
  }
  return Number(position.commit);
}

/** The KurrentDB position of a port position (> 0). */
export function toKurrentPosition(position: number): Position {
  assertPortPosition(position);
  const p = BigInt(position);
  return { commit: p, prepare: p };
}

/**
 * Where to start a read or subscription for an exclusive port position: START for 0, else the
 * event's own position (subscriptions resume after it; reads include it and the adapter drops it).
 */
export function toReadPosition(fromPosition: number | undefined): ReadPosition {
  if (fromPosition === undefined || fromPosition === 0) return 'start';
  return toKurrentPosition(fromPosition);
}

/** True when an event at `position` comes strictly after the exclusive start `fromPosition`. */
export function isAfter(position: number, fromPosition: number | undefined): boolean {
  return position > (fromPosition ?? 0);
}

function assertPortPosition(position: number): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`position must be a non-negative safe integer, got ${position}`);
  }
}
