/**
 * Assertions shared by the API convention tests: a problem document (contract §3) and a JSON success.
 * The titles are copied from the contract on purpose, so a drift in `problem.ts` fails here.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export const TITLES: Readonly<Record<string, string>> = {
  'validation-error': 'Validation failed',
  'bad-request': 'Bad request',
  unauthorized: 'Unauthorized',
  'invalid-credentials': 'Invalid credentials',
  'token-reused': 'Refresh token reused',
  forbidden: 'Forbidden',
  'account-banned': 'Account banned',
  'account-pending': 'Account not verified',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'request-timeout': 'Request timeout',
  conflict: 'Conflict',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'range-not-satisfiable': 'Range not satisfiable',
  'malware-detected': 'Malware detected',
  'dimensions-exceeded': 'Image dimensions exceeded',
  unprocessable: 'Unprocessable content',
  'account-locked': 'Account temporarily locked',
  'rate-limited': 'Too many requests',
  'internal-error': 'Internal server error',
  'service-unavailable': 'Service unavailable',
};

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface ExpectedProblem {
  readonly status: number;
  readonly slug: string;
  /** The request path; defaults to not checking it. */
  readonly instance?: string;
  readonly detail?: string;
}

/** Minimal shape shared by `inject` responses and the raw-socket responses of the listening tests. */
export interface ProblemResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
}

/** Checks every always-present member of a problem document and returns the parsed body. */
export function expectProblem(res: ProblemResponse | LightMyRequestResponse, expected: ExpectedProblem): Record<string, unknown> {
  expect(res.statusCode, res.body).toBe(expected.status);
  expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
  expect(res.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body.type).toBe(`/problems/${expected.slug}`);
  expect(body.title).toBe(TITLES[expected.slug]);
  expect(body.status).toBe(expected.status);
  expect(typeof body.detail).toBe('string');
  expect((body.detail as string).length).toBeGreaterThan(0);
  if (expected.detail !== undefined) expect(body.detail).toBe(expected.detail);
  if (expected.instance !== undefined) expect(body.instance).toBe(expected.instance);
  expect(typeof body.instance).toBe('string');
  expect(body.instance as string).not.toContain('?');
  expect(typeof res.headers['x-request-id']).toBe('string');
  expect(body.request_id).toBe(res.headers['x-request-id']);
  return body;
}

/** A JSON success: status, exact content type and `no-store`. */
export function expectJson(res: LightMyRequestResponse, status = 200): unknown {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe(JSON_TYPE);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.json();
}
