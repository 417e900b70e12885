import { describe, expect, it } from 'vitest';
import { canReadAlbum, checkReorder, validateAlbumFields } from '../../../../src/domain/gallery/album.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return (err.fields ?? []).map((f) => `${f.field}: ${f.message}`);
    throw err;
  }
  return [];
};

describe('validateAlbumFields', () => {
  it('normalises text and keeps absent keys absent', () => {
    expect(validateAlbumFields({ title: ' Cafe\u0301 ', description: 'a\r\nb' }, { requireTitle: true })).toEqual({ title: 'Café', description: 'a\nb' });
    expect(validateAlbumFields({}, { requireTitle: false })).toEqual({});
  });

  it('reports every failing field at once', () => {
    expect(fieldsOf(() => validateAlbumFields({ description: 'x'.repeat(2001), visibility: 'hidden' }, { requireTitle: true }))).toEqual([
      'title: is required',
      'description: must be at most 2000 characters',
      'visibility: must be one of public, unlisted, private',
    ]);
    expect(fieldsOf(() => validateAlbumFields({ title: '  ' }, { requireTitle: false }))).toEqual(['title: must not be empty']);
    expect(fieldsOf(() => validateAlbumFields({ title: 'a\nb' }, { requireTitle: false }))).toEqual(['title: must not contain control characters']);
    expect(fieldsOf(() => validateAlbumFields({ title: '😀'.repeat(255) }, { requireTitle: true }))).toEqual([]);
  });
});

describe('canReadAlbum', () => {
  const album = (visibility: 'public' | 'unlisted' | 'private') => ({ ownerId: 'o', visibility });
  it('follows the image rules: private for owner and staff, banned owners hidden from non-staff', () => {
    expect(canReadAlbum(null, album('unlisted'), 'active')).toBe(true);
    expect(canReadAlbum(null, album('private'), 'active')).toBe(false);
    expect(canReadAlbum({ userId: 'o', role: 'user' }, album('private'), 'active')).toBe(true);
    expect(canReadAlbum({ userId: 'x', role: 'moderator' }, album('private'), 'banned')).toBe(true);
    expect(canReadAlbum({ userId: 'o', role: 'user' }, album('public'), 'banned')).toBe(false);
  });
});

describe('checkReorder', () => {
  it('tells duplicates (by index) from a different set', () => {
    expect(checkReorder(['a', 'b'], ['b', 'a'])).toEqual({ duplicates: [], sameSet: true });
    expect(checkReorder(['a', 'b'], ['b', 'b'])).toEqual({ duplicates: [1], sameSet: false });
    expect(checkReorder(['a', 'b'], ['a'])).toEqual({ duplicates: [], sameSet: false });
    expect(checkReorder(['a', 'b'], ['a', 'b', 'c'])).toEqual({ duplicates: [], sameSet: false });
    expect(checkReorder([], [])).toEqual({ duplicates: [], sameSet: true });
  });
});
