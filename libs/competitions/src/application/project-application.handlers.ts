import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, newAggregateId } from '@jingsai/api-kit';
import { ORG_DIRECTORY, OrgDirectory, requireRole, requireSameOrg } from '@jingsai/auth';
import { CommandOutcome } from '@jingsai/event-store';
import { DomainError, newId } from '@jingsai/shared';
import {
  CampaignCategory, ImplementationPlan, ProjectDraftChanges, ProjectState, RegistrationForm, campaignRulesSnapshot, projectDecider, projectRefusalError,
} from '../domain';
import { plainBody } from './plain-body';
import { DraftProjectCommand, EditProjectDraftCommand, SubmitProjectCommand, WithdrawProjectCommand } from './project.commands';
import { ProjectFacts, projectStream } from './project-facts.service';

export interface ProjectCommandResult {
  id: string;
  outcome: CommandOutcome<ProjectState>;
}

@CommandHandler(DraftProjectCommand)
export class DraftProjectHandler implements ICommandHandler<DraftProjectCommand, ProjectCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly facts: ProjectFacts,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ body, user, req }: DraftProjectCommand): Promise<ProjectCommandResult> {
    const role = requireRole(user, 'unit');
    const orgId = body.orgId ?? user.orgId;
    requireSameOrg(user.orgId, orgId);
    await this.facts.registeredOrg(orgId);
    // Another region's draft reads as absent (404), as its detail does.
    const campaign = await this.facts.visibleCampaign(user, body.campaignId);
    // A unit enters the campaigns of the committees above it (or of its own organisation).
    if (!this.orgs.isWithin(orgId, campaign.organizerOrgId)) {
      throw DomainError.forbidden(
        'PROJECT.CAMPAIGN_NOT_OPEN_TO_UNIT',
        '该竞赛活动由其他地区或系统的竞赛委员会主办，本单位不在其参赛范围内。',
        'This campaign is organised by a committee your organisation does not belong under; you cannot enter it.',
        { campaignId: campaign.campaignId, organizerOrgId: campaign.organizerOrgId, orgId },
      );
    }
    const projectId = body.projectId ?? newAggregateId(req, user, newId);
    const ctx = this.commands.context(req, user, role);
    const b = plainBody(body);
    const outcome = await this.commands.run(
      projectStream(projectId),
      projectDecider,
      {
        type: 'DraftProject', projectId, at: ctx.now.toISOString(), actor: ctx.actor, campaign: campaignRulesSnapshot(campaign),
        campaignId: campaign.campaignId, orgId, title: b.title, category: b.category as CampaignCategory,
        ...(typeof b.skillsContest === 'boolean' ? { skillsContest: b.skillsContest } : {}),
        registrationForm: (b.registrationForm ?? {}) as RegistrationForm,
        implementationPlan: (b.implementationPlan ?? {}) as ImplementationPlan,
      },
      ctx,
    );
    return { id: projectId, outcome };
  }
}

@CommandHandler(EditProjectDraftCommand)
export class EditProjectDraftHandler implements ICommandHandler<EditProjectDraftCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  async execute({ projectId, body, user, req }: EditProjectDraftCommand): Promise<ProjectCommandResult> {
    const { project } = await this.facts.project(projectId);
    const ctx = this.commands.context(req, user, this.facts.asUnit(user, project.orgId));
    const campaign = await this.facts.snapshot(project.campaignId);
    const changes = plainBody(body) as ProjectDraftChanges;
    const outcome = await this.commands.run(projectStream(projectId), projectDecider, { type: 'EditProjectDraft', projectId, at: ctx.now.toISOString(), actor: ctx.actor, campaign, changes }, ctx);
    return { id: projectId, outcome };
  }
}

@CommandHandler(SubmitProjectCommand)
export class SubmitProjectHandler implements ICommandHandler<SubmitProjectCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  async execute({ projectId, user, req }: SubmitProjectCommand): Promise<ProjectCommandResult> {
    const { project } = await this.facts.project(projectId);
    const ctx = this.commands.context(req, user, this.facts.asUnit(user, project.orgId));
    const campaign = await this.facts.snapshot(project.campaignId);
    const outcome = await this.commands.run(projectStream(projectId), projectDecider, { type: 'SubmitProject', projectId, at: ctx.now.toISOString(), actor: ctx.actor, campaign }, ctx);
    // Jiujiang rule: a late attempt is recorded (so eligibility can cite it), then refused.
    const refusal = projectRefusalError(outcome.events, project.application.firstSubmissionOnTime === true);
    if (refusal) {
      throw new DomainError(refusal.code, 'conflict', refusal.messageZh, refusal.messageEn, {
        ...refusal.details,
        streamId: outcome.streamId,
        revision: outcome.revision,
        position: outcome.position,
        recordedEvent: 'ProjectSubmissionRefused',
      });
    }
    return { id: projectId, outcome };
  }
}

@CommandHandler(WithdrawProjectCommand)
export class WithdrawProjectHandler implements ICommandHandler<WithdrawProjectCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  async execute({ projectId, body, user, req }: WithdrawProjectCommand): Promise<ProjectCommandResult> {
    const { project } = await this.facts.project(projectId);
    const ctx = this.commands.context(req, user, this.facts.asUnit(user, project.orgId));
    const outcome = await this.commands.run(
      projectStream(projectId),
      projectDecider,
      { type: 'WithdrawProject', projectId, at: ctx.now.toISOString(), actor: ctx.actor, reason: body.reason ?? null },
      ctx,
    );
    return { id: projectId, outcome };
  }
}
