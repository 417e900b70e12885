import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heicDecodable, sharpImageInspector } from '../../../src/infrastructure/imaging/sharp-image-inspector.js';

const fixture = (name: string): Buffer => fs.readFileSync(new URL(`../../fixtures/images/${name}`, import.meta.url));

/** The bytes as a stream of small chunks, the way storage hands them over. */
async function* chunked(bytes: Uint8Array, size = 4096): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const inspector = sharpImageInspector({ heicDecodable: false });

describe('sharpImageInspector', () => {
  it.each([
    ['landscape.jpg', { format: 'jpeg', width: 1200, height: 800 }],
    ['rotated.jpg', { format: 'jpeg', width: 200, height: 300 }],
    ['alpha.png', { format: 'png', width: 200, height: 100 }],
    ['animated.gif', { format: 'gif', width: 120, height: 90 }],
    ['small.webp', { format: 'webp', width: 100, height: 80 }],
    ['photo.avif', { format: 'avif', width: 400, height: 300 }],
  ])('measures %s in display orientation, one frame', async (name, expected) => {
    expect(await inspector.inspect(chunked(fixture(name)))).toEqual(expected);
  });

  it('measures a 30000 × 30000 PNG bomb from its header, fast and without decoding it', async () => {
    const bomb = fixture('bomb.png');
    await inspector.inspect(chunked(fixture('alpha.png'))); // load libvips' PNG code outside the measurement
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const result = await inspector.inspect(chunked(bomb));
    const elapsed = performance.now() - started;
    expect(result).toEqual({ format: 'png', width: 30_000, height: 30_000 });
    expect(elapsed).toBeLessThan(500);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
  });

  it.each(['text.jpg', 'image.svg', 'polyglot.jpg'])('gives null for %s', async (name) => {
    expect(await inspector.inspect(chunked(fixture(name)))).toBeNull();
  });

  it('reads the header of a truncated JPEG, or gives null, but never throws', async () => {
    const result = await inspector.inspect(chunked(fixture('truncated.jpg')));
    expect([null, { format: 'jpeg', width: 1200, height: 800 }]).toContainEqual(result);
  });

  it('gives null for a header cut short and for no bytes at all', async () => {
    expect(await inspector.inspect(chunked(fixture('landscape.jpg').subarray(0, 200)))).toBeNull();
    expect(await inspector.inspect(chunked(new Uint8Array(0)))).toBeNull();
  });

  it('lets a failing source fail instead of calling its bytes unreadable', async () => {
    async function* broken(): AsyncIterable<Uint8Array> {
      yield fixture('landscape.jpg').subarray(0, 100);
      throw new Error('storage went away');
    }
    await expect(inspector.inspect(broken())).rejects.toThrow('storage went away');
  });

  it('sniffs with the same rules as the signature check', () => {
    expect(inspector.sniff(fixture('photo.avif').subarray(0, 32))).toBe('avif');
    expect(inspector.sniff(fixture('image.svg'))).toBeNull();
  });
});

describe('heicDecodable', () => {
  it('is false with the prebuilt libvips, which has no HEVC decoder', () => {
    expect(heicDecodable()).toBe(false);
  });
});
