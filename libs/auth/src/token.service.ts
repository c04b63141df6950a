import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@jingsai/shared';
import { AuthUser, JingsaiClaims, userFromClaims } from './auth-user';

/** Issues and verifies bearer tokens (HS256 secret or RS256 key pair, from configuration). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  async issue(user: AuthUser, expiresIn: string | number = '30d'): Promise<string> {
    const claims: JingsaiClaims = { sub: user.userId, name: user.name, roles: user.roles, orgId: user.orgId };
    return this.jwt.signAsync(claims, { expiresIn: expiresIn as any });
  }

  async verify(token: string): Promise<AuthUser> {
    let claims: Partial<JingsaiClaims>;
    try {
      claims = await this.jwt.verifyAsync<JingsaiClaims>(token);
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      throw new DomainError(
        expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.INVALID_TOKEN',
        'unauthenticated',
        expired ? '登录令牌已过期，请重新获取。' : '登录令牌无效，请检查 Authorization 请求头。',
        expired ? 'The bearer token has expired; get a new one.' : 'The bearer token is invalid; check the Authorization header.',
      );
    }
    return userFromClaims(claims);
  }
}
