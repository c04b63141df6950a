import { Worker } from 'node:worker_threads';
import { CorruptEventError, WrongExpectedRevisionError } from '../errors';
import { AppendResult } from '../event-store.port';
import { siblingScript, startWorker } from '../worker-thread';
import { AppendOutcome, AppendRequest } from './sqlite-append';
import { OpenOptions } from './sqlite-schema';

/** An error as it crosses between threads: the store's own errors keep their class and fields. */
export type WireError =
  | { kind: 'wrong_revision'; streamId: string; expected: string | number; actual: number | null }
  | { kind: 'corrupt'; position: number; streamId: string; revision: number; reason: string }
  | { kind: 'error'; name: string; message: string; code?: string };

export type WireOutcome = { ok: true; result: AppendResult } | { ok: false; error: WireError };

export type WriterRequest = { type: 'write'; id: number; reqs: AppendRequest[] } | { type: 'close' };
export type WriterReply = { type: 'written'; id: number; outcomes: WireOutcome[] } | { type: 'failed'; id: number; error: WireError } | { type: 'closed' };

export function toWire(e: unknown): WireError {
  if (e instanceof WrongExpectedRevisionError) return { kind: 'wrong_revision', streamId: e.streamId, expected: e.expected, actual: e.actual };
  if (e instanceof CorruptEventError) return { kind: 'corrupt', position: e.position, streamId: e.streamId, revision: e.revision, reason: e.reason };
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return { kind: 'error', name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function fromWire(w: WireError): Error {
  if (w.kind === 'wrong_revision') return new WrongExpectedRevisionError(w.streamId, w.expected, w.actual);
  if (w.kind === 'corrupt') return new CorruptEventError(w.position, w.streamId, w.revision, w.reason);
  const err = w.name === 'TypeError' ? new TypeError(w.message) : new Error(w.message);
  if (w.name !== 'TypeError') err.name = w.name;
  if (w.code) (err as { code?: string }).code = w.code;
  return err;
}

/**
 * The event log's group commit in a worker thread, on its own connection: the main thread
 * goes on parsing, loading and deciding while a batch is hashed, written and synced to disk
 * (with synchronous=FULL the sync is most of a commit's time, and it used to stop the whole
 * service). One batch is in flight at a time; what is appended meanwhile is the next batch.
 */
export class SqliteWriterThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (o: AppendOutcome[]) => void; reject: (e: Error) => void }>();
  private closed: Promise<void> | null = null;
  private exited = false;
  private closedReply: (() => void) | null = null;

  constructor(options: OpenOptions) {
    this.worker = startWorker(siblingScript(__dirname, __filename, 'sqlite-writer.worker'), { workerData: options });
    this.worker.on('message', (m: WriterReply) => this.receive(m));
    this.worker.on('error', (e) => this.end(new Error(`the event log's writer thread failed: ${e.message}`)));
    this.worker.on('exit', (code) => this.end(new Error(`the event log's writer thread exited (code ${code})`)));
  }

  /** Writes one batch: an outcome per append, or the error that rolled the whole batch back. */
  write(reqs: AppendRequest[]): Promise<AppendOutcome[]> {
    if (this.exited || this.closed) return Promise.reject(new Error("the event log's writer thread is closed"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ type: 'write', id, reqs });
    });
  }

  /** Closes the writer's connection and ends the thread (after the batch in flight). */
  close(): Promise<void> {
    this.closed ??= (async () => {
      if (this.exited) return;
      const replied = new Promise<void>((resolve) => (this.closedReply = resolve));
      this.post({ type: 'close' });
      await replied;
      await this.worker.terminate();
    })();
    return this.closed;
  }

  private receive(m: WriterReply): void {
    if (m.type === 'closed') {
      this.closedReply?.();
      return;
    }
    const waiter = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (!waiter) return;
    if (m.type === 'failed') waiter.reject(fromWire(m.error));
    else waiter.resolve(m.outcomes.map((o) => (o.ok ? o : { ok: false, error: fromWire(o.error) })));
  }

  /** The thread is gone: nothing in flight is known to be written; each waiter hears why. */
  private end(error: Error): void {
    if (this.exited) return;
    this.exited = true;
    this.closedReply?.();
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  private post(m: WriterRequest): void {
    this.worker.postMessage(m);
  }
}
