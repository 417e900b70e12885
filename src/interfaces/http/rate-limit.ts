/**
 * Rate limiting (contract §13) as an onRequest hook after authentication: the global limiter (per IP when
 * anonymous, per user when signed in; per IP on byte routes) plus the route's own limiter. The headers
 * describe the limiter with the least remaining. A limiter store outage fails open, logged and counted;
 * authentication never does: a failure held by `auth.ts` is thrown here once the request is counted.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, type Registry } from 'prom-client';
import type { RateLimitDecision, RateLimitRule, RateLimiter } from '../../domain/shared/rate-limiter.js';
import { DomainError } from '../../domain/shared/errors.js';
import { throwAuthFailure } from './auth.js';

export type RouteLimiter = 'login' | 'register' | 'upload' | 'report' | 'comment';

export interface RateLimitSettings {
  readonly enabled: boolean;
  readonly anon: RateLimitRule;
  readonly auth: RateLimitRule;
  readonly bytes: RateLimitRule;
  readonly login: RateLimitRule;
  readonly register: RateLimitRule;
  readonly upload: RateLimitRule;
  readonly report: RateLimitRule;
  readonly comment: RateLimitRule;
}

interface Applied {
  readonly name: string;
  readonly key: string;
  readonly rule: RateLimitRule;
}

export function registerRateLimits(app: FastifyInstance, limiter: RateLimiter, settings: RateLimitSettings, registry: Registry): void {
  if (!settings.enabled) {
    // Nothing to count: answer a refused token here, in the place it is answered when limits are on.
    app.addHook('onRequest', async (request) => throwAuthFailure(request));
    return;
  }
  const limited = new Counter({ name: 'tessera_rate_limited_total', help: 'Requests refused by a rate limiter', labelNames: ['limiter'] as const, registers: [registry] });
  const failedOpen = new Counter({ name: 'tessera_rate_limit_store_errors_total', help: 'Limiter store failures (requests let through)', registers: [registry] });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (!config || config.infrastructure || request.routeOptions.url === undefined || request.method === 'OPTIONS') return throwAuthFailure(request);
    // A refused token leaves the caller anonymous: counted by IP, then answered 401 (unless limited first).
    const applied = limitersFor(request, settings);
    let decisions: RateLimitDecision[];
    try {
      decisions = await Promise.all(applied.map((a) => limiter.hit(a.key, a.rule)));
    } catch (err) {
      failedOpen.inc();
      request.log.warn({ err }, 'rate limiter unavailable; request allowed');
      return throwAuthFailure(request);
    }
    const tightest = decisions.reduce((a, b) => (b.remaining < a.remaining || (!b.allowed && a.allowed) ? b : a));
    setHeaders(reply, tightest);
    const denied = decisions.map((d, i) => ({ d, a: applied[i] as Applied })).filter(({ d }) => !d.allowed);
    if (denied.length === 0) return throwAuthFailure(request);
    for (const { a } of denied) limited.inc({ limiter: a.name });
    const retryAfterS = Math.max(...denied.map(({ d }) => d.resetS));
    throw new DomainError('rate-limited', 'rate.limited', `too many requests; try again in ${retryAfterS} s`, { meta: { retryAfterS } });
  });
}

function limitersFor(request: FastifyRequest, settings: RateLimitSettings): Applied[] {
  const config = request.routeOptions.config;
  const actor = request.actor;
  const userKey = actor.kind === 'user' ? actor.userId : null;
  const applied: Applied[] = [];
  if (config.bytes) applied.push({ name: 'bytes', key: `bytes:ip:${request.ip}`, rule: settings.bytes });
  else if (userKey) applied.push({ name: 'auth', key: `global:user:${userKey}`, rule: settings.auth });
  else applied.push({ name: 'anon', key: `global:ip:${request.ip}`, rule: settings.anon });
  const route = config.rateLimit;
  if (route) {
    const perUser = route === 'upload' || route === 'report' || route === 'comment';
    applied.push({ name: route, key: `${route}:${perUser ? `user:${userKey ?? request.ip}` : `ip:${request.ip}`}`, rule: settings[route] });
  }
  return applied;
}

function setHeaders(reply: FastifyReply, decision: RateLimitDecision): void {
  reply.header('RateLimit-Limit', String(decision.limit));
  reply.header('RateLimit-Remaining', String(decision.remaining));
  reply.header('RateLimit-Reset', String(decision.resetS));
}
