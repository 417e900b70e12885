import { sql, type Kysely } from 'kysely';
import type { TagRepository, TagUsage } from '../../../domain/gallery/tag-repository.js';
import { BadRequestError } from '../../../domain/shared/errors.js';
import { translateDbError } from './pg-errors.js';
import type { DB } from './schema.js';

export function postgresTagRepository(db: Kysely<DB>): TagRepository {
  const used = () => db.selectFrom('tags').select(['name', 'slug', 'usage_count']).where('usage_count', '>', 0);
  return {
    async listUsed(page) {
      try {
        let rows = used().orderBy('usage_count', 'desc').orderBy('slug', 'asc');
        if (page.mode === 'cursor' && page.after) {
          const [count, slug] = page.after;
          if (!Number.isInteger(count) || typeof slug !== 'string') throw new BadRequestError('page.bad_cursor', 'the cursor is not valid');
          // usage_count runs descending and slug ascending, so no single row comparison expresses "after".
          rows = rows.where((eb) => eb.or([eb('usage_count', '<', count as number), eb.and([eb('usage_count', '=', count as number), eb('slug', '>', slug)])]));
        }
        rows = page.mode === 'page' ? rows.limit(page.perPage).offset((page.page - 1) * page.perPage) : rows.limit(page.perPage + 1);
        const [found, total] = await Promise.all([
          rows.execute(),
          page.mode === 'page'
            ? db.selectFrom('tags').select(sql<number>`count(*)::int`.as('n')).where('usage_count', '>', 0).executeTakeFirstOrThrow().then((r) => r.n)
            : Promise.resolve(null),
        ]);
        return { rows: found.map(toTag), total };
      } catch (err) {
        if (err instanceof BadRequestError) throw err;
        throw translateDbError('list tags', err);
      }
    },
    async searchPrefix(prefix, limit) {
      try {
        // LIKE with its wildcards escaped; `_` is a legal slug character.
        const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const rows = await used().where('slug', 'like', pattern).orderBy('usage_count', 'desc').orderBy('slug', 'asc').limit(limit).execute();
        return rows.map(toTag);
      } catch (err) {
        throw translateDbError('search tags', err);
      }
    },
  };
}

function toTag(row: { name: string; slug: string; usage_count: number }): TagUsage {
  return { name: row.name, slug: row.slug, usageCount: row.usage_count };
}
