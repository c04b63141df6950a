import { created, stateAfter, submitted } from '../domain/award-round/award-round.fixtures';
import { organizationFacts, projectFacts } from '../domain/eligibility/eligibility.fixtures';
import { ProjectFacts } from './award-domain';
import { NominationRejudge } from './nomination-rejudge.service';
import { NomineeFacts } from './nominee-facts.service';

/** The facts the rejudge reads, as a unit with its projects in the campaign (no rule of the rule set but the kind). */
function factsWith(campaignProjects: Record<string, ProjectFacts[]>): NomineeFacts {
  return {
    ruleSetVersion: async () => ({ version: 2, rules: [{ rule: 'nominee_kind_matches' }] }),
    organization: async (orgId: string) => ({ orgId }),
    organizationFacts: async (org: { orgId: string }) => organizationFacts({ orgId: org.orgId }),
    ancestorFacts: async () => [],
    honoursHeld: async () => [],
    campaignYear: async () => 2024,
    project: async () => {
      throw new Error('no nomination here names a project');
    },
    campaignProjects: async (orgId: string) => campaignProjects[orgId] ?? [],
  } as unknown as NomineeFacts;
}

const unit = (orgId: string) => ({ kind: 'unit' as const, id: orgId, name: `单位${orgId}`, orgId });

describe('NominationRejudge: a unit nominated without naming its project (review 48 #7)', () => {
  const state = stateAfter([created({ awardType: 'may_day_certificate' }), submitted('n-a', { nominee: unit('org-a') }), submitted('n-b', { nominee: unit('org-b') })]);
  const accident = { kind: 'quality_accident' as const, occurredOn: '2024-10-02', severity: 'minor' };

  it('bars it when one of its projects in the campaign had a veto accident since, and only it', async () => {
    const rejudge = new NominationRejudge(factsWith({ 'org-a': [projectFacts({ projectId: 'p-a1' }), projectFacts({ projectId: 'p-a2', incidents: [accident] })], 'org-b': [projectFacts({ projectId: 'p-b' })] }));
    const barred = await rejudge.barred(state.round!, state.nominations, '2024-10-08T10:00:00+08:00');
    expect(barred).toEqual([{ nominationId: 'n-a', failedReasons: [expect.objectContaining({ rule: 'project_veto', messageZh: expect.stringContaining('p-a2') })] }]);
  });

  it('does not bar it for an accident after the date it is judged at, nor a unit with no project in the campaign (org-b)', async () => {
    const rejudge = new NominationRejudge(factsWith({ 'org-a': [projectFacts({ projectId: 'p-a2', incidents: [accident] })] }));
    expect(await rejudge.barred(state.round!, state.nominations, '2024-10-01T10:00:00+08:00')).toEqual([]);
  });
});
