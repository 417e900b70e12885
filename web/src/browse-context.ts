/**
 * The list of images the viewer was browsing (a grid's order), so the image page can offer previous/next.
 * In memory only, like the session: a full reload forgets it, and the page then simply has no neighbours.
 * Pure (no DOM), so it runs in Node's unit tests.
 */

let list: readonly string[] = [];

/** Called with a grid's image ids, in display order, when one of its images is opened. */
export function rememberList(ids: readonly string[]): void {
  // A repeated id (a grid that loaded an item twice across cursor pages) keeps its first place only.
  list = [...new Set(ids)];
}

export interface Neighbours {
  readonly prev: string | null;
  readonly next: string | null;
}

/** The images before and after `id` in the remembered list; both null when `id` is not in it. */
export function neighbours(id: string): Neighbours {
  const at = list.indexOf(id);
  if (at < 0) return { prev: null, next: null };
  return { prev: list[at - 1] ?? null, next: list[at + 1] ?? null };
}

/** Drops an image (after it was deleted), so previous/next skip it. */
export function forget(id: string): void {
  list = list.filter((other) => other !== id);
}
