import { AuthUser } from '@jingsai/auth';
import { RequestLike } from '@jingsai/api-kit';
import { DraftProjectRequestDto, EditProjectRequestDto, GrantExtensionRequestDto, OptionalReasonRequestDto, ReasonRequestDto } from './project.request.dto';

export class DraftProjectCommand {
  constructor(readonly body: DraftProjectRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class EditProjectDraftCommand {
  constructor(readonly projectId: string, readonly body: EditProjectRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class SubmitProjectCommand {
  constructor(readonly projectId: string, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class WithdrawProjectCommand {
  constructor(readonly projectId: string, readonly body: OptionalReasonRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class ApproveProjectCommand {
  constructor(readonly projectId: string, readonly user: AuthUser, readonly req: RequestLike, readonly note: string | null = null) {}
}
export class ReturnProjectCommand {
  constructor(readonly projectId: string, readonly body: ReasonRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class RejectProjectCommand {
  constructor(readonly projectId: string, readonly body: ReasonRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class GrantSubmissionExtensionCommand {
  constructor(readonly projectId: string, readonly body: GrantExtensionRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class TerminateProjectCommand {
  constructor(readonly projectId: string, readonly body: ReasonRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
