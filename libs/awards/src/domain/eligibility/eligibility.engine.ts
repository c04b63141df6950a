import { shanghaiDateOf } from '../calendar/date-only';
import { RuleSpec } from '../rules/rule-spec';
import { EligibilityInput, EligibilityReason, EligibilityVerdict } from './eligibility.facts';
import { exclusionWindow, noDoubleNomination, noRepeatHonour, nomineeKindMatches, prerequisiteHonour } from './eligibility.nominee-rules';
import { RuleContext, appliedOnTime, minGrade, noUnrectifiedFinding, projectStanding, projectVeto, reason, summaryAccepted } from './eligibility.project-rules';

function check(spec: RuleSpec, ctx: RuleContext): EligibilityReason {
  switch (spec.rule) {
    case 'applied_on_time':
      return appliedOnTime(ctx);
    case 'summary_accepted':
      return summaryAccepted(ctx);
    case 'min_grade':
      return minGrade(spec, ctx);
    case 'nominee_kind_matches':
      return nomineeKindMatches(ctx);
    case 'no_double_nomination':
      return noDoubleNomination(ctx);
    case 'no_repeat_honour':
      return noRepeatHonour(spec, ctx);
    case 'prerequisite_honour':
      return prerequisiteHonour(spec, ctx);
    case 'exclusion_window':
      return exclusionWindow(spec, ctx);
    case 'project_veto':
      return projectVeto(spec, ctx);
    case 'no_unrectified_finding':
      return noUnrectifiedFinding(ctx);
    case 'project_standing':
      return projectStanding(ctx);
    default: {
      // Rule sets are validated when published; an unknown key here means bad stored data, so fail closed.
      const unknown: never = spec;
      const key = String((unknown as { rule: unknown }).rule);
      return reason(key as RuleSpec['rule'], false, `未知规则 ${key}，不能判定为符合条件。`, `Unknown rule ${key}; the nominee cannot be judged eligible.`, {});
    }
  }
}

/**
 * Judges a nominee against every rule of a rule-set version, as of a date. Every rule reports
 * pass or fail with a bilingual reason quoting the dated facts it used; the nominee is eligible
 * only when every rule passes. Pure: the same input always yields the same verdict.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityVerdict {
  const ctx: RuleContext = { input, asOfDate: shanghaiDateOf(input.asOf) };
  const reasons = input.rules.map((spec) => check(spec, ctx));
  return {
    eligible: reasons.every((r) => r.passed),
    ruleSetId: input.ruleSetId,
    ruleSetVersion: input.ruleSetVersion,
    awardType: input.awardType,
    nomineeKind: input.nominee.kind,
    nomineeId: input.nominee.id,
    checkedAt: input.asOf,
    reasons,
  };
}

/** The reasons that failed, for a refusal or a read model. */
export function failedReasons(verdict: EligibilityVerdict): EligibilityReason[] {
  return verdict.reasons.filter((r) => !r.passed);
}
