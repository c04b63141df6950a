import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { PROJECTION_RUNNER } from './tokens';

/** Longest a request waits for the read models to reach a position. */
export const MAX_CONSISTENCY_WAIT_MS = 5000;

/**
 * Read-your-writes without coupling writes to reads: a query may name the position it needs
 * (`minPosition` / `X-Min-Position`) and waits, bounded, until the read models reach it.
 * Commands whose checks read a read model (scope, organisation tree) first catch up with the
 * log as it stands, so a check never runs on a stale tree.
 */
@Injectable()
export class ReadConsistency {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

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

/** Position from `minPosition` (query) or `X-Min-Position` (header); a non-number is a 400. */
export function minPositionOf(query: unknown, headers: Record<string, unknown>): number | undefined {
  const raw = (query as { minPosition?: unknown } | undefined)?.minPosition ?? headers['x-min-position'];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw DomainError.invalidFields('REQUEST.BAD_MIN_POSITION', ['minPosition'], 'minPosition 应为非负整数。', 'minPosition must be a non-negative integer.');
  }
  return n;
}
