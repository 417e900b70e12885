/**
 * Photo-like JPEGs made at bench start (never committed): a smooth colour field, a mid-frequency texture and
 * per-pixel sensor noise, so they compress like photographs (a 12 MP one is ~3 MB at quality 90).
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export interface PhotoOptions {
  readonly width: number;
  readonly height: number;
  /** Amplitude of per-pixel noise, 0–128. */
  readonly noise?: number;
  /** Weight of the mid-frequency texture, 0–1. */
  readonly detail?: number;
  readonly quality?: number;
}

/** A random field of `cw`×`ch` samples blown up smoothly to `w`×`h`. */
async function field(w: number, h: number, cw: number, ch: number, channels: 1 | 3): Promise<Buffer> {
  const small = randomBytes(Math.max(2, cw) * Math.max(2, ch) * channels);
  return sharp(small, { raw: { width: Math.max(2, cw), height: Math.max(2, ch), channels } })
    .resize(w, h, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
}

export async function photoJpeg(options: PhotoOptions): Promise<Buffer> {
  const { width: w, height: h } = options;
  const noise = (options.noise ?? 6) / 128;
  const detail = options.detail ?? 0.4;
  const [colour, texture] = await Promise.all([field(w, h, Math.round(w / 160), Math.round(h / 160), 3), field(w, h, Math.round(w / 6), Math.round(h / 6), 1)]);
  const grain = randomBytes(w * h * 3);
  const out = Buffer.allocUnsafe(w * h * 3);
  for (let p = 0, i = 0; p < w * h; p++) {
    const t = (texture[p]! - 128) * detail;
    for (let c = 0; c < 3; c++, i++) {
      const v = colour[i]! + t + (grain[i]! - 128) * noise;
      out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: options.quality ?? 90 }).toBuffer();
}

/** A 4:3 photo-like JPEG within 5 % of `targetBytes`: its pixel count is rescaled until the size fits. */
export async function photoJpegOfSize(targetBytes: number, options: { noise?: number; detail?: number; quality?: number } = {}): Promise<Buffer> {
  let pixels = targetBytes / 0.27; // ~0.27 B/px at the defaults
  let best: Buffer | undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const width = Math.max(64, Math.round(Math.sqrt((pixels * 4) / 3)));
    const jpeg = await photoJpeg({ ...options, width, height: Math.round((width * 3) / 4) });
    if (!best || Math.abs(jpeg.length - targetBytes) < Math.abs(best.length - targetBytes)) best = jpeg;
    if (Math.abs(jpeg.length / targetBytes - 1) <= 0.05) break;
    pixels *= targetBytes / jpeg.length;
  }
  return best!;
}
