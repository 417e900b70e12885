/** The album page's pure reordering: index moves, keyboard steps, drop-onto moves, and order comparison. */
import { describe, expect, it } from 'vitest';
import { moveBy, moveItem, moveOnto, sameOrder } from '../../../web/src/reorder.js';

const items = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const ids = (list: readonly { id: string }[]) => list.map((item) => item.id).join('');

describe('moveItem', () => {
  it('moves an item later and earlier', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('leaves the input untouched and returns a copy', () => {
    const list = ['a', 'b', 'c'];
    const moved = moveItem(list, 0, 0);
    expect(moved).toEqual(list);
    expect(moved).not.toBe(list);
    moveItem(list, 0, 2);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('clamps the target into range and ignores a source out of range', () => {
    expect(moveItem(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 7, 0)).toEqual(['a', 'b', 'c']);
    expect(moveItem([], 0, 0)).toEqual([]);
  });
});

describe('moveBy', () => {
  it('steps one place earlier or later, and stops at the ends', () => {
    expect(ids(moveBy(items, 'c', -1))).toBe('acbd');
    expect(ids(moveBy(items, 'b', 1))).toBe('acbd');
    expect(ids(moveBy(items, 'a', -1))).toBe('abcd');
    expect(ids(moveBy(items, 'd', 1))).toBe('abcd');
  });

  it('changes nothing for an unknown id', () => {
    expect(ids(moveBy(items, 'z', 1))).toBe('abcd');
  });
});

describe('moveOnto', () => {
  it('puts the dragged item in the place of the one it was dropped on', () => {
    expect(ids(moveOnto(items, 'a', 'c'))).toBe('bcad');
    expect(ids(moveOnto(items, 'd', 'a'))).toBe('dabc');
    expect(ids(moveOnto(items, 'b', 'b'))).toBe('abcd');
    expect(ids(moveOnto(items, 'b', 'zz'))).toBe('abcd');
  });
});

describe('sameOrder', () => {
  it('compares ids position by position', () => {
    expect(sameOrder(items, [...items])).toBe(true);
    expect(sameOrder(items, moveBy(items, 'a', 1))).toBe(false);
    expect(sameOrder(items, items.slice(1))).toBe(false);
  });
});
