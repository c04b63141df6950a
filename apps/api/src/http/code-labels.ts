import {
  AGGREGATION_LABELS, CAMPAIGN_CATEGORIES, CAMPAIGN_METRICS, CAMPAIGN_STATUS_LABELS, FINDING_SEVERITY_LABELS, GRADE_LABELS, HIERARCHY_LEVEL_LABELS, INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS,
  PROJECT_STATUS_LABELS, REPORTING_CADENCE_LABELS,
} from '@jingsai/competitions';
import { ORG_FACT_KIND_LABELS, ORG_KIND_LABELS, ORG_LEVEL_LABELS, ORG_OWNERSHIP_LABELS } from '@jingsai/organizations';
import { AWARD_TYPE_CATALOGUE, DEPARTMENT_LABELS, DERIVED_HONOUR_CATALOGUE, HONOUR_LEVEL_LABELS, HONOUR_STATUS_LABELS, NOMINEE_KIND_LABELS, POOL_LABELS, STAGE_LABELS } from '@jingsai/awards';
import { WITHDRAWAL_MODE_LABELS } from '@jingsai/shared';

type Labels = Record<string, string | { zh: string }>;

/** Query parameters that are not a domain catalogue, as people read them. */
const PARAMETER_LABELS: Labels = { region: '地区', industry: '行业', ownership: '所有制', period: '报送期', report: '推进情况', rectification: '督导整改' };

/** A review level's conclusion on a nomination (同意推荐 or not): not a project's approval, whose `rejected` is 未立项. */
const REVIEW_DECISION_LABELS: Labels = { approved: '同意推荐', rejected: '不同意推荐' };

let labels: Map<string, string> | null = null;
let catalogues: Array<Map<string, string>> | null = null;

/**
 * The Chinese names of a list of allowed values, taken from the one catalogue that holds them
 * all (the categories, for `worker_pioneer` among categories, though an award type shares the
 * code), else each from {@link codeLabel}.
 */
export function codeLabels(values: readonly string[]): Array<string | undefined> {
  catalogues ??= CATALOGUES().map((c) => build([c]));
  const home = values.length > 1 ? catalogues.find((c) => values.every((v) => c.has(v))) : undefined;
  return values.map((v) => (home ? home.get(v) : codeLabel(v)));
}

/**
 * The Chinese name of a code a user may have to choose from (a status, a severity, a grouping),
 * for refusals that list the allowed values. A code two catalogues name differently (`minor` is
 * 一般事故 for an incident, 一般问题 for a finding) gets no name here: a wrong one would mislead.
 */
export function codeLabel(code: string): string | undefined {
  labels ??= build(CATALOGUES());
  return labels.get(code);
}

const CATALOGUES = (): Labels[] =>
  [
    PROJECT_STATUS_LABELS, CAMPAIGN_STATUS_LABELS, CAMPAIGN_CATEGORIES, CAMPAIGN_METRICS, INCIDENT_SEVERITY_LABELS, INCIDENT_KIND_LABELS, FINDING_SEVERITY_LABELS, GRADE_LABELS,
    AGGREGATION_LABELS, REPORTING_CADENCE_LABELS, HIERARCHY_LEVEL_LABELS, ORG_OWNERSHIP_LABELS, ORG_KIND_LABELS, ORG_LEVEL_LABELS, ORG_FACT_KIND_LABELS,
    AWARD_TYPE_CATALOGUE, NOMINEE_KIND_LABELS, POOL_LABELS, HONOUR_LEVEL_LABELS, HONOUR_STATUS_LABELS, DEPARTMENT_LABELS, PARAMETER_LABELS,
    // Honour types: the award types and the honours derived from them (the register's filter lists both).
    { ...AWARD_TYPE_CATALOGUE, ...DERIVED_HONOUR_CATALOGUE }, STAGE_LABELS, WITHDRAWAL_MODE_LABELS, REVIEW_DECISION_LABELS,
  ] as unknown as Labels[];

function build(catalogues: Labels[]): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const catalogue of catalogues) {
    for (const [code, label] of Object.entries(catalogue)) {
      const zh = typeof label === 'string' ? label : label?.zh;
      if (typeof zh !== 'string') continue;
      if (out.has(code) && out.get(code) !== zh) ambiguous.add(code);
      else out.set(code, zh);
    }
  }
  for (const code of ambiguous) out.delete(code);
  return out;
}
