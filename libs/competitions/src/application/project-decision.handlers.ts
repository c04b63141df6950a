import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@jingsai/api-kit';
import { projectDecider } from '../domain';
import { ProjectCommandResult } from './project-application.handlers';
import { ApproveProjectCommand, GrantSubmissionExtensionCommand, RejectProjectCommand, ReturnProjectCommand, TerminateProjectCommand } from './project.commands';
import { ProjectFacts, projectStream } from './project-facts.service';

type Decision = ApproveProjectCommand | ReturnProjectCommand | RejectProjectCommand;

/** Approve, return and reject: a committee in scope, with the levels the tree says must decide. */
async function decide(commands: CommandExecutor, facts: ProjectFacts, c: Decision, type: 'ApproveProject' | 'ReturnProject' | 'RejectProject'): Promise<ProjectCommandResult> {
  const { project } = await facts.project(c.projectId);
  const ctx = commands.context(c.req, c.user, await facts.asCommittee(c.user, project.orgId));
  const approval = facts.approvalFacts(c.user, project, await facts.snapshot(project.campaignId));
  const base = { projectId: c.projectId, at: ctx.now.toISOString(), actor: ctx.actor, ...approval };
  const command =
    type === 'ApproveProject'
      ? { type, ...base, note: (c as ApproveProjectCommand).note }
      : { type, ...base, reason: (c as ReturnProjectCommand | RejectProjectCommand).body.reason };
  const outcome = await commands.run(projectStream(c.projectId), projectDecider, command, ctx);
  return { id: c.projectId, outcome };
}

@CommandHandler(ApproveProjectCommand)
export class ApproveProjectHandler implements ICommandHandler<ApproveProjectCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}
  execute(c: ApproveProjectCommand): Promise<ProjectCommandResult> {
    return decide(this.commands, this.facts, c, 'ApproveProject');
  }
}

@CommandHandler(ReturnProjectCommand)
export class ReturnProjectHandler implements ICommandHandler<ReturnProjectCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}
  execute(c: ReturnProjectCommand): Promise<ProjectCommandResult> {
    return decide(this.commands, this.facts, c, 'ReturnProject');
  }
}

@CommandHandler(RejectProjectCommand)
export class RejectProjectHandler implements ICommandHandler<RejectProjectCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}
  execute(c: RejectProjectCommand): Promise<ProjectCommandResult> {
    return decide(this.commands, this.facts, c, 'RejectProject');
  }
}

@CommandHandler(GrantSubmissionExtensionCommand)
export class GrantSubmissionExtensionHandler implements ICommandHandler<GrantSubmissionExtensionCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  async execute({ projectId, body, user, req }: GrantSubmissionExtensionCommand): Promise<ProjectCommandResult> {
    const { project } = await this.facts.project(projectId);
    const ctx = this.commands.context(req, user, await this.facts.asCommittee(user, project.orgId));
    const campaign = await this.facts.snapshot(project.campaignId);
    const outcome = await this.commands.run(
      projectStream(projectId),
      projectDecider,
      { type: 'GrantSubmissionExtension', projectId, at: ctx.now.toISOString(), actor: ctx.actor, campaign, until: body.until, reason: body.reason },
      ctx,
    );
    return { id: projectId, outcome };
  }
}

@CommandHandler(TerminateProjectCommand)
export class TerminateProjectHandler implements ICommandHandler<TerminateProjectCommand, ProjectCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  async execute({ projectId, body, user, req }: TerminateProjectCommand): Promise<ProjectCommandResult> {
    const { project } = await this.facts.project(projectId);
    const ctx = this.commands.context(req, user, await this.facts.asCommittee(user, project.orgId));
    const outcome = await this.commands.run(
      projectStream(projectId),
      projectDecider,
      { type: 'TerminateProject', projectId, at: ctx.now.toISOString(), actor: ctx.actor, reason: body.reason },
      ctx,
    );
    return { id: projectId, outcome };
  }
}
