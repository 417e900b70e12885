import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../src/interfaces/http/byte-range.js';
import { signedUrlExpiry } from '../../../src/domain/gallery/url-signer.js';

describe('parseRange', () => {
  it.each([
    [undefined, { kind: 'full' }],
    ['bytes=0-0', { kind: 'partial', start: 0, end: 0 }],
    ['bytes=10-', { kind: 'partial', start: 10, end: 99 }],
    ['bytes=-10', { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-500', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=50-500', { kind: 'partial', start: 50, end: 99 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=20-10', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'full' }],
    ['items=0-1', { kind: 'full' }],
    ['bytes=-', { kind: 'full' }],
  ])('%j on 100 bytes → %j', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });

  it('always stays inside the object', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1e9 }), (header, size) => {
        const r = parseRange(`bytes=${header}`, size);
        if (r.kind === 'partial') {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThan(size);
          expect(r.start).toBeLessThanOrEqual(r.end);
        }
      }),
    );
  });
});

describe('signedUrlExpiry', () => {
  it('rounds now + ttl up to the next 600 s, so URLs repeat within a window', () => {
    const at = Date.UTC(2026, 0, 1, 0, 0, 1);
    expect(signedUrlExpiry(at, 3600) % 600).toBe(0);
    expect(signedUrlExpiry(at, 3600)).toBe(signedUrlExpiry(at + 500_000, 3600));
    expect(signedUrlExpiry(at, 3600) - at / 1000).toBeGreaterThanOrEqual(3600);
  });
});
