/** Page mechanics shared by the social lists, whose keys are `[timestamp, uuid]` (contract §4). */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PageRequest } from '../../../domain/shared/page.js';

/** "After `[at, id]`" in the list's direction; the id column breaks ties between equal timestamps. */
export function afterTimeAndId(timeColumn: string, idColumn: string, order: 'asc' | 'desc', key: readonly (string | number)[]): RawBuilder<SqlBool> {
  const [at, id] = key;
  const op = sql.raw(order === 'desc' ? '<' : '>');
  return sql<SqlBool>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) ${op} (${String(at)}::timestamptz, ${String(id)}::uuid)`;
}

/** OFFSET in page mode; one extra row in cursor mode, which tells `toPage` whether a next page exists. */
export function limitToPage<Q extends { limit(n: number): Q; offset(n: number): Q }>(query: Q, page: PageRequest): Q {
  return page.mode === 'page' ? query.limit(page.perPage).offset((page.page - 1) * page.perPage) : query.limit(page.perPage + 1);
}

/** One page of rows and, in page mode only, the exact total: cursor mode never pays for a count (contract §4). */
export async function rowsWithTotal<Q extends { limit(n: number): Q; offset(n: number): Q; execute(): Promise<unknown[]> }>(
  query: Q,
  page: PageRequest,
  count: () => Promise<number>,
): Promise<{ found: Awaited<ReturnType<Q['execute']>>; total: number | null }> {
  const [found, total] = await Promise.all([limitToPage(query, page).execute(), page.mode === 'page' ? count() : Promise.resolve(null)]);
  return { found: found as Awaited<ReturnType<Q['execute']>>, total };
}
