/**
 * Property: whatever arrives at POST /images — random bytes, random multipart shapes (part names, order, content
 * types, file names, cut-off or missing boundaries) — the answer is never a 5xx, every error is a problem
 * document, and no temporary object outlives the request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { bearer, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { BOUNDARY, fixture, multipart, multipartType, tempObjects, type FixtureName, type Part } from './helpers/images.js';
import { PROBLEM_TYPE, TITLES } from './helpers/problem.js';

// Small enough that the larger fixtures exercise the 413 path too.
const MAX_UPLOAD_BYTES = 8192;
const FIXTURES: FixtureName[] = ['small.webp', 'alpha.png', 'animated.gif', 'rotated.jpg', 'photo.avif', 'landscape.jpg', 'truncated.jpg', 'text.jpg', 'image.svg', 'polyglot.jpg', 'bomb.png'];
const NAMES = ['file', 'file', 'file', 'title', 'description', 'visibility', 'content_rating', 'album_id', 'tags', 'image', 'constructor', '__proto__', ''];

let t: TestApp;
let owner: Account;
beforeAll(async () => {
  t = await buildTestApp({ env: { ...NO_LIMITS, MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
  owner = await register(t.app);
});
afterAll(() => t.close());

const bytes = fc.oneof(
  fc.constantFrom(...FIXTURES).map((name) => fixture(name)),
  fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
  fc.tuple(fc.constantFrom(...FIXTURES), fc.nat()).map(([name, cut]) => fixture(name).subarray(0, cut % (fixture(name).length + 1))),
  fc.constant(Buffer.alloc(0)),
);

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('public', 'private', 'nsfw', 'a,b,,c', '0190f5c2-7a3b-7c4d-8e5f-0123456789ab', '{"a":1}'));

const name = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const filename = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a.jpg', '', '../../etc/passwd', 'x y.png', 'C:\\photos\\me.webp') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const partType = fc.oneof(fc.constant(undefined), fc.constantFrom('image/jpeg', 'text/plain', 'application/json', 'application/octet-stream', 'multipart/mixed'), fc.string({ maxLength: 20 }));

/** Mostly the parts a client sends (a file under `file`, known text fields), sometimes anything at all. */
const part: fc.Arbitrary<Part> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ name: fc.constant('file'), value: bytes, filename, contentType: partType }, { requiredKeys: ['name', 'value', 'filename'] }) },
  { weight: 3, arbitrary: fc.record({ name: fc.constantFrom('title', 'description', 'visibility', 'content_rating', 'tags'), value: text }) },
  { weight: 2, arbitrary: fc.record({ name, value: fc.oneof(bytes, text), filename: fc.option(filename, { nil: undefined }), contentType: partType }, { requiredKeys: ['name', 'value'] }) },
);

type Shape =
  | { kind: 'parts'; parts: Part[]; cut: number | null; noClosing: boolean; boundary: string | null }
  | { kind: 'raw'; body: Buffer };

const rarely = <T>(arb: fc.Arbitrary<T>, otherwise: T) => fc.oneof({ weight: 5, arbitrary: fc.constant(otherwise) }, { weight: 1, arbitrary: arb });

const shape: fc.Arbitrary<Shape> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('parts' as const),
      parts: fc.array(part, { maxLength: 5 }),
      cut: rarely<number | null>(fc.nat(), null),
      noClosing: rarely(fc.constant(true), false),
      boundary: rarely<string | null>(fc.constantFrom('other', '"quoted"', 'x'.repeat(80), ''), null),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), body: fc.uint8Array({ maxLength: 1024 }).map((a) => Buffer.from(a)) }) },
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant(multipartType()) },
  { weight: 1, arbitrary: fc.constantFrom('multipart/form-data', `multipart/form-data; boundary="${BOUNDARY}"`, 'application/json', 'text/plain', 'multipart/form-data; boundary=') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

function bodyOf(s: Shape): Buffer {
  if (s.kind === 'raw') return s.body;
  const full = multipart(s.parts, { noClosing: s.noClosing, ...(s.boundary !== null ? { boundary: s.boundary } : {}) });
  return s.cut === null ? full : full.subarray(0, s.cut % (full.length + 1));
}

describe('POST /images under random input', () => {
  it('never answers 5xx, answers errors as problem documents, and leaves no temporary object', async () => {
    await fc.assert(
      fc.asyncProperty(shape, contentType, fc.boolean(), async (s, type, wait) => {
        const payload = bodyOf(s);
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/images${wait ? '?wait=false' : ''}`,
          payload,
          headers: { ...bearer(owner.access), 'content-type': type },
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
          const problem = JSON.parse(res.body) as { type: string; title: string; status: number };
          expect(problem.status).toBe(res.statusCode);
          expect(problem.title).toBe(TITLES[problem.type.replace('/problems/', '')]);
        } else {
          expect(res.statusCode).toBe(201);
        }
        expect(await tempObjects(t)).toEqual([]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });
});
