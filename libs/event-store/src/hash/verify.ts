import { RecordedEvent } from '@jingsai/shared';
import { CorruptEventError } from '../errors';
import { EventStore, StreamHead } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from './event-hash';

export type BrokenLinkProblem = 'hash_mismatch' | 'prev_hash_mismatch' | 'revision_gap' | 'position_order' | 'unreadable' | 'missing_tail';

/** The first place a stream's chain does not hold. */
export interface BrokenLink {
  streamId: string;
  revision: number;
  position: number;
  problem: BrokenLinkProblem;
  expected: string;
  found: string;
}

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  brokenLinks: BrokenLink[];
}

export interface VerifyOptions {
  /** Verify only this stream. */
  streamId?: string;
  /** Events read per call (default 1000). */
  batchSize?: number;
  /** Called after each batch with the events checked so far and the head position at the start. */
  onProgress?: (checked: number, head: number) => void;
}

interface Chain {
  nextRevision: number;
  lastHash: string;
  broken: boolean;
}

/** Reads a page after a cursor; knows how to move the cursor past an event or past an unreadable one. */
interface Pager {
  read(cursor: number, maxCount: number): Promise<RecordedEvent[]>;
  after(event: RecordedEvent): number;
  afterCorrupt(error: CorruptEventError): number;
}

/**
 * Walks the log through the port (any adapter) and checks the hash chain of every stream:
 * revisions contiguous from 0, `prevHash` equal to the previous event's `hash` (GENESIS_HASH
 * for revision 0), the stored `hash` equal to the recomputed one, and global positions
 * strictly increasing. Reports the first broken link of each stream only; an event the store
 * cannot read is reported as 'unreadable' and the walk continues after it.
 */
export async function verifyEventLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const head = await store.headPosition();
  const streamId = options.streamId;
  const pager: Pager = streamId
    ? {
        read: (cursor, maxCount) => store.readStream(streamId, { fromRevision: cursor, maxCount }),
        after: (e) => e.revision + 1,
        afterCorrupt: (e) => e.revision + 1,
      }
    : {
        read: (cursor, maxCount) => store.readAll({ fromPosition: cursor, maxCount }),
        after: (e) => e.position,
        afterCorrupt: (e) => e.position,
      };

  const chains = new Map<string, Chain>();
  const brokenLinks: BrokenLink[] = [];
  let lastPosition = 0;
  let checked = 0;
  const chainOf = (id: string): Chain => {
    let chain = chains.get(id);
    if (!chain) chains.set(id, (chain = { nextRevision: 0, lastHash: GENESIS_HASH, broken: false }));
    return chain;
  };
  const breakChain = (chain: Chain, link: BrokenLink) => {
    chain.broken = true;
    brokenLinks.push(link);
  };

  let cursor = 0;
  // When a batch holds an unreadable event, re-read it one event at a time so the readable events before it are checked too.
  let singleReads = 0;
  for (;;) {
    let events: RecordedEvent[];
    try {
      events = await pager.read(cursor, singleReads > 0 ? 1 : batchSize);
    } catch (error) {
      if (!(error instanceof CorruptEventError)) throw error;
      if (singleReads === 0 && batchSize > 1) {
        singleReads = batchSize;
        continue;
      }
      const next = pager.afterCorrupt(error);
      if (next <= cursor) throw error; // the adapter cannot skip past it: stop rather than loop
      cursor = next;
      checked++;
      singleReads = 0;
      const chain = chainOf(error.streamId);
      if (!chain.broken) {
        breakChain(chain, link(error.streamId, error.revision, error.position, 'unreadable', 'a readable event', error.reason));
      }
      lastPosition = Math.max(lastPosition, error.position);
      continue;
    }
    if (singleReads > 0) singleReads--;
    if (events.length === 0) break;
    for (const event of events) {
      checked++;
      cursor = pager.after(event);
      const chain = chainOf(event.streamId);
      const problem = checkEvent(event, chain, lastPosition);
      lastPosition = Math.max(lastPosition, event.position);
      if (chain.broken) continue;
      if (problem) {
        breakChain(chain, problem);
        continue;
      }
      chain.nextRevision = event.revision + 1;
      chain.lastHash = event.metadata.hash!;
    }
    options.onProgress?.(checked, head);
  }
  if (store.streamHeads) {
    for (const recorded of await store.streamHeads(streamId)) {
      const chain = chainOf(recorded.streamId);
      if (!chain.broken) {
        const problem = checkHead(recorded, chain);
        if (problem) breakChain(chain, problem);
      }
    }
  }
  return { ok: brokenLinks.length === 0, eventsChecked: checked, streamsChecked: chains.size, brokenLinks };
}

/**
 * One stream's chain checked as its events are read in order (a replay's fold), with the same
 * checks as {@link verifyEventLog}: only what was read is checked, plus, by `checkHead`, that the
 * head the store recorded is still there with its hash.
 */
export class StreamChainCheck {
  private readonly chain: Chain = { nextRevision: 0, lastHash: GENESIS_HASH, broken: false };
  private lastPosition = 0;
  readonly brokenLinks: BrokenLink[] = [];

  constructor(private readonly streamId: string) {}

  /** The next event of the stream, in revision order, read with its hashes. */
  check(event: RecordedEvent): void {
    const problem = checkEvent(event, this.chain, this.lastPosition);
    this.lastPosition = Math.max(this.lastPosition, event.position);
    if (this.chain.broken) return;
    if (problem) {
      this.chain.broken = true;
      this.brokenLinks.push(problem);
      return;
    }
    this.chain.nextRevision = event.revision + 1;
    this.chain.lastHash = event.metadata.hash!;
  }

  /**
   * The next event by its link alone (revision in order, `prevHash` the hash before it), its own
   * hash taken as stored, not recomputed: the stream past what a replay folded.
   */
  checkLink(event: RecordedEvent): void {
    if (this.chain.broken) return;
    const { streamId, revision, position, metadata } = event;
    const problem =
      revision !== this.chain.nextRevision ? link(streamId, revision, position, 'revision_gap', String(this.chain.nextRevision), String(revision))
      : metadata.prevHash !== this.chain.lastHash ? link(streamId, revision, position, 'prev_hash_mismatch', this.chain.lastHash, String(metadata.prevHash))
      : null;
    if (problem) {
      this.chain.broken = true;
      this.brokenLinks.push(problem);
      return;
    }
    this.chain.nextRevision = revision + 1;
    this.chain.lastHash = metadata.hash!;
  }

  /** The recorded head's event, read by its revision (undefined: gone): missing or with another hash, the tail was cut or altered. */
  checkHead(recorded: StreamHead | undefined, headEvent: RecordedEvent | undefined): void {
    if (this.chain.broken || !recorded) return;
    if (headEvent?.revision === recorded.revision && headEvent.metadata.hash === recorded.hash) return;
    const found = headEvent ? `revision ${headEvent.revision} (${String(headEvent.metadata.hash)})` : 'no such event';
    this.chain.broken = true;
    this.brokenLinks.push(link(this.streamId, recorded.revision, headEvent?.position ?? 0, 'missing_tail', `revision ${recorded.revision} (${recorded.hash})`, found));
  }
}

/**
 * Every link of a chain can hold while its last events are gone: the walk then ends early and
 * sees nothing wrong. The head the store records apart from the events (revision and hash of
 * the last append) tells; an event missing at the end is reported at the first missing revision.
 */
function checkHead(recorded: StreamHead, chain: Chain): BrokenLink | null {
  const last = chain.nextRevision - 1;
  if (last === recorded.revision && chain.lastHash === recorded.hash) return null;
  const found = last < 0 ? 'no events' : `revision ${last} (${chain.lastHash})`;
  return link(recorded.streamId, last + 1, 0, 'missing_tail', `revision ${recorded.revision} (${recorded.hash})`, found);
}

function checkEvent(event: RecordedEvent, chain: Chain, lastPosition: number): BrokenLink | null {
  const { streamId, revision, position, metadata } = event;
  if (position <= lastPosition) {
    return link(streamId, revision, position, 'position_order', `a position after ${lastPosition}`, String(position));
  }
  if (chain.broken) return null;
  if (revision !== chain.nextRevision) {
    return link(streamId, revision, position, 'revision_gap', String(chain.nextRevision), String(revision));
  }
  if (metadata.prevHash !== chain.lastHash) {
    return link(streamId, revision, position, 'prev_hash_mismatch', chain.lastHash, String(metadata.prevHash));
  }
  let recomputed: string;
  try {
    recomputed = computeEventHash(chain.lastHash, event);
  } catch (e) {
    return link(streamId, revision, position, 'unreadable', 'a hashable event', (e as Error).message);
  }
  if (recomputed !== metadata.hash) {
    return link(streamId, revision, position, 'hash_mismatch', recomputed, String(metadata.hash));
  }
  return null;
}

function link(streamId: string, revision: number, position: number, problem: BrokenLinkProblem, expected: string, found: string): BrokenLink {
  return { streamId, revision, position, problem, expected, found };
}
