import { validatePredicate } from './attribute-predicate';
import { validateNomineeAttributes } from './nominee-attributes';

const fields = (attributes: unknown) => validateNomineeAttributes(attributes).map((p) => p.field);

describe('nominee attributes', () => {
  it('accepts every attribute the ratios, sub-quotas and derived honours read, and null for "not stated"', () => {
    expect(fields({ occupationCategory: 'industrial_worker', migrantWorker: true, nonPublic: false, enterpriseEmployee: true, frontline: true, skillsChampion: true, age: 28 })).toEqual([]);
    expect(fields({ age: null, migrantWorker: null })).toEqual([]);
  });

  it('refuses an unknown key, naming it', () => {
    const [problem] = validateNomineeAttributes({ foo: 1 });
    expect(problem).toMatchObject({ field: 'attributes.foo', messageZh: expect.stringContaining('未知属性 foo'), messageEn: expect.stringContaining('unknown attribute foo') });
    expect(fields({ foo: null })).toEqual(['attributes.foo']);
  });

  it('refuses values of the wrong type: age a whole number from 16 to 100, flags true or false, a known category', () => {
    expect(fields({ age: 'old' })).toEqual(['attributes.age']);
    expect(fields({ age: 15 })).toEqual(['attributes.age']);
    expect(fields({ age: 34.5 })).toEqual(['attributes.age']);
    expect(fields({ age: 101 })).toEqual(['attributes.age']);
    expect(fields({ migrantWorker: 'yes', skillsChampion: 1 })).toEqual(['attributes.migrantWorker', 'attributes.skillsChampion']);
    expect(fields({ occupationCategory: 'boss' })).toEqual(['attributes.occupationCategory']);
    expect(fields([1])).toEqual(['attributes']);
  });

  describe('in a rule set or round predicate', () => {
    it('refuses an attribute no nomination can carry, a value of the wrong type, and a bare non-flag attribute', () => {
      expect(validatePredicate({ attribute: 'head' }, 'where').map((p) => p.field)).toEqual(['where.attribute']);
      expect(validatePredicate({ attribute: 'migrantWorker', equals: 'yes' }, 'where').map((p) => p.field)).toEqual(['where.equals']);
      expect(validatePredicate({ attribute: 'occupationCategory', oneOf: ['industrial_worker', 'boss'] }, 'where').map((p) => p.field)).toEqual(['where.oneOf']);
      expect(validatePredicate({ attribute: 'age' }, 'where').map((p) => p.field)).toEqual(['where']);
      expect(validatePredicate({ attribute: 'occupationCategory', equals: 'enterprise_head' }, 'where')).toEqual([]);
    });
  });
});
