import { Actor, Decider, DomainError, DomainEvent, assertNever } from '@jingsai/shared';
import { SpecProblem } from './attribute-predicate';
import { ClearanceSpec, validateClearanceSpec } from './clearance-spec';
import { RULE_KEYS, RuleSpec } from './rule-spec';
import { validateRuleSpecs } from './rule-spec.validate';
import { RatioSpec, validateRatioSpecs } from './slate-ratios';

/** What a version of a rule set says. (A type alias, not an interface, so it fits DomainEvent data.) */
export type RuleSetContent = {
  /** The notice it comes from (文号), e.g. '九江市劳动竞赛委员会 2021'. */
  citation: string;
  year: number;
  rules: RuleSpec[];
  ratios: RatioSpec[];
  clearances: ClearanceSpec;
};

export interface RuleSetVersion extends RuleSetContent {
  version: number;
}

/** Publish a new version (stream `ruleSet-<id>`). `version`, when given, must be the next one; repeating a published version with the same content is a no-op. */
export type PublishRuleSet = { type: 'PublishRuleSet'; ruleSetId: string; version?: number; at: string; actor: Actor } & RuleSetContent;
export type RuleSetCommand = PublishRuleSet;

export type RuleSetVersionPublished = DomainEvent<'RuleSetVersionPublished', { ruleSetId: string; version: number } & RuleSetContent>;
export type RuleSetEvent = RuleSetVersionPublished;

export interface RuleSetState {
  ruleSetId: string | null;
  versions: RuleSetVersion[];
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

function contentOf(c: RuleSetContent): RuleSetContent {
  return { citation: c.citation, year: c.year, rules: c.rules, ratios: c.ratios, clearances: { ...c.clearances, stateOwnedExtra: c.clearances.stateOwnedExtra ?? [] } };
}

/** Refuses a rule set with unknown rules (RULESET.UNKNOWN_RULE) or bad parameters (RULESET.INVALID_RULE), listing every problem. */
export function assertValidRuleSetContent(c: RuleSetContent): void {
  const ruleProblems = validateRuleSpecs(c.rules);
  const problems: SpecProblem[] = [...ruleProblems, ...validateRatioSpecs(c.ratios), ...validateClearanceSpec(c.clearances)];
  if (typeof c.citation !== 'string' || c.citation.trim() === '') {
    problems.push({ field: 'citation', messageZh: '请填写规则依据的文号', messageEn: 'citation (the notice the rules come from) is required' });
  }
  if (!Number.isInteger(c.year) || c.year < 1950 || c.year > 2200) problems.push({ field: 'year', messageZh: '年度无效', messageEn: 'year is not a valid year' });
  if (problems.length === 0) return;
  const errors = problems.map(({ field, messageZh, messageEn }) => ({ field, messageZh, messageEn }));
  const unknown = ruleProblems.filter((p) => p.unknown);
  if (unknown.length > 0) {
    throw DomainError.validation(
      'RULESET.UNKNOWN_RULE',
      `规则集包含未知规则（${unknown.map((p) => p.field).join('、')}），请改用已支持的规则后重新发布。支持的规则：${RULE_KEYS.join('、')}。`,
      `The rule set contains unknown rules (${unknown.map((p) => p.field).join(', ')}); use supported rules (${RULE_KEYS.join(', ')}) and publish again.`,
      { errors },
    );
  }
  throw DomainError.validation(
    'RULESET.INVALID_RULE',
    `规则集有 ${errors.length} 处参数错误，请逐项修正后重新发布。`,
    `The rule set has ${errors.length} invalid parameter(s); correct each and publish again.`,
    { errors },
  );
}

function decide(command: RuleSetCommand, state: RuleSetState): RuleSetEvent[] {
  switch (command.type) {
    case 'PublishRuleSet': {
      const content = contentOf(command);
      assertValidRuleSetContent(content);
      const latest = state.versions[state.versions.length - 1];
      const next = (latest?.version ?? 0) + 1;
      const requested = command.version ?? next;
      const existing = state.versions.find((v) => v.version === requested);
      if (existing) {
        if (canonical(contentOf(existing)) === canonical(content)) return [];
        throw DomainError.conflict(
          'RULESET.VERSION_EXISTS',
          `规则集第 ${requested} 版已发布，不可修改；如需变更请发布第 ${next} 版。`,
          `Version ${requested} of the rule set is already published and cannot change; publish version ${next} instead.`,
          { version: requested, nextVersion: next },
        );
      }
      if (requested !== next) {
        throw DomainError.conflict(
          'RULESET.VERSION_OUT_OF_ORDER',
          `下一个版本号应为 ${next}，不能发布第 ${requested} 版。`,
          `The next version is ${next}; version ${requested} cannot be published.`,
          { version: requested, nextVersion: next },
        );
      }
      if (command.version === undefined && latest && canonical(contentOf(latest)) === canonical(content)) return [];
      return [{ type: 'RuleSetVersionPublished', data: { ruleSetId: command.ruleSetId, version: next, ...content } }];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: RuleSetState, event: RuleSetEvent): RuleSetState {
  switch (event.type) {
    case 'RuleSetVersionPublished': {
      const { ruleSetId, version, ...content } = event.data;
      return { ruleSetId, versions: [...state.versions, { version, ...contentOf(content) }] };
    }
    default: {
      // Exhaustive at compile time; an unknown stored event is ignored rather than thrown on.
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

/** Decider of a rule set (`ruleSet-<id>`): each version is immutable; a change is a new version. */
export const ruleSetDecider: Decider<RuleSetState, RuleSetCommand, RuleSetEvent> = {
  initialState: () => ({ ruleSetId: null, versions: [] }),
  decide,
  evolve,
};

/** A published version, or null. */
export function ruleSetVersionOf(state: RuleSetState, version: number): RuleSetVersion | null {
  return state.versions.find((v) => v.version === version) ?? null;
}
