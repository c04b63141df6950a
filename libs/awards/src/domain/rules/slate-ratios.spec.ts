import { NomineeAttributes, matchesPredicate } from './attribute-predicate';
import { NATIONAL_MAY_DAY_MEDAL_RATIOS, SHANXI_FRONTLINE_RATIOS } from './rule-set.presets';
import { RatioSpec, checkSlate, describeRatio, describeRatioResult, unmetRatios, unstatedRatioNote } from './slate-ratios';

const n = (attributes: NomineeAttributes) => ({ attributes });
const worker = (extra: NomineeAttributes = {}) => n({ occupationCategory: 'industrial_worker', enterpriseEmployee: true, ...extra });

describe('attribute predicates', () => {
  it('match equals, oneOf, and a bare boolean attribute', () => {
    expect(matchesPredicate({ attribute: 'occupationCategory', equals: 'other' }, { occupationCategory: 'other' })).toBe(true);
    expect(matchesPredicate({ attribute: 'age', oneOf: [30, 31] }, { age: 31 })).toBe(true);
    expect(matchesPredicate({ attribute: 'age', oneOf: [30] }, {})).toBe(false);
    expect(matchesPredicate({ attribute: 'migrantWorker' }, { migrantWorker: 'yes' })).toBe(false);
    expect(matchesPredicate({ attribute: 'migrantWorker' }, { migrantWorker: true })).toBe(true);
  });
});

describe('slate ratios (结构比例) over the whole list', () => {
  // 10 nominees: 4 industrial workers (1 migrant), 2 frontline technicians, 2 science/education, 2 enterprise heads;
  // 4 non-public; enterprise employees: the 4 workers, 2 technicians and the 2 heads = 8.
  const slate = [
    worker({ migrantWorker: true, nonPublic: true }),
    worker({ nonPublic: true }),
    worker(),
    worker(),
    n({ occupationCategory: 'frontline_technician', enterpriseEmployee: true, nonPublic: true }),
    n({ occupationCategory: 'frontline_technician', enterpriseEmployee: true }),
    n({ occupationCategory: 'science_education' }),
    n({ occupationCategory: 'science_education' }),
    n({ occupationCategory: 'enterprise_head', enterpriseEmployee: true, nonPublic: true }),
    n({ occupationCategory: 'enterprise_head', enterpriseEmployee: true }),
  ];

  it('reports actual vs required for each national medal ratio', () => {
    expect(checkSlate(NATIONAL_MAY_DAY_MEDAL_RATIOS, slate).map(({ key, required, actual, numerator, denominator, met }) => ({ key, required, actual, numerator, denominator, met }))).toEqual([
      { key: 'industrial_workers', required: 35, actual: 40, numerator: 4, denominator: 10, met: true },
      { key: 'frontline_technicians', required: 20, actual: 20, numerator: 2, denominator: 10, met: true },
      { key: 'science_education', required: 20, actual: 20, numerator: 2, denominator: 10, met: true },
      { key: 'migrant_workers', required: 10, actual: 10, numerator: 1, denominator: 10, met: true },
      { key: 'non_public', required: 35, actual: 40, numerator: 4, denominator: 10, met: true },
      // nested denominator: 2 heads of 8 enterprise employees = 25% > 22%
      { key: 'enterprise_heads', required: 22, actual: 25, numerator: 2, denominator: 8, met: false },
    ]);
  });

  it('counts only the nested denominator for a cap, not the whole list', () => {
    const cap = NATIONAL_MAY_DAY_MEDAL_RATIOS.filter((r) => r.key === 'enterprise_heads');
    // Drop the two science/education staff (not enterprise employees) and add three workers:
    // 2 heads of 11 enterprise employees is under the cap although heads are 2 of 11 nominees too.
    const moreWorkers = [...slate.slice(0, 6), ...slate.slice(8), worker(), worker(), worker()];
    expect(checkSlate(cap, moreWorkers)[0]).toMatchObject({ numerator: 2, denominator: 11, actual: 18.2, met: true });
    // With the science staff back, heads are 20% of all ten nominees but 25% of the 8 enterprise employees.
    expect(checkSlate(cap, slate)[0]).toMatchObject({ numerator: 2, denominator: 8, actual: 25, met: false });
  });

  it('rounds the actual percentage to one decimal but decides on exact counts', () => {
    const floor: RatioSpec[] = [{ key: 'third', label: { zh: '三分之一', en: 'a third' }, where: { attribute: 'x' }, op: '>=', percent: 33.4, denominator: 'all' }];
    const r = checkSlate(floor, [n({ x: true }), n({}), n({})])[0]!;
    expect(r.actual).toBe(33.3);
    expect(r.met).toBe(false);
  });

  it('treats an empty denominator as meeting a cap and missing a floor', () => {
    expect(checkSlate(NATIONAL_MAY_DAY_MEDAL_RATIOS, []).map((r) => [r.key, r.met, r.actual])).toEqual([
      ['industrial_workers', false, 0],
      ['frontline_technicians', false, 0],
      ['science_education', false, 0],
      ['migrant_workers', false, 0],
      ['non_public', false, 0],
      ['enterprise_heads', true, 0],
    ]);
  });

  it('checks the Shanxi frontline share (≥ 50%)', () => {
    const shanxi = [n({ frontline: true }), n({ frontline: true }), n({ frontline: false }), n({})];
    expect(checkSlate(SHANXI_FRONTLINE_RATIOS, shanxi)[0]).toMatchObject({ actual: 50, met: true });
    expect(unmetRatios(checkSlate(SHANXI_FRONTLINE_RATIOS, [...shanxi, n({})])).map((r) => r.actual)).toEqual([40]);
  });

  it('says how many nominees leave out what a ratio reads, counted as not matching it (review 54 #4)', () => {
    const shanxi = [n({ frontline: true }), n({ frontline: false }), n({}), n({ frontline: null })];
    expect(checkSlate(SHANXI_FRONTLINE_RATIOS, shanxi)[0]).toMatchObject({
      actual: 25, met: false, unstated: { count: 2, attributes: ['frontline'], noteZh: '2 名人选未填写“一线职工”（attributes.frontline），按不符合计。' },
    });
    expect(checkSlate(SHANXI_FRONTLINE_RATIOS, [n({ frontline: true }), n({ frontline: false })])[0]!.unstated).toBeUndefined();
    // A nested base (heads among enterprise employees): one who does not say whether they are an employee is left out of the base,
    // not counted as not matching (review 56 #3); one outside the base who leaves out the occupation does not touch the ratio.
    const heads = NATIONAL_MAY_DAY_MEDAL_RATIOS[5]!;
    const list = [worker(), n({ occupationCategory: 'enterprise_head' }), n({ enterpriseEmployee: false })];
    expect(checkSlate([heads], list)[0]).toMatchObject({
      numerator: 0, denominator: 1, unstated: { count: 1, attributes: ['enterpriseEmployee'], noteZh: '1 名人选未填写“企业职工”（attributes.enterpriseEmployee），未计入比例基数。' },
    });
    expect(checkSlate([heads], [...list, n({ enterpriseEmployee: true })])[0]!.unstated).toMatchObject({ count: 2, attributes: ['occupationCategory', 'enterpriseEmployee'] });
  });

  it('tells a nomination what it leaves out as the slate will read it: out of a base, or not matching within it (review 57 #3)', () => {
    const heads = [NATIONAL_MAY_DAY_MEDAL_RATIOS[5]!];
    // Outside the base (not an enterprise employee): the occupation it leaves out touches no ratio.
    expect(unstatedRatioNote(heads, { enterpriseEmployee: false })).toBeUndefined();
    expect(unstatedRatioNote(heads, { enterpriseEmployee: true })?.zh).toBe('本轮结构比例：本次推荐未填写“人员类别”（attributes.occupationCategory），统计比例时按不符合计（推荐提交后不能补填）。');
    expect(unstatedRatioNote(heads, {})?.zh).toBe('本轮结构比例：本次推荐未填写“企业职工”（attributes.enterpriseEmployee），未计入相应比例的基数（推荐提交后不能补填）。');
    expect(unstatedRatioNote(SHANXI_FRONTLINE_RATIOS, { frontline: false })).toBeUndefined();
  });

  it('describes ratios and results for messages', () => {
    const heads = NATIONAL_MAY_DAY_MEDAL_RATIOS[5]!;
    expect(describeRatio(heads)).toBe('occupationCategory = enterprise_head <= 22% of enterpriseEmployee');
    expect(describeRatioResult(checkSlate([heads], slate)[0]!)).toBe('enterprise_heads: 25% (2/8) <= 22% required');
  });
});
