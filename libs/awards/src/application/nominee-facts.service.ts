import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, READ_MODEL_DB, ReadConsistency } from '@jingsai/api-kit';
import { ORG_DIRECTORY, OrgDirectory } from '@jingsai/auth';
import { campaignDecider, isSkillsContest, projectDecider } from '@jingsai/competitions';
import { ReadModelDatabase } from '@jingsai/event-store';
import { RegisteredOrganization, organizationDecider } from '@jingsai/organizations';
import { DomainError } from '@jingsai/shared';
import { projectIncidentFactsOf } from '../read-models/eligibility/project-facts.projection';
import { honoursHeldBy } from '../read-models/honours/honour-register.queries';
import { HonourHeld, OrganizationFacts, Ownership, ProjectFacts, RuleSetVersion, ruleSetDecider, ruleSetVersionOf } from './award-domain';
import { campaignStream, organizationStream, projectStream, ruleSetStream } from './award-streams';
import { projectFactsFrom } from './project-facts.mapper';

/**
 * The facts a nomination's verdict is made on, read at the moment of the command: rule set,
 * project and organisation strongly (folded streams), honours held from the register after
 * the read models caught up with the log.
 */
@Injectable()
export class NomineeFacts {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  /** A published version (the latest when omitted). */
  async ruleSetVersion(ruleSetId: string, version?: number): Promise<RuleSetVersion> {
    const { state } = await this.commands.state(ruleSetStream(ruleSetId), ruleSetDecider);
    const found = version === undefined ? state.versions[state.versions.length - 1] : ruleSetVersionOf(state, version);
    if (!found) {
      const which = version === undefined ? '' : ` 第 ${version} 版`;
      throw DomainError.notFound('RULESET.NOT_FOUND', `规则集 ${ruleSetId}${which} 不存在，请先发布。`, `Rule set ${ruleSetId}${version === undefined ? '' : ` version ${version}`} does not exist; publish it first.`, {
        ruleSetId,
        version: version ?? null,
        publishedVersions: state.versions.map((v) => v.version),
      });
    }
    return found;
  }

  /** The project's facts for eligibility, its unit and its competition category (a skills contest has champions). */
  async project(projectId: string): Promise<{ facts: ProjectFacts; orgId: string; category: string; skillsContest: boolean }> {
    const { state } = await this.commands.state(projectStream(projectId), projectDecider);
    const facts = state.status === 'none' ? null : projectFactsFrom(state, state.campaignId, await this.campaign(state.campaignId));
    if (!facts || state.status === 'none') {
      throw DomainError.notFound('PROJECT.NOT_FOUND', `竞赛项目 ${projectId} 不存在。`, `Project ${projectId} does not exist.`, { projectId });
    }
    return { facts, orgId: state.orgId, category: state.category, skillsContest: isSkillsContest(state) };
  }

  /** A campaign folded from its stream, or null for none. */
  private async campaign(campaignId: string) {
    const { state } = await this.commands.state(campaignStream(campaignId), campaignDecider);
    return state.status === 'none' ? null : state;
  }

  /**
   * A unit's or team's own projects in a campaign, each folded from its stream as `project` is:
   * the veto judges them when a nomination names none. The ids come from the read models, once
   * caught up; a unit has a handful.
   */
  async campaignProjects(orgId: string, campaignId: string, known: ReadonlyMap<string, ProjectFacts> = new Map()): Promise<ProjectFacts[]> {
    await this.consistency.catchUp();
    const ids = this.readDb.db.prepare('SELECT project_id FROM award_elig_projects WHERE org_id = ? AND campaign_id = ? ORDER BY project_id').pluck().all(orgId, campaignId) as string[];
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return ids.map((id) => known.get(id)!);
    // The campaign is folded once for all of them (review 51 #10); a project already read (`known`) is not folded again.
    const campaign = await this.campaign(campaignId);
    const folded = new Map(
      await Promise.all(
        missing.map(async (id) => {
          const { state } = await this.commands.state(projectStream(id), projectDecider);
          return [id, state.status === 'none' ? null : projectFactsFrom(state, campaignId, campaign)] as const;
        }),
      ),
    );
    return ids.map((id) => known.get(id) ?? folded.get(id)).filter((p): p is ProjectFacts => !!p);
  }

  /** The year a campaign's selections are for (评选年度), or undefined for no such campaign. */
  async campaignYear(campaignId: string): Promise<number | undefined> {
    return (await this.campaign(campaignId))?.year;
  }

  async organization(orgId: string): Promise<RegisteredOrganization> {
    const { state } = await this.commands.state(organizationStream(orgId), organizationDecider);
    if (state.status !== 'registered') {
      throw DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${orgId} 尚未登记。`, `Organisation ${orgId} is not registered.`, { orgId });
    }
    return state;
  }

  /** Its own record (folded) and the accidents on its projects (from the read models, once caught up). */
  async organizationFacts(org: RegisteredOrganization): Promise<OrganizationFacts> {
    await this.consistency.catchUp();
    const facts = [...org.facts.map((f) => ({ kind: f.kind, occurredOn: f.occurredOn })), ...projectIncidentFactsOf(this.readDb.db, org.orgId)];
    // Ownership is read by no eligibility rule; an unrecorded one stays null rather than guessed.
    return { orgId: org.orgId, name: org.name, ownership: org.ownership as Ownership, level: org.level, facts };
  }

  /**
   * The facts of every organisation above `orgId`, nearest first, read from their streams; the
   * exclusion windows decide which of them answer for the nominee. The tree comes from the
   * directory, so call this after catching up.
   */
  async ancestorFacts(orgId: string): Promise<OrganizationFacts[]> {
    const path = this.orgs.get(orgId)?.path ?? [];
    const ancestors = await Promise.all([...path].reverse().map((id) => this.organization(id)));
    return Promise.all(ancestors.map((o) => this.organizationFacts(o)));
  }

  async honoursHeld(recipientId: string, recipientKind: string): Promise<HonourHeld[]> {
    await this.consistency.catchUp();
    return honoursHeldBy(this.readDb.db, recipientId, recipientKind);
  }
}
