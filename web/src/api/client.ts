/**
 * The one way the app talks to /api/v1: JSON in and out, the bearer token attached, and a transparent refresh
 * rotation when the access token has expired. A refresh that fails (reused or revoked token) ends the session
 * (`expireSession`), and the app sends the user to the login page.
 */
import { expireSession, getSession, rotateTokens } from './session.js';
import type { Problem, TokenResponse } from './types.js';

// Root-relative in the browser; the unit tests point it at a server on loopback.
let base = '/api/v1';

export function setApiBase(url: string): void {
  base = url;
}

export function apiUrl(path: string): string {
  return base + path;
}

/** A non-2xx answer, with the problem document when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `request failed (${status})`);
  }
}

export interface RequestOptions {
  readonly method?: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const sentWith = getSession()?.accessToken;
  let response = await send(path, options);
  if (response.status === 401 && getSession() !== null && (await renewed(sentWith))) response = await send(path, options);
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = getSession();
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(apiUrl(path), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
}

/**
 * After a 401: true when a retry may succeed. A request that went out before another one's rotation finished
 * only needs the new token; refreshing again would spend a rotation for nothing.
 */
export function renewed(sentWith: string | undefined): Promise<boolean> {
  const current = getSession();
  if (current !== null && current.accessToken !== sentWith) return Promise.resolve(true);
  return refresh();
}

// One rotation at a time: concurrent 401s share it, since a second use of the same refresh token would be a
// replay (contract §5.4) and revoke the session.
let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new pair; false (and signed out) when the server refuses it. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = getSession();
    if (!session) return false;
    const response = await fetch(apiUrl('/auth/refresh'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refresh_token: session.refreshToken }),
    });
    // Signed out meanwhile (logout in flight): nothing to rotate.
    if (getSession()?.refreshToken !== session.refreshToken) return getSession() !== null;
    if (!response.ok) {
      expireSession();
      return false;
    }
    rotateTokens((await response.json()) as TokenResponse);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function readProblem(response: Response): Promise<Problem | null> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

/** Words for the user: the problem's detail, else its title, else the status. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
