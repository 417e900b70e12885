import type { ImageFormat } from './image-format.js';

export interface InspectedImage {
  readonly format: ImageFormat;
  /** In display orientation (EXIF orientation applied); for animations, of one frame. */
  readonly width: number;
  readonly height: number;
}

/**
 * Identifies uploads without trusting anything the client said. `sniff` reads only magic bytes; `inspect` reads
 * headers only, never decoding pixels, so a decompression bomb is measured before it can cost memory.
 */
export interface ImageInspector {
  /** The format whose signature `head` starts with, or `null` for anything else (SVG, text, HEIC without decoder). */
  sniff(head: Uint8Array): ImageFormat | null;
  /** Oriented dimensions from the headers; `null` when the headers cannot be read (→ 422 `unprocessable`). */
  inspect(bytes: AsyncIterable<Uint8Array>): Promise<InspectedImage | null>;
}
