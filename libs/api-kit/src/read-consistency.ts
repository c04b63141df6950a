import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { PROJECTION_RUNNER } from './tokens';

/** Longest a request waits for the read models to reach a position. */
export const MAX_CONSISTENCY_WAIT_MS = 5000;

/** Longest a query that names no position waits for this process's own writes before it answers anyway. */
export const IMPLICIT_WAIT_MS = 1000;

/**
 * Read-your-writes without coupling writes to reads: a query may name the position it needs
 * (`minPosition` / `X-Min-Position`) and waits, bounded, until the read models reach it.
 * Commands whose checks read a read model (scope, organisation tree) first catch up with the
 * log as it stands, so a check never runs on a stale tree.
 */
@Injectable()
export class ReadConsistency {
  /** The highest log position this process has appended, and the highest the read models were seen at. */
  private written = 0;
  private reached = 0;

  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  /** Told the position of every append this process makes (the repository's listener). */
  noteWritten(position: number): void {
    if (position > this.written) this.written = position;
  }

  /** Whether a write of this process may not be in the read models yet (no read of the checkpoints when none is). */
  behindOwnWrites(): boolean {
    if (this.written <= this.reached) return false;
    this.reached = Math.max(this.reached, this.runner.position());
    return this.written > this.reached;
  }

  /**
   * A query that names no position still sees what was written through this process before it
   * arrived, as when the projections ran on the request thread: it waits, briefly and at most
   * IMPLICIT_WAIT_MS, for the read models to reach the last append, and then answers as they
   * stand (never a refusal: a client that needs a guarantee names the position). With the
   * projections in their own thread a client's next request can arrive before they have applied
   * its last command. Costs a comparison when the read models are not behind.
   */
  async settle(): Promise<void> {
    if (!this.behindOwnWrites() || this.runner.failure) return;
    await this.runner.waitFor(this.written, IMPLICIT_WAIT_MS);
  }

  async atLeast(position: number | undefined): Promise<void> {
    if (position === undefined || position <= 0) return;
    // No event has that position yet: waiting for it would only end in a timeout.
    if (this.runner.position() < position) {
      const head = await this.runner.headPosition();
      if (position > head) {
        throw DomainError.invalidFields(
          'REQUEST.MIN_POSITION_AHEAD',
          ['minPosition'],
          `minPosition ${position} 超出事件日志的末尾（当前为 ${head}）：请使用命令响应中的 position。`,
          `minPosition ${position} is past the end of the event log (now ${head}); pass the position a command answered with.`,
          { position, head },
        );
      }
    }
    const ok = await this.runner.waitFor(position, MAX_CONSISTENCY_WAIT_MS);
    if (!ok) throw notCaughtUp(position);
  }

  async catchUp(): Promise<void> {
    const ok = await this.runner.catchUp(MAX_CONSISTENCY_WAIT_MS);
    if (!ok) throw notCaughtUp(null);
  }

  /** The log position the read models have applied up to (what a read made now reflects). */
  position(): number {
    return this.runner.position();
  }
}

function notCaughtUp(position: number | null): DomainError {
  return new DomainError(
    'READ_MODEL.NOT_CAUGHT_UP',
    'conflict',
    '数据正在同步，请稍后重试。',
    `The read models have not reached ${position === null ? 'the head of the log' : `position ${position}`} yet; retry shortly.`,
    { position },
  );
}

/**
 * Position from `minPosition` (query) or `X-Min-Position` (header); a non-number is a 400, and so
 * are both given with different values (neither is silently preferred).
 */
export function minPositionOf(query: unknown, headers: Record<string, unknown>): number | undefined {
  const fromQuery = positionIn((query as { minPosition?: unknown } | undefined)?.minPosition);
  const fromHeader = positionIn(headers['x-min-position']);
  if (fromQuery !== undefined && fromHeader !== undefined && fromQuery !== fromHeader) {
    throw DomainError.invalidFields(
      'REQUEST.MIN_POSITION_CONFLICT',
      ['minPosition', 'X-Min-Position'],
      `查询参数 minPosition（${fromQuery}）与请求头 X-Min-Position（${fromHeader}）不一致，请只给出一个。`,
      `The minPosition query parameter (${fromQuery}) and the X-Min-Position header (${fromHeader}) differ; give one of them.`,
    );
  }
  return fromQuery ?? fromHeader;
}

function positionIn(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw DomainError.invalidFields('REQUEST.BAD_MIN_POSITION', ['minPosition'], 'minPosition 应为非负整数。', 'minPosition must be a non-negative integer.');
  }
  return n;
}
