import { DomainError } from '@jingsai/shared';
import { DEPARTMENT_LABELS, Department, POOL_LABELS, Pool, reviewLevelZh } from '../catalogue/award-catalogue';
import { matchesPredicate } from '../rules/attribute-predicate';
import { RatioResult, checkSlate, describeRatioResult, unmetRatios } from '../rules/slate-ratios';
import { AwardRoundState, NominationState, RoundConfig, isPrimary, levelsOf } from './award-round.state';

export interface QuotaBreach {
  quota: 'pool' | 'sub_quota' | 'recommender';
  key: string;
  limit: number;
  count: number;
}

type Counted = Pick<NominationState, 'pool' | 'attributes' | 'recommenderOrgId'>;

/** Every quota (pool, sub-quota, recommending organisation) the given primaries would exceed. */
export function quotaBreaches(round: RoundConfig, primaries: readonly Counted[]): QuotaBreach[] {
  const breaches: QuotaBreach[] = [];
  for (const p of round.pools) {
    const count = primaries.filter((n) => n.pool === p.pool).length;
    if (count > p.quota) breaches.push({ quota: 'pool', key: p.pool, limit: p.quota, count });
  }
  for (const s of round.subQuotas) {
    const count = primaries.filter((n) => matchesPredicate(s.where, n.attributes)).length;
    if (count > s.max) breaches.push({ quota: 'sub_quota', key: s.key, limit: s.max, count });
  }
  for (const r of round.quotasByRecommender) {
    const count = primaries.filter((n) => n.recommenderOrgId === r.orgId).length;
    if (count > r.quota) breaches.push({ quota: 'recommender', key: r.orgId, limit: r.quota, count });
  }
  return breaches;
}

/** The quotas broken, each named as people read it, with what can be done about each kind. */
/** Each sub-quota's use by the primaries: how many match, against its bounds (null: none). */
export function subQuotaUse(round: Pick<RoundConfig, 'subQuotas'>, primaries: readonly Counted[]) {
  return round.subQuotas.map((s) => {
    const count = primaries.filter((n) => matchesPredicate(s.where, n.attributes)).length;
    const min = typeof s.min === 'number' ? s.min : null;
    return { key: s.key, label: s.label, count, max: s.max, min, met: count <= s.max && (min === null || count >= min) };
  });
}

/** Quota breaches as people read them: 分项名额“企业负责人”：已推荐 2 名，限 1 名；… */
/** Whether a nomination being added is one of those a breach counts (a breach it is not part of was there before it). */
function counts(round: Pick<RoundConfig, 'subQuotas'>, b: QuotaBreach, n: Counted): boolean {
  if (b.quota === 'pool') return n.pool === b.key;
  if (b.quota === 'recommender') return n.recommenderOrgId === b.key;
  const s = round.subQuotas.find((q) => q.key === b.key);
  return s !== undefined && matchesPredicate(s.where, n.attributes);
}

/** What is on the list for a breach: its count less the nomination being refused, where it is one it counts (review 51 #12). */
const onList = (round: Pick<RoundConfig, 'subQuotas'>, b: QuotaBreach, adding: Counted | undefined): number => b.count - (adding && counts(round, b, adding) ? 1 : 0);

export function breachesZh(breaches: readonly QuotaBreach[], round: Pick<RoundConfig, 'subQuotas'>, orgNames: Record<string, string> = {}, adding?: Counted): string {
  const subQuotaName = (key: string) => round.subQuotas.find((q) => q.key === key)?.label?.zh ?? key;
  const whose = (b: QuotaBreach) =>
    b.quota === 'pool' ? `${POOL_LABELS[b.key as Pool]?.zh ?? b.key}名额` : b.quota === 'sub_quota' ? `分项名额“${subQuotaName(b.key)}”` : `推荐单位${orgNames[b.key] ?? b.key}的名额`;
  // A nomination refused is not on the list: what is there is one fewer than the count with it (review 50 #10).
  return breaches.map((b) => (adding ? `${whose(b)}：已推荐 ${onList(round, b, adding)} 名，限 ${b.limit} 名，已满` : `${whose(b)}：已推荐 ${b.count} 名，限 ${b.limit} 名`)).join('；');
}

/** The same in English, by name rather than by key (review 45 #6): "the 企业负责人 sub-quota: 2 nominated, 1 allowed". */
export function breachesEn(breaches: readonly QuotaBreach[], round: Pick<RoundConfig, 'subQuotas'>, orgNames: Record<string, string> = {}, adding?: Counted): string {
  const subQuotaName = (key: string) => round.subQuotas.find((q) => q.key === key)?.label?.en ?? key;
  const whose = (b: QuotaBreach) =>
    b.quota === 'pool' ? `the ${POOL_LABELS[b.key as Pool]?.en ?? b.key} pool` : b.quota === 'sub_quota' ? `the "${subQuotaName(b.key)}" sub-quota` : `the quota of ${orgNames[b.key] ?? b.key}`;
  return breaches.map((b) => (adding ? `${whose(b)}: ${onList(round, b, adding)} nominated, ${b.limit} allowed, full` : `${whose(b)}: ${b.count} nominated, ${b.limit} allowed`)).join('; ');
}

/** `adding`: the breaches are of the list with this nomination, being refused, which is not on it. */
export function quotaExceeded(breaches: QuotaBreach[], round: Pick<RoundConfig, 'subQuotas'>, orgNames: Record<string, string> = {}, adding?: Counted): DomainError {
  const list = breachesEn(breaches, round, orgNames, adding);
  const listZh = breachesZh(breaches, round, orgNames, adding);
  const kinds = new Set(breaches.map((b) => b.quota));
  const advice = [
    ...(kinds.has('recommender') ? ['超出推荐单位名额的人选请作为递补人选推荐'] : []),
    ...(kinds.has('pool') ? ['名额池已满，可改推其他名额池或作为递补人选推荐'] : []),
    ...(kinds.has('sub_quota') ? ['分项名额已满，请调整人选结构'] : []),
  ].join('；');
  // The same advice in English: a substitute helps with a recommender's or a pool's quota, not a sub-quota.
  const adviceEn = [
    ...(kinds.has('recommender') ? ['name nominees beyond a recommending organisation\'s quota as substitutes'] : []),
    ...(kinds.has('pool') ? ['the pool is full: nominate in another pool, or as a substitute'] : []),
    ...(kinds.has('sub_quota') ? ['a sub-quota is full: change who is on the list'] : []),
  ].join('; ');
  return DomainError.unprocessable('AWARD.QUOTA_EXCEEDED', `超出名额（${listZh}）；${advice}。`, `Quota exceeded (${list}); ${adviceEn}.`, {
    breaches: breaches.map((b) => ({ ...b, ...(b.quota === 'sub_quota' ? { label: round.subQuotas.find((q) => q.key === b.key)?.label ?? null } : {}) })),
  });
}

export const primariesOf = (state: AwardRoundState): NominationState[] => state.nominations.filter(isPrimary);

/** A substitute not promoted: the quotas it would break, or that it was named by another recommender whose quota it holds. */
export interface PassedOver {
  nomination: NominationState;
  breaches: QuotaBreach[];
  otherRecommender?: boolean;
}

/**
 * The substitutes in the order they step in for `removed`, up to and including the first that fits
 * every quota once promoted: it is promoted, the others before it are passed over, each with why.
 * Its own recommender's come first (lowest order first). When the round shares out no quota per
 * recommender, the round's other substitutes follow, in the same order (review 46 #2: with one list
 * for the whole round, an upheld objection left the place empty while a substitute waited); when it
 * does, a substitute holds a place within its own recommender's quota only, and those of others are
 * passed over, saying so.
 */
function substituteWalk(state: AwardRoundState, round: RoundConfig, removed: NominationState): { promoted: NominationState | null; passedOver: PassedOver[] } {
  const passedOver: PassedOver[] = [];
  if (removed.substitute) return { promoted: null, passedOver };
  const remaining = primariesOf(state).filter((n) => n.nominationId !== removed.nominationId);
  const inOrder = (a: NominationState, b: NominationState) => a.order - b.order || a.seq - b.seq;
  const waiting = state.nominations.filter((n) => n.status === 'active' && n.substitute);
  const own = waiting.filter((n) => n.recommenderOrgId === removed.recommenderOrgId).sort(inOrder);
  const others = waiting.filter((n) => n.recommenderOrgId !== removed.recommenderOrgId).sort(inOrder);
  const shared = round.quotasByRecommender.length === 0;
  for (const c of shared ? [...own, ...others] : own) {
    const breaches = quotaBreaches(round, [...remaining, c]);
    if (breaches.length === 0) return { promoted: c, passedOver };
    passedOver.push({ nomination: c, breaches });
  }
  if (!shared) passedOver.push(...others.map((nomination) => ({ nomination, breaches: [], otherRecommender: true })));
  return { promoted: null, passedOver };
}

/**
 * The substitute to promote when `removed` drops out: an active substitute of the same recommending
 * organisation (or, with no quota per recommender, of the round), lowest order first, that fits
 * every quota once promoted (others are skipped).
 */
export function nextSubstitute(state: AwardRoundState, round: RoundConfig, removed: NominationState): NominationState | null {
  return substituteWalk(state, round, removed).promoted;
}

/**
 * The substitutes {@link nextSubstitute} passes over, each with the quotas it would break once
 * promoted (review 43 #8: a substitute left waiting for a full sub-quota was not told why).
 */
export function substitutesPassedOver(state: AwardRoundState, round: RoundConfig, removed: NominationState): PassedOver[] {
  return substituteWalk(state, round, removed).passedOver;
}

export function missingReviews(round: RoundConfig, nominations: readonly NominationState[]): Array<{ nominationId: string; missingLevels: string[] }> {
  return nominations.filter((n) => n.levelsPassed < levelsOf(round, n).length).map((n) => ({ nominationId: n.nominationId, missingLevels: levelsOf(round, n).slice(n.levelsPassed) }));
}

export function outstandingClearances(nominations: readonly NominationState[]): Array<{ nominationId: string; departments: Department[] }> {
  return nominations
    .map((n) => ({ nominationId: n.nominationId, departments: n.requiredClearances.filter((d) => n.clearances[d] !== 'granted') }))
    .filter((x) => x.departments.length > 0);
}

export const slateRatiosOf = (round: RoundConfig, primaries: readonly NominationState[]): RatioResult[] => checkSlate(round.ratios, primaries);

/** A nominee as a Chinese message names them: by name, with the nomination's id to find it by. */
const nameOf = (primaries: readonly NominationState[], nominationId: string): string => {
  const name = primaries.find((n) => n.nominationId === nominationId)?.nominee.name;
  return name ? `${name}（${nominationId}）` : nominationId;
};

const LEFT_LIST_ZH: Record<NonNullable<NominationState['removal']>['reason'], string> = {
  objection_upheld: '经异议核实撤回',
  withdrawn: '已撤回',
  review_rejected: '审核未通过',
  clearance_refused: '征求意见未通过',
  ineligible_at_conferral: '表彰时已不符合评选条件',
};

/**
 * The list holds no primary nominee. Before the notice, nominate someone. After it, say who left
 * and why, why a waiting substitute did not step in (with quotas per recommender, only for its own
 * recommender's nominees; otherwise, a quota it would break), and that the award office completes
 * the list by reopening nominations (and a new notice).
 */
function emptySlate(state: AwardRoundState, round: RoundConfig): DomainError {
  if (state.stage === 'nominating' || state.stage === 'none') {
    return DomainError.unprocessable('AWARD.SLATE_EMPTY', '推荐名单为空，请先推荐人选。', 'The list has no nominees; nominate someone first.');
  }
  // Who left the published list (a nomination dropped before the notice was never on it).
  const published = new Set((state.notice?.listed ?? []).map((l) => l.nominationId));
  const left = state.nominations.filter((n) => n.status !== 'active' && (published.size === 0 || published.has(n.nominationId)));
  const waiting = state.nominations.filter((n) => n.status === 'active' && n.substitute);
  const why = (n: NominationState) => LEFT_LIST_ZH[n.removal?.reason ?? 'withdrawn'];
  const perRecommender = round.quotasByRecommender.length > 0;
  const zh = [
    '推荐名单中已无正式人选',
    left.length > 0 ? `：${left.map((n) => `${nameOf(state.nominations, n.nominationId)}${why(n)}`).join('；')}` : '',
    '。',
    waiting.length === 0
      ? ''
      : perRecommender
        ? `候补人选${waiting.map((n) => nameOf(state.nominations, n.nominationId)).join('、')}只递补本推荐单位（${[...new Set(waiting.map((n) => n.recommenderOrgId))].join('、')}）的人选，不能替补其他推荐单位的人选。`
        : `候补人选${waiting.map((n) => nameOf(state.nominations, n.nominationId)).join('、')}递补后将超出名额，未能递补。`,
    '如需补充人选，请“重新开放推荐”并写明理由，补齐后重新公示。',
  ].join('');
  return DomainError.unprocessable(
    'AWARD.SLATE_EMPTY',
    zh,
    `The list has no primary nominee left${left.length > 0 ? ` (${left.map((n) => `${n.nominationId}: ${n.removal?.reason ?? n.status}`).join('; ')})` : ''}.` +
      `${waiting.length === 0 ? '' : perRecommender ? ` A substitute steps in only for its own recommender's nominees (${waiting.map((n) => `${n.nominationId} of ${n.recommenderOrgId}`).join(', ')}).` : ` The waiting substitutes (${waiting.map((n) => n.nominationId).join(', ')}) would exceed a quota.`}` +
      ' Reopen nominations, giving a reason, to complete the list for a new notice.',
    { leftTheList: left.map((n) => ({ nominationId: n.nominationId, status: n.status, reason: n.removal?.reason ?? null })), waitingSubstitutes: waiting.map((n) => ({ nominationId: n.nominationId, recommenderOrgId: n.recommenderOrgId })) },
  );
}

/**
 * Refuses to advance the list (start the notice, confer) unless it is complete: not empty,
 * reviewed at every level, cleared by every department, and meeting every slate ratio.
 */
export function assertSlateReady(state: AwardRoundState, round: RoundConfig): { primaries: NominationState[]; ratios: RatioResult[] } {
  const primaries = primariesOf(state);
  if (primaries.length === 0) throw emptySlate(state, round);
  const reviews = missingReviews(round, primaries);
  if (reviews.length > 0) {
    throw DomainError.unprocessable(
      'AWARD.REVIEW_INCOMPLETE',
      `${reviews.length} 名人选尚未完成逐级推荐审核（${reviews.map((r) => `${nameOf(primaries, r.nominationId)}：待${r.missingLevels.map(reviewLevelZh).join('→')}审核`).join('；')}）。`,
      `${reviews.length} nominee(s) have not passed every review level (${reviews.map((r) => `${r.nominationId}: ${r.missingLevels.join(' → ')}`).join('; ')}).`,
      { missingReviews: reviews },
    );
  }
  const clearances = outstandingClearances(primaries);
  if (clearances.length > 0) {
    throw DomainError.unprocessable(
      'AWARD.CLEARANCES_OUTSTANDING',
      `${clearances.length} 名人选尚待有关部门出具意见（${clearances.map((c) => `${nameOf(primaries, c.nominationId)}：${c.departments.map((d) => DEPARTMENT_LABELS[d].zh).join('、')}`).join('；')}）。`,
      `${clearances.length} nominee(s) still await department sign-off (${clearances.map((c) => `${c.nominationId}: ${c.departments.join(', ')}`).join('; ')}).`,
      { outstandingClearances: clearances },
    );
  }
  const short = subQuotaUse(round, primaries).filter((q) => q.min !== null && q.count < q.min);
  if (short.length > 0) {
    throw DomainError.unprocessable(
      'AWARD.SUB_QUOTA_NOT_MET',
      `推荐名单未达分项名额要求：${short.map((q) => `“${q.label.zh}”已推荐 ${q.count} 名，要求至少 ${q.min} 名`).join('；')}。`,
      `The list does not fill its sub-quotas: ${short.map((q) => `${q.key} ${q.count} of at least ${q.min}`).join('; ')}.`,
      { subQuotas: short },
    );
  }
  const ratios = slateRatiosOf(round, primaries);
  const unmet = unmetRatios(ratios);
  if (unmet.length > 0) {
    throw DomainError.unprocessable(
      'AWARD.SLATE_RATIOS_NOT_MET',
      // A nominee who left out what a ratio reads is why it reads low as often as the list is: said with it (review 54 #4).
      `推荐名单结构比例未达要求：${unmet.map((r) => `${r.label.zh} 实际 ${r.actual}%（${r.numerator}/${r.denominator}），要求 ${r.op === '>=' ? '不低于' : '不高于'} ${r.required}%${r.unstated ? `（${r.unstated.noteZh.replace(/。$/, '')}）` : ''}`).join('；')}。`,
      `The list does not meet its structure ratios: ${unmet.map((r) => `${describeRatioResult(r)}${r.unstated ? ` (${r.unstated.noteEn.replace(/\.$/, '')})` : ''}`).join('; ')}.`,
      { ratios, unmet },
    );
  }
  return { primaries, ratios };
}
