import { AuthUser } from '@jingsai/auth';
import { RequestLike } from '@jingsai/api-kit';
import { RecordOrganizationFactRequestDto, RegisterOrganizationRequestDto, RetractOrganizationFactRequestDto, UpdateOrganizationRequestDto } from './organization.request.dto';

export class RegisterOrganizationCommand {
  constructor(readonly body: RegisterOrganizationRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class UpdateOrganizationCommand {
  constructor(readonly orgId: string, readonly body: UpdateOrganizationRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class RecordOrganizationFactCommand {
  constructor(readonly orgId: string, readonly body: RecordOrganizationFactRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
export class RetractOrganizationFactCommand {
  constructor(readonly orgId: string, readonly factId: string, readonly body: RetractOrganizationFactRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}
