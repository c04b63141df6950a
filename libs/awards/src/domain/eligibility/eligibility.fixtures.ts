import { EligibilityInput, NomineeFacts, OrganizationFacts, ProjectFacts } from './eligibility.facts';

/** Test data builders (used by the specs only): a Jiujiang project that did everything right. */
export function projectFacts(over: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    projectId: 'p-1',
    campaignId: 'c-jj-2021',
    status: 'summarized',
    approved: true,
    submittedOnTime: true,
    lateRefusalRecorded: false,
    summaryAccepted: true,
    grade: 'excellent',
    incidents: [],
    unrectifiedFindings: 0,
    applicationDeadlineOn: '2021-07-22',
    submittedOn: '2021-07-20',
    ...over,
  };
}

export function organizationFacts(over: Partial<OrganizationFacts> = {}): OrganizationFacts {
  return { orgId: 'org-a', ownership: 'non_public', facts: [], ...over };
}

export function nomineeFacts(over: Partial<NomineeFacts> = {}): NomineeFacts {
  return { kind: 'person', id: 'person-1', name: '张师傅', orgId: 'org-a', honours: [], attributes: {}, ...over };
}

export function eligibilityInput(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    rules: [],
    ruleSetId: 'jj',
    ruleSetVersion: 1,
    awardType: 'may_day_medal',
    asOf: '2022-04-01',
    nominee: nomineeFacts(),
    project: projectFacts(),
    organization: organizationFacts(),
    round: { campaignId: 'c-jj-2021', nominations: [] },
    ...over,
  };
}
