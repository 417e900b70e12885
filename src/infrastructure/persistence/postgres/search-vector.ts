/**
 * Full-text search over images (contract §11): title weighted A, tag names B, description C. The `english`
 * configuration stems ("sunsets" finds "sunset") and drops stop words, so a query of stop words alone has no
 * searchable terms and matches nothing; words of other languages are still indexed as they are written.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema.js';

const CONFIG = sql.raw(`'english'::regconfig`);

/** `q` parsed in web-search syntax: `"quoted phrase"`, `-excluded`, `or`. */
export function searchQuery(text: string): RawBuilder<string> {
  return sql<string>`websearch_to_tsquery(${CONFIG}, ${text})`;
}

/** Rewrites the image's vector from its current title, description and tags; run after any of them changed. */
export async function refreshSearchVector(db: Kysely<DB>, imageId: string): Promise<void> {
  await sql`
    UPDATE images SET search_vector =
        setweight(to_tsvector(${CONFIG}, title), 'A')
     || setweight(to_tsvector(${CONFIG}, coalesce((SELECT string_agg(t.name, ' ') FROM image_tags it JOIN tags t ON t.id = it.tag_id
                                                   WHERE it.image_id = images.id), '')), 'B')
     || setweight(to_tsvector(${CONFIG}, description), 'C')
    WHERE id = ${imageId}::uuid`.execute(db);
}
