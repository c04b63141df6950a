import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CommandExecutor, DeadlineScheduler, READ_MODEL_DB } from '@jingsai/api-kit';
import { ReadModelDatabase } from '@jingsai/event-store';
import { OrganizationsModule } from '@jingsai/organizations';
import { awardRoundListProjection } from '../read-models/award-rounds/award-round-list.projection';
import { noticeDeadlineProjection } from '../read-models/award-rounds/notice-deadline.projection';
import { derivedHonourDeadlineProjection } from '../read-models/honours/derived-honour-deadline.projection';
import { projectFactsProjection } from '../read-models/eligibility/project-facts.projection';
import { honourRegisterProjection } from '../read-models/honours/honour-register.projection';
import { ruleSetListProjection } from '../read-models/rule-sets/rule-set-list.projection';
import { AwardRoundAccess } from './award-round-access.service';
import { AwardRoundNoticeController } from './award-round-notice.controller';
import { ChangeHonourHandler, ConferHandler, RaiseObjectionHandler, ReopenNominationsHandler, ResolveObjectionHandler, StartPublicNoticeHandler } from './award-round-notice.handlers';
import { RecommendNominationHandler, RecordClearanceHandler, ReviewNominationHandler, WithdrawNominationHandler } from './award-round-review.handlers';
import { CreateAwardRoundHandler, NominateHandler } from './award-round-setup.handlers';
import { AwardRoundsController } from './award-rounds.controller';
import { EligibilityController } from './eligibility.controller';
import { HonoursController } from './honours.controller';
import { DerivedHonourAgainService } from './derived-honour-again.service';
import { NomineeFacts } from './nominee-facts.service';
import { NominationRejudge } from './nomination-rejudge.service';
import { noticeEndDeadlineHandler } from './notice-end.deadline';
import { PublishRuleSetHandler } from './rule-set.handlers';
import { RuleSetsController } from './rule-sets.controller';

export const AWARD_PROJECTIONS = [ruleSetListProjection, awardRoundListProjection, noticeDeadlineProjection, honourRegisterProjection, projectFactsProjection, derivedHonourDeadlineProjection];

/**
 * Commendation (评选表彰) over HTTP: rule sets, award rounds from nomination to conferral and
 * the honours' later life, the honours register, the eligibility board, and the system's deadlines (the
 * notice's end, a derived honour conferred again).
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [RuleSetsController, AwardRoundsController, AwardRoundNoticeController, HonoursController, EligibilityController],
  providers: [
    AwardRoundAccess,
    NomineeFacts,
    NominationRejudge,
    PublishRuleSetHandler,
    CreateAwardRoundHandler,
    NominateHandler,
    RecommendNominationHandler,
    ReviewNominationHandler,
    RecordClearanceHandler,
    WithdrawNominationHandler,
    StartPublicNoticeHandler,
    RaiseObjectionHandler,
    ResolveObjectionHandler,
    ConferHandler,
    ReopenNominationsHandler,
    ChangeHonourHandler,
    DerivedHonourAgainService,
  ],
})
export class AwardsModule implements OnModuleInit {
  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly commands: CommandExecutor,
    private readonly derivedAgain: DerivedHonourAgainService,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
  ) {}

  onModuleInit(): void {
    // Tables exist before the first query, even while the runner is still starting.
    this.readDb.setUp(AWARD_PROJECTIONS);
    this.scheduler.register(noticeEndDeadlineHandler(this.commands));
    this.scheduler.register(this.derivedAgain.handler());
  }
}
