import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { imageRestored } from '../../domain/moderation/moderation-events.js';
import { ConflictError } from '../../domain/shared/errors.js';
import { getImage } from '../gallery/get-image.js';
import { showImage } from '../gallery/show-image.js';
import { recordAudit } from '../identity/record-audit.js';
import { requireStaff } from './require-staff.js';

/** POST /moderation/images/{id}/restore (contract §12.2): `flagged` → `active`; any other status is 409. */
export async function restoreImage(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: Actor, id: string, ctx: RequestContext): Promise<ImageWithOwner> {
  const staff = requireStaff(actor);
  return deps.uow.run(async (tx) => {
    const { image } = await getImage(tx, staff, id);
    const now = deps.clock.now();
    // Guarded in SQL as well: a concurrent restore or delete leaves this one with nothing to change.
    if (image.status !== 'flagged' || !(await tx.images.markRestored(image.id, now))) throw new ConflictError('image.not_flagged', 'only flagged images can be restored');
    await tx.outbox.add(imageRestored({ id: deps.ids.next(), at: now, actorId: staff.userId, requestId: ctx.requestId }, image, null, staff.userId));
    await recordAudit(deps, tx.auditLog, ctx, { action: 'image.restored', actorId: staff.userId, targetType: 'image', targetId: image.id, details: { report_id: null } });
    return showImage(tx, staff, image.id);
  });
}
