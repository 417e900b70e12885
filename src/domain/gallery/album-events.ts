import type { DomainEvent } from '../shared/domain-event.js';
import type { EventMeta } from '../identity/identity-events.js';
import type { Album } from './album.js';

function albumEvent(meta: EventMeta, type: string, album: Pick<Album, 'id'>, payload: Record<string, unknown>): DomainEvent {
  return {
    id: meta.id,
    type,
    version: 1,
    occurredAt: meta.at,
    aggregateType: 'album',
    aggregateId: album.id,
    actorId: meta.actorId,
    requestId: meta.requestId,
    payload: { album_id: album.id, ...payload },
  };
}

export const albumCreated = (meta: EventMeta, album: Album) =>
  albumEvent(meta, 'album.created', album, { owner_id: album.ownerId, title: album.title, visibility: album.visibility });

/** `changed` names the fields (title, description, visibility, cover_image_id), goimg's finer events folded in. */
export const albumUpdated = (meta: EventMeta, album: Pick<Album, 'id' | 'ownerId'>, changed: readonly string[]) =>
  albumEvent(meta, 'album.updated', album, { owner_id: album.ownerId, changed: [...changed] });

export const albumDeleted = (meta: EventMeta, album: Pick<Album, 'id' | 'ownerId'>, deletedBy: string | null) =>
  albumEvent(meta, 'album.deleted', album, { owner_id: album.ownerId, deleted_by: deletedBy });

export const albumImagesAdded = (meta: EventMeta, album: Pick<Album, 'id'>, imageIds: readonly string[]) =>
  albumEvent(meta, 'album.images_added', album, { image_ids: [...imageIds] });

export const albumImageRemoved = (meta: EventMeta, album: Pick<Album, 'id'>, imageId: string) =>
  albumEvent(meta, 'album.image_removed', album, { image_id: imageId });

export const albumImagesReordered = (meta: EventMeta, album: Pick<Album, 'id'>) => albumEvent(meta, 'album.images_reordered', album, {});
