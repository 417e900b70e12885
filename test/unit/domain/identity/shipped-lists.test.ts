import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disposableDomainSet, isDisposableDomain } from '../../../../src/domain/identity/email.js';
import { commonPasswordSet } from '../../../../src/domain/identity/password-policy.js';
import { validateRegistration } from '../../../../src/domain/identity/registration.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';
import { parseWordList } from '../../../../src/domain/shared/word-list.js';

// The shipped data files are part of the contract (5.3), so their content is tested like code.
const read = (name: string): string => readFileSync(new URL(`../../../../data/${name}`, import.meta.url), 'utf8');
const passwords = parseWordList(read('common-passwords.txt'));
const domains = parseWordList(read('disposable-domains.txt'));
const lists = { commonPasswords: commonPasswordSet(passwords), disposableDomains: disposableDomainSet(domains) };

const GOIMG_PASSWORDS = (
  'password password123 123456 12345678 qwerty abc123 monkey 1234567 letmein trustno1 dragon baseball ' +
  'iloveyou master sunshine ashley bailey passw0rd shadow 123123 654321 superman qazwsx michael football ' +
  'welcome jesus ninja mustang password1'
).split(' ');

const REQUIRED_DOMAINS = [
  'mailinator.com', 'tempmail.com', 'guerrillamail.com', '10minutemail.com', 'throwaway.email',
  'temp-mail.org', 'yopmail.com', 'fakeinbox.com', 'trashmail.com', 'getnada.com',
];

describe('data/common-passwords.txt', () => {
  it('holds at least 10,000 distinct passwords (case-insensitive)', () => {
    expect(lists.commonPasswords.size).toBeGreaterThanOrEqual(10_000);
  });

  it('has no duplicate lines', () => {
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it.each(GOIMG_PASSWORDS)('includes the goimg password %s', (password) => {
    expect(lists.commonPasswords.has(password)).toBe(true);
  });

  it.each(['qwertyuiop123', '123qweasdzxc', '1qaz2wsx3edc', 'q1w2e3r4t5y6'])(
    'makes registration refuse the long common password %s in any case',
    (password) => {
      expect(() =>
        validateRegistration({ email: 'a@example.com', username: 'alice', password: password.toUpperCase() }, lists),
      ).toThrow(ValidationError);
    },
  );
});

describe('data/disposable-domains.txt', () => {
  it('holds the ten domains of contract 5.3 and a few dozen more', () => {
    for (const domain of REQUIRED_DOMAINS) expect(lists.disposableDomains.has(domain)).toBe(true);
    expect(lists.disposableDomains.size).toBeGreaterThanOrEqual(40);
  });

  it('lists each domain once, lowercase and well-formed', () => {
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/);
  });

  it.each([
    ['x.mailinator.com', true],
    ['inbox.yopmail.com', true],
    ['notmailinator.com', false],
    ['example.com', false],
    ['gmail.com', false],
  ])('%s disposable: %s', (domain, expected) => {
    expect(isDisposableDomain(domain, lists.disposableDomains)).toBe(expected);
  });
});
