/** The upload page's words for each refusal (web/src/api/upload.ts), from the server's problem types (§3, §7.3). */
import { describe, expect, it } from 'vitest';
import { tooLargeText, uploadErrorText } from '../../../web/src/api/upload-errors.js';
import { formatBytes } from '../../../web/src/api/server-info.js';

const problem = (slug: string, status: number) => ({ type: `/problems/${slug}`, title: slug, status, detail: `server detail for ${slug}` });

describe('uploadErrorText', () => {
  it('names what the person can change for each refusal of §7.3', () => {
    expect(uploadErrorText(415, problem('unsupported-media-type', 415))).toBe('Not an image we accept: use JPEG, PNG, GIF, WebP or AVIF.');
    expect(uploadErrorText(413, problem('payload-too-large', 413))).toBe('The file is too large (the limit is 10 MiB).');
    expect(uploadErrorText(422, problem('dimensions-exceeded', 422))).toBe('The image is too big: at most 8192 pixels a side and 100 megapixels.');
    expect(uploadErrorText(422, problem('malware-detected', 422))).toBe('The virus scanner flagged this file; it was not kept.');
    expect(uploadErrorText(422, problem('unprocessable', 422))).toBe('The file looks like an image but cannot be read.');
    expect(uploadErrorText(429, problem('rate-limited', 429))).toBe('Too many uploads for now; try again later.');
  });

  it('uses the limits the server announces', () => {
    const limits = { max_upload_bytes: 2 * 1024 * 1024, max_image_side: 4000, max_image_pixels: 12_500_000 };
    expect(uploadErrorText(413, null, limits)).toBe('The file is too large (the limit is 2 MiB).');
    expect(uploadErrorText(422, problem('dimensions-exceeded', 422), limits)).toBe('The image is too big: at most 4000 pixels a side and 12.5 megapixels.');
    expect(tooLargeText({ ...limits, max_upload_bytes: 1536 })).toBe('The file is too large (the limit is 2 KiB).');
  });

  it("falls back to the server's detail, then to the status, and names a cut connection", () => {
    expect(uploadErrorText(400, problem('validation-error', 400))).toBe('server detail for validation-error');
    expect(uploadErrorText(502, null)).toBe('Upload failed (502).');
    expect(uploadErrorText(0, null)).toMatch(/interrupted/);
  });
});

describe('formatBytes', () => {
  it('speaks binary units', () => {
    expect([10_485_760, 1_572_864, 2048, 1000].map(formatBytes)).toEqual(['10 MiB', '1.5 MiB', '2 KiB', '1000 bytes']);
  });
});
