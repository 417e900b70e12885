import { DomainError, ValidationError, type FieldError } from '../shared/errors.js';
import { normalizeText, textProblem } from '../shared/text.js';
import { CONTENT_RATINGS, VISIBILITIES, type ContentRating, type Visibility } from './image.js';
import { normalizeTagList, type NormalizedTag } from './tag.js';

/** The text parts of an upload as received (multipart), every value untrusted. */
export interface UploadFieldsInput {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: string;
  readonly content_rating?: string;
  readonly album_id?: string;
  readonly tags: readonly string[];
}

export interface UploadFields {
  readonly title: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly contentRating: ContentRating;
  readonly albumId: string | null;
  readonly tags: readonly NormalizedTag[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Contract §7.3 step 6: the file must be there and non-empty, and every text field valid; all errors at once. */
export function validateUploadFields(input: UploadFieldsInput, file: { present: boolean; size: number }): UploadFields {
  const errors: FieldError[] = [];
  if (!file.present) errors.push({ field: 'file', message: 'is required' });
  else if (file.size === 0) errors.push({ field: 'file', message: 'must not be empty' });

  const title = normalizeText(input.title ?? '', { multiline: false });
  const titleProblem = textProblem(title, { min: 0, max: 255, multiline: false });
  if (titleProblem) errors.push({ field: 'title', message: titleProblem });
  const description = normalizeText(input.description ?? '', { multiline: true });
  const descriptionProblem = textProblem(description, { min: 0, max: 2000, multiline: true });
  if (descriptionProblem) errors.push({ field: 'description', message: descriptionProblem });

  const visibility = input.visibility ?? 'private';
  if (!(VISIBILITIES as readonly string[]).includes(visibility)) errors.push({ field: 'visibility', message: `must be one of ${VISIBILITIES.join(', ')}` });
  const contentRating = input.content_rating ?? 'safe';
  if (!(CONTENT_RATINGS as readonly string[]).includes(contentRating)) errors.push({ field: 'content_rating', message: `must be one of ${CONTENT_RATINGS.join(', ')}` });
  const albumId = input.album_id === undefined || input.album_id === '' ? null : input.album_id.toLowerCase();
  if (albumId !== null && !UUID.test(albumId)) errors.push({ field: 'album_id', message: 'must be a UUID' });

  const tags = normalizeTagList(input.tags);
  for (const message of tags.errors) errors.push({ field: 'tags', message });

  if (errors.length > 0) throw new ValidationError('upload.invalid_fields', errors);
  return { title, description, visibility: visibility as Visibility, contentRating: contentRating as ContentRating, albumId, tags: tags.tags };
}

export interface DimensionLimits {
  readonly maxSide: number;
  readonly maxPixels: number;
}

/** Contract §7.3 step 9, checked on header dimensions before anything decodes the pixels. */
export function checkDimensions(width: number, height: number, limits: DimensionLimits): void {
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    throw new DomainError(
      'dimensions-exceeded',
      'upload.dimensions_exceeded',
      `the image is ${width}×${height}; the limits are ${limits.maxSide} pixels per side and ${limits.maxPixels} pixels in total`,
    );
  }
}

/** Contract §7.1 `original_filename`: base name, spaces → `_`, only `[A-Za-z0-9._-]` kept, ≤ 255, else `upload`. */
export function sanitizeFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/ /g, '_').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 255);
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'upload' : cleaned;
}
