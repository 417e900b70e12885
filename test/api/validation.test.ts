/** Contract §1 "Strict schemas" and §3 `errors`: every failing field, with its location and dotted path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ engine: 'postgres', plugins: [testRoutes], env: ROOMY_LIMITS });
});
afterAll(() => t.close());

const postJson = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object });
const errorsOf = (body: Record<string, unknown>) => body.errors as { field: string; message: string }[];

describe('body', () => {
  it('an unknown key → 400 validation-error, `unknown field`', async () => {
    const body = expectProblem(await postJson('/test/echo', { name: 'ab', role: 'admin' }), { status: 400, slug: 'validation-error', instance: '/test/echo' });
    expect(body.errors).toEqual([{ field: 'body.role', message: 'unknown field' }]);
    expect(body.detail).toContain('body.role');
  });

  it('every unknown key is reported', async () => {
    const body = expectProblem(await postJson('/test/echo', { name: 'ab', a: 1, b: 2, c: 3 }), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([
      { field: 'body.a', message: 'unknown field' },
      { field: 'body.b', message: 'unknown field' },
      { field: 'body.c', message: 'unknown field' },
    ]);
  });

  it('every failing field is reported, nested keys and array indexes joined by dots', async () => {
    const res = await postJson('/test/nested', {
      n: 1.5,
      flag: 'yes',
      email: 'not-an-email',
      items: [{ n: 1 }, { n: 'x', z: true }],
      nested: { deep: { value: 7, extra: null } },
      top: 1,
    });
    const body = expectProblem(res, { status: 400, slug: 'validation-error' });
    expect(errorsOf(body)).toHaveLength(8);
    expect(errorsOf(body)).toEqual(
      expect.arrayContaining([
        { field: 'body.top', message: 'unknown field' },
        { field: 'body.n', message: 'must be integer' },
        { field: 'body.flag', message: 'must be boolean' },
        { field: 'body.email', message: 'must be a valid email' },
        { field: 'body.items.1.n', message: 'must be integer' },
        { field: 'body.items.1.z', message: 'unknown field' },
        { field: 'body.nested.deep.value', message: 'must be string' },
        { field: 'body.nested.deep.extra', message: 'unknown field' },
      ]),
    );
  });

  it('a value that is too long and an unknown key are both reported', async () => {
    const body = expectProblem(await postJson('/test/echo', { name: 'abcdef', x: 1 }), { status: 400, slug: 'validation-error' });
    expect(errorsOf(body)).toEqual(
      expect.arrayContaining([
        { field: 'body.name', message: 'must be at most 5 characters' },
        { field: 'body.x', message: 'unknown field' },
      ]),
    );
    expect(errorsOf(body)).toHaveLength(2);
  });

  it('a missing required field → `is required`', async () => {
    const body = expectProblem(await postJson('/test/echo', {}), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'body.name', message: 'is required' }]);
  });

  it.each([
    [{ n: '5' }, 'body.n', 'must be integer'],
    [{ flag: 'true' }, 'body.flag', 'must be boolean'],
    [{ n: true }, 'body.n', 'must be integer'],
    [{ items: { 0: { n: 1 } } }, 'body.items', 'must be array'],
    [{ n: null }, 'body.n', 'must be integer'],
  ])('body values are never coerced: %j', async (payload, field, message) => {
    const body = expectProblem(await postJson('/test/nested', payload), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field, message }]);
  });

  it('a valid body passes unchanged', async () => {
    const payload = { n: 5, flag: false, email: 'a@b.example', items: [{ n: 1 }], nested: { deep: { value: 'v' } } };
    expect(expectJson(await postJson('/test/nested', payload))).toEqual({ received: payload });
  });

  it('a key containing a dot or slash is reported by its name', async () => {
    const body = expectProblem(await postJson('/test/echo', { name: 'a', 'a/b': 1, 'c.d': 2 }), { status: 400, slug: 'validation-error' });
    expect(errorsOf(body).map((e) => e.field).sort()).toEqual(['body.a/b', 'body.c.d']);
  });
});

describe('query', () => {
  const get = (qs: string) => t.app.inject({ method: 'GET', url: `/test/query${qs}` });

  it('query strings are coerced', async () => {
    expect(expectJson(await get('?limit=5&flag=true&tag=a&tag=b'))).toEqual({ query: { limit: 5, flag: true, tag: ['a', 'b'] }, limit_type: 'number' });
    expect(expectJson(await get('?limit=5&tag=solo'))).toEqual({ query: { limit: 5, tag: ['solo'] }, limit_type: 'number' });
  });

  it('unknown query parameters are ignored', async () => {
    expect(expectJson(await get('?limit=5&utm_source=x&per_page=abc'))).toMatchObject({ query: { limit: 5 } });
    const strict = await t.app.inject({ method: 'GET', url: '/test/strict-query?q=a&utm_source=x' });
    expect(expectJson(strict)).toEqual({ query: { q: 'a' } });
  });

  it.each([
    ['?limit=abc', 'query.limit', 'must be integer'],
    ['?limit=0', 'query.limit', 'must be at least 1'],
    ['?limit=101', 'query.limit', 'must be at most 100'],
    ['?limit=1.5', 'query.limit', 'must be integer'],
    ['', 'query.limit', 'is required'],
    ['?limit=5&flag=1', 'query.flag', 'must be boolean'],
    ['?limit=5&flag=yes', 'query.flag', 'must be boolean'],
    ['?limit=5&limit=6', 'query.limit', 'must be integer'],
  ])('%s → %s %s', async (qs, field, message) => {
    const body = expectProblem(await get(qs), { status: 400, slug: 'validation-error', instance: '/test/query' });
    expect(body.errors).toEqual([{ field, message }]);
  });

  it('several bad query parameters are all reported', async () => {
    const body = expectProblem(await get('?limit=x&flag=maybe'), { status: 400, slug: 'validation-error' });
    expect(errorsOf(body)).toEqual(
      expect.arrayContaining([
        { field: 'query.limit', message: 'must be integer' },
        { field: 'query.flag', message: 'must be boolean' },
      ]),
    );
  });
});

describe('field errors raised by domain code', () => {
  it('are prefixed with `body.` by default', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/test/domain/validation' }), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([
      { field: 'body.email', message: 'is already taken' },
      { field: 'body.image_ids.3', message: 'does not exist' },
    ]);
  });

  it('are prefixed with `query.` when the route says so', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/test/domain-query?per_page=500' }), {
      status: 400,
      slug: 'validation-error',
      instance: '/test/domain-query',
    });
    expect(body.errors).toEqual([{ field: 'query.per_page', message: 'must be at most 100' }]);
  });

  it('a 409 with fields carries them too', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/test/domain/conflict' }), { status: 409, slug: 'conflict' });
    expect(body.errors).toEqual([{ field: 'body.email', message: 'is taken' }]);
  });
});
