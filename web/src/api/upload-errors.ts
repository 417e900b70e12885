/** Upload refusals in words (contract §3, §7.3): the cases a person can act on get their own sentence. */
import { formatBytes } from './server-info.js';
import type { Problem } from './types.js';

/** The limits named in the messages; the defaults are the contract's (§17), the page passes the server's. */
export interface LimitsForText {
  readonly max_upload_bytes: number;
  readonly max_image_side: number;
  readonly max_image_pixels: number;
}

const DEFAULT_LIMITS: LimitsForText = { max_upload_bytes: 10_485_760, max_image_side: 8192, max_image_pixels: 100_000_000 };

/** The reason in words, by problem type; anything else gets the server's own detail. */
export function uploadErrorText(status: number, problem: Problem | null, limits: LimitsForText = DEFAULT_LIMITS): string {
  const slug = problem?.type?.split('/').pop() ?? '';
  if (slug === 'unsupported-media-type' || status === 415) return 'Not an image we accept: use JPEG, PNG, GIF, WebP or AVIF.';
  if (slug === 'payload-too-large' || status === 413) return tooLargeText(limits);
  if (slug === 'dimensions-exceeded') {
    return `The image is too big: at most ${limits.max_image_side} pixels a side and ${+(limits.max_image_pixels / 1e6).toFixed(1)} megapixels.`;
  }
  if (slug === 'malware-detected') return 'The virus scanner flagged this file; it was not kept.';
  if (slug === 'unprocessable') return 'The file looks like an image but cannot be read.';
  if (slug === 'rate-limited' || status === 429) return 'Too many uploads for now; try again later.';
  if (status === 0) return 'The upload was interrupted (network error or the server closed the connection).';
  return problem?.detail ?? problem?.title ?? `Upload failed (${status}).`;
}

export function tooLargeText(limits: LimitsForText): string {
  return `The file is too large (the limit is ${formatBytes(limits.max_upload_bytes)}).`;
}
