import fs from 'node:fs';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { UndecodableImageError, type ProcessedVariant } from '../../../src/domain/gallery/image-processor.js';
import { variantSpecsFor } from '../../../src/domain/gallery/variant-specs.js';
import { sharpImageProcessor } from '../../../src/infrastructure/imaging/sharp-image-processor.js';

const fixture = (name: string): Buffer => fs.readFileSync(new URL(`../../fixtures/images/${name}`, import.meta.url));
const processor = sharpImageProcessor();
const byName = (variants: ProcessedVariant[]) => Object.fromEntries(variants.map((v) => [v.name, v]));

/** RGBA of one pixel of an encoded image. */
async function pixel(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return [...data.subarray(at, at + 4)];
}

const near = (actual: number[], expected: number[]) =>
  expect(actual.every((v, i) => Math.abs(v - expected[i]!) <= 24), `${actual.join(',')} ≈ ${expected.join(',')}`).toBe(true);

/** No EXIF (so no orientation either), ICC, XMP or IPTC left in an output. */
async function expectNoMetadata(v: ProcessedVariant, source: string): Promise<void> {
  const meta = await sharp(v.bytes).metadata();
  const left = { exif: meta.exif, icc: meta.icc, xmp: meta.xmp, iptc: meta.iptc, orientation: meta.orientation };
  expect(left, `${source} → ${v.name} (${v.format})`).toEqual({ exif: undefined, icc: undefined, xmp: undefined, iptc: undefined, orientation: undefined });
}

describe('sharpImageProcessor.makeVariants', () => {
  it.each([
    ['landscape.jpg', 'jpeg', [[150, 100], [320, 213], [800, 533], [1200, 800], [1200, 800]], 'jpeg'],
    ['rotated.jpg', 'jpeg', [[100, 150], [200, 300], [200, 300], [200, 300], [200, 300]], 'jpeg'],
    ['alpha.png', 'png', [[150, 75], [200, 100], [200, 100], [200, 100], [200, 100]], 'png'],
    ['animated.gif', 'gif', [[120, 90], [120, 90], [120, 90], [120, 90], [120, 90]], 'png'],
    ['small.webp', 'webp', [[100, 80], [100, 80], [100, 80], [100, 80], [100, 80]], 'webp'],
    ['photo.avif', 'avif', [[150, 113], [320, 240], [400, 300], [400, 300], [400, 300]], 'avif'],
  ] as const)('makes the five variants of %s', async (name, upload, sizes, originalFormat) => {
    const variants = await processor.makeVariants(fixture(name), variantSpecsFor(upload, 'webp'));
    expect(variants.map((v) => v.name)).toEqual(['thumbnail', 'small', 'medium', 'large', 'original']);
    expect(variants.map((v) => [v.width, v.height])).toEqual(sizes);
    expect(variants.map((v) => v.format)).toEqual(['webp', 'webp', 'webp', 'webp', originalFormat]);
    for (const v of variants) {
      const meta = await sharp(v.bytes).metadata();
      expect([meta.format === 'heif' ? 'avif' : meta.format, meta.width, meta.height]).toEqual([v.format, v.width, v.height]);
      expect(v.fileSize).toBe(v.bytes.byteLength);
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each(['avif', 'jpeg'] as const)('encodes the sized variants in %s when configured', async (format) => {
    // rotated.jpg is small (AVIF encodes are slow) and carries EXIF and ICC to strip.
    const variants = await processor.makeVariants(fixture('rotated.jpg'), variantSpecsFor('jpeg', format));
    for (const v of variants.slice(0, 4)) {
      const meta = await sharp(v.bytes).metadata();
      expect([v.format, meta.format, meta.compression]).toEqual(format === 'avif' ? ['avif', 'heif', 'av1'] : ['jpeg', 'jpeg', undefined]);
      await expectNoMetadata(v, 'rotated.jpg');
    }
  });

  it('never enlarges a source smaller than every box', async () => {
    const variants = await processor.makeVariants(fixture('small.webp'), variantSpecsFor('webp', 'jpeg'));
    expect(new Set(variants.map((v) => `${v.width}x${v.height}`))).toEqual(new Set(['100x80']));
  });

  it('turns the image to its display orientation', async () => {
    const { medium } = byName(await processor.makeVariants(fixture('rotated.jpg'), variantSpecsFor('jpeg', 'webp')));
    // Stored left half red becomes the top half once orientation 6 is applied.
    near(await pixel(medium!.bytes, 100, 50), [255, 0, 0, 255]);
    near(await pixel(medium!.bytes, 100, 250), [0, 0, 255, 255]);
  });

  it('keeps alpha in WebP, AVIF and PNG and flattens it onto white in JPEG', async () => {
    const webp = byName(await processor.makeVariants(fixture('alpha.png'), variantSpecsFor('png', 'webp')));
    const avif = byName(await processor.makeVariants(fixture('alpha.png'), variantSpecsFor('png', 'avif')));
    const jpeg = byName(await processor.makeVariants(fixture('alpha.png'), variantSpecsFor('png', 'jpeg')));
    for (const v of [webp.small!, avif.small!, webp.original!]) {
      expect((await sharp(v.bytes).metadata()).hasAlpha).toBe(true);
      expect((await pixel(v.bytes, 20, 50))[3]).toBe(0);
      near(await pixel(v.bytes, 180, 50), [255, 0, 0, 255]);
    }
    expect((await sharp(jpeg.small!.bytes).metadata()).hasAlpha).toBe(false);
    near(await pixel(jpeg.small!.bytes, 20, 50), [255, 255, 255, 255]);
    near(await pixel(jpeg.small!.bytes, 180, 50), [255, 0, 0, 255]);
  });

  it('uses only the first frame of an animation', async () => {
    const variants = await processor.makeVariants(fixture('animated.gif'), variantSpecsFor('gif', 'webp'));
    for (const v of variants) {
      expect((await sharp(v.bytes, { pages: -1 }).metadata()).pages ?? 1).toBe(1);
      near(await pixel(v.bytes, 10, 10), [255, 0, 0, 255]);
    }
  });

  it('strips every metadata from every output', async () => {
    const uploads = [['landscape.jpg', 'jpeg'], ['rotated.jpg', 'jpeg'], ['alpha.png', 'png'], ['animated.gif', 'gif'], ['small.webp', 'webp'], ['photo.avif', 'avif']] as const;
    for (const [name, upload] of uploads) {
      for (const v of await processor.makeVariants(fixture(name), variantSpecsFor(upload, 'webp'))) await expectNoMetadata(v, name);
    }
  });

  it.each(['truncated.jpg', 'polyglot.jpg', 'text.jpg', 'bomb.png'])('refuses %s as undecodable', async (name) => {
    await expect(processor.makeVariants(fixture(name), variantSpecsFor('jpeg', 'webp'))).rejects.toBeInstanceOf(UndecodableImageError);
  });

  it('makes the five variants of a 12-megapixel photo in reasonable time', async () => {
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080' } })
      .composite([{ input: fixture('landscape.jpg'), tile: true, blend: 'difference' }])
      .jpeg({ quality: 90 })
      .toBuffer();
    const started = performance.now();
    const variants = await processor.makeVariants(photo, variantSpecsFor('jpeg', 'webp'));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(variants.map((v) => [v.width, v.height])).toEqual([[150, 113], [320, 240], [800, 600], [1600, 1200], [4000, 3000]]);
  });
});

describe('sharpImageProcessor.readExif', () => {
  it('reads the camera facts of landscape.jpg, GPS and offset included', async () => {
    expect(await processor.readExif(fixture('landscape.jpg'))).toEqual({
      cameraMake: 'Tessera Optics',
      cameraModel: 'TX-100',
      lensModel: 'TX 35mm F2.8',
      takenAt: '2024-05-17T14:03:22+02:00',
      exposureTime: '1/250',
      fNumber: 2.8,
      focalLengthMm: 35,
      iso: 200,
      gps: { latitude: 48.8582333, longitude: -2.2945, altitudeM: -12.5 },
    });
  });

  it.each(['alpha.png', 'animated.gif', 'small.webp', 'photo.avif', 'rotated.jpg', 'text.jpg', 'polyglot.jpg', 'image.svg'])(
    'gives null for %s, which has none of the facts',
    async (name) => {
      expect(await processor.readExif(fixture(name))).toBeNull();
    },
  );

  it('never throws for a damaged EXIF block', async () => {
    const original = fixture('landscape.jpg');
    const tiff = original.indexOf('Exif\0\0', 0, 'latin1') + 6;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: 600 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), async (edits) => {
        const bytes = Buffer.from(original);
        for (const [offset, value] of edits) bytes[tiff + offset] = value;
        const exif = await processor.readExif(bytes);
        expect(exif === null || typeof exif === 'object').toBe(true);
      }),
      { numRuns: 100 },
    );
    expect(await processor.readExif(original.subarray(0, 300))).toBeNull();
  });
});
