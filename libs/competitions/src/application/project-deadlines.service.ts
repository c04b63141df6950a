import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandExecutor, DeadlineRow, DeadlineScheduler, READ_MODEL_DB, settleDeadline } from '@jingsai/api-kit';
import { CommandContext, ReadModelDatabase } from '@jingsai/event-store';
import { Decider, DomainEvent, SYSTEM_ACTOR, isDomainError } from '@jingsai/shared';
import { campaignDecider, owedRegimePeriods, projectDecider, projectRegimes, reportingRegimes } from '../domain';
import { RECTIFICATION_DUE, REPORT_DUE, WINDOW_CLOSE } from '../read-models/deadlines/project-deadlines.projection';
import { campaignStream } from './campaign-stream';
import { ProjectFacts, projectStream } from './project-facts.service';

/**
 * What follows when a competitions deadline passes: a missed report (逾期未报), an unrectified
 * finding past its deadline (逾期未整改), the application window closing (报名截止). Each command
 * carries the id derived from its due item, so several instances record it once.
 */
@Injectable()
export class ProjectDeadlines implements OnModuleInit {
  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly commands: CommandExecutor,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    private readonly facts: ProjectFacts,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      kind: REPORT_DUE,
      fire: async (item, commandId, now) => {
        const { projectId, period, dueOn } = item.payload as { projectId: string; period: string; dueOn: string };
        // A period the project no longer owes (an item left behind by a change of the reporting rules) is no miss: a unit could never clear it.
        if (!(await this.stillOwed(projectId, period))) return settleDeadline(this.readDb.db, item.kind, item.streamId, item.key);
        return this.send(item, projectStream(projectId), projectDecider, { type: 'MarkProgressReportOverdue', projectId, period, dueOn, at: now.toISOString(), actor: SYSTEM_ACTOR }, commandId, now);
      },
    });
    this.scheduler.register({
      kind: RECTIFICATION_DUE,
      fire: (item, commandId, now) => {
        const { projectId, findingId } = item.payload as { projectId: string; findingId: string };
        return this.send(item, projectStream(projectId), projectDecider, { type: 'MarkRectificationOverdue', projectId, findingId, at: now.toISOString(), actor: SYSTEM_ACTOR }, commandId, now);
      },
    });
    this.scheduler.register({
      kind: WINDOW_CLOSE,
      fire: async (item, commandId, now) => {
        const { campaignId } = item.payload as { campaignId: string };
        try {
          await this.send(item, campaignStream(campaignId), campaignDecider, { type: 'CloseApplicationWindow', campaignId, at: now.toISOString(), actor: SYSTEM_ACTOR }, commandId, now);
        } catch (e) {
          // Due at the named instant, the window closes at the end of its second (deadlinePassed): not yet is asked again next tick, not settled.
          if (isDomainError(e) && e.code === 'CAMPAIGN.WINDOW_NOT_DUE') return false;
          throw e;
        }
      },
    });
  }

  /** Whether the project owes a report for the period under its reporting regimes (as filing and its reports have them); when unsure, the decider judges. */
  private async stillOwed(projectId: string, period: string): Promise<boolean> {
    try {
      const { project } = await this.facts.project(projectId);
      const campaign = await this.facts.campaign(project.campaignId);
      return owedRegimePeriods(projectRegimes(reportingRegimes(campaign), project.progress.reports), project.implementationPlan).some((x) => x.period.period === period);
    } catch {
      return true;
    }
  }

  private async send<S, C extends { type: string }, E extends DomainEvent>(item: DeadlineRow, streamId: string, decider: Decider<S, C, E>, command: C, commandId: string, now: Date): Promise<void> {
    const ctx: CommandContext = { actor: SYSTEM_ACTOR, now, commandId, correlationId: commandId };
    const outcome = await this.commands.run(streamId, decider, command, ctx, `deadline:${item.kind}`);
    // Nothing owed any more (filed meanwhile, project moved on): stop looking at the item.
    if (outcome.events.length === 0) settleDeadline(this.readDb.db, item.kind, item.streamId, item.key);
  }
}
