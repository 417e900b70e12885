/**
 * A user's public images, newest first, loaded as the visitor scrolls (as Explore does). Asked with
 * `visibility=public` so the owner, who may see everything, gets the same public view as everyone else; other
 * states (processing, flagged) are left out for the same reason.
 */
import { useCallback } from 'preact/hooks';
import type { Image } from '../api/types.js';
import { ImageFeed } from './image-feed.js';

const PER_PAGE = 24;
const isActive = (image: Image) => image.status === 'active';

export function UserImages({ userId }: { userId: string }) {
  const pageUrl = useCallback(
    (cursor: string) => `/users/${encodeURIComponent(userId)}/images?visibility=public&content_rating=safe&per_page=${PER_PAGE}&cursor=${encodeURIComponent(cursor)}`,
    [userId],
  );
  return (
    <section class="user-section" aria-labelledby="user-images-heading">
      <h2 id="user-images-heading">Images</h2>
      <ImageFeed pageUrl={pageUrl} keep={isActive} empty="No public images yet." />
    </section>
  );
}
