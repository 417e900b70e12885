import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { imageUpdated, imageVisibilityChanged } from '../../domain/gallery/image-events.js';
import { validateUploadFields } from '../../domain/gallery/upload-policy.js';
import { ForbiddenError, ValidationError } from '../../domain/shared/errors.js';
import { getImage } from './get-image.js';
import { showImage } from './show-image.js';

export interface ImagePatch {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: string;
  readonly content_rating?: string;
  readonly tags?: readonly string[];
}

/**
 * PATCH /images/{id} (contract §7.6): owner or admin; readers without that right get 403, others 404.
 * `tags` replaces the whole set. Status is untouched. Emits `image.updated` (+ `image.visibility_changed`).
 */
export async function updateImage(deps: Pick<Ports, 'uow' | 'images' | 'likes' | 'clock' | 'ids'>, actor: UserActor, id: string, patch: ImagePatch, ctx: RequestContext): Promise<ImageWithOwner> {
  const found = await getImage(deps, actor, id);
  const { image } = found;
  if (image.ownerId !== actor.userId && actor.role !== 'admin') throw new ForbiddenError('image.not_owner', 'only the owner may edit this image');
  const valid = validatePatch(patch);
  const changed: string[] = [];
  const changes = {
    ...(valid.title !== undefined && valid.title !== image.title ? (changed.push('title'), { title: valid.title }) : {}),
    ...(valid.description !== undefined && valid.description !== image.description ? (changed.push('description'), { description: valid.description }) : {}),
    ...(valid.visibility !== undefined && valid.visibility !== image.visibility ? (changed.push('visibility'), { visibility: valid.visibility }) : {}),
    ...(valid.contentRating !== undefined && valid.contentRating !== image.contentRating ? (changed.push('content_rating'), { contentRating: valid.contentRating }) : {}),
  };
  const newSlugs = valid.tags?.map((t) => t.slug) ?? [...image.tags];
  const tagsAdded = newSlugs.filter((s) => !image.tags.includes(s));
  const tagsRemoved = image.tags.filter((s) => !newSlugs.includes(s));
  if (tagsAdded.length > 0 || tagsRemoved.length > 0) changed.push('tags');
  if (changed.length === 0) return showImage(deps, actor, id);

  const now = deps.clock.now();
  const meta = () => ({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId });
  await deps.uow.run(async (tx) => {
    await tx.images.update(image.id, { ...changes, ...(changed.includes('tags') && valid.tags ? { tags: valid.tags } : {}) }, now);
    await tx.outbox.add(imageUpdated(meta(), image, changed, tagsAdded, tagsRemoved));
    if (changes.visibility) await tx.outbox.add(imageVisibilityChanged(meta(), image, image.visibility, changes.visibility));
  });
  return showImage(deps, actor, id);
}

/** The same field rules as the upload's, reporting every failing field at once. */
function validatePatch(patch: ImagePatch) {
  try {
    const valid = validateUploadFields(
      { title: patch.title, description: patch.description, visibility: patch.visibility, content_rating: patch.content_rating, tags: patch.tags ?? [] },
      { present: true, size: 1 },
    );
    return {
      title: patch.title === undefined ? undefined : valid.title,
      description: patch.description === undefined ? undefined : valid.description,
      visibility: patch.visibility === undefined ? undefined : valid.visibility,
      contentRating: patch.content_rating === undefined ? undefined : valid.contentRating,
      tags: patch.tags === undefined ? undefined : valid.tags,
    };
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError('image.invalid_patch', (err.fields ?? []));
    throw err;
  }
}
