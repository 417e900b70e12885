import type { DomainEvent } from '../shared/domain-event.js';
import type { EventMeta } from '../identity/identity-events.js';
import type { Image } from './image.js';
import type { Variant, VariantName } from './variant.js';

function imageEvent(meta: EventMeta, type: string, image: Pick<Image, 'id' | 'ownerId'>, payload: Record<string, unknown>): DomainEvent {
  return {
    id: meta.id,
    type,
    version: 1,
    occurredAt: meta.at,
    aggregateType: 'image',
    aggregateId: image.id,
    actorId: meta.actorId,
    requestId: meta.requestId,
    payload: { image_id: image.id, owner_id: image.ownerId, ...payload },
  };
}

export const imageUploaded = (meta: EventMeta, image: Image, albumId: string | null) =>
  imageEvent(meta, 'image.uploaded', image, {
    visibility: image.visibility,
    content_rating: image.contentRating,
    mime_type: `image/${image.format}`,
    file_size: image.fileSize,
    width: image.width,
    height: image.height,
    sha256: image.sha256,
    album_id: albumId,
    tags: [...image.tags],
  });

export const imageProcessed = (meta: EventMeta, image: Pick<Image, 'id' | 'ownerId'>, variants: Readonly<Record<VariantName, Variant>>, durationMs: number) =>
  imageEvent(meta, 'image.processed', image, {
    variants: Object.fromEntries(Object.entries(variants).map(([n, v]) => [n, { width: v.width, height: v.height, format: v.format, file_size: v.fileSize }])),
    duration_ms: durationMs,
  });

export const imageProcessingFailed = (meta: EventMeta, image: Pick<Image, 'id' | 'ownerId'>, reason: string, attempts: number) =>
  imageEvent(meta, 'image.processing_failed', image, { reason, attempts });

export const imageDeleted = (meta: EventMeta, image: Pick<Image, 'id' | 'ownerId'>, deletedBy: string | null, reason: 'owner' | 'staff' | 'account_deleted' | 'processing_failed' | 'failed_expired') =>
  imageEvent(meta, 'image.deleted', image, { deleted_by: deletedBy, reason });

export const imageUpdated = (meta: EventMeta, image: Pick<Image, 'id' | 'ownerId'>, changed: readonly string[], tagsAdded: readonly string[], tagsRemoved: readonly string[]) =>
  imageEvent(meta, 'image.updated', image, { changed: [...changed], tags_added: [...tagsAdded], tags_removed: [...tagsRemoved] });

export const imageVisibilityChanged = (meta: EventMeta, image: Pick<Image, 'id' | 'ownerId'>, oldVisibility: string, newVisibility: string) =>
  imageEvent(meta, 'image.visibility_changed', image, { old_visibility: oldVisibility, new_visibility: newVisibility });
