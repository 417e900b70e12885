/** Page mechanics shared by the social lists, whose keys are `[timestamp, uuid]` (contract §4). */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { BadRequestError } from '../../../domain/shared/errors.js';
import type { PageRequest } from '../../../domain/shared/page.js';

/** The SQL types a cursor key's values are cast to. */
export type KeyType = 'uuid' | 'timestamptz' | 'int' | 'real';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(value: string | number, type: KeyType): boolean {
  if (type === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (type === 'timestamptz') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value));
  if (type === 'int') return Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647;
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The cursor's fingerprint catches cursors replayed elsewhere, not forged ones: a key value its cast would
 * reject is a bad cursor (400), never a database error (500).
 */
export function checkCursorKey(key: readonly (string | number)[], types: readonly KeyType[]): void {
  if (key.length !== types.length || !key.every((value, i) => fits(value, types[i]!))) throw new BadRequestError('page.bad_cursor', 'the cursor is not valid');
}

/** "After `[at, id]`" in the list's direction; the id column breaks ties between equal timestamps. */
export function afterTimeAndId(timeColumn: string, idColumn: string, order: 'asc' | 'desc', key: readonly (string | number)[]): RawBuilder<SqlBool> {
  checkCursorKey(key, ['timestamptz', 'uuid']);
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
