import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disposableDomainSet } from '../../../../src/domain/identity/email.js';
import { commonPasswordSet } from '../../../../src/domain/identity/password-policy.js';
import {
  validateRegistration,
  type IdentityLists,
  type ValidRegistration,
} from '../../../../src/domain/identity/registration.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';
import { codePointLength } from '../../../../src/domain/shared/text.js';

const lists: IdentityLists = {
  disposableDomains: disposableDomainSet(['mailinator.com', 'yopmail.com']),
  commonPasswords: commonPasswordSet(['password1234', 'qwertyuiop12']),
};
const valid = { email: ' Alice@Example.com ', username: ' Alice_W ', password: 'a long enough secret' };

function fieldsOf(fn: () => unknown): { field: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return [...(err.fields ?? [])];
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('validateRegistration', () => {
  it('returns normalised values, display name defaulting to the username', () => {
    expect(validateRegistration(valid, lists)).toEqual({
      email: 'alice@example.com',
      username: 'Alice_W',
      password: 'a long enough secret',
      displayName: 'Alice_W',
    });
  });

  it('keeps a supplied display name, normalised', () => {
    expect(validateRegistration({ ...valid, display_name: '  Alice W. \u{1F338} ' }, lists).displayName).toBe(
      'Alice W. \u{1F338}',
    );
  });

  it('reports every failing field at once, in a stable order', () => {
    const fields = fieldsOf(() =>
      validateRegistration(
        { email: 'x@y.mailinator.com', username: 'Admin', password: 'short', display_name: '' },
        lists,
      ),
    );
    expect(fields).toEqual([
      { field: 'email', message: 'must not use a disposable email domain' },
      { field: 'username', message: 'is reserved' },
      { field: 'password', message: 'must be at least 12 characters' },
      { field: 'display_name', message: 'must not be empty' },
    ]);
  });

  it('uses code user.invalid_registration and names the first problem in the detail', () => {
    try {
      validateRegistration({ ...valid, email: 'nope', username: 'ab' }, lists);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect(err).toMatchObject({
        kind: 'validation-error',
        code: 'user.invalid_registration',
        detail: 'email: must be a valid email address (and 1 more)',
      });
    }
  });

  it.each([
    ['missing fields', {}, ['email', 'username', 'password']],
    ['null fields', { email: null, username: null, password: null }, ['email', 'username', 'password']],
    [
      'wrong types',
      { email: 1, username: ['a'], password: {}, display_name: false },
      ['email', 'username', 'password', 'display_name'],
    ],
    ['a null display name', { ...valid, display_name: null }, ['display_name']],
    ['a common password in other case', { ...valid, password: 'PASSWORD1234' }, ['password']],
  ])('rejects %s', (_name, input, expected) => {
    const fields = fieldsOf(() => validateRegistration(input as Parameters<typeof validateRegistration>[0], lists));
    expect(fields.map((f) => f.field)).toEqual(expected);
  });

  it('compares the password with the username even when the username is itself invalid', () => {
    const fields = fieldsOf(() =>
      validateRegistration({ ...valid, username: 'bad name with spaces', password: 'BAD NAME WITH SPACES' }, lists),
    );
    expect(fields).toEqual([
      { field: 'username', message: 'must contain only letters, digits and underscores' },
      { field: 'password', message: 'must not be the same as the username' },
    ]);
  });

  it('compares the password with the normalised email', () => {
    const fields = fieldsOf(() => validateRegistration({ ...valid, password: 'alice@example.com' }, lists));
    expect(fields).toEqual([{ field: 'password', message: 'must not be the same as the email' }]);
  });

  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('\u0000', '\r', '\n', '\u0085', 'a', '_', '@', '.')) }),
    fc.constantFrom('alice@example.com', 'x@sub.mailinator.com', 'Alice_W', 'admin', 'a long enough secret'),
  );
  const anyValue = fc.oneof(anyText, fc.anything(), fc.constant(undefined));
  const anyInput = fc.record(
    { email: anyValue, username: anyValue, password: anyValue, display_name: anyValue },
    { requiredKeys: ['email', 'username', 'password'] },
  );

  it('never throws anything but ValidationError, whatever the input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        let out: ValidRegistration;
        try {
          out = validateRegistration(input, lists);
        } catch (err) {
          expect(err).toBeInstanceOf(ValidationError);
          const names = ((err as ValidationError).fields ?? []).map((f) => f.field);
          expect(names.length).toBeGreaterThan(0);
          expect(new Set(names).size).toBe(names.length);
          for (const name of names) expect(['email', 'username', 'password', 'display_name']).toContain(name);
          return;
        }
        expect(out.email).toBe(out.email.toLowerCase());
        expect(codePointLength(out.username)).toBeGreaterThanOrEqual(3);
        expect(codePointLength(out.password)).toBeGreaterThanOrEqual(12);
        expect(codePointLength(out.displayName)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
