/**
 * Every port a use case may ask for. Use cases take `Pick<Ports, …>` of what they need; `container.ts`
 * builds the record from adapters.
 */
import type { Cache } from '../domain/shared/cache.js';
import type { Clock } from '../domain/shared/clock.js';
import type { HealthCheck } from '../domain/shared/health-check.js';
import type { IdGenerator } from '../domain/shared/id-generator.js';
import type { Logger } from '../domain/shared/logger.js';
import type { Outbox } from '../domain/shared/outbox.js';
import type { UnitOfWork } from '../domain/shared/unit-of-work.js';

/** Ports bound to one transaction, handed to `uow.run` callbacks. */
export interface TxPorts {
  readonly outbox: Outbox;
}

export interface Ports {
  readonly uow: UnitOfWork<TxPorts>;
  readonly cache: Cache;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly healthChecks: readonly HealthCheck[];
}
