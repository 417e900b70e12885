import { describe, expect, it } from 'vitest';
import {
  isReservedUsername,
  normalizeUsername,
  parseUsername,
  RESERVED_USERNAMES,
  usernameKey,
  usernameProblem,
} from '../../../../src/domain/identity/username.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';

describe('usernameProblem', () => {
  it.each([
    'abc',
    'Alice',
    'alice_smith',
    'A1_',
    '___',
    '123',
    'x'.repeat(32),
    'administrator1',
    'root_',
    'my_admin',
  ])('accepts %s', (username) => {
    expect(usernameProblem(username)).toBeUndefined();
  });

  it.each([
    ['', 'must be at least 3 characters'],
    ['ab', 'must be at least 3 characters'],
    ['x'.repeat(33), 'must be at most 32 characters'],
    ['x'.repeat(10_000), 'must be at most 32 characters'],
    ['al ice', 'must contain only letters, digits and underscores'],
    ['alice!', 'must contain only letters, digits and underscores'],
    ['alice-smith', 'must contain only letters, digits and underscores'],
    ['al.ice', 'must contain only letters, digits and underscores'],
    ['\u00e9lise', 'must contain only letters, digits and underscores'],
    ['\uff41\uff42\uff43', 'must contain only letters, digits and underscores'],
    ['ab\u0000', 'must contain only letters, digits and underscores'],
    ['ab\u{1F600}', 'must contain only letters, digits and underscores'],
    ['admin', 'is reserved'],
    ['Admin', 'is reserved'],
    ['ROOT', 'is reserved'],
    ['Tessera', 'is reserved'],
    ['sTaFf', 'is reserved'],
    ['NoReply', 'is reserved'],
    ['Undefined', 'is reserved'],
    ['NULL', 'is reserved'],
  ])('rejects %j: %s', (username, message) => {
    expect(usernameProblem(username)).toBe(message);
  });

  it('counts an astral character once when measuring length', () => {
    expect(usernameProblem('a\u{1F600}')).toBe('must be at least 3 characters');
  });
});

describe('RESERVED_USERNAMES', () => {
  it('holds the 34 names of contract 5.3, all lowercase', () => {
    expect(RESERVED_USERNAMES.size).toBe(34);
    for (const name of RESERVED_USERNAMES) expect(name).toBe(name.toLowerCase());
  });

  it.each([...RESERVED_USERNAMES])('%s is reserved in upper case too', (name) => {
    expect(isReservedUsername(name.toUpperCase())).toBe(true);
  });
});

describe('normalizeUsername and usernameKey', () => {
  it('trims but keeps case', () => {
    expect(normalizeUsername('  Alice_01 \t')).toBe('Alice_01');
  });

  it('gives case variants one uniqueness key', () => {
    expect(usernameKey('Alice')).toBe('alice');
    expect(usernameKey('ALICE')).toBe(usernameKey('alice'));
  });
});

describe('parseUsername', () => {
  it('returns the trimmed, case-preserved name', () => {
    expect(parseUsername('  Alice ')).toBe('Alice');
  });

  it.each([
    [undefined, 'is required'],
    [42, 'must be a string'],
    ['  ab  ', 'must be at least 3 characters'],
    ['Admin', 'is reserved'],
  ])('throws user.invalid_username for %j', (raw, message) => {
    expect(() => parseUsername(raw)).toThrow(ValidationError);
    try {
      parseUsername(raw);
    } catch (err) {
      expect(err).toMatchObject({ code: 'user.invalid_username', fields: [{ field: 'username', message }] });
    }
  });
});
