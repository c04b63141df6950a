import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Role } from '@jingsai/shared';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'jingsai:isPublic';
export const ROLES_KEY = 'jingsai:roles';

/**
 * The roles a command route's handler accepts. The AuthGuard checks them with the token, before
 * the body is validated, so a caller holding none is told 403 AUTH.ROLE_REQUIRED first, not asked
 * to correct a body it may not send; the handler still checks scope and anything finer.
 */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a token (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The authenticated caller, set by the AuthGuard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest();
  return req.user as AuthUser;
});
