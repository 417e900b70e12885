import { codePointLength } from '../shared/text.js';

export const MAX_TAGS_PER_IMAGE = 20;

export interface NormalizedTag {
  readonly name: string;
  readonly slug: string;
}

/**
 * Contract §9.1: name = trimmed, NFKC, lowercased, 2–50 code points; slug = runs of anything but letters, digits
 * and `_` → `-`, edges trimmed of `-`/`_`, non-empty, ≤ 50. Returns an error message instead when invalid.
 */
export function normalizeTag(raw: string): NormalizedTag | { error: string } {
  const name = raw.normalize('NFKC').trim().toLowerCase();
  const length = codePointLength(name);
  if (length < 2 || length > 50) return { error: 'tag must be 2–50 characters' };
  const slug = toSlug(name);
  if (slug.length === 0 || codePointLength(slug) > 50) return { error: 'tag must contain a letter or digit' };
  return { name, slug };
}

export function toSlug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/**
 * Upload and PATCH tag lists: every value split on commas, entries trimmed, empties dropped, normalised,
 * duplicates by slug merged (first name wins), at most 20. Returns the tags or the messages of what failed.
 */
export function normalizeTagList(values: readonly string[]): { tags: NormalizedTag[]; errors: string[] } {
  const bySlug = new Map<string, NormalizedTag>();
  const errors: string[] = [];
  for (const value of values) {
    for (const entry of value.split(',')) {
      if (entry.trim() === '') continue;
      const tag = normalizeTag(entry);
      if ('error' in tag) errors.push(`"${entry.trim().slice(0, 60)}": ${tag.error}`);
      else if (!bySlug.has(tag.slug)) bySlug.set(tag.slug, tag);
    }
  }
  if (bySlug.size > MAX_TAGS_PER_IMAGE) errors.push(`at most ${MAX_TAGS_PER_IMAGE} tags per image`);
  return { tags: [...bySlug.values()], errors };
}
