/** The public feeds (contract §11): recent, popular and full-text search, and a tag's images (§9). */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { listExploreFeed, type ExploreFeed, type ExploreParams, type PopularPeriod } from '../../../application/gallery/list-explore-feed.js';
import { listImages, type ImageListParams } from '../../../application/gallery/list-images.js';
import { refusePageWithCursor } from '../pagination.js';
import { problemResponse } from '../schemas/common.js';
import { PopularQuery, RecentQuery, SearchQuery, TagImagesQuery, TagParams } from '../schemas/explore.js';
import { imagePageView } from '../views/image-page-view.js';

type FeedQuery = Static<typeof RecentQuery>;

function exploreParams(q: FeedQuery): ExploreParams {
  refusePageWithCursor(q);
  return { ...q, ...(q.tag ? { tags: q.tag } : {}), ...(q.content_rating ? { contentRating: q.content_rating as ExploreParams['contentRating'] } : {}) };
}

export const exploreRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  const config = { access: 'opt' as const, fieldLocation: 'query' as const };
  const responses = { 400: problemResponse('Bad parameters') };
  const feed = (f: ExploreFeed) => async (request: { actor: Parameters<typeof imagePageView>[1]; query: FeedQuery }) =>
    imagePageView(ports, request.actor, await listExploreFeed(ports, request.actor, f, exploreParams(request.query)));

  app.get<{ Querystring: Static<typeof RecentQuery> }>(
    '/api/v1/explore/recent',
    { config, schema: { tags: ['explore'], summary: 'Newest public images', querystring: RecentQuery, response: responses } },
    async (request) => feed({ kind: 'recent' })(request),
  );
  app.get<{ Querystring: Static<typeof PopularQuery> }>(
    '/api/v1/explore/popular',
    { config, schema: { tags: ['explore'], summary: 'Most liked public images of a period', querystring: PopularQuery, response: responses } },
    async (request) => feed({ kind: 'popular', period: (request.query.period ?? 'week') as PopularPeriod })(request),
  );
  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/api/v1/explore/search',
    { config, schema: { tags: ['explore'], summary: 'Full-text search over public images', querystring: SearchQuery, response: responses } },
    async (request) => feed({ kind: 'search', q: request.query.q })(request),
  );

  app.get<{ Params: Static<typeof TagParams>; Querystring: Static<typeof TagImagesQuery> }>(
    '/api/v1/tags/:slug/images',
    { config, schema: { tags: ['tags'], summary: 'Public images carrying a tag', params: TagParams, querystring: TagImagesQuery, response: responses } },
    async (request) => {
      const q = request.query;
      refusePageWithCursor(q);
      const params: ImageListParams = {
        ...(q as ImageListParams),
        tagSlug: request.params.slug,
        contentRating: (q.content_rating ?? 'safe') as ImageListParams['contentRating'],
      };
      return imagePageView(ports, request.actor, await listImages(ports, request.actor, params));
    },
  );
};
