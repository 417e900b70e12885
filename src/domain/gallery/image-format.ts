/** Upload formats accepted by signature (contract §7.3 #7). HEIC only when the decoder can read it. */
export const IMAGE_FORMATS = ['jpeg', 'png', 'gif', 'webp', 'avif', 'heic'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const MIME_TYPES: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
};

/** Output formats of variants. */
export type VariantFormat = 'webp' | 'avif' | 'jpeg' | 'png';
