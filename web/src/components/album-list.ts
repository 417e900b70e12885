/** Loading every page of a cursor-mode list (the user's albums, an album's images for its owner). */
import { api } from '../api/client.js';
import type { Album, CursorPage } from '../api/types.js';

/** Follows `next_cursor` until the end; `path` has no pagination parameters yet. */
export async function loadAll<T>(path: string, perPage = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = '';
  const join = path.includes('?') ? '&' : '?';
  while (cursor !== null) {
    const page: CursorPage<T> = await api<CursorPage<T>>(`${path}${join}per_page=${perPage}&cursor=${encodeURIComponent(cursor)}`);
    items.push(...page.items);
    cursor = page.pagination.next_cursor;
  }
  return items;
}

export function loadAllMyAlbums(): Promise<Album[]> {
  return loadAll<Album>('/albums?owner_id=me&sort=updated_at');
}
