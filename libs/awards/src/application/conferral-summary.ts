import { isDomainError } from '@jingsai/shared';
import { AwardRoundState, assertSlateReady } from './award-domain';

/** What the list left after the removals fails, in the words the notice or the conferral would refuse it with (review 43 #7); none when it holds. */
export function whyNotConferred(state: AwardRoundState): { code: string; zh: string; en: string } | undefined {
  if (!state.round) return undefined;
  try {
    assertSlateReady(state, state.round);
    return undefined;
  } catch (e) {
    if (!isDomainError(e)) return undefined;
    if (e.code !== 'AWARD.CLEARANCES_OUTSTANDING') return { code: e.code, zh: e.messageZh, en: e.messageEn };
    // Outstanding sign-offs are checked before the list's make-up: whether the list holds once they are in decides the advice
    // (obtain them and confer again, or complete the list for a new notice; review 51 #8).
    const signedOff = { ...state, nominations: state.nominations.map((n) => ({ ...n, clearances: Object.fromEntries(n.requiredClearances.map((d) => [d, 'granted' as const])) })) };
    try {
      assertSlateReady(signedOff, state.round);
      return { code: e.code, zh: e.messageZh, en: e.messageEn };
    } catch (other) {
      if (!isDomainError(other)) return { code: e.code, zh: e.messageZh, en: e.messageEn };
      return { code: other.code, zh: `${e.messageZh.replace(/。$/, '')}；${other.messageZh}`, en: `${e.messageEn.replace(/\.$/, '')}; ${other.messageEn}` };
    }
  }
}

/**
 * What a conferral did, as people read it: the honours conferred, and the nominees removed for
 * failing a rule that day. Removals with nothing conferred are recorded (the reasons stay on the
 * nominations), and the answer says the list no longer holds and what can be done.
 */
export function conferralSummary(events: ReadonlyArray<{ type: string; data: unknown }>, primariesLeft: number, why?: { code: string; zh: string; en: string }) {
  const conferred = events.filter((e) => e.type === 'HonourConferred').length;
  const removed = events
    .filter((e) => e.type === 'NominationRemoved')
    .map((e) => {
      const d = e.data as { nominationId: string; failedReasons?: Array<{ rule: string; messageZh: string }> };
      return { nominationId: d.nominationId, failedReasons: d.failedReasons ?? [] };
    });
  const blocked = conferred === 0 && removed.length > 0;
  // What to do next, by what stops the list: outstanding sign-offs are obtained and the conferral asked again, nothing
  // reopened (review 50 #6); a list short of people or out of its ratios is completed, with a new notice where needed.
  const clearances = primariesLeft > 0 && why?.code === 'AWARD.CLEARANCES_OUTSTANDING';
  const nextZh = clearances ? '请先取得尚待出具的部门意见，再次办理表彰；无需重新公示。' : '请补足名单（如需，重新开放推荐后再次公示）。';
  const nextEn = clearances ? 'Obtain the outstanding departments\' sign-offs, then confer again; no new notice is needed.' : 'Complete it (reopening nominations for a new notice where needed).';
  return {
    conferred,
    removed,
    ...(blocked
      ? {
          messageZh: `表彰时 ${removed.length} 名人选已不符合评选条件，已移出并记录原因；${primariesLeft === 0 ? '名单已无人选' : `余下名单不再满足要求${why ? `（${why.zh.replace(/。$/, '')}）` : ''}`}，本次未授予荣誉。${nextZh}`,
          messageEn: `${removed.length} nominee(s) no longer met the rules at conferral and were removed, with the reasons recorded; the list no longer holds${primariesLeft > 0 && why ? ` (${why.en.replace(/\.$/, '')})` : ''}, so nothing was conferred. ${nextEn}`,
          ...(primariesLeft > 0 && why ? { listFails: why.code } : {}),
        }
      : {}),
  };
}