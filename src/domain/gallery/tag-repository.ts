import type { PageRequest } from '../shared/page.js';

/** A tag as listed (contract §9): `usageCount` public, active images of active owners carry it. */
export interface TagUsage {
  readonly name: string;
  readonly slug: string;
  readonly usageCount: number;
}

/** Read side of tags; tags are written with their images (`ImageRepository`). Counts are kept by the database. */
export interface TagRepository {
  /**
   * Tags in use, `usageCount` descending then `slug` ascending. Page mode returns `total`; cursor mode fetches
   * `perPage + 1` rows after the key `[usageCount, slug]` and `total` is null.
   */
  listUsed(page: PageRequest): Promise<{ rows: TagUsage[]; total: number | null }>;
  /** Up to `limit` tags in use whose slug starts with `prefix`, `usageCount` descending then `slug`. */
  searchPrefix(prefix: string, limit: number): Promise<TagUsage[]>;
}
