/**
 * Arrow-key movement in a wrapped grid of cards, from their on-screen boxes: the grid's column count changes
 * with the width (auto-fill), so "up" is worked out from where the cards are, not from an index formula.
 */
export interface Box {
  readonly left: number;
  readonly top: number;
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export function isGridKey(key: string): key is GridKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown' || key === 'Home' || key === 'End';
}

/** The index to focus after `key` from `current`, or `current` when there is nowhere to go. */
export function nextIndex(boxes: readonly Box[], current: number, key: GridKey): number {
  const last = boxes.length - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  if (key === 'ArrowLeft') return Math.max(0, current - 1);
  if (key === 'ArrowRight') return Math.min(last, current + 1);
  const here = boxes[current];
  if (!here) return current;
  // The nearest row above or below, then the card in it whose left edge is closest to this one's.
  const rowTops = [...new Set(boxes.map((b) => b.top))].sort((a, b) => a - b);
  const row = rowTops.indexOf(here.top) + (key === 'ArrowDown' ? 1 : -1);
  const targetTop = rowTops[row];
  if (targetTop === undefined) return current;
  let best = current;
  let bestDistance = Infinity;
  boxes.forEach((box, index) => {
    const distance = Math.abs(box.left - here.left);
    if (box.top === targetTop && distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
