/** Roles as they appear in the JWT `roles` claim (DOMAIN.md, "Who uses it"). */
export const ROLES = ['committee', 'unit', 'assessor', 'award_office', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: recorded on every event, never business data. */
export interface Actor {
  userId: string;
  role: Role | 'system';
  orgId: string;
  name?: string;
}

/** The system actor used by the scheduler and process managers. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system', orgId: 'system', name: '系统' };

/**
 * Metadata carried by every stored event (ARCHITECTURE.md, "The write side").
 * `prevHash` and `hash` are filled in by the event store when the event is appended.
 */
export interface EventMetadata {
  eventId: string;
  commandId?: string;
  correlationId: string;
  causationId?: string;
  actor: Actor;
  occurredAt: string;
  schemaVersion: number;
  /** sha256 of the request body that produced the command; lets an idempotent replay detect a reused key. */
  requestHash?: string;
  prevHash?: string;
  hash?: string;
}

/** A domain event: plain data with a stable, past-tense `type`. */
export interface DomainEvent<TType extends string = string, TData extends object = Record<string, unknown>> {
  type: TType;
  data: TData;
}

/** An event as the store returns it. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  streamId: string;
  /** 0-based position of the event inside its stream. */
  revision: number;
  /** Global, strictly increasing position in the whole log (1-based). */
  position: number;
  recordedAt: string;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
}

/** Split `project-123` into its category and id; the category never contains a dash. */
export function parseStreamId(streamId: string): { category: string; id: string } {
  const dash = streamId.indexOf('-');
  if (dash <= 0) return { category: streamId, id: '' };
  return { category: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}

export function streamIdOf(category: string, id: string): string {
  if (category.includes('-')) throw new Error(`stream category must not contain a dash: ${category}`);
  return `${category}-${id}`;
}
