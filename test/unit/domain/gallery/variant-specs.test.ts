import { describe, expect, it } from 'vitest';
import { IMAGE_FORMATS, type ImageFormat } from '../../../../src/domain/gallery/image-format.js';
import { VARIANT_NAMES } from '../../../../src/domain/gallery/variant.js';
import { variantSpecsFor } from '../../../../src/domain/gallery/variant-specs.js';

describe('variantSpecsFor', () => {
  it('gives the sized variants of contract §7.4 in VARIANT_FORMAT', () => {
    expect(variantSpecsFor('jpeg', 'webp').slice(0, 4)).toEqual([
      { name: 'thumbnail', maxSide: 150, format: 'webp', quality: 82 },
      { name: 'small', maxSide: 320, format: 'webp', quality: 85 },
      { name: 'medium', maxSide: 800, format: 'webp', quality: 85 },
      { name: 'large', maxSide: 1600, format: 'webp', quality: 88 },
    ]);
  });

  it.each(['webp', 'avif', 'jpeg'] as const)('keeps the same boxes and qualities for %s', (variantFormat) => {
    const specs = variantSpecsFor('png', variantFormat).slice(0, 4);
    expect(specs.map((s) => s.format)).toEqual([variantFormat, variantFormat, variantFormat, variantFormat]);
    expect(specs.map((s) => [s.maxSide, s.quality])).toEqual([[150, 82], [320, 85], [800, 85], [1600, 88]]);
  });

  it.each([
    ['jpeg', 'jpeg', 92],
    ['png', 'png', 100],
    ['gif', 'png', 100],
    ['webp', 'webp', 92],
    ['avif', 'avif', 80],
    ['heic', 'jpeg', 92],
  ] as const)('maps a %s upload to a full-size %s original (quality %d)', (upload, format, quality) => {
    for (const variantFormat of ['webp', 'avif', 'jpeg'] as const) {
      expect(variantSpecsFor(upload, variantFormat)[4]).toEqual({ name: 'original', maxSide: null, format, quality });
    }
  });

  it('always names all five variants, once each', () => {
    for (const upload of IMAGE_FORMATS as readonly ImageFormat[]) {
      expect(variantSpecsFor(upload, 'avif').map((s) => s.name)).toEqual([...VARIANT_NAMES]);
    }
  });
});
