import type { Ports, TxPorts } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { reportClosed } from '../../domain/moderation/moderation-events.js';
import type { Report, Resolution } from '../../domain/moderation/report.js';
import { recordAudit } from '../identity/record-audit.js';

/** What every step of one resolution shares: its transaction, the staff member acting, and the request. */
export interface ResolutionScope {
  readonly tx: TxPorts;
  readonly deps: Pick<Ports, 'ids' | 'clock'>;
  readonly staff: UserActor;
  readonly ctx: RequestContext;
}

/** The outbox event and audit entry of one closed report (contract §12.2 "every resolution is audited", §16). */
export async function recordResolution({ tx, deps, staff, ctx }: ResolutionScope, report: Pick<Report, 'id' | 'imageId'>, resolution: Resolution): Promise<void> {
  const event = reportClosed({ id: deps.ids.next(), at: resolution.resolvedAt, actorId: staff.userId, requestId: ctx.requestId }, report, resolution.action, staff.userId);
  await tx.outbox.add(event);
  await recordAudit(deps, tx.auditLog, ctx, {
    action: event.type,
    actorId: staff.userId,
    targetType: 'report',
    targetId: report.id,
    details: { action: resolution.action, notes: resolution.notes },
  });
}
