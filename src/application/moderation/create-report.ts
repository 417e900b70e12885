import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { FieldError } from '../../domain/shared/errors.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { canRead } from '../../domain/gallery/visibility.js';
import { reportCreated } from '../../domain/moderation/moderation-events.js';
import { reportInput, type Report } from '../../domain/moderation/report.js';
import { viewerOf } from '../gallery/get-image.js';

export interface CreateReportInput {
  readonly imageId: string;
  readonly reason: unknown;
  readonly description?: unknown;
}

/** POST /reports (contract §12.1). A second open report of the same image by the same user is 409 (unique index). */
export async function createReport(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: UserActor, input: CreateReportInput, ctx: RequestContext): Promise<Report> {
  return deps.uow.run(async (tx) => {
    const found = await tx.images.findById(input.imageId);
    const problems: FieldError[] = [];
    // A referenced id answers 400 on its field, and missing and unreadable alike (contract §1 "Referenced ids").
    if (!found || !canRead(viewerOf(actor), { image: found.image, ownerStatus: found.owner.status })) {
      problems.push({ field: 'image_id', message: 'must be an image you can see' });
    } else if (found.image.ownerId === actor.userId) {
      problems.push({ field: 'image_id', message: 'must not be your own image' });
    }
    const { reason, description } = reportInput(input, problems);
    const now = deps.clock.now();
    const report = await tx.reports.create({ id: deps.ids.next(), reporterId: actor.userId, imageId: input.imageId, reason, description, createdAt: now });
    await tx.outbox.add(reportCreated({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, report));
    return report;
  });
}
