import { ReadsModels } from '@jingsai/api-kit';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, ROLE_LABELS } from '@jingsai/auth';

/** Who the caller is, as the console needs it on every page: roles with labels and the organisation. */
@ApiTags('me 当前用户')
@ApiBearerAuth()
@ReadsModels()
@Controller('api/v1/me')
export class MeController {
  constructor(@Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory) {}

  @Get()
  @ApiOperation({ summary: '当前用户 The caller: user, roles (with Chinese labels) and organisation' })
  me(@CurrentUser() user: AuthUser) {
    return {
      userId: user.userId,
      name: user.name,
      roles: user.roles.map((role) => ({ role, label: ROLE_LABELS[role] })),
      organization: this.orgs.get(user.orgId) ?? { orgId: user.orgId, name: null },
    };
  }
}
