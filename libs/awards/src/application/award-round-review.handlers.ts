import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, CommandExecutor, RequestLike } from '@jingsai/api-kit';
import { AuthUser } from '@jingsai/auth';
import { DomainError, Role } from '@jingsai/shared';
import { AwardRoundCommand, HolidayCalendarData, awardRoundDecider, breachesEn, breachesZh, substitutesPassedOver } from './award-domain';
import { AwardRoundAccess, LoadedRound } from './award-round-access.service';
import { AwardRoundCommandResult } from './award-round-setup.handlers';
import { roundStream } from './award-streams';
import { NomineeFacts } from './nominee-facts.service';
import { RecommendNominationCommand, RecordClearanceCommand, ReviewNominationCommand, WithdrawNominationCommand } from './award.commands';
import { LevelNoticeDto } from './nomination.request.dto';
import { toNoticePeriod } from './notice.request.dto';

type Base = { roundId: string; at: string; actor: AwardRoundCommand['actor']; callerActions: readonly string[] };

/** Run one command on a round as `role`; the id answered is the round's unless `id` is given. */
export async function runOnRound(
  commands: CommandExecutor,
  access: AwardRoundAccess,
  round: LoadedRound,
  role: Role,
  user: AuthUser,
  req: RequestLike,
  build: (base: Base) => AwardRoundCommand,
  itemId?: string,
): Promise<AwardRoundCommandResult> {
  const ctx = commands.context(req, user, role);
  const roundId = round.round.roundId;
  // A refusal names what this caller may do, as the round view offers it, not every role's actions.
  const at = ctx.now.toISOString();
  const base = { roundId, at, actor: ctx.actor, callerActions: access.callerActions(user, round, at) };
  const outcome = await commands.run(roundStream(roundId), awardRoundDecider, build(base), ctx);
  return { id: roundId, ...(itemId ? { itemId } : {}), outcome, ...substitutesNote(access, user, round, outcome.events) };
}

/**
 * When a primary nominee left the list and its recommender's substitutes were passed over (a full
 * sub-quota, say), the answer says which and why (review 43 #8): "no substitute promoted" and
 * "no substitute exists" read alike otherwise. Only substitutes the caller may see on the round are
 * named (review 47 #4: a unit does not learn another recommender's candidates from its withdrawal).
 */
function substitutesNote(access: AwardRoundAccess, user: AuthUser, round: LoadedRound, events: ReadonlyArray<{ type: string; data: unknown }>): { noteZh?: string; noteEn?: string } {
  const promotedFor = new Set(events.filter((e) => e.type === 'SubstitutePromoted').map((e) => (e.data as { replacesNominationId: string }).replacesNominationId));
  const left = events
    .filter((e) => e.type === 'NominationRemoved' || e.type === 'NominationWithdrawnAfterObjection')
    .map((e) => (e.data as { nominationId: string }).nominationId)
    .filter((id) => !promotedFor.has(id));
  if (left.length === 0) return {};
  let visible: (orgId: string) => boolean;
  try {
    visible = access.readAccess(user, round).nomineeVisible;
  } catch {
    visible = () => false;
  }
  let hiddenElsewhere = false;
  const notes = left.flatMap((id) => {
    const removed = round.state.nominations.find((n) => n.nominationId === id);
    if (!removed) return [];
    const passed = substitutesPassedOver(round.state, round.round, removed);
    hiddenElsewhere ||= passed.some((p) => p.otherRecommender && !visible(p.nomination.nominee.orgId));
    return passed.filter((p) => visible(p.nomination.nominee.orgId)).map(({ nomination, breaches, otherRecommender }) =>
      otherRecommender
        ? {
            zh: `递补人选${nomination.nominee.name}（${nomination.nominationId}）未递补：本轮名额按推荐单位分配，该人选由${access.orgName(nomination.recommenderOrgId)}推荐，只能递补该单位的名额`,
            en: `substitute ${nomination.nominationId} was not promoted: quotas are per recommender, and it holds a place of ${nomination.recommenderOrgId} only`,
          }
        : {
            zh: `递补人选${nomination.nominee.name}（${nomination.nominationId}）未递补：递补后将超出名额（${breachesZh(breaches, round.round)}）`,
            en: `substitute ${nomination.nominationId} was not promoted: it would exceed ${breachesEn(breaches, round.round)}`,
          },
    );
  });
  // Others' substitutes the caller may not see are said to exist, without their names.
  if (hiddenElsewhere && notes.length === 0) {
    notes.push({ zh: '本轮名额按推荐单位分配，其他推荐单位的递补人选只递补其本单位的名额，未递补', en: 'quotas are per recommender: substitutes named by other recommenders hold their own places and were not promoted' });
  }
  return notes.length > 0 ? { noteZh: `${notes.map((n) => n.zh).join('；')}。`, noteEn: `${notes.map((n) => n.en).join('; ')}.` } : {};
}

/** 推荐: the recommending level's decision after the workers' congress (职代会). */
@CommandHandler(RecommendNominationCommand)
export class RecommendNominationHandler implements ICommandHandler<RecommendNominationCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly access: AwardRoundAccess,
    private readonly facts: NomineeFacts,
    @Inject(APP_CONFIG) private readonly config: { holidayCalendar?: HolidayCalendarData },
  ) {}

  async execute({ roundId, nominationId, body, user, req }: RecommendNominationCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'RecordWorkersCongressApproval', { nominationId, level: round.round.levels[0] ?? '' });
    const selectionYear = await this.facts.campaignYear(round.round.campaignId);
    return runOnRound(
      this.commands, this.access, round, role, user, req,
      (b) => ({
        type: 'RecordWorkersCongressApproval', ...b, nominationId, workersCongressOn: body.workersCongressOn, ...(selectionYear !== undefined ? { selectionYear } : {}),
        ...levelNotice(body.notice, this.config.holidayCalendar),
      }),
      nominationId,
    );
  }
}

/** 逐级审核: a committee or award office at the level under review, for nominees in its subtree. */
@CommandHandler(ReviewNominationCommand)
export class ReviewNominationHandler implements ICommandHandler<ReviewNominationCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly access: AwardRoundAccess,
    @Inject(APP_CONFIG) private readonly config: { holidayCalendar?: HolidayCalendarData },
  ) {}

  async execute({ roundId, nominationId, body, user, req }: ReviewNominationCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, 'ReviewNomination', { nominationId, level: body.level });
    return runOnRound(
      this.commands, this.access, round, role, user, req,
      (b) => ({
        type: 'ReviewNomination', ...b, nominationId, level: body.level, decision: body.decision, ...(body.note !== undefined ? { note: body.note } : {}),
        ...levelNotice(body.notice, this.config.holidayCalendar),
      }),
      nominationId,
    );
  }
}

/** 撤回推荐: before the notice, the recommending organisation (or the round's own award office) takes a nomination off the list. */
@CommandHandler(WithdrawNominationCommand)
export class WithdrawNominationHandler implements ICommandHandler<WithdrawNominationCommand, AwardRoundCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly access: AwardRoundAccess) {}

  private visibleTo(user: AuthUser, round: LoadedRound, nomineeOrgId: string): boolean {
    try {
      return this.access.readAccess(user, round).nomineeVisible(nomineeOrgId);
    } catch {
      return false;
    }
  }

  async execute({ roundId, nominationId, body, user, req }: WithdrawNominationCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const nomination = round.state.nominations.find((n) => n.nominationId === nominationId);
    // A nomination the caller may not see on the round is answered as one that does not exist, as its read is (review 48 #4):
    // naming its recommender in a refusal told a caller it exists.
    if (nomination && !this.visibleTo(user, round, nomination.nominee.orgId)) throw nominationNotFound(roundId, nominationId);
    const role = await this.access.authorise(user, round, 'WithdrawNomination', { orgIds: nomination ? [nomination.recommenderOrgId] : [] });
    return runOnRound(this.commands, this.access, round, role, user, req, (b) => ({ type: 'WithdrawNomination', ...b, nominationId, reason: body.reason }), nominationId);
  }
}

/** 征求意见: the award office records a named department's sign-off or refusal. */
@CommandHandler(RecordClearanceCommand)
export class RecordClearanceHandler implements ICommandHandler<RecordClearanceCommand, AwardRoundCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly access: AwardRoundAccess) {}

  async execute({ roundId, nominationId, body, user, req }: RecordClearanceCommand): Promise<AwardRoundCommandResult> {
    const round = await this.access.load(roundId);
    const role = await this.access.authorise(user, round, body.decision === 'granted' ? 'GrantClearance' : 'RefuseClearance');
    return runOnRound(
      this.commands, this.access, round, role, user, req,
      (b) =>
        body.decision === 'granted'
          ? { type: 'GrantClearance', ...b, nominationId, department: body.department, ...(body.note ? { note: body.note } : {}) }
          : { type: 'RefuseClearance', ...b, nominationId, department: body.department, note: body.note ?? '' },
      nominationId,
    );
  }
}

/** A level's notice as the domain takes it, with the operator's holiday calendar (none given: nothing). */
function levelNotice(notice: LevelNoticeDto | undefined, calendar: HolidayCalendarData | undefined) {
  return notice ? { notice: { period: toNoticePeriod(notice.period, 'notice.period.'), startsOn: notice.startsOn }, ...(calendar ? { calendar } : {}) } : {};
}

/** A nomination absent from the round, or outside what the caller may see: one answer for both. */
export function nominationNotFound(roundId: string, nominationId: string): DomainError {
  return DomainError.notFound('AWARD.NOMINATION_NOT_FOUND', `推荐 ${nominationId} 不存在，或不在您的查看范围内。`, `Nomination ${nominationId} does not exist in this round, or is outside what you may see.`, { roundId, nominationId });
}
