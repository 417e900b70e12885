/** The time source; injected so that expiry rules can be tested without waiting. */
export interface Clock {
  now(): Date;
}
