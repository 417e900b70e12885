import type { Ports } from '../ports.js';
import type { HealthCheck } from '../../domain/shared/health-check.js';

export type CheckStatus = 'up' | 'down' | 'disabled';
export interface CheckResult {
  readonly status: CheckStatus;
  readonly latencyMs: number | null;
}
export interface Readiness {
  readonly status: 'ok' | 'degraded' | 'down';
  readonly checks: Readonly<Record<HealthCheck['name'], CheckResult>>;
}

const CHECK_TIMEOUT_MS = 2000;

/** Runs every probe concurrently, each bounded by 2 s; a critical probe down makes the service `down`. */
export async function checkReadiness(deps: Pick<Ports, 'healthChecks' | 'logger'>): Promise<Readiness> {
  const results = await Promise.all(deps.healthChecks.map((check) => runCheck(check, deps.logger)));
  const checks = Object.fromEntries(deps.healthChecks.map((check, i) => [check.name, results[i]])) as Record<
    HealthCheck['name'],
    CheckResult
  >;
  const down = deps.healthChecks.filter((_, i) => results[i]?.status === 'down');
  const status = down.some((c) => c.critical) ? 'down' : down.length > 0 ? 'degraded' : 'ok';
  return { status, checks };
}

async function runCheck(check: HealthCheck, logger: Ports['logger']): Promise<CheckResult> {
  if (!check.enabled) return { status: 'disabled', latencyMs: null };
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (err) {
    logger.warn({ check: check.name, err }, 'readiness check failed');
    return { status: 'down', latencyMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
