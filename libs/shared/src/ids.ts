import { createHash, randomUUID } from 'node:crypto';

/** A new random id (UUID v4). Outside the domain only: the domain receives ids on commands. */
export function newId(): string {
  return randomUUID();
}

/**
 * A deterministic UUID (v5-shaped, sha1) from a name. Used to derive ids from an
 * Idempotency-Key or from a scheduler item, so the same input always yields the same id.
 */
export function deterministicId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/** The longest id a client may choose (CLIENT_ID_PATTERN), and so the longest any reference to one can be. */
export const MAX_CLIENT_ID_LENGTH = 64;

/**
 * An id a client may choose (campaign, project, organisation, award ids): letters, digits and
 * `_ . : -`, 1–64 characters, but never `.` or `..` alone, which a URL path would resolve away.
 */
export const CLIENT_ID_PATTERN = new RegExp(`^(?!\\.{1,2}$)[A-Za-z0-9_.:-]{1,${MAX_CLIENT_ID_LENGTH}}$`);
