import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageListQuery, ImageSort, ImageWithOwner } from '../../domain/gallery/image-repository.js';
import type { ContentRating, Visibility } from '../../domain/gallery/image.js';
import { tagSlugs } from '../../domain/gallery/tag-filter.js';
import { isStaff } from '../../domain/identity/role.js';
import { isVisibleTo } from '../../domain/identity/user.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import { markLikedByMe } from '../social/mark-liked-by-me.js';

export interface ImageListParams {
  readonly ownerId?: string;
  readonly visibility?: Visibility;
  readonly contentRating?: ContentRating | 'all';
  readonly tags?: readonly string[];
  /** `/tags/{slug}/images`: a slug matched as it is, not normalised from a name. */
  readonly tagSlug?: string;
  readonly q?: string;
  readonly sort?: ImageSort;
  readonly order?: 'asc' | 'desc';
  readonly page?: number;
  readonly per_page?: number;
  readonly cursor?: string;
}

/**
 * `GET /images` and `GET /users/{id}/images` (contract §6, §7.6). Without an owner it is the public feed;
 * with one, strangers see that owner's public active images and the owner and staff see all but deleted.
 * Filters only narrow: asking for what one may not see yields an empty list, never an error.
 */
export async function listImages(deps: Pick<Ports, 'images' | 'users' | 'likes'>, actor: Actor, params: ImageListParams): Promise<Page<ImageWithOwner>> {
  const viewer = actor.kind === 'user' ? actor : null;
  let scope: ImageListQuery['scope'] = { kind: 'public' };
  if (params.ownerId !== undefined) {
    const owner = await deps.users.findById(params.ownerId);
    if (!owner || !isVisibleTo(owner, viewer)) throw new NotFoundError('user.not_found', 'user');
    scope = { kind: 'owner', ownerId: owner.id, all: viewer !== null && (viewer.userId === owner.id || isStaff(viewer.role)) };
  }
  const contentRating = params.contentRating ?? (scope.kind === 'public' ? 'safe' : 'all');
  const query: ImageListQuery = {
    scope,
    ...(params.visibility ? { visibility: params.visibility } : {}),
    ...(contentRating === 'all' ? {} : { contentRating }),
    ...(params.tags?.length || params.tagSlug !== undefined ? { tags: [...(params.tagSlug === undefined ? [] : [params.tagSlug]), ...tagSlugs(params.tags ?? [])] } : {}),
    ...(params.q ? { text: params.q } : {}),
    sort: params.sort ?? 'created_at',
    order: params.order ?? 'desc',
  };
  const fingerprint = JSON.stringify(['images', query]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.images.list(query, page);
  const result = toPage(page, rows, total, (row) => [...row.key], fingerprint);
  return { ...result, items: await markLikedByMe(deps, actor, result.items) };
}
