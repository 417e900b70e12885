/**
 * Property: whatever JSON arrives at `POST /auth/register` and `POST /auth/login` — wrong types, nesting, huge
 * or odd Unicode strings, NULs, lone surrogates — the answer is never 5xx and every 4xx is a problem document.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { ADAPTERS, NO_LIMITS, PASSWORD, uniqueIdentity } from './helpers/identity.js';
import { PROBLEM_TYPE, TITLES } from './helpers/problem.js';

const NUM_RUNS = 150;

const tricky = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b@example.com',
  'ada@example.com\u0000',
  '\ud800',
  'ada\ud800@example.com',
  '\u202e\u0085\u2028',
  'Ａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  'ß@straße.de',
  '🎉'.repeat(100),
  'x'.repeat(300_000),
  `${'a'.repeat(70_000)}@example.com`,
  'admin',
  'ADMIN',
  'ada@mailinator.com',
  PASSWORD,
  '1qaz2wsx3edc',
  'null',
  '__proto__',
);

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: tricky },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1000, maxLength: 5000 }) },
);

const value = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });

/** Plausible field values often enough that some requests get past validation (and hash). */
const emailish = fc.oneof(value, fc.constant(null).map(() => uniqueIdentity('fz').email));
const usernameish = fc.oneof(value, fc.constant(null).map(() => uniqueIdentity('fz').username));
const passwordish = fc.oneof(value, fc.constant(PASSWORD), fc.string({ minLength: 12, maxLength: 40 }));

const registerBody = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record(
      { email: fc.constant(null).map(() => uniqueIdentity('fz').email), username: fc.constant(null).map(() => uniqueIdentity('fz').username), password: passwordish, display_name: fc.option(value, { nil: undefined }) },
      { requiredKeys: ['email', 'username', 'password'] },
    ),
  },
  { weight: 4, arbitrary: fc.record({ email: emailish, username: usernameish, password: passwordish, display_name: value }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ email: emailish, username: usernameish, password: passwordish, role: value }, { requiredKeys: ['role'] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }) },
);

const loginBody = fc.oneof(
  { weight: 4, arbitrary: fc.record({ email: fc.oneof(value, fc.constant('nobody@example.com')), password: passwordish }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ email: value, password: value, remember: value }, { requiredKeys: ['remember'] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

describe.each(ADAPTERS)('identity bodies on $name adapters', ({ opts }) => {
  let t: TestApp;
  beforeAll(async () => {
    // A high lockout threshold keeps the repeated login emails answering 401 rather than 429.
    t = await buildTestApp({ ...opts, env: { ...NO_LIMITS, LOCKOUT_THRESHOLD: '100000' } });
  });
  afterAll(() => t.close());

  const check = async (url: string, body: unknown) => {
    const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const where = `${url} ${JSON.stringify(body).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, where).toBeLessThan(500);
    if (res.statusCode >= 400) {
      expect(res.headers['content-type'], where).toBe(PROBLEM_TYPE);
      const problem = JSON.parse(res.body) as Record<string, unknown>;
      const slug = String(problem.type).replace('/problems/', '');
      expect(problem.title, where).toBe(TITLES[slug]);
      expect(problem.status, where).toBe(res.statusCode);
      expect(typeof problem.detail, where).toBe('string');
      expect(problem.instance, where).toBe(url);
      expect(problem.request_id, where).toBe(res.headers['x-request-id']);
      if (problem.errors !== undefined) {
        for (const e of problem.errors as { field: unknown; message: unknown }[]) {
          expect(String(e.field), where).toMatch(/^body(\.|$)/);
          expect(typeof e.message, where).toBe('string');
        }
      }
    }
    return res.statusCode;
  };

  it('POST /auth/register never answers 5xx', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(registerBody, async (body) => {
        seen.add(await check('/api/v1/auth/register', body));
      }),
      { numRuns: NUM_RUNS },
    );
    // Some bodies got through validation to the hash and the insert, so the property reached the deep paths too.
    expect([...seen].sort()).toEqual(expect.arrayContaining([201, 400]));
  }, 120_000);

  it('POST /auth/login never answers 5xx', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(loginBody, async (body) => {
        seen.add(await check('/api/v1/auth/login', body));
      }),
      { numRuns: NUM_RUNS },
    );
    expect(seen.has(401)).toBe(true);
  }, 120_000);

  it.each([
    ['register', '/api/v1/auth/register', { email: 'a\u0000b@example.com', username: 'nul\u0000name', password: `pw\u0000${PASSWORD}`, display_name: '\u0000' }],
    ['login with a NUL in the email', '/api/v1/auth/login', { email: 'a\u0000b@example.com', password: PASSWORD }],
    ['login with a lone surrogate in the email', '/api/v1/auth/login', { email: 'ada\ud800@example.com', password: PASSWORD }],
    ['login with a NUL in the password', '/api/v1/auth/login', { email: 'nobody@example.com', password: `\u0000${PASSWORD}` }],
  ])('%s → a 4xx problem', async (_name, url, body) => {
    const status = await check(url, body);
    expect(status).toBeGreaterThanOrEqual(400);
  });
});
