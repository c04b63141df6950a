import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, CommandExecutor, newAggregateId } from '@jingsai/api-kit';
import { RecordedEvent, newId, requireNoModeUnlessWithdrawal } from '@jingsai/shared';
import { AwardRoundEvent, AwardRoundState, HolidayCalendarData, honourIdOf, qualifiesForYouthPostExpert, shanghaiDateOf } from './award-domain';
import { DerivedHonourAgain, DerivedHonourAgainService } from './derived-honour-again.service';
import { toNoticePeriod } from './notice.request.dto';
import { NomineeFacts } from './nominee-facts.service';
import { NominationRejudge } from './nomination-rejudge.service';
import { AwardRoundAccess } from './award-round-access.service';
import { runOnRound } from './award-round-review.handlers';
import { AwardRoundCommandResult } from './award-round-setup.handlers';
import { ChangeHonourCommand, ConferCommand, RaiseObjectionCommand, ReopenNominationsCommand, ResolveObjectionCommand, StartPublicNoticeCommand } from './award.commands';

/**
 * 公示: n working days from a date, or fixed calendar dates (the Lijiang way). Working days are
 * counted on the built-in holiday calendar plus the years an operator added (HOLIDAY_CALENDAR_FILE).
 */
@CommandHandler(StartPublicNoticeCommand)
export class StartPublicNoticeHandler implements ICommandHandler<StartPublicNoticeCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly access: AwardRoundAccess,
    private readonly rejudge: NominationRejudge,
    @Inject(APP_CONFIG) private readonly config: { holidayCalendar?: HolidayCalendarData },
  ) {}

  async execute({ roundId, body, user, req }: StartPublicNoticeCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'StartPublicNotice');
    const period = toNoticePeriod(body.period);
    const startsOn = body.startsOn ?? (period.kind === 'calendar_days' && period.from ? period.from : shanghaiDateOf(this.commands.now().toISOString()));
    // A list goes public only as it still holds: a nominee barred since the nomination (an accident, wage arrears) is not published.
    const barred = round.state.stage === 'nominating' ? await this.rejudge.barred(round.round, round.state.nominations, this.commands.now().toISOString()) : [];
    return runOnRound(this.commands, this.access, round, role, user, req, (b) => ({ type: 'StartPublicNotice', ...b, period, startsOn, calendar: this.config.holidayCalendar, ...(barred.length > 0 ? { barred } : {}) }));
  }
}

/** 异议: anyone in scope, with a real identity (the domain refuses an anonymous one). */
@CommandHandler(RaiseObjectionCommand)
export class RaiseObjectionHandler implements ICommandHandler<RaiseObjectionCommand, AwardRoundCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly access: AwardRoundAccess) {}

  async execute({ roundId, body, user, req }: RaiseObjectionCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'RaiseObjection');
    const objectionId = body.objectionId ?? newAggregateId(req, user, newId);
    const objector = body.objector ? (JSON.parse(JSON.stringify(body.objector)) as never) : (undefined as never);
    return runOnRound(
      this.commands, this.access, round, role, user, req,
      (b) => ({ type: 'RaiseObjection', ...b, objectionId, nominationId: body.nominationId, objector, grounds: body.grounds ?? '' }),
      objectionId,
    );
  }
}

@CommandHandler(ResolveObjectionCommand)
export class ResolveObjectionHandler implements ICommandHandler<ResolveObjectionCommand, AwardRoundCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly access: AwardRoundAccess) {}

  async execute({ roundId, objectionId, body, user, req }: ResolveObjectionCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'ResolveObjection');
    return runOnRound(this.commands, this.access, round, role, user, req, (b) => ({ type: 'ResolveObjection', ...b, objectionId, outcome: body.outcome, note: body.note ?? '' }), objectionId);
  }
}

/** 重新开放推荐: the award office, after a notice whose list no longer holds, with a reason. */
@CommandHandler(ReopenNominationsCommand)
export class ReopenNominationsHandler implements ICommandHandler<ReopenNominationsCommand, AwardRoundCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly access: AwardRoundAccess) {}

  async execute({ roundId, body, user, req }: ReopenNominationsCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'ReopenNominations');
    return runOnRound(this.commands, this.access, round, role, user, req, (b) => ({ type: 'ReopenNominations', ...b, reason: body.reason ?? '' }));
  }
}

/**
 * 表彰: every primary nominee at once, within every quota; a second conferral is refused. The
 * rules on facts that can change after a nomination are judged again as things stand now: the
 * exclusion windows (a nominee whose unit, or enterprise above it, had an accident, wage arrears
 * or lost its union since), and the honours held (one conferred since, in another round, is not
 * conferred again; a prerequisite honour revoked since no longer qualifies). A nominee they bar is
 * removed with the reasons, and its substitute, if any, takes its place.
 */
@CommandHandler(ConferCommand)
export class ConferHandler implements ICommandHandler<ConferCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly access: AwardRoundAccess,
    private readonly rejudge: NominationRejudge,
    private readonly facts: NomineeFacts,
  ) {}

  async execute({ roundId, user, req }: ConferCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'Confer');
    // Only a round that can confer is judged again: any other stage is refused as it stands, with no fact read.
    const canConfer = round.state.stage === 'notice' || round.state.stage === 'notice_ended';
    const barred = canConfer ? await this.rejudge.barred(round.round, round.state.nominations, this.commands.now().toISOString()) : [];
    const heldBy = canConfer ? await this.youthPostExpertHolders(round.state.nominations) : [];
    return runOnRound(this.commands, this.access, round, role, user, req, (b) => ({
      type: 'Confer', ...b, ...(barred.length > 0 ? { barred } : {}), ...(heldBy.length > 0 ? { youthPostExpertHeldBy: heldBy } : {}),
    }));
  }

  /** Those of the nominees a 青年岗位能手 would follow for who hold one already, valid or suspended (from another round). */
  private async youthPostExpertHolders(nominations: AwardRoundState['nominations']): Promise<string[]> {
    const held: string[] = [];
    for (const n of nominations) {
      if (n.status !== 'active' || !qualifiesForYouthPostExpert(n)) continue;
      // Held as no_repeat_honour counts it: a suspended one is still theirs, and would be valid twice once reinstated (review 44 #3).
      if ((await this.facts.honoursHeld(n.nominee.id, n.nominee.kind)).some((h) => h.awardType === 'youth_post_expert' && (h.status === 'valid' || h.status === 'suspended'))) held.push(n.nominee.id);
    }
    return held;
  }
}

const HONOUR_COMMAND = { revoke: 'RevokeHonour', withdraw: 'WithdrawHonour', suspend: 'SuspendHonour', reinstate: 'ReinstateHonour' } as const;

/** 撤销 / 摘牌 / 暂停 / 恢复, per recipient with a reason. `honourId` may be the full id or the nomination id. */
@CommandHandler(ChangeHonourCommand)
export class ChangeHonourHandler implements ICommandHandler<ChangeHonourCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly access: AwardRoundAccess,
    private readonly derived: DerivedHonourAgainService,
  ) {}

  private readonly logger = new Logger('Honours');

  async execute({ roundId, honourId, verb, body, user, req }: ChangeHonourCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, HONOUR_COMMAND[verb]);
    requireNoModeUnlessWithdrawal(verb, body.mode);
    const id = round.state.honours.some((h) => h.honourId === honourId) ? honourId : honourIdOf(roundId, honourId);
    const reason = body.reason ?? '';
    const result = await runOnRound(
      this.commands, this.access, round, role, user, req,
      (b) => (verb === 'withdraw' ? { type: 'WithdrawHonour', ...b, honourId: id, mode: body.mode as never, reason } : { type: HONOUR_COMMAND[verb], ...b, honourId: id, reason }),
      id,
    );
    if (verb === 'reinstate' && !result.outcome.replayed) return { ...result, ...(await this.afterReinstatement(round.round.roundId, result, id)) };
    if (verb !== 'revoke' || result.outcome.replayed) return result;
    const { again, ...note } = await this.derivedFollowUp(round.round.roundId, result.outcome.state, result.outcome.events);
    // The answer's position covers the honour conferred again, so reading with it as minPosition shows it.
    const position = Math.max(result.outcome.position, ...again.map((a) => a.position));
    return { ...result, outcome: { ...result.outcome, position }, ...note };
  }

  /** A reinstated honour of a young champion who lost their 青年岗位能手 carries it again (review 48 #1), said in the answer. */
  private async afterReinstatement(roundId: string, result: AwardRoundCommandResult, honourId: string) {
    const recorded = result.outcome.events;
    const again = await this.derived.afterReinstatement(roundId, result.outcome.state, honourId, recorded[0]?.metadata.correlationId ?? honourId).catch((err: unknown) => {
      this.logger.warn({ msg: `derived honour not conferred again after reinstating ${honourId}`, err });
      return undefined;
    });
    if (again === undefined) {
      return { noteZh: '荣誉已恢复；如获奖人应据此重新获得青年岗位能手，系统本次未能办理，请稍后暂停并再次恢复该荣誉，或联系管理员。', noteEn: 'Reinstated; a 青年岗位能手 that should follow it again could not be conferred now.' };
    }
    if (!again) return {};
    return {
      outcome: { ...result.outcome, position: Math.max(result.outcome.position, again.position) },
      noteZh: `获奖人的青年岗位能手（${again.replaced}）曾随其他荣誉撤销，现据恢复的荣誉（${again.sourceHonourId}）重新授予（${again.honourId}）。`,
      noteEn: `The recipient's ${again.replaced} had been revoked with another honour; it was conferred again from the reinstated ${again.sourceHonourId} (${again.honourId}).`,
    };
  }

  /** What a revocation did to the honours derived from it, said in its answer (review 44 #4). */
  private async derivedFollowUp(roundId: string, state: AwardRoundState, recorded: RecordedEvent[]): Promise<{ again: DerivedHonourAgain[]; noteZh?: string; noteEn?: string }> {
    const events = recorded as unknown as AwardRoundEvent[];
    const cascaded = events.flatMap((e) => (e.type === 'HonourRevoked' && e.data.followUp ? [e.data.honourId] : []));
    if (cascaded.length === 0) return { again: [] };
    // The revocation is recorded whatever happens next: a failure here leaves the due item to the scheduler, not a 500.
    const again = await this.derived.afterRevocation(roundId, state, events, recorded[0]!.metadata.correlationId).catch((err: unknown) => {
      this.logger.warn({ msg: `derived honour not yet conferred again after revoking in ${roundId}; the scheduler retries`, err });
      return null;
    });
    const notes = cascaded.map((revokedId) => {
      const a = again?.find((x) => x.replaced === revokedId);
      if (a) {
        return {
          zh: `随之授予的荣誉 ${revokedId} 一并撤销；获奖人在 ${a.roundId} 的荣誉（${a.sourceHonourId}）同为技能竞赛优胜者所得，已据此重新授予（${a.honourId}）`,
          en: `${revokedId} was revoked with it; the recipient's honour ${a.sourceHonourId} in ${a.roundId} also rests on a championship, and it was conferred again from that (${a.honourId})`,
        };
      }
      return again
        ? { zh: `随之授予的荣誉 ${revokedId} 一并撤销`, en: `${revokedId} was revoked with it` }
        : { zh: `随之授予的荣誉 ${revokedId} 一并撤销；获奖人如有其他可据以授予的荣誉，系统将随后重新授予`, en: `${revokedId} was revoked with it; the system will confer it again shortly if another of the recipient's honours allows` };
    });
    return { again: again ?? [], noteZh: `${notes.map((n) => n.zh).join('；')}。`, noteEn: `${notes.map((n) => n.en).join('; ')}.` };
  }
}
