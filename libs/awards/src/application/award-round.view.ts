import {
  awardActionNames, labelledAwardActions, AWARD_TYPE_CATALOGUE, AwardRoundState, CLEARANCE_STATUS_LABELS, DEPARTMENT_LABELS, HONOUR_ALLOWED, HONOUR_LEVEL_LABELS, HONOUR_STATUS_LABELS, NOMINATION_STATUS_LABELS, NOMINEE_KIND_LABELS,
  OBJECTION_STATUS_LABELS, POOL_LABELS, REVIEW_LEVEL_LABELS, stageLabelOn, HonourStatus,
  NominationState, checkRoundSlate, levelsOf, failedReasons, isPrimary, pendingClearances, quotaBreaches, subQuotaUse,
} from './award-domain';
import { ObjectionDetail } from '../read-models/award-rounds/award-round-list.queries';
import { roundStream } from './award-streams';
import { whyNotConferred } from './conferral-summary';
import type { RoundReadAccess } from './award-round-access.service';
import type { CallerRoundActions } from './award-round.caller-actions';

/** Why a nomination left the round, as the award office reads it. */
const REMOVAL_LABELS: Record<NonNullable<NominationState['removal']>['reason'], { zh: string; en: string }> = {
  review_rejected: { zh: '审核未通过', en: 'rejected at review' },
  clearance_refused: { zh: '征求意见未通过', en: 'clearance refused' },
  ineligible_at_conferral: { zh: '表彰时已不符合评选条件', en: 'no longer eligible at conferral' },
  withdrawn: { zh: '撤回推荐', en: 'withdrawn' },
  objection_upheld: { zh: '异议经核实属实，撤回推荐', en: 'withdrawn after an upheld objection' },
};

const POOL_ADMISSION_LABELS = {
  excellent_grade: { zh: '所属竞赛项目考核等次为优秀', en: 'its project was graded excellent' },
  skills_champion: { zh: '技能竞赛优胜者', en: 'a skills-contest champion' },
} as const;

/** A withdrawal says who withdrew: the recommending organisation or the award office. */
function removalLabel(removal: NonNullable<NominationState['removal']>): { zh: string; en: string } {
  if (removal.reason !== 'withdrawn') return REMOVAL_LABELS[removal.reason];
  return 'by' in removal && removal.by === 'award_office' ? { zh: '评选表彰办公室撤回', en: 'withdrawn by the award office' } : { zh: '推荐单位撤回', en: 'withdrawn by the recommender' };
}

/** A review level as people read it (推荐单位, 县级 …); a level named otherwise is shown as it is. */
const reviewLevelLabel = (level: string) => (REVIEW_LEVEL_LABELS as Record<string, { zh: string; en: string }>)[level] ?? { zh: level, en: level };

/**
 * A nomination that led to an honour reads as conferred (已表彰), with the honour's id; its stored
 * status stays active (the honour carries its own status from then on: revoked, suspended, …).
 */
function withConferral<T extends object>(
  n: { status: string },
  honour: { honourId: string; status: HonourStatus } | undefined,
  view: T,
): T | (T & { status: 'conferred'; statusLabel: { zh: string; en: string }; honourId: string; honourStatus: HonourStatus; honourStatusLabel: { zh: string; en: string } }) {
  if (honour === undefined || n.status !== 'active') return view;
  // What became of the honour since, said on the nomination too: a revoked one read as 已表彰 here and 已撤销 on the honour (review 40 #4).
  const since = HONOUR_STATUS_LABELS[honour.status];
  const statusLabel = honour.status === 'valid' ? { zh: '已表彰', en: 'conferred' } : { zh: `已表彰（荣誉${since.zh}）`, en: `conferred (honour ${since.en})` };
  return { ...view, status: 'conferred' as const, statusLabel, honourId: honour.honourId, honourStatus: honour.status, honourStatusLabel: since };
}

/** Whether the notice was published during its first day (not at its midnight): that day still counts. */
const publishedDuring = (notice: { startsOn: string; startsAt: string }) => Date.parse(notice.startsAt) > Date.parse(`${notice.startsOn}T00:00:00+08:00`);

/** An instant as Beijing wall-clock time, HH:mm. */
const beijingTimeOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);

/** Where the request of each action goes, under the round (`{n}` a nomination, `{o}` an objection, `{h}` an honour). */
export const AWARD_ACTION_ROUTES: Readonly<Record<string, string>> = {
  Nominate: '/nominations',
  StartPublicNotice: '/public-notice',
  RaiseObjection: '/objections',
  ReopenNominations: '/reopen-nominations',
  Confer: '/confer',
  RecordWorkersCongressApproval: '/nominations/{n}/recommend',
  ReviewNomination: '/nominations/{n}/review',
  WithdrawNomination: '/nominations/{n}/withdraw',
  GrantClearance: '/nominations/{n}/clearances',
  RefuseClearance: '/nominations/{n}/clearances',
  ResolveObjection: '/objections/{o}/resolve',
  RevokeHonour: '/honours/{h}/revoke',
  WithdrawHonour: '/honours/{h}/withdraw',
  SuspendHonour: '/honours/{h}/suspend',
  ReinstateHonour: '/honours/{h}/reinstate',
};

/**
 * What the body of an action's request must say where two actions share one request: granting
 * and refusing a clearance are both POST …/clearances, told apart by `decision` (review 39 #6).
 */
export const AWARD_ACTION_BODIES: Readonly<Record<string, Record<string, string>>> = {
  GrantClearance: { decision: 'granted' },
  RefuseClearance: { decision: 'refused' },
};

/**
 * Actions as the API names them, with their Chinese labels and, where the item they act on is
 * known, the request that takes them (every award-round command is a POST): a console turns an
 * offered action into its request without a table of its own. A nomination's action offered on
 * the round as a whole names no request: it is taken on the nomination that offers it.
 */
const offered = (commandTypes: readonly string[], on?: { roundId: string; n?: string; o?: string; h?: string }) => ({
  allowedActions: awardActionNames(commandTypes),
  allowedActionLabels: labelledAwardActions(commandTypes).map((label, i) => {
    const path = on ? AWARD_ACTION_ROUTES[commandTypes[i]!] : undefined;
    const ids = { n: on?.n, o: on?.o, h: on?.h } as Record<string, string | undefined>;
    const unknown = path?.match(/\{(\w)\}/g)?.some((p) => ids[p[1]!] === undefined);
    if (!path || unknown) return label;
    const filled = path.replace(/\{(\w)\}/g, (_, k: string) => encodeURIComponent(ids[k]!));
    const body = AWARD_ACTION_BODIES[commandTypes[i]!];
    return { ...label, method: 'POST', href: `/api/v1/award-rounds/${encodeURIComponent(on!.roundId)}${filled}`, ...(body ? { body } : {}) };
  }),
});

/**
 * An award round as the console shows it: the stage in Chinese, every nomination with its
 * verdict, review progress and clearances, objections, honours, the slate check (actual vs
 * required) and quota use, and what the caller may do next (on the round, and on each nomination).
 */
export function awardRoundView(
  state: AwardRoundState, revision: number | null, orgId: string, objections: Map<string, ObjectionDetail>, access: RoundReadAccess, actions: CallerRoundActions, today: string,
  barredNow: ReadonlyMap<string, ReadonlyArray<{ rule: string; messageZh: string; messageEn: string }>> = new Map(),
  /** An organisation's registered name (null when not registered): a notice names each nominee's 单位 (review 54 #6). */
  orgName: (orgId: string) => string | null = () => null,
) {
  const round = state.round!;
  const primaries = state.nominations.filter(isPrimary);
  const ratios = checkRoundSlate(state);
  const subQuotas = subQuotaUse(round, primaries);
  // The slate check and the quota use are the whole list's; nominations, objections and honours only those the caller may see.
  const visible = new Set(state.nominations.filter((n) => access.nomineeVisible(n.nominee.orgId)).map((n) => n.nominationId));
  const showObjectors = access.showObjectors;
  // The honour each nomination led to (its own, not a derived one), once conferred.
  const honourOf = new Map(state.honours.filter((h) => h.sourceHonourId === null).map((h) => [h.nominationId, h]));
  return {
    roundId: round.roundId,
    streamId: roundStream(round.roundId),
    revision,
    orgId,
    campaignId: round.campaignId,
    awardType: round.awardType,
    awardTypeLabel: AWARD_TYPE_CATALOGUE[round.awardType],
    honourLevel: round.honourLevel,
    honourLevelLabel: HONOUR_LEVEL_LABELS[round.honourLevel],
    ruleSet: { ruleSetId: round.ruleSetId, version: round.ruleSetVersion },
    stage: state.stage,
    stageLabel: stageLabelOn(state.stage, state.notice, today),
    levels: round.levels,
    levelLabels: round.levels.map(reviewLevelLabel),
    minimumNoticeWorkingDays: round.minimumNoticeWorkingDays,
    minimumNoticeCalendarDays: round.minimumNoticeCalendarDays ?? null,
    notice: state.notice && {
      ...state.notice,
      summary: `公示 ${state.notice.calendarDays} 天${state.notice.workingDays === null ? '' : `（含工作日 ${state.notice.workingDays} 天）`}：${state.notice.startsOn} 至 ${state.notice.lastDay}${publishedDuring(state.notice) ? `，含发布当日（${beijingTimeOf(state.notice.startsAt)} 发布）` : ''}`,
      // The day of publication counts as the notice's first day, as the Lijiang notice counts both
      // ends; when it was published during that day, the answer says so, and at what time.
      firstDayCounted: publishedDuring(state.notice),
      // The published list, whole to anyone who reads the round (公示 is public in the round's
      // area): a substitute promoted later was published as a substitute.
      listed: (state.notice.listed ?? []).map((l) => {
        const nominee = state.nominations.find((n) => n.nominationId === l.nominationId)?.nominee;
        // Who, as a notice names them: the name, what kind of nominee, and the organisation it belongs to.
        return { ...l, name: nominee?.name ?? l.nominationId, ...(nominee ? { kind: nominee.kind, kindLabel: NOMINEE_KIND_LABELS[nominee.kind], orgId: nominee.orgId, orgName: orgName(nominee.orgId) } : {}) };
      }),
    },
    nominations: state.nominations.filter((n) => visible.has(n.nominationId)).map((n) => withConferral(n, honourOf.get(n.nominationId), {
      nominationId: n.nominationId,
      nominee: { ...n.nominee, kindLabel: NOMINEE_KIND_LABELS[n.nominee.kind] },
      pool: n.pool,
      poolLabel: POOL_LABELS[n.pool],
      // Why the competition-reserved pool took it, as the award office reads it.
      ...(n.poolAdmission ? { poolAdmission: { ...n.poolAdmission, basisLabel: POOL_ADMISSION_LABELS[n.poolAdmission.basis] } } : {}),
      recommenderOrgId: n.recommenderOrgId,
      primary: isPrimary(n),
      substitute: n.substitute,
      order: n.order,
      status: n.status,
      statusLabel: n.status === 'active' && n.substitute ? { zh: '递补人选', en: 'substitute' } : NOMINATION_STATUS_LABELS[n.status],
      ...(n.removal ? { removal: { ...n.removal, reasonLabel: removalLabel(n.removal) } } : {}),
      attributes: n.attributes,
      // Its own levels: a level with no organisation over the nominee is skipped (a 市直单位 has no county).
      levels: levelsOf(round, n),
      levelsPassed: levelsOf(round, n).slice(0, n.levelsPassed),
      levelsPassedLabels: levelsOf(round, n).slice(0, n.levelsPassed).map(reviewLevelLabel),
      nextLevel: n.status === 'active' ? (levelsOf(round, n)[n.levelsPassed] ?? null) : null,
      nextLevelLabel: n.status === 'active' && levelsOf(round, n)[n.levelsPassed] !== undefined ? reviewLevelLabel(levelsOf(round, n)[n.levelsPassed]!) : null,
      workersCongressOn: n.workersCongressOn,
      // 逐级公示: the notices its levels held before passing it up, each with its level's label.
      levelNotices: (n.levelNotices ?? []).map((x) => ({ ...x, levelLabel: reviewLevelLabel(x.level) })),
      clearances: n.requiredClearances.map((d) => {
        const status = n.clearances[d] ?? 'pending';
        return { department: d, label: DEPARTMENT_LABELS[d], status, statusLabel: CLEARANCE_STATUS_LABELS[status] };
      }),
      // The stored verdict is what the nomination was made on; a rule the facts now fail is shown beside it.
      ...(barredNow.has(n.nominationId) ? { noLongerEligible: barredNow.get(n.nominationId) } : {}),
      verdict: { eligible: n.verdict.eligible, ruleSetId: n.verdict.ruleSetId, ruleSetVersion: n.verdict.ruleSetVersion, checkedAt: n.verdict.checkedAt, failed: failedReasons(n.verdict).length, reasons: n.verdict.reasons },
      ...offered(actions.byNomination.get(n.nominationId) ?? [], { roundId: round.roundId, n: n.nominationId }),
    })),
    // An objection is seen with its nomination, and by whoever raised it (to follow it to its outcome), their own identity included.
    objections: state.objections.filter((o) => visible.has(o.nominationId) || objections.get(o.objectionId)?.raisedBy === access.userId).map((o) => {
      const d = objections.get(o.objectionId);
      const own = d?.raisedBy === access.userId;
      // What became of the nomination objected to, on the objection: a dismissed one whose nominee later left the round on the same facts would read as two contradicting records.
      const nom = state.nominations.find((x) => x.nominationId === o.nominationId);
      const outcome = nom && nom.status !== 'active' && nom.removal && !(nom.removal.reason === 'objection_upheld' && nom.removal.objectionId === o.objectionId) ? nom.removal : null;
      const failed = outcome && 'failedReasons' in outcome && outcome.failedReasons?.length ? `：${outcome.failedReasons.map((r) => r.messageZh).join(' ')}` : '';
      return {
        ...o, statusLabel: OBJECTION_STATUS_LABELS[o.status], grounds: d?.grounds ?? null, note: d?.note ?? null, raisedAt: d?.raisedAt ?? null, resolvedAt: d?.resolvedAt ?? null,
        ...(outcome ? { nominationOutcomeZh: `${o.status === 'dismissed' ? '本异议核查为不属实；' : ''}被异议的推荐其后${removalLabel(outcome).zh}${failed}` } : {}),
        ...(showObjectors || own ? { objector: d?.objector ?? null } : {}),
        ...offered(o.status === 'open' ? actions.round.filter((type) => type === 'ResolveObjection') : [], { roundId: round.roundId, o: o.objectionId }),
      };
    }),
    // Each honour and objection offers what the round offers that applies to it: its status's changes, the resolution of an open one.
    honours: state.honours.filter((h) => visible.has(h.nominationId)).map((h) => ({
      ...h, levelLabel: HONOUR_LEVEL_LABELS[h.level], statusLabel: HONOUR_STATUS_LABELS[h.status],
      ...offered(actions.round.filter((type) => (HONOUR_ALLOWED[h.status] as readonly string[]).includes(type)), { roundId: round.roundId, h: h.honourId }),
    })),
    slate: {
      met: ratios.every((r) => r.met) && subQuotas.every((q) => q.met),
      // Whether the list as it stands may go public or be conferred (every review passed, every sign-off in, quotas and ratios
      // met), and if not, what stops it first: `met` alone read true while a sign-off was outstanding (review 52 #8).
      ...readiness(state, barredNow),
      ratios,
      subQuotas,
      quotas: round.pools.map((p) => ({ pool: p.pool, label: POOL_LABELS[p.pool], quota: p.quota, primaries: primaries.filter((n) => n.pool === p.pool).length })),
      quotaBreaches: quotaBreaches(round, primaries),
      pendingClearances: pendingClearances(state).filter((p) => visible.has(p.nominationId)).map((p) => ({ ...p, departmentLabels: p.departments.map((d) => DEPARTMENT_LABELS[d]) })),
    },
    ...offered(actions.round, { roundId: round.roundId }),
  };
}

function readiness(
  state: AwardRoundState,
  barredNow: ReadonlyMap<string, ReadonlyArray<{ messageZh: string; messageEn: string }>>,
): { ready: boolean; notReady: { code: string; messageZh: string; messageEn: string } | null } {
  // Nominees no longer eligible keep the list from going public or being conferred before anything else (review 53 #2).
  const barred = [...barredNow.keys()].filter((id) => state.nominations.some((n) => n.nominationId === id && n.status === 'active'));
  if (barred.length > 0) {
    const name = (id: string) => state.nominations.find((n) => n.nominationId === id)?.nominee.name ?? id;
    return {
      ready: false,
      notReady: {
        code: 'AWARD.NOMINEES_NO_LONGER_ELIGIBLE',
        messageZh: `${barred.length} 名人选推荐后已不符合评选条件（${barred.map((id) => `${name(id)}（${id}）`).join('、')}），请先撤回推荐。`,
        messageEn: `${barred.length} nominee(s) are no longer eligible (${barred.join(', ')}); withdraw them first.`,
      },
    };
  }
  const why = whyNotConferred(state);
  return { ready: why === undefined, notReady: why ? { code: why.code, messageZh: why.zh, messageEn: why.en } : null };
}
