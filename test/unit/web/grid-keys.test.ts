/** Arrow-key movement in the image grid (web/src/grid-keys.ts), from card positions. */
import { describe, expect, it } from 'vitest';
import { isGridKey, nextIndex, type Box } from '../../../web/src/grid-keys.js';

// Three columns, seven cards: the last row holds one card.
const boxes: Box[] = Array.from({ length: 7 }, (_, i) => ({ left: (i % 3) * 100, top: Math.floor(i / 3) * 80 }));

describe('nextIndex', () => {
  it('moves left and right through the reading order, stopping at the ends', () => {
    expect(nextIndex(boxes, 0, 'ArrowLeft')).toBe(0);
    expect(nextIndex(boxes, 2, 'ArrowRight')).toBe(3);
    expect(nextIndex(boxes, 6, 'ArrowRight')).toBe(6);
  });

  it('moves up and down by rows, to the card in the same column or the nearest one', () => {
    expect(nextIndex(boxes, 1, 'ArrowDown')).toBe(4);
    expect(nextIndex(boxes, 4, 'ArrowUp')).toBe(1);
    expect(nextIndex(boxes, 5, 'ArrowDown')).toBe(6);
    expect(nextIndex(boxes, 6, 'ArrowDown')).toBe(6);
    expect(nextIndex(boxes, 0, 'ArrowUp')).toBe(0);
  });

  it('jumps to the first and last card', () => {
    expect(nextIndex(boxes, 4, 'Home')).toBe(0);
    expect(nextIndex(boxes, 1, 'End')).toBe(6);
  });

  it('handles a single column (360 px) and an empty grid', () => {
    const column: Box[] = [0, 1, 2].map((i) => ({ left: 0, top: i * 200 }));
    expect(nextIndex(column, 0, 'ArrowDown')).toBe(1);
    expect(nextIndex(column, 2, 'ArrowUp')).toBe(1);
    expect(nextIndex([], 0, 'ArrowDown')).toBe(0);
  });

  it('knows which keys it handles', () => {
    expect(['ArrowUp', 'End', 'Enter', 'a'].map(isGridKey)).toEqual([true, true, false, false]);
  });
});
