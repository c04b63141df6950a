import { AWARD_TYPE_CATALOGUE, DERIVED_HONOUR_CATALOGUE, HONOUR_LEVEL_LABELS, HONOUR_STATUS_LABELS, HonourType, NOMINATION_STATUS_LABELS, NOMINEE_KIND_LABELS, honourLevelRank } from '../catalogue/award-catalogue';
import { addYears, toEpochDay, yearOf } from '../calendar/date-only';
import { ORG_FACT_LABELS, RuleSpec } from '../rules/rule-spec';
import { HonourHeld, OrganizationFacts, ProjectFacts } from './eligibility.facts';
import { RuleContext, projectCalled, reason } from './eligibility.project-rules';
import { EligibilityReason } from './eligibility.facts';

const honourLabel = (t: HonourType) => (t in AWARD_TYPE_CATALOGUE ? AWARD_TYPE_CATALOGUE[t as keyof typeof AWARD_TYPE_CATALOGUE] : DERIVED_HONOUR_CATALOGUE[t as keyof typeof DERIVED_HONOUR_CATALOGUE]);
/** An honour as people read it: 2020-04-28 市级五一劳动奖章（有效）; the codes stay in the reason's facts. */
const describe = (h: HonourHeld) =>
  `${h.conferredOn} ${HONOUR_LEVEL_LABELS[h.level]?.zh ?? h.level}${honourLabel(h.awardType)?.zh ?? h.awardType}（${HONOUR_STATUS_LABELS[h.status]?.zh ?? h.status}）`;
const describeEn = (h: HonourHeld) =>
  `${HONOUR_LEVEL_LABELS[h.level]?.en ?? h.level} ${honourLabel(h.awardType)?.en ?? h.awardType} of ${h.conferredOn} (${HONOUR_STATUS_LABELS[h.status]?.en ?? h.status})`;
const notAfter = (date: string, asOf: string) => toEpochDay(date) <= toEpochDay(asOf);

export function nomineeKindMatches(ctx: RuleContext): EligibilityReason {
  const { awardType, nominee } = ctx.input;
  const entry = AWARD_TYPE_CATALOGUE[awardType];
  const facts = { awardType, nomineeKind: nominee.kind, allowedKinds: entry.nomineeKinds };
  const kind = NOMINEE_KIND_LABELS[nominee.kind];
  const allowed = entry.nomineeKinds.map((k) => NOMINEE_KIND_LABELS[k]);
  return entry.nomineeKinds.includes(nominee.kind)
    ? reason('nominee_kind_matches', true, `${entry.zh}的推荐对象为${kind.zh}，类型相符。`, `A ${kind.en} may be nominated for the ${entry.en}.`, facts)
    : reason('nominee_kind_matches', false, `${entry.zh}只能推荐${allowed.map((k) => k.zh).join('或')}，不能推荐${kind.zh}。`, `The ${entry.en} is for a ${allowed.map((k) => k.en).join(' or ')}, not a ${kind.en}.`, facts);
}

export function noDoubleNomination(ctx: RuleContext): EligibilityReason {
  const { nominee, round } = ctx.input;
  const earlier = round.nominations.filter((n) => n.nomineeKind === nominee.kind && n.nomineeId === nominee.id);
  const facts = { nomineeId: nominee.id, earlierNominations: earlier };
  if (earlier.length === 0) {
    return reason('no_double_nomination', true, `${nominee.name} 未在本轮被推荐过。`, `${nominee.name} has not been nominated in this round.`, facts);
  }
  // A conferral whose honour was revoked since says so, as the honour does (review 40 #4).
  const sinceZh = (n: (typeof earlier)[number]) => (n.honourStatus ? `（荣誉${HONOUR_STATUS_LABELS[n.honourStatus].zh}）` : '');
  const listZh = earlier.map((n) => `推荐编号 ${n.nominationId}，${NOMINATION_STATUS_LABELS[n.status as keyof typeof NOMINATION_STATUS_LABELS]?.zh ?? n.status}${sinceZh(n)}`).join('；');
  const list = earlier.map((n) => `${n.nominationId} (${n.status}${n.honourStatus ? `, honour ${n.honourStatus}` : ''})`).join(', ');
  return reason('no_double_nomination', false, `${nominee.name} 已在本轮被推荐（${listZh}），不得重复推荐。`, `${nominee.name} is already nominated in this round (${list}) and cannot be nominated twice.`, facts);
}

/** A valid or suspended honour of the types (default: the round's award type) blocks a repeat; revoked/withdrawn do not. */
export function noRepeatHonour(spec: Extract<RuleSpec, { rule: 'no_repeat_honour' }>, ctx: RuleContext): EligibilityReason {
  const { nominee, awardType } = ctx.input;
  const types: readonly HonourType[] = spec.awardTypes ?? [awardType];
  // A suspended honour may be reinstated, so it is still held for this purpose.
  const blocking = nominee.honours.filter(
    (h) => (h.status === 'valid' || h.status === 'suspended') && types.includes(h.awardType) && (spec.level === undefined || h.level === spec.level) && notAfter(h.conferredOn, ctx.asOfDate),
  );
  const facts = { nomineeId: nominee.id, awardTypes: types, level: spec.level ?? null, blockingHonours: blocking };
  const names = types.map((t) => honourLabel(t));
  const levelZh = spec.level ? `${HONOUR_LEVEL_LABELS[spec.level].zh}` : '';
  const levelEn = spec.level ? `${HONOUR_LEVEL_LABELS[spec.level].en} ` : '';
  if (blocking.length === 0) {
    return reason('no_repeat_honour', true, `${nominee.name} 未持有${levelZh}${names.map((n) => n.zh).join('、')}。`, `${nominee.name} holds no ${levelEn}${names.map((n) => n.en).join(', ')}.`, facts);
  }
  return reason(
    'no_repeat_honour', false,
    `${nominee.name} 已持有${blocking.map(describe).join('、')}，原则上不重复授予。`,
    `${nominee.name} already holds ${blocking.map(describeEn).join(', ')}; an honour is not conferred twice.`,
    facts,
  );
}

/** A valid honour of the types, at the level or above, conferred within the last `withinYears` years (inclusive). */
export function prerequisiteHonour(spec: Extract<RuleSpec, { rule: 'prerequisite_honour' }>, ctx: RuleContext): EligibilityReason {
  const { nominee } = ctx.input;
  const since = addYears(ctx.asOfDate, -spec.withinYears);
  const relevant = nominee.honours.filter(
    (h) => (spec.awardTypes as readonly HonourType[]).includes(h.awardType) && honourLevelRank(h.level) >= honourLevelRank(spec.level) && notAfter(h.conferredOn, ctx.asOfDate),
  );
  const inWindow = relevant.filter((h) => toEpochDay(h.conferredOn) >= toEpochDay(since));
  const qualifying = inWindow.filter((h) => h.status === 'valid');
  const notCounted = relevant.filter((h) => !qualifying.includes(h));
  const facts = { nomineeId: nominee.id, awardTypes: spec.awardTypes, level: spec.level, withinYears: spec.withinYears, since, asOf: ctx.asOfDate, qualifying, notCounted };
  const names = spec.awardTypes.map((t) => honourLabel(t));
  const level = HONOUR_LEVEL_LABELS[spec.level];
  const needZh = `${since} 以来（近 ${spec.withinYears} 年）有效的${level.zh}及以上${names.map((n) => n.zh).join('或')}`;
  const needEn = `a valid ${level.en}-or-higher ${names.map((n) => n.en).join(' or ')} conferred since ${since} (the last ${spec.withinYears} years)`;
  if (qualifying.length > 0) {
    return reason('prerequisite_honour', true, `${nominee.name} 持有${needZh}：${qualifying.map(describe).join('、')}。`, `${nominee.name} holds ${needEn}: ${qualifying.map(describeEn).join(', ')}.`, facts);
  }
  const why = notCounted.length > 0 ? `（不计入：${notCounted.map(describe).join('、')}；已撤销、摘牌、暂停或超出年限的荣誉不计）` : '';
  const whyEn = notCounted.length > 0 ? ` (not counted: ${notCounted.map(describeEn).join(', ')}; revoked, withdrawn, suspended or older honours do not count)` : '';
  return reason('prerequisite_honour', false, `${nominee.name} 没有${needZh}${why}。`, `${nominee.name} does not hold ${needEn}${whyEn}.`, facts);
}

/**
 * The organisations whose dated facts bar the nominee. A unit answers for itself. A team or a
 * person in a team (whatever kind it was nominated as) also answers for the teams above it and for its enterprise (the employer that runs
 * the project): a safety accident, wage arrears or a missing union there is the employer's
 * record, shared by every team and worker in it, and nominating a team must not dodge it. The
 * climb stops at the enterprise: county, city and province organisations are administrative,
 * and their facts do not bar everyone under them.
 */
export function organizationsAnswering(ctx: RuleContext, organization: OrganizationFacts): OrganizationFacts[] {
  // Whatever the nominee's kind, a team answers to its enterprise's record.
  const chain = [organization];
  for (const ancestor of ctx.input.ancestors ?? []) {
    const below = chain[chain.length - 1]!;
    if (below.level !== 'team' || (ancestor.level !== 'team' && ancestor.level !== 'enterprise')) break;
    chain.push(ancestor);
  }
  return chain;
}

/**
 * Dated organisation facts bar the organisation (and the teams and people it answers for): for
 * `years` years from the event (barred up to the day before its anniversary), or for the
 * calendar year of the event ('same_year'), which also bars that year's selection (the round's
 * `year`) when it is judged in the next year.
 */
export function exclusionWindow(spec: Extract<RuleSpec, { rule: 'exclusion_window' }>, ctx: RuleContext): EligibilityReason {
  const { organization, nominee } = ctx.input;
  const base = { orgId: nominee.orgId, kinds: spec.facts, years: spec.years, asOf: ctx.asOfDate };
  if (!organization || organization.orgId !== nominee.orgId) {
    return reason('exclusion_window', false, `缺少推荐对象所在单位 ${nominee.orgId} 的事实，无法核对限制期；请提供该单位的安全、欠薪、工会等记录。`, `No facts were given for the nominee's organisation ${nominee.orgId}, so exclusion windows cannot be checked; supply its record.`, { ...base, givenOrgId: organization?.orgId ?? null });
  }
  const kinds: readonly string[] = spec.facts;
  const answering = organizationsAnswering(ctx, organization);
  const barring = answering
    .flatMap((o) => o.facts.map((f) => ({ ...f, orgId: o.orgId })))
    .filter((f) => kinds.includes(f.kind) && notAfter(f.occurredOn, ctx.asOfDate))
    .map((f) => ({
      ...f,
      eligibleAgainOn: spec.years === 'same_year' ? `${yearOf(f.occurredOn) + 1}-01-01` : addYears(f.occurredOn, spec.years),
      barsSelectionYear: spec.years === 'same_year' && ctx.input.round.year === yearOf(f.occurredOn),
    }))
    .filter((f) => toEpochDay(ctx.asOfDate) < toEpochDay(f.eligibleAgainOn) || f.barsSelectionYear);
  const facts = { ...base, checkedOrgIds: answering.map((o) => o.orgId), barringFacts: barring };
  const windowZh = spec.years === 'same_year' ? '当年' : `${spec.years} 年`;
  const windowEn = spec.years === 'same_year' ? 'same calendar year' : `${spec.years}-year`;
  const kindsZh = spec.facts.map((k) => ORG_FACT_LABELS[k].zh).join('、');
  const aboveIds = answering.slice(1).map((o) => o.orgId);
  // People read organisations by name; the ids stay in the facts (checkedOrgIds, barringFacts).
  const called = (orgId: string) => answering.find((o) => o.orgId === orgId)?.name ?? orgId;
  const aboveZh = aboveIds.length > 0 ? `（及上级单位 ${aboveIds.map(called).join('、')}）` : '';
  const aboveEn = aboveIds.length > 0 ? ` (and ${aboveIds.join(', ')} above it)` : '';
  if (barring.length === 0) {
    return reason(
      'exclusion_window',
      true,
      `截至 ${ctx.asOfDate}，单位 ${called(organization.orgId)}${aboveZh} 不在${kindsZh}的限制期（${windowZh}）内。`,
      `As of ${ctx.asOfDate}, organisation ${organization.orgId}${aboveEn} is outside the ${windowEn} window for ${spec.facts.join(', ')}.`,
      facts,
    );
  }
  const whose = (f: { orgId: string }) => (f.orgId === organization.orgId ? { zh: '', en: '' } : { zh: `上级单位 ${called(f.orgId)} `, en: ` at ${f.orgId} (above it)` });
  // A project by its title, as the other reasons name it (review 54 #8): the fact's own, else the nomination's or the nominee's in the campaign.
  const known = [ctx.input.project, ...(ctx.input.campaignProjects ?? [])].filter((p): p is ProjectFacts => p !== undefined);
  const title = (f: { projectId?: string; projectTitle?: string }) => f.projectTitle ?? known.find((p) => p.projectId === f.projectId)?.title;
  const onProject = (f: { projectId?: string; projectTitle?: string }) => (f.projectId ? { zh: `项目${projectCalled({ projectId: f.projectId, title: title(f) })}的`, en: ` on project ${f.projectId}` } : { zh: '', en: '' });
  const listZh = barring.map((f) => `${whose(f).zh}${onProject(f).zh}${ORG_FACT_LABELS[f.kind].zh}（${f.occurredOn}，${f.barsSelectionYear ? `${yearOf(f.occurredOn)} 年度评选不得参评` : `${f.eligibleAgainOn} 起方可参评`}）`).join('；');
  const listEn = barring.map((f) => `${f.kind}${onProject(f).en}${whose(f).en} on ${f.occurredOn} (${f.barsSelectionYear ? `barred from the ${yearOf(f.occurredOn)} selection` : `eligible again from ${f.eligibleAgainOn}`})`).join('; ');
  const inWindowZh = `单位 ${called(organization.orgId)} 在限制期内：${listZh}`;
  const inWindowEn = `Organisation ${organization.orgId} is inside an exclusion window: ${listEn}`;
  // A window for the organisation and its head bars a person only if they head it (企业及其负责人, review 50 #3).
  if (nominee.kind === 'person' && spec.appliesTo === 'organisations_and_heads') {
    const category = nominee.attributes?.occupationCategory;
    const headFacts = { ...facts, appliesTo: spec.appliesTo, occupationCategory: category ?? null };
    // The eligibility list judges what a worker of the row's unit would be (its nominee is the unit itself): said for a person's nomination.
    const listRow = nominee.id === nominee.orgId;
    if (listRow) {
      return reason('exclusion_window', true, `${inWindowZh}；本项限制单位及其负责人，个人推荐对象中仅单位负责人受限制。`, `${inWindowEn}; it bars the organisation and its head: among persons, only its head.`, headFacts);
    }
    if (category === undefined) {
      // Who heads it rests on the nomination's word: it is asked for, not taken as "not the head" (review 51 #5).
      return reason(
        'exclusion_window',
        false,
        `${inWindowZh}；本项限制单位及其负责人：请在推荐中注明${nominee.name}的职业类别（attributes.occupationCategory），单位负责人不能推荐。`,
        `${inWindowEn}; it bars the organisation and its head: state ${nominee.name}'s occupationCategory in the nomination (a head cannot be nominated).`,
        headFacts,
      );
    }
    if (category !== 'enterprise_head') {
      return reason('exclusion_window', true, `${inWindowZh}；本项限制单位及其负责人，${nominee.name}不是单位负责人，不受限制。`, `${inWindowEn}; it bars the organisation and its head, and ${nominee.name} does not head it.`, headFacts);
    }
    return reason('exclusion_window', false, `${inWindowZh}；${nominee.name}为单位负责人，同受限制。`, `${inWindowEn}; ${nominee.name} heads it and is barred with it.`, headFacts);
  }
  return reason('exclusion_window', false, `${inWindowZh}。`, `${inWindowEn}.`, facts);
}
