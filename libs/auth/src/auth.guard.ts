import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, Role } from '@jingsai/shared';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { requireRole } from './auth-user';
import { TokenService } from './token.service';

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    const match = header?.match(/^Bearer\s+(.+)$/i);
    if (!match) {
      throw new DomainError(
        'AUTH.UNAUTHENTICATED',
        'unauthenticated',
        '请先登录：请求需携带 Authorization: Bearer <令牌>。',
        'Sign in first: send Authorization: Bearer <token>.',
      );
    }
    req.user = await this.tokens.verify(match[1]!.trim());
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && roles.length > 0) requireRole(req.user, ...roles);
    return true;
  }
}
