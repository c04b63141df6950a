import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'jingsai:isPublic';

/** A route anyone may call without a token (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The authenticated caller, set by the AuthGuard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest();
  return req.user as AuthUser;
});
