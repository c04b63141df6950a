import { DomainError } from '@jingsai/shared';
import { eventTypeLabel } from '../labels/event-type-labels';
import { historyBound } from '../history/history-filter';
import { replayableCategories } from '../replay/stream-deciders';

/**
 * An event type or stream category the log never holds is refused, not answered with an empty
 * page: a misspelt filter (`ProjectSubmited`, `projects`) would otherwise read as "nothing
 * happened", the one thing an auditor must not be told by mistake.
 */
export function requireKnownFilters(q: { type?: string[]; category?: string; from?: string; to?: string }): void {
  // A bound read as no instant at all would match nothing: refused, naming it.
  const unreadable = (['from', 'to'] as const).filter((k) => q[k] !== undefined && Number.isNaN(historyBound(q[k]!, k === 'to')));
  if (unreadable.length > 0) {
    throw DomainError.invalidFields(
      'AUDIT.BAD_TIME',
      [...unreadable],
      `时间应写作日期（2021-07-08，按北京时间的整日）或时刻（2021-07-08T15:30:00+08:00，未写时区的按北京时间）：${unreadable.join('、')}。`,
      `Write ${unreadable.join(' and ')} as a date (2021-07-08, the whole Beijing day) or an instant (2021-07-08T15:30:00+08:00; Beijing time without an offset).`,
    );
  }
  // A range that ends before it starts holds nothing: said, not answered with an empty page.
  if (q.from !== undefined && q.to !== undefined && historyBound(q.from, false) > historyBound(q.to, true)) {
    throw DomainError.invalidFields('AUDIT.BAD_RANGE', ['from', 'to'], `起始时间 ${q.from} 晚于截止时间 ${q.to}，请检查。`, `from (${q.from}) is after to (${q.to}).`);
  }
  const errors: Array<{ field: string; messageZh: string; messageEn: string }> = [];
  const unknownTypes = (q.type ?? []).filter((t) => !eventTypeLabel(t).known);
  if (unknownTypes.length > 0) {
    errors.push({
      field: 'type',
      messageZh: `未知的事件类型：${unknownTypes.join('、')}（可用类型见 GET /api/v1/audit/event-types）`,
      messageEn: `Unknown event type(s): ${unknownTypes.join(', ')} (the types are listed at GET /api/v1/audit/event-types)`,
    });
  }
  const categories = replayableCategories();
  if (q.category !== undefined && !categories.includes(q.category)) {
    errors.push({
      field: 'category',
      messageZh: `未知的事件流类别“${q.category}”，可选：${categories.join('、')}`,
      messageEn: `Unknown stream category "${q.category}"; one of ${categories.join(', ')}`,
    });
  }
  if (errors.length > 0) {
    throw DomainError.validation('AUDIT.UNKNOWN_FILTER', '筛选条件中有未知的事件类型或事件流类别，请按提示修改。', 'A filter names an event type or stream category the log never holds.', { errors });
  }
}
