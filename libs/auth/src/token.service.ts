import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@jingsai/shared';
import { AuthUser, JingsaiClaims, userFromClaims } from './auth-user';

/** A token verified before: whom it names and until when it holds (epoch ms; none: no limit). */
interface Verified {
  user: AuthUser;
  notBefore: number;
  expires: number;
}

/** How many verified tokens are remembered: far more than the users active at once. */
const VERIFIED_CAPACITY = 10_000;

/**
 * Issues and verifies bearer tokens (HS256 secret or RS256 key pair, from configuration). A
 * client sends the same token with every request, so a token whose signature checked out is
 * remembered (by its full text, signature included) and only its time window is checked again:
 * verifying the signature and claims each time was about 5% of a command's CPU.
 */
@Injectable()
export class TokenService {
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly jwt: JwtService) {}

  async issue(user: AuthUser, expiresIn: string | number = '30d'): Promise<string> {
    const claims: JingsaiClaims = { sub: user.userId, name: user.name, roles: user.roles, orgId: user.orgId };
    return this.jwt.signAsync(claims, { expiresIn: expiresIn as any });
  }

  async verify(token: string): Promise<AuthUser> {
    const known = this.verified.get(token);
    const now = Date.now();
    if (known && now >= known.notBefore && now < known.expires) return { ...known.user, roles: [...known.user.roles] };
    if (known) this.verified.delete(token);
    let claims: Partial<JingsaiClaims> & { exp?: number; nbf?: number };
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
    const user = userFromClaims(claims);
    if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, {
      user: { ...user, roles: [...user.roles] },
      notBefore: typeof claims.nbf === 'number' ? claims.nbf * 1000 : 0,
      expires: typeof claims.exp === 'number' ? claims.exp * 1000 : Number.POSITIVE_INFINITY,
    });
    return user;
  }
}
