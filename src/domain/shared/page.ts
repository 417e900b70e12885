import { BadRequestError } from './errors.js';

/** Contract §4: page mode (exact total, OFFSET) or cursor mode (keyset, constant cost at any depth). */
export type PageRequest =
  | { readonly mode: 'page'; readonly page: number; readonly perPage: number }
  | { readonly mode: 'cursor'; readonly after: readonly (string | number)[] | null; readonly perPage: number };

export type PageInfo =
  | { readonly page: number; readonly per_page: number; readonly total: number; readonly total_pages: number }
  | { readonly per_page: number; readonly next_cursor: string | null };

export interface Page<T> {
  readonly items: readonly T[];
  readonly pagination: PageInfo;
}

/** `(page − 1) × per_page` beyond this must use cursor mode. */
export const MAX_OFFSET = 10_000;

/**
 * Reads the pagination parameters. `fingerprint` names the sort, order and filters a cursor belongs to; a
 * cursor replayed with other ones, or one that does not decode, is 400 `bad-request`.
 */
export function pageRequest(query: { page?: number; per_page?: number; cursor?: string }, fingerprint: string): PageRequest {
  const perPage = query.per_page ?? 20;
  if (query.cursor === undefined) {
    const page = query.page ?? 1;
    if ((page - 1) * perPage > MAX_OFFSET) {
      throw new BadRequestError('page.too_deep', `page offsets beyond ${MAX_OFFSET} items are not served; use cursor mode (?cursor=)`);
    }
    return { mode: 'page', page, perPage };
  }
  if (query.cursor === '') return { mode: 'cursor', after: null, perPage };
  return { mode: 'cursor', after: decodeCursor(query.cursor, fingerprint), perPage };
}

export function encodeCursor(key: readonly (string | number)[], fingerprint: string): string {
  return base64url(JSON.stringify({ k: key, f: hash(fingerprint) }));
}

function decodeCursor(cursor: string, fingerprint: string): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64url(cursor));
  } catch {
    throw new BadRequestError('page.bad_cursor', 'the cursor is not valid');
  }
  const { k, f } = (parsed ?? {}) as { k?: unknown; f?: unknown };
  if (!Array.isArray(k) || !k.every((v) => typeof v === 'string' || typeof v === 'number') || typeof f !== 'string') {
    throw new BadRequestError('page.bad_cursor', 'the cursor is not valid');
  }
  if (f !== hash(fingerprint)) throw new BadRequestError('page.cursor_mismatch', 'the cursor was issued for another sort, order or filter');
  return k;
}

/** Builds the response envelope from one extra-row fetch (cursor) or the exact total (page). */
export function toPage<T>(request: PageRequest, rows: readonly T[], total: number | null, keyOf: (row: T) => (string | number)[], fingerprint: string): Page<T> {
  if (request.mode === 'page') {
    const count = total ?? 0;
    return { items: rows, pagination: { page: request.page, per_page: request.perPage, total: count, total_pages: Math.ceil(count / request.perPage) } };
  }
  const hasMore = rows.length > request.perPage;
  const items = hasMore ? rows.slice(0, request.perPage) : rows;
  const last = items[items.length - 1];
  return { items, pagination: { per_page: request.perPage, next_cursor: hasMore && last !== undefined ? encodeCursor(keyOf(last), fingerprint) : null } };
}

// FNV-1a: a short, stable fingerprint; cursors are not secrets, only tamper-evident enough to catch misuse.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((c) => B64[c]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

function fromBase64url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const n = [...chunk.padEnd(4, 'A')].reduce((acc, c) => (acc << 6) | B64.indexOf(c), 0);
    bytes.push((n >> 16) & 255, (n >> 8) & 255, n & 255);
    bytes.length -= 4 - chunk.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}
