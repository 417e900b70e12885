/** A reported image's thumbnail (which may be missing: not processed, or gone), with its title as alt text. */
import type { Report } from '../../api/types.js';

export function imageLabel(image: Report['image']): string {
  return image.title.trim() === '' ? `Untitled image by ${image.owner.display_name}` : image.title;
}

export function ReportThumb({ image }: { image: Report['image'] }) {
  if (image.thumbnail_url === null) return <span class="mod-thumb mod-thumb-none">No preview</span>;
  return <img class="mod-thumb" src={image.thumbnail_url} alt={imageLabel(image)} loading="lazy" decoding="async" />;
}
