/**
 * Pure list reordering for the album page (drag and drop and the keyboard buttons share it). No DOM here: the
 * unit tests run it in Node.
 */

/** A copy of `list` with the item at `from` moved to index `to` (both clamped into range). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** Moves the item with `id` by `delta` places (−1 earlier, +1 later); unchanged when `id` is absent. */
export function moveBy<T extends { readonly id: string }>(list: readonly T[], id: string, delta: number): T[] {
  const from = list.findIndex((item) => item.id === id);
  return from === -1 ? [...list] : moveItem(list, from, from + delta);
}

/** Moves the item with `id` into the place of the item with `targetId` (what dropping one card on another does). */
export function moveOnto<T extends { readonly id: string }>(list: readonly T[], id: string, targetId: string): T[] {
  const from = list.findIndex((item) => item.id === id);
  const to = list.findIndex((item) => item.id === targetId);
  return from === -1 || to === -1 ? [...list] : moveItem(list, from, to);
}

/** True when both lists hold the same ids in the same order. */
export function sameOrder(a: readonly { readonly id: string }[], b: readonly { readonly id: string }[]): boolean {
  return a.length === b.length && a.every((item, i) => item.id === b[i]?.id);
}
