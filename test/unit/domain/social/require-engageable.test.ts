import { describe, expect, it } from 'vitest';
import { requireEngageable } from '../../../../src/domain/social/require-engageable.js';
import { ConflictError } from '../../../../src/domain/shared/errors.js';
import { IMAGE_STATUSES } from '../../../../src/domain/gallery/image.js';

describe('requireEngageable', () => {
  it('accepts active images', () => {
    expect(() => requireEngageable({ status: 'active' }, 'like')).not.toThrow();
  });

  it.each(IMAGE_STATUSES.filter((s) => s !== 'active'))('refuses a %s image with a conflict naming the action', (status) => {
    expect(() => requireEngageable({ status }, 'comment')).toThrow(ConflictError);
    expect(() => requireEngageable({ status }, 'like')).toThrow(/only active images can be liked/);
  });
});
