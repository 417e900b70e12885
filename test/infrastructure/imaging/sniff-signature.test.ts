import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffSignature } from '../../../src/infrastructure/imaging/sniff-signature.js';

const fixture = (name: string): Uint8Array => fs.readFileSync(new URL(`../../fixtures/images/${name}`, import.meta.url));
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** An ISO-BMFF `ftyp` box: size, type, major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + 4 * compatible.length;
  return bytes([size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255], 'ftyp', major, [0, 0, 0, 0], ...compatible);
};

const off = { heicDecodable: false };
const on = { heicDecodable: true };

describe('sniffSignature', () => {
  it.each([
    ['landscape.jpg', 'jpeg'],
    ['rotated.jpg', 'jpeg'],
    ['truncated.jpg', 'jpeg'],
    ['polyglot.jpg', 'jpeg'],
    ['alpha.png', 'png'],
    ['bomb.png', 'png'],
    ['animated.gif', 'gif'],
    ['small.webp', 'webp'],
    ['photo.avif', 'avif'],
    ['text.jpg', null],
    ['image.svg', null],
  ])('%s → %s', (name, format) => {
    expect(sniffSignature(fixture(name), off)).toBe(format);
  });

  it('needs only the first bytes', () => {
    expect(sniffSignature(fixture('landscape.jpg').subarray(0, 3), off)).toBe('jpeg');
    expect(sniffSignature(fixture('alpha.png').subarray(0, 8), off)).toBe('png');
    expect(sniffSignature(fixture('small.webp').subarray(0, 12), off)).toBe('webp');
  });

  it.each([
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a'), 'gif'],
    ['GIF88a', bytes('GIF88a'), null],
    ['RIFF WAVE', bytes('RIFF', [0, 0, 0, 0], 'WAVE'), null],
    ['a PNG signature cut short', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]), null],
    ['FF D8 without the third byte', bytes([0xff, 0xd8]), null],
    ['PDF', bytes('%PDF-1.7\n'), null],
    ['SVG with an XML prolog', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['empty', new Uint8Array(0), null],
  ])('%s → %s', (_label, head, format) => {
    expect(sniffSignature(head, on)).toBe(format);
  });

  it('recognises AVIF by the major or any compatible brand', () => {
    expect(sniffSignature(ftyp('avif', 'mif1', 'miaf'), off)).toBe('avif');
    expect(sniffSignature(ftyp('avis', 'msf1'), off)).toBe('avif');
    expect(sniffSignature(ftyp('mif1', 'miaf', 'MA1B', 'avif'), off)).toBe('avif');
    expect(sniffSignature(ftyp('mif1', 'miaf'), off)).toBeNull();
    expect(sniffSignature(ftyp('isom', 'mp41'), off)).toBeNull();
  });

  it('ignores brands outside the ftyp box and the minor version field', () => {
    const box = ftyp('mif1', 'miaf');
    expect(sniffSignature(bytes([...box], [0, 0, 0, 8], 'avif'), off)).toBeNull();
    const minor = bytes([0, 0, 0, 16], 'ftyp', 'mif1', 'avif');
    expect(sniffSignature(minor, off)).toBeNull();
  });

  it.each(['heic', 'heix', 'hevc', 'hevx'])('accepts HEIC brand %s only when HEVC decodes', (brand) => {
    expect(sniffSignature(ftyp(brand, 'mif1'), on)).toBe('heic');
    expect(sniffSignature(ftyp('mif1', brand), on)).toBe('heic');
    expect(sniffSignature(ftyp(brand, 'mif1'), off)).toBeNull();
  });

  it('refuses ftyp boxes with a bogus size', () => {
    const head = ftyp('avif');
    head[3] = 8;
    expect(sniffSignature(head, off)).toBeNull();
  });

  it('never throws and never reads past the head, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (head, heicDecodable) => {
        const result = sniffSignature(head, { heicDecodable });
        expect([null, 'jpeg', 'png', 'gif', 'webp', 'avif', 'heic']).toContain(result);
        // A longer buffer behind the same view must not change the answer.
        const padded = new Uint8Array(head.length + 64).fill(0x61);
        padded.set(head);
        expect(sniffSignature(padded.subarray(0, head.length), { heicDecodable })).toBe(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for random ftyp boxes', () => {
    const brand = fc.constantFrom('avif', 'avis', 'heic', 'mif1', 'isom', 'hevx');
    fc.assert(
      fc.property(fc.nat({ max: 64 }), brand, fc.array(brand, { maxLength: 8 }), fc.nat({ max: 48 }), (size, major, compat, cut) => {
        const box = ftyp(major, ...compat);
        box.set([size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255], 0);
        expect(() => sniffSignature(box.subarray(0, cut), on)).not.toThrow();
      }),
    );
  });
});
