import type { Ports } from '../ports.js';
import type { ImageListQuery, ImageWithOwner } from '../../domain/gallery/image-repository.js';
import type { ContentRating } from '../../domain/gallery/image.js';
import type { Actor } from '../../domain/identity/actor.js';
import { markLikedByMe } from '../social/mark-liked-by-me.js';
import { tagSlugs } from '../../domain/gallery/tag-filter.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';

export type PopularPeriod = 'day' | 'week' | 'month' | 'all';

const PERIOD_MS: Record<PopularPeriod, number | null> = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, all: null };

export type ExploreFeed = { readonly kind: 'recent' } | { readonly kind: 'popular'; readonly period: PopularPeriod } | { readonly kind: 'search'; readonly q: string };

export interface ExploreParams {
  readonly contentRating?: ContentRating | 'all';
  readonly tags?: readonly string[];
  readonly page?: number;
  readonly per_page?: number;
  readonly cursor?: string;
}

/**
 * `/explore/recent`, `/explore/popular` and `/explore/search` (contract §11): pages of the public feed only,
 * so the caller changes nothing of what is listed, only `liked_by_me`.
 */
export async function listExploreFeed(deps: Pick<Ports, 'images' | 'likes' | 'clock'>, actor: Actor, feed: ExploreFeed, params: ExploreParams): Promise<Page<ImageWithOwner>> {
  const contentRating = params.contentRating ?? 'safe';
  const base = {
    scope: { kind: 'public' },
    ...(contentRating === 'all' ? {} : { contentRating }),
    ...(params.tags && params.tags.length > 0 ? { tags: tagSlugs(params.tags) } : {}),
    order: 'desc',
  } as const;
  const query: ImageListQuery =
    feed.kind === 'recent'
      ? { ...base, sort: 'created_at' }
      : feed.kind === 'search'
        ? { ...base, sort: 'relevance', text: feed.q }
        : { ...base, sort: 'popular', ...sinceOf(feed.period, deps.clock.now()) };
  // The period is part of the fingerprint, its instant is not: a popular cursor stays valid as time passes.
  const fingerprint = JSON.stringify(['explore', feed, { ...query, createdSince: undefined }]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.images.list(query, page);
  const result = toPage(page, rows, total, (row) => [...row.key], fingerprint);
  return { ...result, items: await markLikedByMe(deps, actor, result.items) };
}

function sinceOf(period: PopularPeriod, now: Date): { createdSince?: Date } {
  const ms = PERIOD_MS[period];
  return ms === null ? {} : { createdSince: new Date(now.getTime() - ms) };
}
