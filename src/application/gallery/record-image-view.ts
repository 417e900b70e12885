import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';
import type { RequestContext } from '../../domain/shared/request-context.js';

/**
 * Contract §7.8: a GET of an active image by anyone but its owner counts; the viewer is the user, or for
 * anonymous callers SHA-256 of IP + "\\n" + User-Agent. Best effort: counting never fails the read.
 */
export async function recordImageView(deps: Pick<Ports, 'viewCounter' | 'secretTokens' | 'logger'>, actor: Actor, found: ImageWithOwner, ctx: RequestContext): Promise<void> {
  if (found.image.status !== 'active') return;
  if (actor.kind === 'user' && actor.userId === found.image.ownerId) return;
  const viewerKey = actor.kind === 'user' ? `u:${actor.userId}` : `a:${deps.secretTokens.hash(`${ctx.ip}\n${ctx.userAgent}`)}`;
  try {
    await deps.viewCounter.record(found.image.id, viewerKey);
  } catch (err) {
    deps.logger.warn({ err, image_id: found.image.id }, 'could not count a view');
  }
}
