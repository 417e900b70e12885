/** An owner's view of one image inside a card: the `small` variant, or the status in words while there is none. */
import type { Image } from '../api/types.js';
import { altText } from './image-grid.js';
import { statusText } from './my-visibility-badge.js';

export function OwnerThumbnail({ image }: { image: Image }) {
  const small = image.variants.small;
  const status = statusText(image.status);
  if (status !== null || !small) {
    return (
      <span class="placeholder">
        <span class="visually-hidden">{altText(image)}: </span>
        {status ?? 'No preview'}
      </span>
    );
  }
  return <img src={small.url} width={small.width} height={small.height} alt={altText(image)} loading="lazy" decoding="async" draggable={false} />;
}
