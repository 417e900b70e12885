/** Workers record that they are alive; readiness reports the queue degraded when none has beaten lately. */
export interface WorkerHeartbeat {
  beat(at: Date): Promise<void>;
  /** The most recent beat of any worker, or `null` when none was ever recorded (or it expired). */
  last(): Promise<Date | null>;
}
