import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, newAggregateId } from '@jingsai/api-kit';
import { AuthUser } from '@jingsai/auth';
import { newId, Role } from '@jingsai/shared';
import { Project, projectDecider } from '../domain';
import { ASSESSMENT_BUILDERS } from './assessment.builders';
import { ProjectCommandResult } from './project-application.handlers';
import { ProjectFacts, projectStream } from './project-facts.service';
import { LOOP_ACCESS, LoopAction, LoopBuilder, ProjectLoopCommand } from './project-loop.command';
import { PROGRESS_BUILDERS } from './progress.builders';

const BUILDERS = { ...PROGRESS_BUILDERS, ...ASSESSMENT_BUILDERS } as Record<LoopAction, LoopBuilder>;

export interface LoopCommandResult extends ProjectCommandResult {
  itemId?: string;
  /** What the caller should know about what was recorded (a report filed while its period still runs). */
  noteZh?: string;
  noteEn?: string;
  /** An inspection's findings, as recorded. */
  findingIds?: string[];
}

/**
 * Every command of the middle of the loop: load the project, check who may act on it (a
 * committee within its subtree, a unit for its own organisation, an assessor only when
 * assigned), build the domain command with the facts it needs, run it.
 */
@CommandHandler(ProjectLoopCommand)
export class ProjectLoopHandler implements ICommandHandler<ProjectLoopCommand, LoopCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  private access(action: LoopAction, user: AuthUser, project: Project): Role | Promise<Role> {
    switch (LOOP_ACCESS[action]) {
      case 'unit':
        return this.facts.asUnit(user, project.orgId);
      case 'committee':
        return this.facts.asCommittee(user, project.orgId);
      case 'assessor':
        return this.facts.asAssessor(user, project);
      case 'unit_or_committee':
        return this.facts.asCommitteeOrUnit(user, project.orgId);
    }
  }

  async execute({ action, projectId, body, user, req, params }: ProjectLoopCommand): Promise<LoopCommandResult> {
    const { project } = await this.facts.project(projectId);
    const ctx = this.commands.context(req, user, await this.access(action, user, project));
    this.facts.requireAssessmentOwner(user, project, action);
    this.facts.requireInspector(user, project, action, params);
    const base = { projectId, at: ctx.now.toISOString(), actor: ctx.actor };
    const built = await BUILDERS[action]({ project, body: body ?? {}, params, base, facts: this.facts, newItemId: () => newAggregateId(req, user, newId) });
    const outcome = await this.commands.run(projectStream(projectId), projectDecider, built.command, ctx);
    return { id: projectId, outcome, itemId: built.itemId, ...(built.answer ?? {}), ...(built.note?.(outcome.events) ?? {}) };
  }
}
