import { CorruptEventError } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';

/**
 * A stored event the store cannot parse is evidence, not a server fault: answer 422 naming it
 * (and pointing at verification) instead of a 500.
 */
export async function unlessUnreadable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (!(e instanceof CorruptEventError)) throw e;
    throw DomainError.unprocessable(
      'AUDIT.EVENT_UNREADABLE',
      `位置 ${e.position} 的事件（${e.streamId} 第 ${e.revision} 版）无法读取，可能已被篡改；请运行校验（/api/v1/audit/verify）查看详情。`,
      `The stored event at position ${e.position} (${e.streamId}@${e.revision}) cannot be read (${e.reason}); it may have been altered. Run the verification for details.`,
      { position: e.position, streamId: e.streamId, revision: e.revision },
    );
  }
}
