import { encodeHonourIds } from './honour-paths';

describe('encodeHonourIds', () => {
  it('routes an honour id spelt out with its slashes as the encoded id', () => {
    expect(encodeHonourIds('/api/v1/honours/loop-2026-cert/n1/check')).toBe('/api/v1/honours/loop-2026-cert%2Fn1/check');
    expect(encodeHonourIds('/api/v1/honours/instant/loop-2026-textile/c1')).toBe('/api/v1/honours/instant%2Floop-2026-textile%2Fc1');
    expect(encodeHonourIds('/api/v1/award-rounds/loop-2026-cert/honours/loop-2026-cert/n1/revoke')).toBe('/api/v1/award-rounds/loop-2026-cert/honours/loop-2026-cert%2Fn1/revoke');
    expect(encodeHonourIds('/api/v1/honours/r/n1/check?minPosition=5')).toBe('/api/v1/honours/r%2Fn1/check?minPosition=5');
  });

  it('leaves an encoded id, an id without a slash and every other path as they are', () => {
    for (const url of [
      '/api/v1/honours/loop-2026-cert%2Fn1/check',
      '/api/v1/honours/abc/check',
      '/api/v1/honours',
      '/api/v1/honours?current=true&limit=5',
      '/api/v1/award-rounds/r1/honours/r1%2Fn1/suspend',
      '/api/v1/award-rounds/r1/nominations/n1/withdraw',
      '/api/v1/board?campaignId=a/b',
      '/api/v1/honours/r//n1/check',
      '/api/v1/honours/r/n1/',
    ]) expect(encodeHonourIds(url)).toBe(url);
  });
});
