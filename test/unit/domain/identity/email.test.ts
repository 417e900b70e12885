import { describe, expect, it } from 'vitest';
import {
  disposableDomainSet,
  emailProblem,
  isDisposableDomain,
  normalizeEmail,
  parseEmail,
} from '../../../../src/domain/identity/email.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';

const disposable = disposableDomainSet(['mailinator.com', 'YopMail.com', 'guerrillamail.com']);

function emailOfLength(n: number): string {
  const domain = '@example.com';
  return 'a'.repeat(n - domain.length) + domain;
}

describe('normalizeEmail', () => {
  it.each([
    ['Alice@Example.COM', 'alice@example.com'],
    ['  bob@example.com \n', 'bob@example.com'],
    ['\tcarol@EXAMPLE.org\t', 'carol@example.org'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});

describe('emailProblem', () => {
  it.each([
    'alice@example.com',
    'first.last+tag@sub.example.co.uk',
    'a_b%c-d@example-domain.io',
    'x@y.zz',
    'user@notmailinator.com',
    'user@mailinator.com.example.org',
    'user@mailinatorcom.net',
    emailOfLength(255),
  ])('accepts %s', (email) => {
    expect(emailProblem(email, disposable)).toBeUndefined();
  });

  it.each([
    ['', 'must be a valid email address'],
    ['plainaddress', 'must be a valid email address'],
    ['@example.com', 'must be a valid email address'],
    ['alice@', 'must be a valid email address'],
    ['alice@example', 'must be a valid email address'],
    ['alice@example.c', 'must be a valid email address'],
    ['alice@example.c0m', 'must be a valid email address'],
    ['alice@@example.com', 'must be a valid email address'],
    ['al ice@example.com', 'must be a valid email address'],
    ['alice@exam_ple.com', 'must be a valid email address'],
    ['al\u0000ice@example.com', 'must be a valid email address'],
    ['\u00e4lice@example.com', 'must be a valid email address'],
    ['alice@b\u00fccher.de', 'must be a valid email address'],
    [emailOfLength(256), 'must be at most 255 characters'],
    ['x'.repeat(100_000), 'must be at most 255 characters'],
    ['user@mailinator.com', 'must not use a disposable email domain'],
    ['user@x.mailinator.com', 'must not use a disposable email domain'],
    ['user@a.b.c.mailinator.com', 'must not use a disposable email domain'],
    ['user@yopmail.com', 'must not use a disposable email domain'],
    ['user@guerrillamail.com', 'must not use a disposable email domain'],
  ])('rejects %j: %s', (email, message) => {
    expect(emailProblem(email, disposable)).toBe(message);
  });
});

describe('isDisposableDomain', () => {
  it.each([
    ['mailinator.com', true],
    ['MAILINATOR.COM', true],
    ['x.mailinator.com', true],
    ['deep.x.mailinator.com', true],
    ['notmailinator.com', false],
    ['mailinator.com.evil.org', false],
    ['mailinator.co', false],
    ['example.com', false],
    ['com', false],
  ])('%s → %s', (domain, expected) => {
    expect(isDisposableDomain(domain, disposable)).toBe(expected);
  });

  it('accepts any object with has(), such as a plain Set', () => {
    expect(isDisposableDomain('a.tempmail.com', new Set(['tempmail.com']))).toBe(true);
  });
});

describe('disposableDomainSet', () => {
  it('lowercases, trims and drops empty entries', () => {
    expect([...disposableDomainSet([' Mailinator.COM ', '', 'yopmail.com'])]).toEqual([
      'mailinator.com',
      'yopmail.com',
    ]);
  });
});

describe('parseEmail', () => {
  it('returns the normalised address', () => {
    expect(parseEmail('  Alice@Example.com ', disposable)).toBe('alice@example.com');
  });

  it('normalises before checking, so an uppercase disposable domain is caught', () => {
    expect(() => parseEmail('Bob@X.Mailinator.COM', disposable)).toThrow(ValidationError);
  });

  it.each([
    [undefined, 'is required'],
    [null, 'must be a string'],
    [12, 'must be a string'],
    ['nope', 'must be a valid email address'],
  ])('throws user.invalid_email for %j', (raw, message) => {
    const err = captureValidation(() => parseEmail(raw, disposable));
    expect(err.code).toBe('user.invalid_email');
    expect(err.fields).toEqual([{ field: 'email', message }]);
  });

  it('names the given field', () => {
    const err = captureValidation(() => parseEmail('nope', disposable, 'new_email'));
    expect(err.fields).toEqual([{ field: 'new_email', message: 'must be a valid email address' }]);
  });
});

function captureValidation(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}
