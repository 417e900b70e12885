/**
 * One card of My images: the thumbnail links to the image page; the checkbox sits beside the link (not inside
 * it), so ticking it never opens the image, and it is labelled with the image's title.
 */
import type { Image } from '../api/types.js';
import { altText } from './image-grid.js';
import { OwnerThumbnail } from './my-thumbnail.js';
import { VisibilityBadge } from './my-visibility-badge.js';

export interface SelectableCardProps {
  readonly image: Image;
  readonly selected: boolean;
  readonly onToggle: (id: string, selected: boolean) => void;
}

export function SelectableCard({ image, selected, onToggle }: SelectableCardProps) {
  const checkboxId = `select-${image.id}`;
  return (
    <li class={selected ? 'my-item selected' : 'my-item'} data-id={image.id}>
      <a class="card" href={`/images/${image.id}`}>
        <OwnerThumbnail image={image} />
        <span class="card-title">{image.title}</span>
      </a>
      <span class="select-box">
        <input id={checkboxId} type="checkbox" checked={selected} onChange={(e) => onToggle(image.id, e.currentTarget.checked)} />
        <label for={checkboxId} class="visually-hidden">
          Select {altText(image)}
        </label>
      </span>
      <VisibilityBadge visibility={image.visibility} />
    </li>
  );
}
