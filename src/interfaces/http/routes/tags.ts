/** Tags in use and tag completion (contract §9); a tag's images are a public feed (`routes/explore.ts`). */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { listTags } from '../../../application/gallery/list-tags.js';
import { searchTags } from '../../../application/gallery/search-tags.js';
import type { TagUsage } from '../../../domain/gallery/tag-repository.js';
import { refusePageWithCursor } from '../pagination.js';
import { problemResponse } from '../schemas/common.js';
import { TagSchema, TagSearchQuery, TagsQuery } from '../schemas/explore.js';

const tagView = (tag: TagUsage) => ({ name: tag.name, slug: tag.slug, usage_count: tag.usageCount });

export const tagRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  const config = { access: 'opt' as const, fieldLocation: 'query' as const };

  app.get<{ Querystring: Static<typeof TagsQuery> }>(
    '/api/v1/tags',
    { config, schema: { tags: ['tags'], summary: 'Tags in use, most used first', querystring: TagsQuery, response: { 400: problemResponse('Bad parameters') } } },
    async (request) => {
      refusePageWithCursor(request.query);
      const page = await listTags(ports, request.query);
      return { items: page.items.map(tagView), pagination: page.pagination };
    },
  );

  app.get<{ Querystring: Static<typeof TagSearchQuery> }>(
    '/api/v1/tags/search',
    {
      config,
      schema: {
        tags: ['tags'],
        summary: 'Tags whose slug starts with q',
        querystring: TagSearchQuery,
        response: { 200: Type.Object({ items: Type.Array(TagSchema) }), 400: problemResponse('Bad parameters') },
      },
    },
    async (request) => ({ items: (await searchTags(ports, { q: request.query.q, limit: request.query.limit ?? 10 })).map(tagView) }),
  );
};
