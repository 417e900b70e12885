/**
 * A justified grid of image cards (rows of equal height that fill the width, as Flickr lays them out):
 * `small` by default, `medium` for wide cards or dense screens (srcset). Tab reaches the cards in order;
 * arrow keys, Home and End move between them as on screen.
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
    <ul class="grid justified" onKeyDown={moveFocus}>
      {images.map((image) => (
        // The ratio drives the card's share of its row (styles.css, .justified); set through the CSSOM,
        // which the CSP allows (a style attribute in markup it would not).
        <li key={image.id} style={{ '--ratio': String(cardRatio(image)) }}>
          <ImageCard image={image} />
        </li>
      ))}
    </ul>
  );
}

export function altText(image: Image): string {
  return image.title.trim() === '' ? `Untitled image by ${image.owner.display_name}` : image.title;
}

/** Width over height, kept between 1:2 and 3:1 so a panorama or a strip cannot take a whole row alone. */
export function cardRatio(image: Image): number {
  const ratio = image.height > 0 ? image.width / image.height : 1;
  return Math.round(Math.min(3, Math.max(0.5, ratio)) * 1000) / 1000;
}

function ImageCard({ image }: { image: Image }) {
  const { small, medium } = image.variants;
  const srcset = [small, medium].filter((v) => v !== undefined).map((v) => `${v.url} ${v.width}w`).join(', ');
  // About the width the card gets in its row (row height × ratio, plus what the row stretches it by).
  const ratio = cardRatio(image);
  return (
    <a class="card" href={`/images/${image.id}`}>
      {small ? (
        <img
          src={small.url}
          srcset={srcset}
          sizes={`(max-width: 600px) ${Math.round(ratio * 150)}px, ${Math.round(ratio * 300)}px`}
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
