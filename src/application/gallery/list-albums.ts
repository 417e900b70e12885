import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { AlbumListing, AlbumListQuery, AlbumSort } from '../../domain/gallery/album-repository.js';
import { isStaff } from '../../domain/identity/role.js';
import { isVisibleTo } from '../../domain/identity/user.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import { viewerOf } from './get-image.js';

export interface AlbumListParams {
  readonly ownerId?: string;
  readonly sort?: AlbumSort;
  readonly order?: 'asc' | 'desc';
  readonly page?: number;
  readonly per_page?: number;
  readonly cursor?: string;
}

/**
 * GET /albums (contract §8): without an owner, every public album; with one, that owner's public albums, or
 * all of them for the owner and staff. Counts and covers are the caller's.
 */
export async function listAlbums(deps: Pick<Ports, 'albums' | 'users'>, actor: Actor, params: AlbumListParams): Promise<Page<AlbumListing>> {
  const viewer = viewerOf(actor);
  let scope: AlbumListQuery['scope'] = { kind: 'public' };
  if (params.ownerId !== undefined) {
    const owner = await deps.users.findById(params.ownerId);
    if (!owner || !isVisibleTo(owner, viewer)) throw new NotFoundError('user.not_found', 'user');
    scope = { kind: 'owner', ownerId: owner.id, all: viewer !== null && (viewer.userId === owner.id || isStaff(viewer.role)) };
  }
  const query: AlbumListQuery = { scope, sort: params.sort ?? 'created_at', order: params.order ?? 'desc' };
  const fingerprint = JSON.stringify(['albums', query]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.albums.list(query, viewer, page);
  const keyOf = ({ album }: AlbumListing) => [(query.sort === 'created_at' ? album.createdAt : album.updatedAt).toISOString(), album.id];
  return toPage(page, rows, total, keyOf, fingerprint);
}
