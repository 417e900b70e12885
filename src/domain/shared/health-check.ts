/** One readiness probe (contract §15). `check` resolves when the dependency answers and rejects when not. */
export interface HealthCheck {
  readonly name: 'database' | 'redis' | 'storage' | 'scanner' | 'queue';
  /** A critical check that is down makes the whole service `down` (503); others only `degraded`. */
  readonly critical: boolean;
  /** `false` when the dependency is not configured: reported as `disabled`, never probed. */
  readonly enabled: boolean;
  check(): Promise<void>;
}
