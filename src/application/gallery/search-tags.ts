import type { Ports } from '../ports.js';
import type { TagUsage } from '../../domain/gallery/tag-repository.js';
import { toSlug } from '../../domain/gallery/tag.js';

/**
 * `GET /tags/search` (contract §9): completion for tag inputs. `q` is normalised like a slug, so "Sunset B"
 * finds `sunset-beach`; a query with no letter or digit matches nothing.
 */
export async function searchTags(deps: Pick<Ports, 'tags'>, input: { q: string; limit: number }): Promise<TagUsage[]> {
  const prefix = toSlug(input.q);
  if (prefix === '') return [];
  return deps.tags.searchPrefix(prefix, input.limit);
}
