import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { imageDeleted } from '../../domain/gallery/image-events.js';
import { isStaff } from '../../domain/identity/role.js';
import { ForbiddenError } from '../../domain/shared/errors.js';
import { recordAudit } from '../identity/record-audit.js';
import { getImage } from './get-image.js';

/**
 * DELETE /images/{id} (contract §7.6): owner or staff, any status. The row becomes `deleted` at once; the
 * `image.deleted` event makes the worker remove the files, so no file outlives its row for long.
 */
export async function deleteImage(deps: Pick<Ports, 'uow' | 'images' | 'clock' | 'ids'>, actor: UserActor, id: string, ctx: RequestContext): Promise<void> {
  const { image } = await getImage(deps, actor, id);
  const own = image.ownerId === actor.userId;
  if (!own && !isStaff(actor.role)) throw new ForbiddenError('image.not_owner', 'only the owner or staff may delete this image');
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    if (!(await tx.images.markDeleted(image.id, now))) return;
    await tx.outbox.add(imageDeleted({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, image, actor.userId, own ? 'owner' : 'staff'));
    if (!own) {
      await recordAudit(deps, tx.auditLog, ctx, { action: 'image.deleted_by_staff', actorId: actor.userId, targetType: 'image', targetId: image.id, details: { report_id: null } });
    }
  });
}
