/** Per-route settings read by the shared hooks (`config: { … }` on a route). */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Where a DomainError's `fields` point: `body` (default) or `query`. */
    fieldLocation?: 'body' | 'query';
    /** Handler deadline for this route instead of REQUEST_TIMEOUT_MS (uploads use UPLOAD_TIMEOUT_MS). */
    timeoutMs?: number;
    /** Contract §1 access level: `none` ignores tokens, `opt` verifies one if sent, `user` requires one. */
    access?: 'none' | 'opt' | 'user';
    /** The route's own limiter (contract §13), besides the global one. */
    rateLimit?: 'login' | 'register' | 'upload' | 'report' | 'comment';
    /** Byte routes: limited by the `bytes` limiter instead of the global one. */
    bytes?: boolean;
    /** Health, metrics and docs: never rate limited, no deadline. */
    infrastructure?: boolean;
  }
}

export {};
