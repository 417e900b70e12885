/** Lockout policy of contract §5.5: `threshold` failures within `windowS` lock the email for `lockS`. */
export interface LockoutPolicy {
  readonly threshold: number;
  readonly windowS: number;
  readonly lockS: number;
}

/**
 * Failed password checks per normalised email, kept for unknown emails too so that lockout reveals nothing
 * about which accounts exist. Shared by all processes (Redis) or in process (embedded). Throws
 * UnavailableError when the store is down.
 */
export interface LoginAttempts {
  /** Seconds left on the lock of `emailKey`, or 0 when it is not locked. */
  lockedFor(emailKey: string): Promise<number>;
  /** Counts one failure; when it reaches the threshold the email is locked from now. Returns the seconds locked (0 if not). */
  recordFailure(emailKey: string, policy: LockoutPolicy): Promise<number>;
  /** Clears failures and any lock (a successful login). Clearing an unknown key succeeds. */
  reset(emailKey: string): Promise<void>;
}
