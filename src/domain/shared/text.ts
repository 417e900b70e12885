/**
 * The contract's "Text input" rule (section 1): NFC, `\r\n` → `\n`, trim, lengths in code points, no control
 * characters except `\n`/`\t` in multi-line fields. Field rules build on these helpers; the `*Problem`
 * functions return the message for a `FieldError` (`must be at most 255 characters`), or `undefined` when fine.
 */

export interface TextOptions {
  /** Multi-line fields (`bio`, `description`, `content`, `notes`) may hold `\n` and `\t`. */
  readonly multiline: boolean;
}

export interface TextRule extends TextOptions {
  /** Inclusive bounds, in code points after normalisation. */
  readonly min: number;
  readonly max: number;
}

/**
 * Canonical form of a free-text field, so that equal-looking input is stored, compared and measured alike.
 * Single-line fields keep `\r\n` as is, since any line break left after trimming is rejected anyway.
 */
export function normalizeText(raw: string, opts: TextOptions): string {
  const nfc = raw.normalize('NFC');
  return (opts.multiline ? nfc.replace(/\r\n/g, '\n') : nfc).trim();
}

/** Lengths are counted in code points so an emoji or other astral character counts once, not twice. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i += 1) {
    // A high surrogate followed by a low one is a single code point held in two UTF-16 units.
    if (isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1))) {
      n -= 1;
      i += 1;
    }
  }
  return n;
}

/** C0, DEL and C1 (Unicode category Cc) are refused; `\n` and `\t` are allowed only in multi-line fields. */
export function hasControlCharacters(s: string, opts: TextOptions): boolean {
  for (const ch of s) {
    if (isForbiddenControl(ch.codePointAt(0) ?? 0, opts.multiline)) return true;
  }
  return false;
}

/** JSON may carry lone surrogates (`"\ud800"`); they cannot be stored as UTF-8, so they are refused early. */
export function isWellFormedText(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
  }
  return true;
}

/** Message for a length outside `[min, max]` code points, phrased as the contract's `detail` examples. */
export function lengthProblem(s: string, min: number, max: number): string | undefined {
  const length = codePointLength(s);
  if (length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
  if (length > max) return `must be at most ${max} characters`;
  return undefined;
}

/** Full check of an already normalised value: encoding, control characters, then length. */
export function textProblem(s: string, rule: TextRule): string | undefined {
  if (!isWellFormedText(s)) return 'must be valid Unicode text';
  if (hasControlCharacters(s, rule)) return 'must not contain control characters';
  return lengthProblem(s, rule.min, rule.max);
}

/** Message for input that is not a string at all; a missing value reads better as "is required". */
export function nonStringProblem(raw: unknown): string {
  return raw === undefined ? 'is required' : 'must be a string';
}

function isForbiddenControl(cp: number, multiline: boolean): boolean {
  if (cp === 0x0a || cp === 0x09) return !multiline;
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
