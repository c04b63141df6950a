import { JwtService } from '@nestjs/jwt';
import { TokenService } from './token.service';

const user = { userId: 'u1', name: '王主任', roles: ['committee' as const], orgId: 'jj' };

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a token it verified before without checking the signature again, as a copy the caller may change', async () => {
    const jwt = new JwtService({ secret: 'a-secret-of-enough-length-0123456789' });
    const tokens = new TokenService(jwt);
    const token = await tokens.issue(user, 60);
    const verify = jest.spyOn(jwt, 'verifyAsync');
    const first = await tokens.verify(token);
    first.roles.push('admin');
    expect(await tokens.verify(token)).toEqual(user);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('still refuses a remembered token once it has expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = new TokenService(new JwtService({ secret: 'a-secret-of-enough-length-0123456789' }));
    const token = await tokens.issue(user, 60);
    expect(await tokens.verify(token)).toEqual(user);
    jest.setSystemTime(new Date('2026-12-05T10:01:00Z'));
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('never remembers a token whose signature fails', async () => {
    const tokens = new TokenService(new JwtService({ secret: 'a-secret-of-enough-length-0123456789' }));
    const forged = await new TokenService(new JwtService({ secret: 'another-secret-of-enough-length-987' })).issue(user, 60);
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });
});
