import type { Image } from '../../domain/gallery/image.js';
import { imageFlagged } from '../../domain/moderation/moderation-events.js';
import type { Resolution } from '../../domain/moderation/report.js';
import { recordAudit } from '../identity/record-audit.js';
import { recordResolution, type ResolutionScope } from './record-resolution.js';

/**
 * The image side of a `remove` or `ban` resolution (contract §12.2): `active` → `flagged` (any other status is
 * left alone), and every other open report of the image is resolved with the same resolution.
 */
export async function flagReportedImage(scope: ResolutionScope, image: Pick<Image, 'id' | 'ownerId'>, reportId: string, resolution: Resolution): Promise<void> {
  const { tx, deps, staff, ctx } = scope;
  if (await tx.images.markFlagged(image.id, resolution.resolvedAt)) {
    await tx.outbox.add(imageFlagged({ id: deps.ids.next(), at: resolution.resolvedAt, actorId: staff.userId, requestId: ctx.requestId }, image, reportId, staff.userId));
    await recordAudit(deps, tx.auditLog, ctx, { action: 'image.flagged', actorId: staff.userId, targetType: 'image', targetId: image.id, details: { report_id: reportId } });
  }
  for (const otherId of await tx.reports.resolveOpenOfImage(image.id, reportId, resolution)) {
    await recordResolution(scope, { id: otherId, imageId: image.id }, resolution);
  }
}
