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
  });
}
