/**
 * A responsive grid of image cards: `small` by default, `medium` for wider cells or dense screens (srcset).
 * Tab reaches the cards in order; arrow keys, Home and End move between them as on screen.
 */
import type { JSX } from 'preact';
import type { Image } from '../api/types.js';
import { isGridKey, nextIndex } from '../grid-keys.js';

function moveFocus(event: JSX.TargetedKeyboardEvent<HTMLUListElement>) {
  if (!isGridKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const cards = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.card'));
  const current = cards.indexOf(event.target as HTMLAnchorElement);
  if (current < 0) return;
  event.preventDefault();
  const boxes = cards.map((card) => {
    const rect = card.getBoundingClientRect();
    return { left: Math.round(rect.left), top: Math.round(rect.top) };
  });
  cards[nextIndex(boxes, current, event.key)]?.focus();
}

export function ImageGrid({ images }: { images: readonly Image[] }) {
  return (
    <ul class="grid" onKeyDown={moveFocus}>
      {images.map((image) => (
        <li key={image.id}>
          <ImageCard image={image} />
        </li>
      ))}
    </ul>
  );
}

export function altText(image: Image): string {
  return image.title.trim() === '' ? `Untitled image by ${image.owner.display_name}` : image.title;
}

function ImageCard({ image }: { image: Image }) {
  const { small, medium } = image.variants;
  const srcset = [small, medium].filter((v) => v !== undefined).map((v) => `${v.url} ${v.width}w`).join(', ');
  return (
    <a class="card" href={`/images/${image.id}`}>
      {small ? (
        <img
          src={small.url}
          srcset={srcset}
          sizes="(max-width: 600px) 50vw, (max-width: 1200px) 33vw, 25vw"
          width={small.width}
          height={small.height}
          alt={altText(image)}
          loading="lazy"
          decoding="async"
        />
      ) : (
        <span class="placeholder">{altText(image)}</span>
      )}
      <span class="card-title">{image.title}</span>
    </a>
  );
}
