import { findUnsafeText, unsafeCodeUnit, unsafeTextError } from './unsafe-text';

describe('unsafeCodeUnit', () => {
  it.each([
    ['NUL', '\u0000', 0x0000], ['BEL', 'a\u0007b', 0x0007], ['vertical tab', '\u000b', 0x000b], ['form feed', '\u000c', 0x000c],
    ['ESC', 'x\u001b[31m', 0x001b], ['US', '\u001f', 0x001f], ['DEL', '\u007f', 0x007f], ['NEL (C1)', '\u0085', 0x0085], ['CSI (C1)', '\u009b', 0x009b],
    ['LRE', '\u202a', 0x202a], ['RLO', '名称\u202e', 0x202e], ['LRI', '\u2066', 0x2066], ['PDI', '\u2069', 0x2069],
    ['a lone high surrogate', 'a\ud800', 0xd800], ['a lone high surrogate before text', '\udbffx', 0xdbff], ['a lone low surrogate', '\udc00', 0xdc00],
    ['two high surrogates', '\ud83d\ud83d\ude00', 0xd83d], ['a reversed pair', '\ude00\ud83d', 0xde00],
  ])('finds %s', (_name, text, codeUnit) => {
    expect(unsafeCodeUnit(text)).toBe(codeUnit);
  });

  it.each([
    ['Chinese with full-width punctuation', '“建功‘十四五’、奋进新征程”：技能比武！'],
    ['line breaks and a tab', '第一行\n第二行\r\n\t缩进'],
    ['emoji (surrogate pairs)', '夺冠🏆😀'],
    ['a ZWJ sequence and a variation selector', '👩‍🔧 ❤️'],
    ['zero-width space and non-breaking space', 'a\u200bb\u00a0c'],
    ['left-to-right and right-to-left marks (not overrides)', 'a\u200eb\u200f'],
    ['the empty string', ''],
    ['the last characters before the refused ranges', ' ~\u00a0\u2029\u206a'],
  ])('lets %s through', (_name, text) => {
    expect(unsafeCodeUnit(text)).toBeUndefined();
  });
});

describe('findUnsafeText', () => {
  it('finds nothing in an ordinary nested body', () => {
    expect(findUnsafeText({ title: '纺织比武', metrics: [{ name: '人次', n: 1 }], ok: true, none: null })).toEqual([]);
  });

  it('names nested fields as the pipe does, in document order', () => {
    const found = findUnsafeText({ a: 'x', registrationForm: { contactName: '\u0000' }, metrics: [{ name: 'ok' }, { name: '\u202e' }], tags: ['\ud800'], last: '\u007f' });
    expect(found.map((f) => [f.path, f.kind])).toEqual([
      ['registrationForm.contactName', 'control'], ['metrics[1].name', 'bidi'], ['tags[0]', 'surrogate'], ['last', 'control'],
    ]);
  });

  it('finds the value itself, a string or an array, with an empty path', () => {
    expect(findUnsafeText('\u0001')).toEqual([{ path: '', codeUnit: 1, kind: 'control', inKey: false }]);
    expect(findUnsafeText(['a', '\u0001']).map((f) => f.path)).toEqual(['[1]']);
  });

  it('refuses a key once for its whole entry, writing the character out in the path', () => {
    const found = findUnsafeText({ metrics: { 'a\u0000b': '\u0000' } });
    expect(found).toEqual([{ path: 'metrics.a\\u0000b', codeUnit: 0, kind: 'control', inKey: true }]);
  });

  it('stops at the limit', () => {
    expect(findUnsafeText(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
    expect(findUnsafeText(['\u0000', '\u0000', '\u0000'], 2)).toHaveLength(2);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toEqual([{ path: '[0]'.repeat(20_000), codeUnit: 0, kind: 'control', inKey: false }]);
  });
});

describe('unsafeTextError', () => {
  it('says what was found and what to do, in Chinese and English', () => {
    expect(unsafeTextError({ path: 'narrative', codeUnit: 0x202e, kind: 'bidi', inKey: false }, 'narrative')).toEqual({
      field: 'narrative',
      messageZh: '字段 narrative：含有改变文字显示方向的控制字符 U+202E（显示的内容会与保存的不同），请删除后重新提交',
      messageEn: 'narrative contains the bidirectional control character U+202E (the text would display otherwise than it is stored); remove it and send again',
    });
    expect(unsafeTextError({ path: 'a\\u0000', codeUnit: 0, kind: 'control', inKey: true }, 'a\\u0000').messageZh).toBe('字段 a\\u0000：字段名含有不可见的控制字符 U+0000，请删除后重新提交');
  });
});
