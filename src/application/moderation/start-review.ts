import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { reportReviewStarted } from '../../domain/moderation/moderation-events.js';
import { nextStatus } from '../../domain/moderation/report.js';
import type { ReportDetails } from '../../domain/moderation/report-repository.js';
import { ConflictError } from '../../domain/shared/errors.js';
import { getReport } from './get-report.js';
import { requireStaff } from './require-staff.js';

/** POST /moderation/reports/{id}/review (contract §12.2): the caller becomes the reviewer, also as a handover. */
export async function startReview(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: Actor, id: string, ctx: RequestContext): Promise<ReportDetails> {
  const staffId = requireStaff(actor).userId;
  return deps.uow.run(async (tx) => {
    const { report } = await getReport(tx, actor, id);
    nextStatus(report.status, 'review');
    const now = deps.clock.now();
    // Guarded by the status read above: a resolution committed in between must not be reopened.
    if (!(await tx.reports.startReview(report.id, report.status, staffId, now))) throw new ConflictError('report.changed', 'the report was changed meanwhile');
    await tx.outbox.add(reportReviewStarted({ id: deps.ids.next(), at: now, actorId: staffId, requestId: ctx.requestId }, report.id, staffId));
    return getReport(tx, actor, id);
  });
}
