import { Counter, type Registry } from 'prom-client';
import type { CounterName, Metrics } from '../../domain/shared/metrics.js';

const COUNTERS: Readonly<Record<CounterName, { help: string; labels: readonly string[] }>> = {
  auth_failures_total: { help: 'Failed authentications, by reason', labels: ['reason'] },
  password_hashes_total: { help: 'Argon2id operations, by kind (hash, verify, dummy)', labels: ['op'] },
  uploads_total: { help: 'Upload attempts, by result', labels: ['result'] },
  uploads_unscanned_total: { help: 'Uploads accepted while the scanner was down', labels: [] },
  malware_detections_total: { help: 'Uploads refused by the malware scanner', labels: [] },
};

/** The application's counters on a prom-client registry (the one `/metrics` exposes). */
export function promMetrics(registry: Registry): Metrics {
  const counters = new Map<CounterName, Counter>();
  for (const [name, spec] of Object.entries(COUNTERS) as [CounterName, (typeof COUNTERS)[CounterName]][]) {
    counters.set(name, new Counter({ name: `tessera_${name}`, help: spec.help, labelNames: [...spec.labels], registers: [registry] }));
  }
  return {
    increment(name, labels) {
      const counter = counters.get(name);
      if (labels) counter?.inc(labels);
      else counter?.inc();
    },
  };
}
