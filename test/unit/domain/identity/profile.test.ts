import { describe, expect, it } from 'vitest';
import {
  bioProblem,
  DEFAULT_BIO,
  displayNameProblem,
  normalizeBio,
  normalizeDisplayName,
  parseBio,
  parseDisplayName,
} from '../../../../src/domain/identity/profile.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';

describe('displayNameProblem', () => {
  it.each([
    'A',
    'Alice in Wonderland',
    '\u00c9lodie \u{1F338}',
    '\u5c71\u7530\u592a\u90ce',
    'x'.repeat(100),
    '\u{1F600}'.repeat(100),
  ])('accepts %j', (name) => {
    expect(displayNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'must not be empty'],
    ['x'.repeat(101), 'must be at most 100 characters'],
    ['\u{1F600}'.repeat(101), 'must be at most 100 characters'],
    ['line\nbreak', 'must not contain control characters'],
    ['tab\there', 'must not contain control characters'],
    ['bell\u0007', 'must not contain control characters'],
    ['c1\u0090', 'must not contain control characters'],
    ['lone\udc00', 'must be valid Unicode text'],
  ])('rejects %j: %s', (name, message) => {
    expect(displayNameProblem(name)).toBe(message);
  });
});

describe('bioProblem', () => {
  it.each([
    '',
    'Photographer.',
    'Line one\nLine two\n\nLine four',
    'Column\tcolumn',
    'x'.repeat(500),
    '\u{1F4F7}'.repeat(500),
  ])('accepts %j', (bio) => {
    expect(bioProblem(bio)).toBeUndefined();
  });

  it.each([
    ['x'.repeat(501), 'must be at most 500 characters'],
    ['a\rb', 'must not contain control characters'],
    ['a\u0000b', 'must not contain control characters'],
    ['a\u001bb', 'must not contain control characters'],
    ['a\u007fb', 'must not contain control characters'],
    ['a\u0085b', 'must not contain control characters'],
  ])('rejects %j: %s', (bio, message) => {
    expect(bioProblem(bio)).toBe(message);
  });
});

describe('normalisation', () => {
  it('display names are NFC and trimmed', () => {
    expect(normalizeDisplayName('  Ame\u0301lie  ')).toBe('Am\u00e9lie');
  });

  it('bios store CRLF as LF and are trimmed', () => {
    expect(normalizeBio('\r\n  Hello\r\nWorld\r\n')).toBe('Hello\nWorld');
  });
});

describe('parseDisplayName', () => {
  it('returns the normalised name', () => {
    expect(parseDisplayName('  Alice  ')).toBe('Alice');
  });

  it('counts 100 code points after NFC, not before', () => {
    expect(parseDisplayName('e\u0301'.repeat(100))).toBe('\u00e9'.repeat(100));
  });

  it.each([
    [undefined, 'is required'],
    [null, 'must be a string'],
    ['   ', 'must not be empty'],
  ])('throws user.invalid_display_name for %j', (raw, message) => {
    expect(() => parseDisplayName(raw)).toThrow(ValidationError);
    expect(() => parseDisplayName(raw)).toThrow(expect.objectContaining({
      code: 'user.invalid_display_name',
      fields: [{ field: 'display_name', message }],
    }));
  });
});

describe('parseBio', () => {
  it('accepts an empty bio, which is the default', () => {
    expect(parseBio('')).toBe(DEFAULT_BIO);
    expect(parseBio('  \n ')).toBe('');
  });

  it('keeps inner line breaks and tabs', () => {
    expect(parseBio('a\r\n\tb')).toBe('a\n\tb');
  });

  it.each([
    [42, 'bio', 'must be a string'],
    ['x'.repeat(501), 'bio', 'must be at most 500 characters'],
    ['a\u0000', 'notes', 'must not contain control characters'],
  ])('throws user.invalid_bio for %j on %s', (raw, field, message) => {
    expect(() => parseBio(raw, field)).toThrow(expect.objectContaining({
      code: 'user.invalid_bio',
      fields: [{ field, message }],
    }));
  });
});
