import { EventMetadata, sha256Hex } from '@jingsai/shared';
import { canonicalJson } from './canonical-json';

/** prevHash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: Omit<EventMetadata, 'hash'> & { hash?: string };
}

/** The bytes the hash covers: stream, revision, type, data and metadata without `hash` (prevHash included). */
export function hashPayload(event: HashableEvent): string {
  const { hash: _omit, ...metadata } = event.metadata;
  return canonicalJson({ streamId: event.streamId, revision: event.revision, type: event.type, data: event.data, metadata });
}

/** hash = sha256(prevHash ‖ canonical JSON of the event). */
export function computeEventHash(prevHash: string, event: HashableEvent): string {
  return sha256Hex(prevHash + hashPayload(event));
}
