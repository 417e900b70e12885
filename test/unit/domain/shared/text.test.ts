import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  hasControlCharacters,
  isWellFormedText,
  lengthProblem,
  nonStringProblem,
  normalizeText,
  textProblem,
} from '../../../../src/domain/shared/text.js';

const single = { multiline: false };
const multi = { multiline: true };

describe('normalizeText', () => {
  it.each([
    ['NFC composes a decomposed accent', 'e\u0301', single, '\u00e9'],
    ['trims spaces and tabs', ' \t hello \t ', single, 'hello'],
    ['trims no-break and ideographic spaces', '\u00a0hi\u3000', single, 'hi'],
    ['trims a trailing line break', 'hello\r\n', single, 'hello'],
    ['turns CRLF into LF in multi-line text', 'a\r\nb\r\nc', multi, 'a\nb\nc'],
    ['keeps a lone CR (it is rejected later)', 'a\rb', multi, 'a\rb'],
    ['leaves CRLF inside single-line text (it is rejected later)', 'a\r\nb', single, 'a\r\nb'],
    ['keeps inner whitespace', 'a  b', single, 'a  b'],
    ['keeps fullwidth letters (NFC, not NFKC)', '\uff21', single, '\uff21'],
  ])('%s', (_name, raw, opts, expected) => {
    expect(normalizeText(raw, opts)).toBe(expected);
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['\u00e9', 1],
    ['e\u0301', 2],
    ['\u{1F600}', 1],
    ['a\u{1F600}b', 3],
    ['\u{1F600}'.repeat(5), 5],
    ['\ud800', 1],
    ['\udc00\ud800', 2],
    ['x\ud800', 2],
  ])('%j has %i code points', (s, expected) => {
    expect(codePointLength(s)).toBe(expected);
  });
});

describe('hasControlCharacters', () => {
  it.each([
    ['NUL', '\u0000', true, true],
    ['unit separator', '\u001f', true, true],
    ['DEL', '\u007f', true, true],
    ['C1 NEL', '\u0085', true, true],
    ['C1 APC', '\u009f', true, true],
    ['escape', '\u001b[31m', true, true],
    ['lone CR', '\r', true, true],
    ['LF', 'a\nb', true, false],
    ['tab', 'a\tb', true, false],
    ['no-break space', '\u00a0', false, false],
    ['zero-width space (format, not control)', '\u200b', false, false],
    ['emoji', '\u{1F600}', false, false],
    ['plain text', 'hello world', false, false],
  ])('%s: single-line %s, multi-line %s', (_name, s, inSingle, inMulti) => {
    expect(hasControlCharacters(s, single)).toBe(inSingle);
    expect(hasControlCharacters(s, multi)).toBe(inMulti);
  });
});

describe('isWellFormedText', () => {
  it.each([
    ['abc', true],
    ['\u{1F600}', true],
    ['\ud83d', false],
    ['\ude00x', false],
    ['a\ud800b', false],
  ])('%j → %s', (s, expected) => {
    expect(isWellFormedText(s)).toBe(expected);
  });
});

describe('lengthProblem', () => {
  it.each([
    ['', 1, 5, 'must not be empty'],
    ['ab', 3, 5, 'must be at least 3 characters'],
    ['abc', 3, 5, undefined],
    ['abcde', 3, 5, undefined],
    ['abcdef', 3, 5, 'must be at most 5 characters'],
    ['\u{1F600}'.repeat(5), 3, 5, undefined],
    ['', 0, 5, undefined],
  ])('%j in [%i, %i] → %s', (s, min, max, expected) => {
    expect(lengthProblem(s, min, max)).toBe(expected);
  });
});

describe('textProblem', () => {
  const rule = { min: 1, max: 10, multiline: false };

  it.each([
    ['hello', undefined],
    ['', 'must not be empty'],
    ['x'.repeat(11), 'must be at most 10 characters'],
    ['a\u0000b', 'must not contain control characters'],
    ['a\nb', 'must not contain control characters'],
    ['a\ud800b', 'must be valid Unicode text'],
  ])('%j → %s', (s, expected) => {
    expect(textProblem(s, rule)).toBe(expected);
  });

  it('reports control characters before length, so the real problem is named', () => {
    expect(textProblem('\u0000'.repeat(50), rule)).toBe('must not contain control characters');
  });
});

describe('nonStringProblem', () => {
  it.each([
    [undefined, 'is required'],
    [null, 'must be a string'],
    [42, 'must be a string'],
    [['a'], 'must be a string'],
    [{}, 'must be a string'],
  ])('%j → %s', (raw, expected) => {
    expect(nonStringProblem(raw)).toBe(expected);
  });
});
