import { DomainError } from '@jingsai/shared';

/** The expected revision did not match the stream's actual revision. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | null,
  ) {
    super(`wrong expected revision on ${streamId}: expected ${expected}, actual ${actual ?? 'no stream'}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** A stored event that cannot be read (bad JSON, unknown shape); names where it is. */
export class CorruptEventError extends Error {
  constructor(
    readonly position: number,
    readonly streamId: string,
    readonly revision: number,
    readonly reason: string,
  ) {
    super(`stored event at position ${position} (${streamId}@${revision}) cannot be read: ${reason}`);
    this.name = 'CorruptEventError';
  }
}

/** Raised by the repository when a pinned revision (If-Match) does not match. */
export function revisionMismatch(streamId: string, expected: number, actual: number | null): DomainError {
  // A revision past the stream's was never read from it: say so, rather than that the record changed.
  const ahead = actual === null || expected > actual;
  return new DomainError(
    'STREAM.REVISION_MISMATCH',
    'precondition_failed',
    ahead
      ? `您给出的版本 ${expected} 不存在（当前版本为 ${actual ?? '无'}），请使用读取时返回的 ETag。`
      : `该记录在您读取之后已被修改（您看到的版本为 ${expected}，当前版本为 ${actual}），请刷新后重试。`,
    ahead
      ? `Revision ${expected} does not exist (the record is at ${actual ?? 'none'}); send the ETag you read.`
      : `The record changed since you read it (you had revision ${expected}, it is now ${actual}). Reload and try again.`,
    { streamId, expectedRevision: expected, actualRevision: actual },
  );
}

/** Raised by the repository when retries on a contended stream are exhausted. */
export function concurrencyConflict(streamId: string, attempts: number): DomainError {
  return DomainError.conflict(
    'STREAM.CONCURRENT_UPDATE',
    '该记录正被同时修改，请稍后重试。',
    `The record is being changed by someone else at the same time (${attempts} attempts). Try again shortly.`,
    { streamId },
  );
}
