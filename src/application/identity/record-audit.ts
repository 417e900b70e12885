import type { Ports } from '../ports.js';
import type { AuditLog } from '../../domain/identity/audit-entry.js';
import type { RequestContext } from '../../domain/shared/request-context.js';

export interface AuditFacts {
  readonly action: string;
  readonly actorId: string | null;
  readonly targetType: 'user' | 'session' | 'image' | 'comment' | 'report' | 'ban' | null;
  readonly targetId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Appends one audit entry with the request's facts; `log` is the transaction's audit log when there is one. */
export async function recordAudit(
  deps: Pick<Ports, 'ids' | 'clock'>,
  log: AuditLog,
  ctx: RequestContext,
  facts: AuditFacts,
): Promise<void> {
  await log.record({
    id: deps.ids.next(),
    occurredAt: deps.clock.now(),
    ipAddress: ctx.ip || null,
    requestId: ctx.requestId,
    ...facts,
    details: storable(facts.details) as AuditFacts['details'],
  });
}

/**
 * Details may quote client input (a login email). JSON columns refuse NULs and lone surrogates, so those become
 * U+FFFD: the entry is still written, and an odd input can never turn a failed login into a 500.
 */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)]));
  }
  return value;
}
