import { describe, expect, it } from 'vitest';
import {
  commonPasswordSet,
  normalizePassword,
  parsePassword,
  passwordProblem,
  type PasswordContext,
} from '../../../../src/domain/identity/password-policy.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';

const commonPasswords = commonPasswordSet(['password1234', 'QwertyQwerty', 'iloveyou1234']);
const context: PasswordContext = {
  commonPasswords,
  username: 'Alice_Wonder',
  email: 'alice@example.com',
};
const emoji = '\u{1F600}';
const fullwidth = (s: string): string =>
  [...s].map((c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)).join('');

describe('normalizePassword', () => {
  it.each([
    ['fullwidth letters become ASCII', fullwidth('Secret'), 'Secret'],
    ['ligatures are expanded', '\ufb00', 'ff'],
    ['a decomposed accent is composed', 'e\u0301', '\u00e9'],
    ['spaces are never trimmed', '  pass word  ', '  pass word  '],
    ['CRLF is not rewritten', 'a\r\nb', 'a\r\nb'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizePassword(raw)).toBe(expected);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['12 ASCII characters', 'x'.repeat(12)],
    ['128 ASCII characters', 'x'.repeat(128)],
    ['12 astral characters (24 UTF-16 units)', emoji.repeat(12)],
    ['128 astral characters (256 UTF-16 units)', emoji.repeat(128)],
    ['leading and trailing spaces count', '  abcdefgh  '],
    ['a passphrase with inner spaces', 'correct horse battery staple'],
    ['a username prefix is fine', 'Alice_Wonder!'],
    ['non-Latin text', '\u043f\u0430\u0440\u043e\u043b\u044c\u043f\u0430\u0440\u043e\u043b\u044c\u0445\u0445'],
    ['no composition rules: all lowercase', 'lowercaseonly'],
  ])('accepts %s', (_name, password) => {
    expect(passwordProblem(password, context)).toBeUndefined();
  });

  it.each([
    ['11 ASCII characters', 'x'.repeat(11), 'must be at least 12 characters'],
    ['129 ASCII characters', 'x'.repeat(129), 'must be at most 128 characters'],
    ['11 astral characters (22 UTF-16 units)', emoji.repeat(11), 'must be at least 12 characters'],
    ['129 astral characters', emoji.repeat(129), 'must be at most 128 characters'],
    ['empty', '', 'must be at least 12 characters'],
    ['whitespace only is still short', ' '.repeat(11), 'must be at least 12 characters'],
    ['a common password', 'password1234', 'is too common'],
    ['a common password in other case', 'PassWord1234', 'is too common'],
    ['a list entry given in mixed case', 'qwertyqwerty', 'is too common'],
    ['the username', 'Alice_Wonder', 'must not be the same as the username'],
    ['the username in other case', 'aLICE_wONDER', 'must not be the same as the username'],
    ['the email', 'alice@example.com', 'must not be the same as the email'],
    ['the email in upper case', 'ALICE@EXAMPLE.COM', 'must not be the same as the email'],
    ['a NUL byte', 'abcdefghijk\u0000', 'must not contain control characters'],
    ['a tab', 'abcdef\tghijk', 'must not contain control characters'],
    ['a line break', 'abcdef\nghijk', 'must not contain control characters'],
    ['a C1 control', 'abcdefghijk\u0085', 'must not contain control characters'],
    ['a lone surrogate', 'abcdefghijk\ud800', 'must be valid Unicode text'],
  ])('rejects %s', (_name, password, message) => {
    expect(passwordProblem(password, context)).toBe(message);
  });

  it('skips the username and email comparisons when they are not known', () => {
    expect(passwordProblem('Alice_Wonder', { commonPasswords })).toBeUndefined();
  });
});

describe('parsePassword', () => {
  it('applies NFKC before counting: six ligatures become 12 letters', () => {
    expect(parsePassword('\ufb00'.repeat(6), context)).toBe('f'.repeat(12));
  });

  it('applies NFKC before the list check: fullwidth spelling of a common password', () => {
    expect(() => parsePassword(fullwidth('PASSWORD1234'), context)).toThrow(ValidationError);
  });

  it('applies NFKC before the username check', () => {
    expect(() => parsePassword(fullwidth('alice_wonder'), context)).toThrow(/same as the username/);
  });

  it('returns the password untrimmed', () => {
    expect(parsePassword('  spaced out pass  ', context)).toBe('  spaced out pass  ');
  });

  it.each([
    [undefined, 'password', 'is required'],
    [123456789012, 'password', 'must be a string'],
    ['short', 'new_password', 'must be at least 12 characters'],
  ])('throws user.invalid_password for %j on %s', (raw, field, message) => {
    try {
      parsePassword(raw, context, field);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect(err).toMatchObject({ code: 'user.invalid_password', fields: [{ field, message }] });
    }
  });
});

describe('commonPasswordSet', () => {
  it('folds entries with NFKC and lowercase, like the check', () => {
    expect([...commonPasswordSet(['PassWord', fullwidth('ABC')])]).toEqual(['password', 'abc']);
  });
});
