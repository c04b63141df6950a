/**
 * Characters no user-visible text may hold: C0 controls but TAB, LF and CR; DEL and the C1
 * controls; the bidirectional embeddings, overrides and isolates, which make a name or a reason
 * read otherwise than it is stored ("Trojan source"); and a lone UTF-16 surrogate, which no UTF-8
 * export or hash can hold faithfully. One test per string: the pipe runs on every command.
 * Without the `u` flag the pattern sees code units, so a surrogate pair (an emoji) is two units
 * that match neither surrogate branch, and a lone one matches.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|[\uDC00-\uDFFF](?<![\uD800-\uDBFF][\uDC00-\uDFFF])/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export type UnsafeKind = 'control' | 'bidi' | 'surrogate';

/** A string (or key) holding a character no text may hold, where it is and the first such character. */
export interface UnsafeText {
  /** `title`, `registrationForm.contactName`, `metrics[0].name`; '' for the value itself. */
  path: string;
  /** The first offending UTF-16 code unit. */
  codeUnit: number;
  kind: UnsafeKind;
  /** Whether the offending character is in a key rather than a value. */
  inKey: boolean;
}

/** The first offending code unit of a string, or undefined when it may be stored as it is. */
export function unsafeCodeUnit(text: string): number | undefined {
  const found = UNSAFE.exec(text);
  return found ? found[0].charCodeAt(0) : undefined;
}

function kindOf(codeUnit: number): UnsafeKind {
  if (codeUnit >= 0xd800 && codeUnit <= 0xdfff) return 'surrogate';
  if ((codeUnit >= 0x202a && codeUnit <= 0x202e) || (codeUnit >= 0x2066 && codeUnit <= 0x2069)) return 'bidi';
  return 'control';
}

/** `U+202E`. */
const codePointName = (codeUnit: number): string => `U+${codeUnit.toString(16).toUpperCase().padStart(4, '0')}`;

/** A key shown in a path with its offending characters written out (`a\u0000b`), so the answer never carries them. */
const shownKey = (key: string): string => key.replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A step of the walk; the chain of parents is the path, written out only when something is found. */
interface Step {
  value: unknown;
  key: string | number | undefined;
  parent: Step | undefined;
}

function pathOf(step: Step): string {
  let path = '';
  for (let s: Step | undefined = step; s && s.key !== undefined; s = s.parent) {
    path = typeof s.key === 'number' ? `[${s.key}]${path}` : s.parent?.key === undefined ? `${shownKey(s.key)}${path}` : `.${shownKey(s.key)}${path}`;
  }
  return path;
}

/**
 * Every string and key of a parsed JSON value holding a character no text may hold, in document
 * order, at most `limit` of them (a body of a thousand NULs needs no thousand messages). Paths are
 * written as the validation pipe writes nested fields: `period.from`, `pools[0].quota`. A key with
 * such a character is reported once, for the whole entry. The walk keeps its own stack, so a
 * deeply nested body cannot overflow the call stack.
 */
export function findUnsafeText(value: unknown, limit = 20): UnsafeText[] {
  const found: UnsafeText[] = [];
  walkJson(value, (step) => {
    if (typeof step.key === 'string') {
      const codeUnit = unsafeCodeUnit(step.key);
      // Reported once for the whole entry: what lies under such a key is not walked.
      if (codeUnit !== undefined) {
        found.push({ path: pathOf(step), codeUnit, kind: kindOf(codeUnit), inKey: true });
        return found.length < limit ? 'skip' : 'stop';
      }
    }
    if (typeof step.value === 'string') {
      const codeUnit = unsafeCodeUnit(step.value);
      if (codeUnit !== undefined) found.push({ path: pathOf(step), codeUnit, kind: kindOf(codeUnit), inKey: false });
    }
    return found.length < limit ? undefined : 'stop';
  });
  return found;
}

/**
 * Visits every value of a parsed JSON value and its key, in document order, with its own stack (a
 * deeply nested body cannot overflow the call stack). `visit` answers 'skip' not to descend into
 * the value, 'stop' to end the walk.
 */
function walkJson(value: unknown, visit: (step: Step) => 'skip' | 'stop' | undefined): void {
  const stack: Step[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const next = visit(step);
    if (next === 'stop') return;
    if (next === 'skip') continue;
    const v = step.value;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: step });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]!], key: keys[i]!, parent: step });
    }
  }
}

const WHAT_ZH: Record<UnsafeKind, (name: string) => string> = {
  control: (name) => `不可见的控制字符 ${name}`,
  bidi: (name) => `改变文字显示方向的控制字符 ${name}（显示的内容会与保存的不同）`,
  surrogate: (name) => `不成对的代理字符 ${name}（无法如实保存，请检查文本编码）`,
};
const WHAT_EN: Record<UnsafeKind, (name: string) => string> = {
  control: (name) => `the invisible control character ${name}`,
  bidi: (name) => `the bidirectional control character ${name} (the text would display otherwise than it is stored)`,
  surrogate: (name) => `an unpaired UTF-16 surrogate ${name} (it cannot be stored faithfully; check the text encoding)`,
};

/** The field error for one finding, worded as the validation pipe words the others. */
export function unsafeTextError(u: UnsafeText, field: string): { field: string; messageZh: string; messageEn: string } {
  const name = codePointName(u.codeUnit);
  return {
    field,
    messageZh: `字段 ${field}：${u.inKey ? '字段名' : ''}含有${WHAT_ZH[u.kind](name)}，请删除后重新提交`,
    messageEn: `${u.inKey ? 'the name of ' : ''}${field} contains ${WHAT_EN[u.kind](name)}; remove it and send again`,
  };
}

/** The longest an id a request refers to may be: ids made here are at most 64 characters, users' ids come from the token issuer. */
export const MAX_REFERENCE_ID = 128;

/**
 * Every string under a key named `…Id` (campaignId, orgId, userId, …) longer than
 * {@link MAX_REFERENCE_ID}, at most `limit` of them: no such id exists, and a refusal that named
 * a 100,000-character one three times answered 400 KB for a 100 KB request.
 */
export function findOverlongIds(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  walkJson(value, (step) => {
    if (typeof step.value === 'string' && typeof step.key === 'string' && /Id$/.test(step.key) && step.value.length > MAX_REFERENCE_ID) found.push(pathOf(step));
    return found.length < limit ? undefined : 'stop';
  });
  return found;
}
