import { DomainError, MAX_CLIENT_ID_LENGTH } from '@jingsai/shared';
import { AWARD_TYPES, AWARD_TYPE_CATALOGUE, HONOUR_LEVELS, HONOUR_LEVEL_LABELS, MAXIMUM_NOTICE_CALENDAR_DAYS, MAXIMUM_NOTICE_WORKING_DAYS, MAXIMUM_QUOTA, MAXIMUM_RULE_SET_VERSION, MINIMUM_NOTICE_DAYS, NOMINEE_KIND_LABELS, POOLS, POOL_LABELS, Pool, GRADE_LABELS, Grade, REVIEW_LEVELS, honourLevelRank, isOneOf } from '../catalogue/award-catalogue';
import { failedReasons } from '../eligibility/eligibility.engine';
import { SpecProblem, validatePredicate } from '../rules/attribute-predicate';
import { validateNomineeAttributes } from '../rules/nominee-attributes';
import { requiredClearances, validateClearanceSpec } from '../rules/clearance-spec';
import { keyAndLabelProblems, validateRatioSpecs } from '../rules/slate-ratios';
import { CreateAwardRound, Nominate } from './award-round.commands';
import { AwardRoundCreated, NominationSubmitted } from './award-round.events';
import { requireRound } from './award-round.guards';
import { primariesOf, quotaBreaches, quotaExceeded } from './award-round.slate';
import { AwardRoundState } from './award-round.state';

const isCount = (v: unknown, min: number, max = MAXIMUM_QUOTA) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

function roundProblems(c: CreateAwardRound): SpecProblem[] {
  const p: SpecProblem[] = [];
  const bad = (field: string, zh: string, en: string) => p.push({ field, messageZh: zh, messageEn: en });
  if (!isOneOf(AWARD_TYPES, c.awardType)) bad('awardType', `未知奖项类型 ${String(c.awardType)}`, `unknown award type ${String(c.awardType)}`);
  if (!isOneOf(HONOUR_LEVELS, c.honourLevel)) bad('honourLevel', `荣誉级别应为 ${HONOUR_LEVELS.join('/')} 之一`, `honourLevel must be one of ${HONOUR_LEVELS.join(', ')}`);
  if (!c.campaignId) bad('campaignId', '缺少竞赛活动', 'campaignId is required');
  if (!c.ruleSetId || !isCount(c.ruleSetVersion, 1, MAXIMUM_RULE_SET_VERSION)) {
    bad('ruleSetVersion', `缺少规则集及其版本（1 至 ${MAXIMUM_RULE_SET_VERSION}）`, `ruleSetId and a ruleSetVersion from 1 to ${MAXIMUM_RULE_SET_VERSION} are required`);
  }
  if (!Array.isArray(c.pools) || c.pools.length === 0) bad('pools', '至少设置一个名额池', 'at least one pool is required');
  (c.pools ?? []).forEach((q, i) => {
    if (!isOneOf(POOLS, q.pool)) bad(`pools[${i}].pool`, `未知名额池 ${String(q.pool)}`, `unknown pool ${String(q.pool)}`);
    else if (c.pools.findIndex((x) => x.pool === q.pool) !== i) bad(`pools[${i}].pool`, `名额池 ${q.pool} 重复`, `pool ${q.pool} is listed twice`);
    if (!isCount(q.quota, 1)) bad(`pools[${i}].quota`, `名额应为 1 至 ${MAXIMUM_QUOTA} 的整数`, `quota must be a whole number from 1 to ${MAXIMUM_QUOTA}`);
  });
  const subQuotaKeys = new Set<string>();
  (c.subQuotas ?? []).forEach((s, i) => {
    p.push(...keyAndLabelProblems(s as unknown as Record<string, unknown>, `subQuotas[${i}]`, subQuotaKeys));
    p.push(...validatePredicate(s.where, `subQuotas[${i}].where`));
    if (!isCount(s.max, 0)) bad(`subQuotas[${i}].max`, `上限应为 0 至 ${MAXIMUM_QUOTA} 的整数`, `max must be a whole number from 0 to ${MAXIMUM_QUOTA}`);
    if (s.min !== undefined && s.min !== null && (!isCount(s.min, 0) || (isCount(s.max, 0) && s.min > s.max))) {
      bad(`subQuotas[${i}].min`, '下限应为不大于上限的非负整数', 'min must be a whole number no greater than max');
    }
  });
  (c.quotasByRecommender ?? []).forEach((r, i) => {
    if (!r.orgId || (c.quotasByRecommender ?? []).findIndex((x) => x.orgId === r.orgId) !== i) bad(`quotasByRecommender[${i}].orgId`, '推荐单位缺失或重复', 'orgId is missing or repeated');
    else if (r.orgId.length > MAX_CLIENT_ID_LENGTH) bad(`quotasByRecommender[${i}].orgId`, `组织标识不能超过 ${MAX_CLIENT_ID_LENGTH} 个字符`, `orgId must be at most ${MAX_CLIENT_ID_LENGTH} characters`);
    if (!isCount(r.quota, 1)) bad(`quotasByRecommender[${i}].quota`, `名额应为 1 至 ${MAXIMUM_QUOTA} 的整数`, `quota must be a whole number from 1 to ${MAXIMUM_QUOTA}`);
  });
  p.push(...levelProblems(c.levels));
  if (c.minimumNoticeWorkingDays !== undefined && !isCount(c.minimumNoticeWorkingDays, MINIMUM_NOTICE_DAYS, MAXIMUM_NOTICE_WORKING_DAYS)) {
    bad(
      'minimumNoticeWorkingDays',
      `公示期最少工作日应为 ${MINIMUM_NOTICE_DAYS} 至 ${MAXIMUM_NOTICE_WORKING_DAYS} 个工作日`,
      `the minimum notice must be from ${MINIMUM_NOTICE_DAYS} to ${MAXIMUM_NOTICE_WORKING_DAYS} working days`,
    );
  }
  if (c.minimumNoticeCalendarDays !== undefined && !isCount(c.minimumNoticeCalendarDays, MINIMUM_NOTICE_DAYS, MAXIMUM_NOTICE_CALENDAR_DAYS)) {
    bad(
      'minimumNoticeCalendarDays',
      `按自然日公示的最少天数应为 ${MINIMUM_NOTICE_DAYS} 至 ${MAXIMUM_NOTICE_CALENDAR_DAYS} 天`,
      `the minimum notice by dates must be from ${MINIMUM_NOTICE_DAYS} to ${MAXIMUM_NOTICE_CALENDAR_DAYS} calendar days`,
    );
  }
  p.push(...validateRatioSpecs(c.ratios), ...validateClearanceSpec(c.clearances));
  return p;
}

/**
 * 逐级推荐 starts with the recommending unit, whose decision follows its workers' congress; a
 * round without it would publish a list no workers' congress has seen. Later levels go up the
 * tree in order, each at most once.
 */
function levelProblems(levels: unknown): SpecProblem[] {
  const zh = `审核层级应从推荐单位（unit）开始，按 ${REVIEW_LEVELS.join('→')} 由低到高排列，且不重复`;
  const en = `levels must start with the recommending unit ('unit') and go up in the order ${REVIEW_LEVELS.join(' → ')}, each once`;
  if (!Array.isArray(levels) || levels.length === 0 || levels[0] !== 'unit') return [{ field: 'levels', messageZh: zh, messageEn: en }];
  const ranks = levels.map((l) => (isOneOf(REVIEW_LEVELS, l) ? REVIEW_LEVELS.indexOf(l) : -1));
  return ranks.every((r, i) => r >= 0 && (i === 0 || r > ranks[i - 1]!)) ? [] : [{ field: 'levels', messageZh: zh, messageEn: en }];
}

/** Well-formed settings a round still cannot have: an instant commendation, or honours above the office's own level. */
function refuseWhatNoRoundConfers(c: CreateAwardRound): void {
  if (c.awardType === 'instant') {
    throw DomainError.unprocessable(
      'AWARD.INSTANT_NOT_A_ROUND',
      '即时表彰由竞赛委员会在项目推进节点直接给予，不通过评选轮次；请选择五一劳动奖状、奖章、工人先锋号等奖项。',
      'Instant commendations are given by the committee at project milestones, not through award rounds; choose another award type.',
      { awardType: c.awardType },
    );
  }
  if (!isOneOf(HONOUR_LEVELS, c.officeLevel) || honourLevelRank(c.honourLevel) > honourLevelRank(c.officeLevel)) {
    const office = isOneOf(HONOUR_LEVELS, c.officeLevel) ? HONOUR_LEVEL_LABELS[c.officeLevel] : { zh: '未知', en: 'unknown' };
    throw DomainError.unprocessable(
      'AWARD.HONOUR_LEVEL_ABOVE_OFFICE',
      `${office.zh}评选表彰办公室不能授予${HONOUR_LEVEL_LABELS[c.honourLevel].zh}荣誉；授予级别不得高于本单位层级，更高级别的荣誉由上级组织评选。`,
      `A ${office.en} award office cannot confer ${HONOUR_LEVEL_LABELS[c.honourLevel].en} honours; the honour level may not be above your organisation's, higher honours are run by the level above.`,
      { honourLevel: c.honourLevel, officeLevel: c.officeLevel },
    );
  }
}

export function decideCreate(c: CreateAwardRound, state: AwardRoundState): AwardRoundCreated[] {
  if (state.round) {
    throw DomainError.conflict('AWARD.ROUND_EXISTS', `评选轮次 ${c.roundId} 已存在。`, `Award round ${c.roundId} already exists.`);
  }
  const problems = roundProblems(c);
  if (problems.length > 0) {
    throw DomainError.validation('AWARD.INVALID_ROUND', `评选轮次设置有 ${problems.length} 处错误，请逐项修正。`, `The round settings have ${problems.length} problem(s); correct each.`, { errors: problems });
  }
  refuseWhatNoRoundConfers(c);
  const data: AwardRoundCreated['data'] = {
    roundId: c.roundId,
    campaignId: c.campaignId,
    awardType: c.awardType,
    honourLevel: c.honourLevel,
    ruleSetId: c.ruleSetId,
    ruleSetVersion: c.ruleSetVersion,
    pools: c.pools,
    subQuotas: c.subQuotas ?? [],
    quotasByRecommender: c.quotasByRecommender ?? [],
    levels: c.levels,
    minimumNoticeWorkingDays: c.minimumNoticeWorkingDays ?? MINIMUM_NOTICE_DAYS,
    ...(c.minimumNoticeCalendarDays !== undefined ? { minimumNoticeCalendarDays: c.minimumNoticeCalendarDays } : {}),
    ratios: c.ratios,
    clearances: c.clearances,
  };
  return [{ type: 'AwardRoundCreated', data }];
}

/** The grade a competition's winners reach. */
const WINNING_GRADE = 'excellent';

/**
 * A skills-contest champion (技能竞赛优胜者) is one of a skills contest: a nomination that names
 * its project in the campaign cannot claim a champion of another kind of competition (it would
 * enter the reserved pool and bring 青年岗位能手 with it). In the regular pool a champion of
 * another contest may be nominated without a project, the claim as the recommender declares it,
 * recorded with the nomination; the reserved pool asks for the campaign's contest
 * ({@link requireCompetitionWinner}).
 */
function requireChampionOfSkillsContest(c: Nominate): void {
  const category = c.competitionResult?.category;
  // A project of another category may be a skills contest too (a non-public enterprises' skills contest, review 50 #2).
  if (c.attributes.skillsChampion !== true || category === undefined || category === 'skills' || c.competitionResult?.skillsContest === true) return;
  const zh = `技能竞赛优胜者（skillsChampion）只能是职业技能竞赛的优胜者；${c.nominee.name}所属竞赛项目${c.competitionResult!.title ? `“${c.competitionResult!.title}”（${c.competitionResult!.projectId}）` : ` ${c.competitionResult!.projectId} `}不是职业技能竞赛项目；如该项目同时为职业技能竞赛（如非公企业职工技能竞赛），须由参赛单位在立项前的申报中注明（skillsContest）。`;
  const en = `skillsChampion is for a champion of a vocational skills contest; ${c.nominee.name}'s project ${c.competitionResult!.projectId} is in the ${category} category.`;
  throw DomainError.unprocessable('AWARD.NOT_A_SKILLS_CONTEST', zh, en, { competitionResult: c.competitionResult, errors: [{ field: 'attributes.skillsChampion', messageZh: zh, messageEn: en }] });
}

/**
 * 竞赛表彰: the competition-reserved pool is for the competition's winners: a nominee whose
 * project in this campaign was graded 优秀, or a skills-contest champion. Answers the basis, kept
 * with the nomination so an auditor sees why the pool took it.
 */
function requireCompetitionWinner(c: Nominate): NominationSubmitted['data']['poolAdmission'] {
  if (c.pool !== 'competition_reserved') return undefined;
  const r = c.competitionResult ?? null;
  const on = { projectId: r?.projectId ?? null, grade: r?.grade ?? null, category: r?.category ?? null };
  if (r?.grade === WINNING_GRADE) return { basis: 'excellent_grade', ...on };
  if (c.attributes.skillsChampion === true) {
    // The pool is this competition's: a champion it takes is one of this campaign's skills contests, named by its project
    // (review 43 #2: leaving the project out let the claim stand on the nominator's word, where naming another kind was refused).
    if (!r) {
      const zh = `竞赛表彰名额留给本次竞赛的优胜者：以技能竞赛优胜者（skillsChampion）推荐${c.nominee.name}，须填写其获胜的本次竞赛职业技能竞赛项目（projectId）；其他竞赛的优胜者请推荐至常规名额池。`;
      const en = `The competition-reserved pool is for this competition's winners: a skills champion must name the campaign's skills contest they won (projectId); a champion of another contest goes in the regular pool.`;
      throw DomainError.unprocessable('AWARD.CHAMPION_CONTEST_REQUIRED', zh, en, { pool: c.pool, errors: [{ field: 'projectId', messageZh: zh, messageEn: en }] });
    }
    return { basis: 'skills_champion', ...on };
  }
  const grade = c.competitionResult ? (c.competitionResult.grade ? `所属竞赛项目 ${c.competitionResult.projectId} 考核等次为“${GRADE_LABELS[c.competitionResult.grade as Grade]?.zh ?? c.competitionResult.grade}”` : `所属竞赛项目 ${c.competitionResult.projectId} 尚无考核等次`) : '未关联本次竞赛的项目';
  throw DomainError.unprocessable(
    'AWARD.NOT_A_COMPETITION_WINNER',
    `竞赛表彰名额留给本次竞赛的优胜者：推荐对象所属竞赛项目考核等次须为“优秀”，或为技能竞赛优胜者（skillsChampion）。${c.nominee.name}${grade}；请推荐至常规名额池。`,
    `The competition-reserved pool is for the competition's winners: a project graded excellent, or a skills-contest champion. Nominate ${c.nominee.name} in the regular pool.`,
    { pool: c.pool, competitionResult: c.competitionResult ?? null },
  );
}

/**
 * The fields a form should point at when a rule failed for want of them: the project a nomination
 * rests on (review 50 #11), a person's occupation category under a window that bars only the
 * organisation's head (review 53 #4).
 */
function fieldsToFill(failed: ReadonlyArray<{ rule: string; facts?: Record<string, unknown> }>): { errors?: Array<{ field: string; messageZh: string; messageEn: string }> } {
  const errors = [
    ...(failed.some((r) => r.facts?.projectId === null) ? [{ field: 'projectId', messageZh: '请填写推荐对象所依托的竞赛项目编号。', messageEn: 'Give the competition project the nominee rests on.' }] : []),
    ...(failed.some((r) => r.rule === 'exclusion_window' && r.facts?.appliesTo === 'organisations_and_heads' && r.facts?.occupationCategory === null)
      ? [{ field: 'attributes.occupationCategory', messageZh: '所在单位在限制期内，请注明推荐对象的职业类别（单位负责人不能推荐）。', messageEn: "The organisation is inside an exclusion window: state the nominee's occupation category (its head cannot be nominated)." }]
      : []),
  ];
  return errors.length > 0 ? { errors } : {};
}

export function decideNominate(c: Nominate, state: AwardRoundState): NominationSubmitted[] {
  const round = requireRound(state, c);
  if (state.nominations.some((n) => n.nominationId === c.nominationId)) {
    throw DomainError.conflict('AWARD.NOMINATION_EXISTS', `推荐编号 ${c.nominationId} 已使用。`, `Nomination id ${c.nominationId} is already used.`);
  }
  if (!round.pools.some((p) => p.pool === c.pool)) {
    const named = (pool: string) => `${POOL_LABELS[pool as Pool]?.zh ?? pool}（${pool}）`;
    throw DomainError.validation('AWARD.UNKNOWN_POOL', `本轮没有${named(c.pool)}名额池，可选：${round.pools.map((p) => named(p.pool)).join('、')}。`, `This round has no pool ${c.pool} (pools: ${round.pools.map((p) => p.pool).join(', ')}).`);
  }
  // What is wrong with the request's own fields is said first, before what the round makes of the nominee (review 55 #5), and
  // all of it at once (review 57 #4).
  const orderZh = `递补顺序（order）应为 1 至 ${MAXIMUM_QUOTA} 的整数。`;
  const orderEn = `order must be a whole number from 1 to ${MAXIMUM_QUOTA}.`;
  const orderProblems = isCount(c.order, 1) ? [] : [{ field: 'order', messageZh: orderZh, messageEn: orderEn }];
  const attributeProblems = validateNomineeAttributes(c.attributes);
  if (orderProblems.length > 0 && attributeProblems.length === 0) throw DomainError.validation('AWARD.INVALID_ORDER', orderZh, orderEn, { errors: orderProblems });
  if (attributeProblems.length > 0) {
    const errors = [...orderProblems, ...attributeProblems];
    throw DomainError.validation(
      'AWARD.INVALID_ATTRIBUTES',
      `${orderProblems.length > 0 ? `${orderZh}` : ''}人选属性有 ${attributeProblems.length} 处错误：${attributeProblems.map((x) => `${x.field} ${x.messageZh}`).join('；')}。`,
      `${orderProblems.length > 0 ? `${orderEn} ` : ''}The nominee's attributes have ${attributeProblems.length} problem(s): ${attributeProblems.map((x) => `${x.field} ${x.messageEn}`).join('; ')}.`,
      { errors },
    );
  }
  requireChampionOfSkillsContest(c);
  const poolAdmission = requireCompetitionWinner(c);
  const award = AWARD_TYPE_CATALOGUE[round.awardType];
  if (!award.nomineeKinds.includes(c.nominee.kind)) {
    const kinds = award.nomineeKinds.map((k) => NOMINEE_KIND_LABELS[k]);
    throw DomainError.unprocessable('AWARD.NOMINEE_KIND_MISMATCH', `${award.zh}只能推荐${kinds.map((k) => k.zh).join('或')}。`, `The ${award.en} is for a ${kinds.map((k) => k.en).join(' or ')} only.`);
  }
  const v = c.verdict;
  if (v.ruleSetId !== round.ruleSetId || v.ruleSetVersion !== round.ruleSetVersion || v.awardType !== round.awardType || v.nomineeId !== c.nominee.id || v.nomineeKind !== c.nominee.kind) {
    throw DomainError.conflict(
      'AWARD.VERDICT_MISMATCH',
      `资格审查结论不是按本轮规则集（${round.ruleSetId} 第 ${round.ruleSetVersion} 版）对该人选作出的，请重新审查。`,
      `The eligibility verdict was not made for this nominee under this round's rule set (${round.ruleSetId} v${round.ruleSetVersion}); evaluate again.`,
      { verdict: { ruleSetId: v.ruleSetId, ruleSetVersion: v.ruleSetVersion, awardType: v.awardType, nomineeId: v.nomineeId } },
    );
  }
  if (!v.eligible) {
    const failed = failedReasons(v);
    throw DomainError.unprocessable(
      'AWARD.NOMINEE_INELIGIBLE',
      // Rules that fail for one missing fact say the same sentence: it is said once (failedReasons keeps every rule).
      `${c.nominee.name} 不符合评选条件：${[...new Set(failed.map((r) => r.messageZh))].join('')}`,
      `${c.nominee.name} is not eligible: ${[...new Set(failed.map((r) => r.messageEn))].join(' ')}`,
      // A project rule that had no project to read points at the field to fill in, as a form shows it.
      { failedReasons: failed, ...fieldsToFill(failed) },
    );
  }
  const earlier = state.nominations.find((n) => n.nominee.kind === c.nominee.kind && n.nominee.id === c.nominee.id);
  if (earlier) {
    throw DomainError.conflict('AWARD.ALREADY_NOMINATED', `${c.nominee.name} 已在本轮被推荐（${earlier.nominationId}），不得重复推荐。`, `${c.nominee.name} is already nominated in this round (${earlier.nominationId}).`, {
      nominationId: earlier.nominationId,
    });
  }
  if (round.quotasByRecommender.length > 0 && !round.quotasByRecommender.some((r) => r.orgId === c.recommenderOrgId)) {
    // Say who has: a committee or office above one of them nominates on its behalf by naming it (recommenderOrgId).
    const named = round.quotasByRecommender.map((q) => c.orgNames?.[q.orgId] ?? q.orgId);
    throw DomainError.forbidden(
      'AWARD.RECOMMENDER_NOT_ALLOWED',
      `${c.orgNames?.[c.recommenderOrgId] ?? `单位 ${c.recommenderOrgId} `}没有本轮推荐名额。本轮有推荐名额的单位：${named.join('、')}；其下级单位请由其推荐，其上级单位代其推荐时请在 recommenderOrgId 中注明。`,
      `Organisation ${c.recommenderOrgId} has no recommendation quota in this round; the recommenders are ${round.quotasByRecommender.map((q) => q.orgId).join(', ')}. An organisation below one of them asks it to nominate; one above it names it in recommenderOrgId to nominate on its behalf.`,
      { recommenderOrgId: c.recommenderOrgId, recommenders: round.quotasByRecommender.map((q) => q.orgId), errors: [{ field: 'recommenderOrgId', messageZh: `应为本轮有推荐名额的单位之一：${named.join('、')}`, messageEn: `one of ${round.quotasByRecommender.map((q) => q.orgId).join(', ')}` }] },
    );
  }
  if (!c.substitute) {
    const breaches = quotaBreaches(round, [...primariesOf(state), c]);
    if (breaches.length > 0) throw quotaExceeded(breaches, round, c.orgNames, c);
  }
  const data: NominationSubmitted['data'] = {
    roundId: c.roundId,
    nominationId: c.nominationId,
    pool: c.pool,
    nominee: c.nominee,
    ownership: c.ownership,
    attributes: c.attributes,
    recommenderOrgId: c.recommenderOrgId,
    substitute: c.substitute,
    order: c.order,
    verdict: c.verdict,
    requiredClearances: requiredClearances(round.clearances, c.nominee.kind, c.ownership, c.attributes),
    ...(poolAdmission ? { poolAdmission } : {}),
    // Only a true subset of the round's levels, in the round's order, with the recommending level kept.
    ...(c.levels && c.levels.length < round.levels.length ? { levels: round.levels.filter((l, i) => i === 0 || c.levels!.includes(l)) } : {}),
  };
  return [{ type: 'NominationSubmitted', data }];
}
