import { codeLabel } from './code-labels';

describe('code labels for refusals that list allowed values', () => {
  it('names a code its catalogues agree on, and none that two catalogues name differently', () => {
    expect(codeLabel('catastrophic')).toBe('特别重大事故');
    expect(codeLabel('region')).toBe('地区');
    // minor is 一般事故 for an incident and 一般问题 for an inspection finding: no name beats a wrong one.
    expect(codeLabel('minor')).toBeUndefined();
    expect(codeLabel('critical')).toBe('严重问题');
  });
});
