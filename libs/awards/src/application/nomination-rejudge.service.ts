import { Injectable } from '@nestjs/common';
import { BarredNomination, NominationState, OrganizationFacts, ProjectFacts, RoundConfig, evaluateEligibility, withMandatoryRules } from './award-domain';
import { NomineeFacts } from './nominee-facts.service';

/**
 * The rules on facts that can change between a nomination and the list going public or being
 * conferred: an organisation's bars, honours held since, a prerequisite revoked since, and an
 * accident on the nominee's project (一票否决), which a summarised project still takes.
 */
const JUDGED_AGAIN: readonly string[] = ['exclusion_window', 'no_repeat_honour', 'prerequisite_honour', 'project_veto'];
/** Rules that read the nominee's project: judged again for a nomination that rests on one, and for a unit or team on its own projects in the campaign. */
const ON_PROJECT: readonly string[] = ['project_veto'];

/** The project a nomination's verdict was made on, if it rests on one (each project rule names it in its facts). */
function projectOf(n: NominationState): string | null {
  for (const r of n.verdict.reasons) if (typeof r.facts?.projectId === 'string') return r.facts.projectId;
  return null;
}

/**
 * Judges a round's active nominations again, on the facts as they stand at `at`: before the
 * notice (a list that no longer holds is not published) and at conferral (a barred nominee is
 * removed, with its reasons).
 */
@Injectable()
export class NominationRejudge {
  constructor(private readonly facts: NomineeFacts) {}

  /** The active nominations the re-judged rules of the round's rule-set version bar as of `at`. */
  async barred(round: RoundConfig, nominations: NominationState[], at: string): Promise<BarredNomination[]> {
    const ruleSet = (await this.facts.ruleSetVersion(round.ruleSetId, round.ruleSetVersion)).rules;
    // With the rules no rule set leaves out, for the nominee's kind (the veto only on a nomination resting on a project or on an organisation's projects, below).
    const rulesFor = (nomineeKind: string) => withMandatoryRules(ruleSet, { project: true, nomineeKind }).filter((r) => JUDGED_AGAIN.includes(r.rule));
    if (nominations.every((n) => rulesFor(n.nominee.kind).length === 0)) return [];
    // Nominees share organisations (a unit's teams, their enterprise) and projects: each is read once.
    const orgs = new Map<string, Promise<{ organization: OrganizationFacts; ancestors: OrganizationFacts[] }>>();
    const orgFactsOf = (orgId: string) => {
      if (!orgs.has(orgId)) orgs.set(orgId, (async () => ({ organization: await this.facts.organizationFacts(await this.facts.organization(orgId)), ancestors: await this.facts.ancestorFacts(orgId) }))());
      return orgs.get(orgId)!;
    };
    const projects = new Map<string, Promise<ProjectFacts | null>>();
    const projectFactsOf = (projectId: string) => {
      if (!projects.has(projectId)) projects.set(projectId, this.facts.project(projectId).then((p) => p.facts, () => null));
      return projects.get(projectId)!;
    };
    // An organisation's projects in the campaign, read once per organisation, reusing the projects already read (review 51 #10).
    const campaignProjects = new Map<string, Promise<ProjectFacts[]>>();
    const campaignProjectsOf = (orgId: string, named: ProjectFacts | null) => {
      if (!campaignProjects.has(orgId)) campaignProjects.set(orgId, this.facts.campaignProjects(orgId, round.campaignId, new Map(named ? [[named.projectId, named]] : [])));
      return campaignProjects.get(orgId)!;
    };
    // The selection's year: a bar "for that year" still bars it when conferral falls in the next year.
    const year = await this.facts.campaignYear(round.campaignId);
    const barred: BarredNomination[] = [];
    for (const n of nominations.filter((x) => x.status === 'active')) {
      const projectId = projectOf(n);
      const project = projectId ? await projectFactsOf(projectId) : null;
      // A unit or team: the veto judges its own projects in the campaign too, as at the nomination.
      const orgProjects = n.nominee.kind !== 'person' ? await campaignProjectsOf(n.nominee.orgId, project) : undefined;
      const applicable = rulesFor(n.nominee.kind).filter((r) => project !== null || orgProjects !== undefined || !ON_PROJECT.includes(r.rule));
      // A prerequisite honour's "within the last N years" is measured at the nomination, as it was
      // then: time passing does not remove a nominee, a revocation since does (statuses are current).
      const atNomination = applicable.filter((r) => r.rule === 'prerequisite_honour');
      const now = applicable.filter((r) => r.rule !== 'prerequisite_honour');
      const facts = {
        nominee: { ...n.nominee, honours: await this.facts.honoursHeld(n.nominee.id, n.nominee.kind), attributes: n.attributes },
        ...(await orgFactsOf(n.nominee.orgId)),
        ...(project ? { project } : {}),
        ...(orgProjects ? { campaignProjects: orgProjects } : {}),
      };
      const judge = (judged: typeof applicable, asOf: string) =>
        judged.length === 0
          ? []
          : evaluateEligibility({
              rules: judged, ruleSetId: round.ruleSetId, ruleSetVersion: round.ruleSetVersion, awardType: round.awardType, asOf, ...facts,
              round: { campaignId: round.campaignId, nominations: [], ...(year !== undefined ? { year } : {}) },
            }).reasons;
      const failed = [...judge(now, at), ...judge(atNomination, n.verdict.checkedAt)].filter((r) => !r.passed);
      if (failed.length > 0) barred.push({ nominationId: n.nominationId, failedReasons: failed.map(({ rule, messageZh, messageEn }) => ({ rule, messageZh, messageEn })) });
    }
    return barred;
  }
}
