import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '../../../../src/domain/shared/errors.js';
import { checkDimensions, sanitizeFilename, validateUploadFields } from '../../../../src/domain/gallery/upload-policy.js';

const file = { present: true, size: 10 };

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return (err.fields ?? []).map((f) => f.field);
    throw err;
  }
  return [];
}

describe('validateUploadFields', () => {
  it('applies the defaults of contract §7.3', () => {
    expect(validateUploadFields({ tags: [] }, file)).toEqual({ title: '', description: '', visibility: 'private', contentRating: 'safe', albumId: null, tags: [] });
  });

  it('normalises text: NFC, trimmed, CRLF to LF in the description', () => {
    const valid = validateUploadFields({ title: '  Cafe\u0301 ', description: 'a\r\nb', tags: [] }, file);
    expect(valid.title).toBe('Café');
    expect(valid.description).toBe('a\nb');
  });

  it('reports every failing field at once', () => {
    const fields = fieldsOf(() =>
      validateUploadFields({ title: 'x'.repeat(256), description: 'bad\u0007', visibility: 'secret', content_rating: 'x', album_id: 'nope', tags: ['!!'] }, { present: false, size: 0 }),
    );
    expect(fields.sort()).toEqual(['album_id', 'content_rating', 'description', 'file', 'tags', 'title', 'visibility']);
  });

  it('refuses an empty file and a title with a newline', () => {
    expect(fieldsOf(() => validateUploadFields({ title: 'a\nb', tags: [] }, { present: true, size: 0 })).sort()).toEqual(['file', 'title']);
  });

  it('accepts the limits exactly', () => {
    expect(() => validateUploadFields({ title: 'é'.repeat(255), description: 'x'.repeat(2000), tags: [] }, file)).not.toThrow();
  });
});

describe('checkDimensions', () => {
  const limits = { maxSide: 8192, maxPixels: 100_000_000 };
  it.each([
    [8192, 8192, true],
    [8193, 10, false],
    [10, 8193, false],
    [30000, 30000, false],
  ])('%i×%i allowed: %s', (w, h, ok) => {
    const run = () => checkDimensions(w, h, limits);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(DomainError);
  });

  it('counts pixels separately from sides', () => {
    expect(() => checkDimensions(8000, 8000, { maxSide: 8192, maxPixels: 50_000_000 })).toThrow(/dimensions|limits/);
  });
});

describe('sanitizeFilename', () => {
  it.each([
    ['My Photo (1).JPG', 'My_Photo_1.JPG'],
    ['C:\\Users\\me\\cat.png', 'cat.png'],
    ['../../etc/passwd', 'passwd'],
    ['日本.jpg', '.jpg'],
    ['', 'upload'],
    [undefined, 'upload'],
    ['..', 'upload'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected);
  });

  it('caps the name at 255 characters', () => {
    expect(sanitizeFilename('a'.repeat(300))).toHaveLength(255);
  });
});
