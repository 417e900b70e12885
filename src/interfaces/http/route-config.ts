/** Per-route settings read by the shared hooks (`config: { … }` on a route). */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Where a DomainError's `fields` point: `body` (default) or `query`. */
    fieldLocation?: 'body' | 'query';
    /** Handler deadline for this route instead of REQUEST_TIMEOUT_MS (uploads use UPLOAD_TIMEOUT_MS). */
    timeoutMs?: number;
    /** Health, metrics and docs: never rate limited, no deadline. */
    infrastructure?: boolean;
  }
}

export {};
