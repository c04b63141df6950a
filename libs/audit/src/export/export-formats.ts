import { DEPARTMENT_LABELS, Department } from '@jingsai/awards';
import { RecordedEvent } from '@jingsai/shared';
import { beijingWallTime, reasonOf, roleLabel } from '../history/audit-entry';
import { eventTypeLabel } from '../labels/event-type-labels';

export const EXPORT_FORMAT = 'jingsai-export';
export const EXPORT_END = 'jingsai-export-end';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  filter: Record<string, string | boolean>;
}

/** An event exactly as stored (metadata with prevHash and hash), as one NDJSON line. */
export function storedEventJson(e: RecordedEvent): string {
  return JSON.stringify({ streamId: e.streamId, revision: e.revision, position: e.position, recordedAt: e.recordedAt, type: e.type, data: e.data, metadata: e.metadata });
}

/**
 * NDJSON: a header line, one line per stored event, and an end line with the count, so a
 * truncated file is recognised as such. One chunk per page.
 */
export async function* ndjsonChunks(pages: AsyncIterable<RecordedEvent[]>, header: Omit<ExportHeader, 'format' | 'version'>): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, ...header })}\n`;
  let events = 0;
  for await (const page of pages) {
    events += page.length;
    yield page.map((e) => `${storedEventJson(e)}\n`).join('');
  }
  yield `${JSON.stringify({ format: EXPORT_END, events })}\n`;
}

/** New columns go at the end, so a sheet or script that reads columns by position keeps working. */
export const CSV_COLUMNS = ['position', 'recordedAt', 'occurredAt', 'streamId', 'revision', 'type', '中文类型', 'actor', 'role', '角色', 'org', 'subject', 'reason', '发生时间（北京时间）'];

/** Fields of event data that say what within its stream an event is about (the stream names the project, round or campaign). */
const SUBJECT_FIELDS = [
  'nominationId', 'department', 'period', 'reportId', 'inspectionId', 'findingId', 'incidentId', 'milestoneId', 'commendationId', 'honourId', 'objectionId',
  'assessorUserId', 'level', 'userId', 'dueOn', 'startsOn', 'lastDay', 'conferredOn',
] as const;

/**
 * What an event is about within its stream, as `field=value; …` (a clearance's nomination and
 * department, a report's period): rows of one type on a timeline then tell apart. A department is
 * named in Chinese as well.
 */
export function subjectOf(data: unknown): string {
  if (data === null || typeof data !== 'object') return '';
  const d = data as Record<string, unknown>;
  return SUBJECT_FIELDS.filter((f) => typeof d[f] === 'string' && d[f] !== '')
    .map((f) => {
      const value = d[f] as string;
      const label = f === 'department' ? DEPARTMENT_LABELS[value as Department]?.zh : undefined;
      return `${f}=${label ? `${label}(${value})` : value}`;
    })
    .join('; ');
}

/** A CSV timeline for spreadsheets (UTF-8 with BOM so Excel shows the Chinese labels). */
export async function* csvChunks(pages: AsyncIterable<RecordedEvent[]>): AsyncGenerator<string> {
  yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
  for await (const page of pages) yield page.map((e) => `${csvRow(e).map(csvCell).join(',')}\r\n`).join('');
}

function csvRow(e: RecordedEvent): unknown[] {
  const actor = e.metadata.actor;
  const who = actor ? (actor.name && actor.name !== actor.userId ? `${actor.name} (${actor.userId})` : actor.userId) : '';
  const role = actor?.role ?? '';
  const roleZh = roleLabel(role) ?? role;
  return [e.position, e.recordedAt, e.metadata.occurredAt, e.streamId, e.revision, e.type, eventTypeLabel(e.type).zh, who, role, roleZh, actor?.orgId ?? '', subjectOf(e.data), reasonOf(e.data) ?? '', beijingWallTime(e.metadata.occurredAt)];
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
