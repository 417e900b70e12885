/** Facts about the HTTP request a use case runs for, recorded in events, audit entries and sessions. */
export interface RequestContext {
  /** The client address resolved per TRUST_PROXY. */
  readonly ip: string;
  readonly userAgent: string;
  readonly requestId: string | null;
}

export const SYSTEM_CONTEXT: RequestContext = { ip: '', userAgent: '', requestId: null };
