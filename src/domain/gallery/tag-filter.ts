import { ValidationError } from '../shared/errors.js';
import { normalizeTag } from './tag.js';

/** `tag` query values (slugs or names, contract §7.6) as slugs; an invalid one is 400 naming `tag.<i>`. */
export function tagSlugs(tags: readonly string[]): string[] {
  return tags.map((raw, i) => {
    const tag = normalizeTag(raw);
    if ('error' in tag) throw new ValidationError('image.bad_tag_filter', [{ field: `tag.${i}`, message: tag.error }]);
    return tag.slug;
  });
}
