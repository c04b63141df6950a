import { AuthUser } from '@jingsai/auth';
import { RequestLike } from '@jingsai/api-kit';
import { CreateAwardRoundRequestDto } from './award-round.request.dto';
import { ClearanceRequestDto, NominateRequestDto, RecommendRequestDto, ReviewRequestDto, WithdrawNominationRequestDto } from './nomination.request.dto';
import { HonourChangeRequestDto, RaiseObjectionRequestDto, ResolveObjectionRequestDto, StartPublicNoticeRequestDto } from './notice.request.dto';
import { PublishRuleSetRequestDto } from './rule-set.request.dto';

export class PublishRuleSetCommand {
  constructor(readonly body: PublishRuleSetRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class CreateAwardRoundCommand {
  constructor(readonly body: CreateAwardRoundRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class NominateCommand {
  constructor(readonly roundId: string, readonly body: NominateRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class RecommendNominationCommand {
  constructor(readonly roundId: string, readonly nominationId: string, readonly body: RecommendRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class ReviewNominationCommand {
  constructor(readonly roundId: string, readonly nominationId: string, readonly body: ReviewRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class RecordClearanceCommand {
  constructor(readonly roundId: string, readonly nominationId: string, readonly body: ClearanceRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class WithdrawNominationCommand {
  constructor(readonly roundId: string, readonly nominationId: string, readonly body: WithdrawNominationRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class StartPublicNoticeCommand {
  constructor(readonly roundId: string, readonly body: StartPublicNoticeRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class RaiseObjectionCommand {
  constructor(readonly roundId: string, readonly body: RaiseObjectionRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class ResolveObjectionCommand {
  constructor(readonly roundId: string, readonly objectionId: string, readonly body: ResolveObjectionRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class ReopenNominationsCommand {
  constructor(readonly roundId: string, readonly body: { reason?: string }, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class ConferCommand {
  constructor(readonly roundId: string, readonly user: AuthUser, readonly req: RequestLike) {}
}

export type HonourVerb = 'revoke' | 'withdraw' | 'suspend' | 'reinstate';

export class ChangeHonourCommand {
  constructor(readonly roundId: string, readonly honourId: string, readonly verb: HonourVerb, readonly body: HonourChangeRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
