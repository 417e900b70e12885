import { describe, expect, it } from 'vitest';
import { checkReadiness } from '../../../src/application/system/check-readiness.js';
import type { HealthCheck } from '../../../src/domain/shared/health-check.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const up = async () => undefined;
const down = async () => {
  throw new Error('down');
};

function checks(overrides: Partial<Record<HealthCheck['name'], Partial<HealthCheck>>> = {}): HealthCheck[] {
  const names: HealthCheck['name'][] = ['database', 'redis', 'storage', 'scanner', 'queue'];
  return names.map((name) => ({ name, critical: name !== 'queue', enabled: true, check: up, ...overrides[name] }));
}

describe('checkReadiness', () => {
  it('is ok when every enabled check answers, and reports disabled ones without probing them', async () => {
    const result = await checkReadiness({
      logger: quiet,
      healthChecks: checks({ redis: { enabled: false, check: down } }),
    });
    expect(result.status).toBe('ok');
    expect(result.checks.redis).toEqual({ status: 'disabled', latencyMs: null });
    expect(result.checks.database.status).toBe('up');
    expect(typeof result.checks.database.latencyMs).toBe('number');
  });

  it('is down when a critical check fails', async () => {
    const result = await checkReadiness({ logger: quiet, healthChecks: checks({ database: { check: down } }) });
    expect(result.status).toBe('down');
    expect(result.checks.database.status).toBe('down');
  });

  it('is only degraded when a non-critical check fails', async () => {
    const result = await checkReadiness({ logger: quiet, healthChecks: checks({ queue: { check: down }, scanner: { critical: false, check: down } }) });
    expect(result.status).toBe('degraded');
  });

  it('gives up on a hanging check after 2 s and runs the checks concurrently', async () => {
    const hang = () => new Promise<void>(() => undefined);
    const started = Date.now();
    const result = await checkReadiness({ logger: quiet, healthChecks: checks({ storage: { check: hang }, queue: { check: hang } }) });
    const elapsed = Date.now() - started;
    expect(result.checks.storage.status).toBe('down');
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(3500);
  });
});
