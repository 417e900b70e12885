/** Counters the application reports (contract §15); the adapter exposes them with the `tessera_` prefix. */
export type CounterName =
  | 'auth_failures_total'
  | 'password_hashes_total'
  | 'uploads_total'
  | 'uploads_unscanned_total'
  | 'malware_detections_total';

export interface Metrics {
  increment(name: CounterName, labels?: Readonly<Record<string, string>>): void;
}
