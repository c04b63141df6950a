import { DomainError } from '@jingsai/shared';
import { beijingTime } from './calendar';
import { ProjectSubmissionRefused } from './project.events';
import { ProjectSubmissionRefusal } from './project.state';

/** What an extension does not change (DOMAIN.md, 报名): said where one is asked for and where one is shown. */
export const EXTENSION_MAY_DAY_NOTE = {
  zh: '延期内提交的项目可以参赛，但在报名截止之后提交的仍属逾期报名：按竞赛通知不能参加全国、全省五一各奖项的评选，评选规则要求按时报名的本活动其他评选也不能参加。',
  en: "A project filed under an extension takes part in the campaign, but one filed after the deadline still applied late: it cannot take part in May Day award selection, nor in any of the campaign's other rounds whose rules require an entry on time.",
} as const;

/** What an extension means for this project: one first filed before the deadline has entered on time, whatever it resubmits later (review 54 #3). */
export function extensionNote(project: { application: { firstSubmissionOnTime: boolean | null } }): { zh: string; en: string } {
  if (project.application.firstSubmissionOnTime !== true) return EXTENSION_MAY_DAY_NOTE;
  return {
    zh: '本项目首次报送在报名截止之前，已按时报名：退回修改后在延期内重新报送，不影响其参赛资格和五一各奖项的评选资格。',
    en: 'This project was first filed before the deadline, so it entered on time: resubmitting it under the extension after a return does not affect its eligibility for May Day awards.',
  };
}

/**
 * The error to answer a late submission with, after `ProjectSubmissionRefused` was appended
 * (code PROJECT.WINDOW_CLOSED), so the application layer does not repeat the wording.
 */
export function projectSubmissionRefusedError(event: ProjectSubmissionRefused, enteredOnTime = false, recordedAt?: string): DomainError {
  const { projectId, windowClosesAt, attemptedAt, extensionUntil } = event.data;
  const recordZh = recordedAt ? `今日 ${beijingTime(recordedAt)} 的逾期提交已记录在案，本次不再重复记录。` : '本次逾期提交已记录在案。';
  const recordEn = recordedAt ? `Today's late attempt, at ${beijingTime(recordedAt)} Beijing time, is on record; this one is not recorded again.` : 'The late attempt has been recorded.';
  const extensionZh = extensionUntil ? `为本项目批准的延期也已于 ${beijingTime(extensionUntil)} 到期。` : '';
  const extensionEn = extensionUntil ? ` The extension granted to this project ended at ${extensionUntil}.` : '';
  // A project first filed on time has entered: only this resubmission (after a return) is late.
  const consequenceZh = enteredOnTime
    ? '本项目首次报送在截止之前，参赛资格不受影响；但退回修改后的重新报送须在报名期内提交。'
    : '按竞赛通知，未在规定时间内报送参赛报名表和竞赛实施方案的单位视为未参赛，不能参加全国、全省五一各奖项的评选。';
  const consequenceEn = enteredOnTime
    ? 'The project was first filed on time, so it has entered; but a resubmission after a return must come inside the window. '
    : 'Units that miss the deadline are deemed not to have entered and cannot take part in May Day award selection. ';
  return DomainError.unprocessable(
    'PROJECT.WINDOW_CLOSED',
    `报名已于 ${beijingTime(windowClosesAt)} 截止，本次提交时间为 ${beijingTime(attemptedAt)}。${extensionZh}` +
      consequenceZh +
      `${recordZh}确有正当理由的，请联系主办方竞赛委员会为本项目批准延期后再提交` +
      (enteredOnTime ? '。' : `（${EXTENSION_MAY_DAY_NOTE.zh.replace(/。$/, '')}）。`),
    `The application window closed at ${windowClosesAt}; this submission came at ${attemptedAt}.${extensionEn} ` +
      consequenceEn +
      `${recordEn} If there is good cause, ask the organising committee to grant this project an extension, then submit again` +
      (enteredOnTime ? '.' : ` (${EXTENSION_MAY_DAY_NOTE.en.replace(/\.$/, '')}).`),
    { projectId, windowClosesAt, attemptedAt, extensionUntil, recorded: !recordedAt, enteredOnTime, ...(recordedAt ? { recordedAttemptAt: recordedAt } : {}) },
  );
}

/**
 * A late attempt repeated on the same Beijing day, with the window and any extension as they
 * were: the first is on record (eligibility cites it, the board counts it), so a retry writes
 * nothing and is refused as that one was (409), naming it.
 */
export function repeatedLateSubmissionError(projectId: string, last: ProjectSubmissionRefusal, at: string, enteredOnTime: boolean): DomainError {
  const event: ProjectSubmissionRefused = { type: 'ProjectSubmissionRefused', data: { projectId, reason: last.reason, windowClosesAt: last.windowClosesAt, attemptedAt: at, extensionUntil: last.extensionUntil } };
  const e = projectSubmissionRefusedError(event, enteredOnTime, last.attemptedAt);
  return new DomainError(e.code, 'conflict', e.messageZh, e.messageEn, e.details);
}

/**
 * The refusal among decided or stored events (a command outcome's `events`), as the error to
 * answer with; null when there is none.
 */
export function projectRefusalError(events: ReadonlyArray<{ type: string; data: unknown }>, enteredOnTime = false): DomainError | null {
  const refused = events.find((e) => e.type === 'ProjectSubmissionRefused');
  return refused ? projectSubmissionRefusedError(refused as ProjectSubmissionRefused, enteredOnTime) : null;
}
