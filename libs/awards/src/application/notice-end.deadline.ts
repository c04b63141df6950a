import { CommandExecutor, DeadlineHandler, DeadlineRow } from '@jingsai/api-kit';
import { SYSTEM_ACTOR, parseStreamId } from '@jingsai/shared';
import { NOTICE_END_DEADLINE } from '../read-models/award-rounds/notice-deadline.projection';
import { awardRoundDecider } from './award-domain';

/**
 * 公示期满: when a notice's last day has passed, the system records that it ended. The command
 * id comes from the due item, so several scheduler instances record it once.
 */
export function noticeEndDeadlineHandler(commands: CommandExecutor): DeadlineHandler {
  return {
    kind: NOTICE_END_DEADLINE,
    async fire(item: DeadlineRow, commandId: string, now: Date): Promise<void> {
      const roundId = typeof item.payload.roundId === 'string' ? item.payload.roundId : parseStreamId(item.streamId).id;
      await commands.run(
        item.streamId,
        awardRoundDecider,
        { type: 'EndPublicNotice', roundId, at: now.toISOString(), actor: SYSTEM_ACTOR },
        { actor: SYSTEM_ACTOR, now, commandId, correlationId: commandId },
      );
    },
  };
}
