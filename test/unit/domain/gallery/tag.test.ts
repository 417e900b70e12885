import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTag, normalizeTagList, toSlug } from '../../../../src/domain/gallery/tag.js';

describe('normalizeTag (contract §9.1)', () => {
  it.each([
    ['Sunset Beach!', 'sunset beach!', 'sunset-beach'],
    ['日本 旅行', '日本 旅行', '日本-旅行'],
    ['  ＴＯＫＹＯ ', 'tokyo', 'tokyo'],
    ['__a_b__', '__a_b__', 'a_b'],
    ['c++', 'c++', 'c'],
  ])('%j → name %j, slug %j', (raw, name, slug) => {
    expect(normalizeTag(raw)).toEqual({ name, slug });
  });

  it.each(['a', ' b ', 'x'.repeat(51), '!!', '--'])('refuses %j', (raw) => {
    expect(normalizeTag(raw)).toHaveProperty('error');
  });

  it('never produces a slug with edge dashes or runs of separators', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const slug = toSlug(s);
        expect(slug).not.toMatch(/^[-_]|[-_]$|--/);
      }),
    );
  });
});

describe('normalizeTagList', () => {
  it('splits on commas, drops empties, merges duplicates by slug keeping the first name', () => {
    const { tags, errors } = normalizeTagList(['Sunset Beach, beach', 'sunset-beach,, BEACH']);
    expect(errors).toEqual([]);
    expect(tags).toEqual([
      { name: 'sunset beach', slug: 'sunset-beach' },
      { name: 'beach', slug: 'beach' },
    ]);
  });

  it('allows 20 distinct tags and refuses 21', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `tag${i}`);
    expect(normalizeTagList(twenty).errors).toEqual([]);
    expect(normalizeTagList([...twenty, 'one-more']).errors).toContain('at most 20 tags per image');
  });

  it('reports each invalid entry', () => {
    expect(normalizeTagList(['ok, x, !!']).errors).toHaveLength(2);
  });
});
