import type { Ports } from '../ports.js';
import type { TagUsage } from '../../domain/gallery/tag-repository.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';

/** `GET /tags` (contract §9): tags carried by public images, most used first; the same for every caller. */
export async function listTags(deps: Pick<Ports, 'tags'>, params: { page?: number; per_page?: number; cursor?: string }): Promise<Page<TagUsage>> {
  const fingerprint = 'tags';
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.tags.listUsed(page);
  return toPage(page, rows, total, (tag) => [tag.usageCount, tag.slug], fingerprint);
}
