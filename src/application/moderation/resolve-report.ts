import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { userWarned } from '../../domain/moderation/moderation-events.js';
import { nextStatus, resolveInput, type Resolution, type ResolveInput } from '../../domain/moderation/report.js';
import type { ReportDetails } from '../../domain/moderation/report-repository.js';
import { ConflictError, NotFoundError } from '../../domain/shared/errors.js';
import { recordAudit } from '../identity/record-audit.js';
import { applyBan, revokeBannedSessions } from './apply-ban.js';
import { flagReportedImage } from './flag-reported-image.js';
import { getReport } from './get-report.js';
import { recordResolution, type ResolutionScope } from './record-resolution.js';
import { requireStaff } from './require-staff.js';

export interface ResolveReportBody {
  readonly action: unknown;
  readonly notes?: unknown;
  readonly ban_reason?: unknown;
  readonly ban_duration_hours?: unknown;
}

/**
 * POST /moderation/reports/{id}/resolve (contract §12.2): the report, the image, the owner's warning or ban,
 * their events and audit entries change in one transaction; a ban's sessions are revoked after it commits.
 */
export async function resolveReport(
  deps: Pick<Ports, 'uow' | 'clock' | 'ids' | 'sessions' | 'sessionStore'>,
  actor: Actor,
  id: string,
  body: ResolveReportBody,
  ctx: RequestContext,
): Promise<ReportDetails> {
  const staff = requireStaff(actor);
  const input = resolveInput(body);
  const { details, bannedUserId } = await deps.uow.run(async (tx) => {
    const scope: ResolutionScope = { tx, deps, staff, ctx };
    const { report, image } = await getReport(tx, staff, id);
    const to = nextStatus(report.status, input.action);
    const now = deps.clock.now();
    // The ban comes first: a refusal (403) must leave nothing else changed, and its id goes into the resolution.
    const banId = input.action === 'ban' ? await banOwner(scope, image.ownerId, report.id, input) : null;
    const resolution: Resolution = { action: input.action, notes: input.notes, resolvedBy: staff.userId, resolvedAt: now, banId };
    // Guarded by the status read above, so two concurrent resolutions cannot both close the report.
    if (!(await tx.reports.close(report.id, report.status, to, resolution))) throw new ConflictError('report.changed', 'the report was changed meanwhile');
    await recordResolution(scope, report, resolution);
    if (input.action === 'warn') {
      await tx.outbox.add(userWarned({ id: deps.ids.next(), at: now, actorId: staff.userId, requestId: ctx.requestId }, image.ownerId, report.id, staff.userId));
      await recordAudit(deps, tx.auditLog, ctx, { action: 'user.warned', actorId: staff.userId, targetType: 'user', targetId: image.ownerId, details: { report_id: report.id, notes: input.notes } });
    }
    if (input.action === 'remove' || input.action === 'ban') await flagReportedImage(scope, image, report.id, resolution);
    return { details: await getReport(tx, staff, id), bannedUserId: banId ? image.ownerId : null };
  });
  if (bannedUserId) await revokeBannedSessions(deps, bannedUserId);
  return details;
}

/** An existing active ban is kept and named in the resolution; no second one is made (contract §12.2). */
async function banOwner({ tx, deps, staff, ctx }: ResolutionScope, ownerId: string, reportId: string, input: ResolveInput): Promise<string> {
  try {
    const ban = await applyBan(tx, deps, staff, { userId: ownerId, reason: input.banReason ?? '', durationHours: input.banDurationHours, reportId }, ctx, { keepExisting: true });
    return ban.id;
  } catch (err) {
    // The report exists; only its image's owner is gone. A 404 would read as "no such report".
    if (err instanceof NotFoundError) throw new ConflictError('report.owner_deleted', 'the image owner deleted their account; resolve with remove or dismiss');
    throw err;
  }
}
