import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, newAggregateId } from '@jingsai/api-kit';
import { requireRole } from '@jingsai/auth';
import { CommandOutcome } from '@jingsai/event-store';
import { newId } from '@jingsai/shared';
import { ClearanceSpec, NO_CLEARANCES, RatioSpec, RuleSetState, RuleSpec, ruleSetDecider } from './award-domain';
import { ruleSetStream } from './award-streams';
import { PublishRuleSetCommand } from './award.commands';

export interface RuleSetCommandResult {
  id: string;
  outcome: CommandOutcome<RuleSetState>;
}

/** 发布规则集版本: the award office (or an administrator) publishes; a changed rule set is a new version. */
@CommandHandler(PublishRuleSetCommand)
export class PublishRuleSetHandler implements ICommandHandler<PublishRuleSetCommand, RuleSetCommandResult> {
  constructor(private readonly commands: CommandExecutor) {}

  async execute({ body, user, req }: PublishRuleSetCommand): Promise<RuleSetCommandResult> {
    const role = requireRole(user, 'award_office', 'admin');
    const ruleSetId = body.ruleSetId ?? newAggregateId(req, user, newId);
    const ctx = this.commands.context(req, user, role);
    const content = JSON.parse(JSON.stringify({ rules: body.rules, ratios: body.ratios ?? [], clearances: body.clearances ?? NO_CLEARANCES })) as {
      rules: RuleSpec[];
      ratios: RatioSpec[];
      clearances: ClearanceSpec;
    };
    const outcome = await this.commands.run(ruleSetStream(ruleSetId), ruleSetDecider, {
      type: 'PublishRuleSet',
      ruleSetId,
      ...(body.version !== undefined ? { version: body.version } : {}),
      at: ctx.now.toISOString(),
      actor: ctx.actor,
      citation: body.citation,
      year: body.year,
      ...content,
    }, ctx);
    return { id: ruleSetId, outcome };
  }
}
