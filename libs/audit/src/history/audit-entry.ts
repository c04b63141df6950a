import { ROLE_LABELS } from '@jingsai/auth';
import { RecordedEvent, Role } from '@jingsai/shared';
import { eventLabel } from '../labels/event-type-labels';

/**
 * An instant as a Beijing wall clock, `2011-05-05 00:01:00`: every rule is a Beijing day, and
 * 16:01Z on 4 May, read as it stands, looks like a conferral on the notice's last day.
 */
export function beijingWallTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const iso = new Date(ms + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** One event as an auditor reads it: who, when, what, why, and where it sits in the chain. */
export interface AuditEntry {
  streamId: string;
  revision: number;
  position: number;
  type: string;
  typeLabel: { zh: string; en: string };
  who: { userId: string; name: string | null; role: string; roleLabel: string | null; orgId: string };
  when: { occurredAt: string; recordedAt: string; occurredAtBeijing: string };
  why: string | null;
  data: unknown;
  eventId: string;
  commandId: string | null;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  prevHash: string | null;
  hash: string | null;
}

/** Fields of event data that carry the reason a user gave, in the order they are preferred; an incident's or a fact's account last. */
const REASON_FIELDS = ['reason', 'note', 'grounds', 'basis', 'citation', 'description'] as const;

/** Reasons some events record as a code, as people read them; a note recorded beside the code follows it. */
const REASON_CODE_LABELS: Record<string, string> = {
  window_closed: '报名已截止，逾期提交被拒收并记录',
  ineligible_at_conferral: '表彰时已不符合评选条件',
  review_rejected: '审核未通过',
  clearance_refused: '征求意见未通过',
  withdrawn: '撤回推荐',
};

/** The reason recorded with an event (data.reason / note / grounds / basis), if any. */
export function reasonOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  // A removal at conferral records the rules that failed, each with its reason as people read it (its `reason` is a code).
  const failed = (data as { failedReasons?: unknown }).failedReasons;
  if (Array.isArray(failed) && failed.length > 0 && failed.every((r) => typeof (r as { messageZh?: unknown })?.messageZh === 'string')) {
    return failed.map((r) => (r as { messageZh: string }).messageZh).join(' ');
  }
  for (const field of REASON_FIELDS) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value.length === 0) continue;
    const code = REASON_CODE_LABELS[value];
    if (code === undefined) return value;
    const note = (data as { note?: unknown }).note;
    return field === 'reason' && typeof note === 'string' && note.length > 0 ? `${code}：${note}` : code;
  }
  // A nomination withdrawn after an objection gives no reason of its own: it follows from the upheld objection it names.
  const objectionId = (data as { objectionId?: unknown }).objectionId;
  if (typeof objectionId === 'string') return `异议（${objectionId}）经核实属实，撤回推荐`;
  // A substitute's promotion follows from the nomination it replaces.
  const replaces = (data as { replacesNominationId?: unknown }).replacesNominationId;
  if (typeof replaces === 'string') return `递补被移出或撤回的推荐（${replaces}）`;
  return null;
}

/** A role as people read it (the scheduler's actor is 系统); null for a role nobody named. */
export function roleLabel(role: string): string | null {
  return role === 'system' ? '系统' : (ROLE_LABELS[role as Role] ?? null);
}

export function toAuditEntry(event: RecordedEvent): AuditEntry {
  const m = event.metadata;
  const actor = m.actor ?? { userId: 'unknown', role: 'unknown', orgId: 'unknown' };
  const label = eventLabel(event.type, event.data);
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    type: event.type,
    typeLabel: { zh: label.zh, en: label.en },
    who: {
      userId: actor.userId,
      name: actor.name ?? null,
      role: actor.role,
      roleLabel: roleLabel(actor.role),
      orgId: actor.orgId,
    },
    when: { occurredAt: m.occurredAt, recordedAt: event.recordedAt, occurredAtBeijing: beijingWallTime(m.occurredAt) },
    why: reasonOf(event.data),
    data: event.data,
    eventId: m.eventId,
    commandId: m.commandId ?? null,
    correlationId: m.correlationId,
    causationId: m.causationId ?? null,
    schemaVersion: m.schemaVersion,
    prevHash: m.prevHash ?? null,
    hash: m.hash ?? null,
  };
}
